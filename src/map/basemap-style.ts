import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { loadCounties, loadStates, loadWorld } from './basemap-data';
import { FONT_FACES, FONT_REGULAR, FONT_SEMIBOLD } from './fonts';

/**
 * The built-in base map: no tiles, no glyph server, nothing from the internet. Muted on purpose
 * (grey land, near-white water, thin borders) so that the coloured account dots are what the eye
 * finds first. Text is drawn by the browser from the fonts in FONT_FACES: the style has no
 * `glyphs` URL, which in MapLibre 6 means "render labels locally".
 */

export const BASEMAP_COLORS = {
  water: '#f2f5f7',
  worldLand: '#e6e6e2',
  usLand: '#dededa',
  worldBorder: '#bdbdb6',
  usOutline: '#b3b3ac',
  stateBorder: '#a3a39c',
  countyBorder: '#c9c9c3',
  stateLabel: '#8f8f88',
  cityLabel: '#4b4b47',
  cityDot: '#6b6b66',
  halo: 'rgba(246, 246, 243, 0.9)',
} as const;

/** Source ids of the built-in base map; their data arrives after the style (see loadBasemapData). */
export const BASEMAP_SOURCES = ['world-land', 'world-borders', 'us-land', 'us-states', 'us-outline', 'us-state-labels', 'us-counties', 'cities'] as const;

/** The label layer account layers go beneath, so city names stay readable over dense dots. */
export const CITY_LABEL_LAYERS = ['city-labels-minor', 'city-labels-mid', 'city-labels-major'] as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const C = BASEMAP_COLORS;

export interface BasemapOptions {
  /** where public/data/cities.json is served; default: next to the page (import.meta.env.BASE_URL) */
  citiesUrl?: string;
}

export function defaultCitiesUrl(): string {
  const base = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
  // The map's worker fetches it, and a worker resolves relative URLs against its own script.
  return new URL(`${import.meta.env.BASE_URL ?? '/'}data/cities.json`, base).href;
}

export function basemapStyle(opts: BasemapOptions = {}): StyleSpecification {
  const geojson = (maxzoom = 12) => ({ type: 'geojson' as const, data: EMPTY, maxzoom, tolerance: 0.45 });
  return {
    version: 8,
    name: 'Territory Planner (offline)',
    'font-faces': FONT_FACES,
    sources: {
      'world-land': geojson(8),
      'world-borders': geojson(8),
      'us-land': geojson(),
      'us-states': geojson(),
      'us-outline': geojson(),
      'us-state-labels': geojson(),
      'us-counties': geojson(),
      cities: { type: 'geojson', data: opts.citiesUrl ?? defaultCitiesUrl() },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': C.water } },
      { id: 'world-land', type: 'fill', source: 'world-land', paint: { 'fill-color': C.worldLand, 'fill-antialias': false } },
      { id: 'us-land', type: 'fill', source: 'us-land', paint: { 'fill-color': C.usLand, 'fill-antialias': false } },
      {
        id: 'us-county-borders',
        type: 'line',
        source: 'us-counties',
        minzoom: 5,
        paint: {
          'line-color': C.countyBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.3, 9, 0.8],
          'line-opacity': ['interpolate', ['linear'], ['zoom'], 5, 0, 6, 1],
        },
      },
      {
        id: 'world-borders',
        type: 'line',
        source: 'world-borders',
        paint: { 'line-color': C.worldBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 8, 1.2] },
      },
      {
        id: 'us-outline',
        type: 'line',
        source: 'us-outline',
        paint: { 'line-color': C.usOutline, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 8, 1.2] },
      },
      {
        id: 'us-state-borders',
        type: 'line',
        source: 'us-states',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': C.stateBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 6, 1.1, 10, 1.8] },
      },
      {
        id: 'us-state-labels',
        type: 'symbol',
        source: 'us-state-labels',
        minzoom: 3.5,
        maxzoom: 8,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_SEMIBOLD,
          'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 7, 13],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.12,
          'text-max-width': 8,
          'text-padding': 4,
        },
        paint: { 'text-color': C.stateLabel, 'text-halo-color': C.halo, 'text-halo-width': 1 },
      },
      ...cityLabels(),
    ],
  };
}

