import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type LngLatBoundsLike,
  type MapOptions,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { ACCOUNT_LAYERS, ACCOUNT_SOURCE, addAccountLayers, type AccountLayerOptions } from './account-layers';
import { chooseStyle, isBasemapStyle, loadBasemapData, type BasemapOptions } from './basemap-style';
import { FONT_FACES } from './fonts';

/** The lower 48 states, the view a sales team starts from. */
export const CONTIGUOUS_US: LngLatBoundsLike = [
  [-124.8, 24.4],
  [-66.9, 49.4],
];

export const ATTRIBUTION = 'Boundaries: <a href="https://www.naturalearthdata.com/">Natural Earth</a>, US Census Bureau · Cities: GeoNames';

let workerUrlSet = false;

export interface CreateMapOptions extends BasemapOptions {
  container: HTMLElement | string;
  /** a remote style URL; empty or null = the built-in offline base map */
  styleUrl?: string | null;
  accountLayers?: AccountLayerOptions;
  /** extra MapLibre options (e.g. preserveDrawingBuffer for screenshots) */
  mapOptions?: Partial<MapOptions>;
}

/**
 * Creates the map, fitted to the contiguous US, with the account source and layers added once the
 * style is ready (listen for `map.once('load')` before setting account data). Rotation and pitch are
 * off: territories are read like a paper map.
 */
export function createMap(opts: CreateMapOptions): MapLibreMap {
  if (!workerUrlSet) {
    // MapLibre 6 is ESM-only and does not guess where its worker is; Vite bundles it and gives the URL.
    setWorkerUrl(workerUrl);
    workerUrlSet = true;
  }
  const style = chooseStyle(opts.styleUrl, opts);
  const map = new MapLibreMap({
    container: opts.container,
    style,
    bounds: CONTIGUOUS_US,
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: true, customAttribution: ATTRIBUTION },
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    transformStyle: carryOver,
    ...opts.mapOptions,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'imperial' }), 'bottom-left');
  map.once('style.load', () => {
    addAccountLayers(map, opts.accountLayers);
    if (isBasemapStyle(style)) void loadBasemapData(map);
  });
  return map;
}

/**
 * Switches between the built-in base map and a remote style, keeping the account source (with the
 * data it has) and its layers on top of the new style.
 */
export function setBasemap(map: MapLibreMap, styleUrl: string | null, opts: BasemapOptions = {}): void {
  const style = chooseStyle(styleUrl, opts);
  map.setStyle(style, { diff: false, transformStyle: carryOver });
  if (isBasemapStyle(style)) map.once('style.load', () => void loadBasemapData(map));
}

/**
 * What every style gets from us: our fonts, so cluster counts look the same on any base map (a
 * remote style's own `font-faces` win on a name clash), and, on a swap, the account source and
 * layers of the previous style.
 */
function carryOver(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  const fonts = { ...FONT_FACES, ...next['font-faces'] };
  if (!previous?.sources[ACCOUNT_SOURCE]) return { ...next, 'font-faces': fonts };
  const ours = previous.layers.filter((l) => 'source' in l && l.source === ACCOUNT_SOURCE);
  const dots = ours.filter((l) => l.id !== ACCOUNT_LAYERS.clusterCounts);
  const counts = ours.filter((l) => l.id === ACCOUNT_LAYERS.clusterCounts);
  // As addAccountLayers does: on the built-in map the dots sit beneath the city names; on a
  // remote style, whose label layers we do not know, on top. Counts always go last.
  const at = isBasemapStyle(next) ? next.layers.findIndex((l) => l.id === 'city-labels-minor') : -1;
  const base = at >= 0 ? [...next.layers.slice(0, at), ...dots, ...next.layers.slice(at)] : [...next.layers, ...dots];
  return {
    ...next,
    'font-faces': fonts,
    sources: { ...next.sources, [ACCOUNT_SOURCE]: previous.sources[ACCOUNT_SOURCE] },
    layers: [...base, ...counts],
  };
}