/**
 * Three tiers, so a country view shows a dozen metropolises and not three hundred names: big
 * cities from zoom 3, large ones from 5, the rest of the ≥100,000 set from 6.5. The biggest
 * tier is the top layer, which MapLibre places first when labels collide.
 */
function cityLabels(): LayerSpecification[] {
  const tier = (id: string, minzoom: number, filter: FilterSpecification, size: [number, number]): LayerSpecification => ({
    id,
    type: 'symbol',
    source: 'cities',
    minzoom,
    filter,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT_REGULAR,
      'text-size': ['interpolate', ['linear'], ['zoom'], minzoom, size[0], 10, size[1]],
      'symbol-sort-key': ['get', 'rank'],
      // On the city when there is room; beside it when an account cluster's count is in the way.
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
      'text-radial-offset': ['step', ['zoom'], 1.6, 8, 1],
      'text-max-width': 9,
      'text-padding': 3,
    },
    paint: { 'text-color': C.cityLabel, 'text-halo-color': C.halo, 'text-halo-width': 1.4, 'text-halo-blur': 0.5 },
  });
  const pop: ExpressionSpecification = ['get', 'population'];
  return [
    tier('city-labels-minor', 6.5, ['<', pop, 400_000], [11, 13]),
    tier('city-labels-mid', 5, ['all', ['>=', pop, 400_000], ['<', pop, 1_000_000]], [11, 14]),
    tier('city-labels-major', 3, ['>=', pop, 1_000_000], [12, 15]),
  ];
}

/** County borders show from zoom 5; their file (the largest) is fetched when the map gets close. */
const COUNTY_FETCH_ZOOM = 4.5;

/**
 * Fills the built-in base map's sources, each as soon as its file is ready; resolves when states
 * and countries are in. The county file waits until the map is zoomed in far enough to show
 * counties. Safe to call again after a style swap: converted data is kept for the page's lifetime.
 */
export async function loadBasemapData(map: MapLibreMap): Promise<void> {
  const set = (id: string, data: FeatureCollection) => (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
  const countiesWanted = new Promise<void>((resolve) => {
    if (map.getZoom() >= COUNTY_FETCH_ZOOM) return resolve();
    const check = () => {
      if (map.getZoom() < COUNTY_FETCH_ZOOM) return;
      map.off('zoomend', check);
      resolve();
    };
    map.on('zoomend', check);
  });
  countiesWanted
    .then(loadCounties)
    .then((c) => set('us-counties', c.borders))
    .catch((e: unknown) => console.warn('County borders could not be loaded', e));
  await Promise.all([
    loadStates().then((s) => {
      set('us-land', s.land);
      set('us-states', s.borders);
      set('us-outline', s.outline);
      set('us-state-labels', s.labels);
    }),
    loadWorld().then((w) => {
      set('world-land', w.land);
      set('world-borders', w.borders);
    }),
  ]);
}

/** Whether a style is this module's, i.e. needs loadBasemapData after it is set. */
export function isBasemapStyle(style: StyleSpecification | string): style is StyleSpecification {
  return typeof style !== 'string' && 'us-land' in style.sources;
}

/**
 * A style the user chose by URL (their own tile server, a MapTiler or Stadia key...), checked to be
 * an http(s) URL. It replaces the built-in base map; the account layers go on top either way.
 */
export function remoteStyle(url: string): string {
  const u = new URL(url.trim(), typeof document !== 'undefined' ? document.baseURI : undefined);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`A map style URL must start with https:// or http:// (got ${u.protocol})`);
  return u.href;
}

/** The style to use: the user's URL when set, the built-in offline base map otherwise. */
export function chooseStyle(styleUrl?: string | null, opts?: BasemapOptions): StyleSpecification | string {
  return styleUrl && styleUrl.trim() ? remoteStyle(styleUrl) : basemapStyle(opts);
}
