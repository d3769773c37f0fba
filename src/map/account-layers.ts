import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { CLUSTER_RADIUS_STOPS, DEFAULT_RADIUS_PX, EMPTY_COLOR, radiusScale, shortCount, type RadiusScale } from '../core/view/palette';
import type { ViewFeature } from '../core/view/types';
import { FONT_SEMIBOLD } from './fonts';

/**
 * The accounts on the map. They never go into MapLibre all at once: the view worker answers each
 * view with a few thousand clusters and points (ViewFeature), and setAccountData swaps them into
 * one small GeoJSON source. Colours come from the legend (colorsByCode), sizes from the revenue
 * scale; both are plain paint properties, so changing them never re-sends the data.
 */

export const ACCOUNT_SOURCE = 'accounts';
export const ACCOUNT_LAYERS = {
  heatmap: 'accounts-heatmap',
  clusters: 'accounts-clusters',
  clusterCounts: 'accounts-cluster-counts',
  points: 'accounts-points',
  selected: 'accounts-selected',
} as const;

export type AccountDisplay = 'dots' | 'heatmap-count' | 'heatmap-revenue';

export interface AccountFeatureProps {
  kind: 'cluster' | 'point';
  count: number;
  /** null when the account has no revenue */
  revenue: number | null;
  colorCode: number;
  /** table row, -1 for clusters */
  index: number;
  /** abbreviated count for the cluster label */
  label: string;
  /** heatmap weights, 0…1 relative to the largest feature of this view */
  wCount: number;
  wRevenue: number;
}

const isCluster: ExpressionSpecification = ['==', ['get', 'kind'], 'cluster'];
const isPoint: ExpressionSpecification = ['==', ['get', 'kind'], 'point'];

/** Points get their table row as feature id, so the page can use feature-state and click handlers. */
export function featuresToGeoJSON(features: readonly ViewFeature[]): FeatureCollection<Point, AccountFeatureProps> {
  let maxCount = 1;
  let maxRevenue = 0;
  for (const f of features) {
    if (f.count > maxCount) maxCount = f.count;
    if (f.revenue > maxRevenue) maxRevenue = f.revenue;
  }
  return {
    type: 'FeatureCollection',
    features: features.map((f): Feature<Point, AccountFeatureProps> => {
      const revenue = Number.isNaN(f.revenue) ? null : f.revenue;
      return {
        type: 'Feature',
        ...(f.kind === 'point' ? { id: f.index } : {}),
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        properties: {
          kind: f.kind,
          count: f.count,
          revenue,
          colorCode: f.colorCode,
          index: f.index,
          label: f.kind === 'cluster' ? shortCount(f.count) : '',
          wCount: f.count / maxCount,
          wRevenue: maxRevenue > 0 ? (revenue ?? 0) / maxRevenue : 0,
        },
      };
    }),
  };
}

/** circle-color for a code → colour table (index = code), e.g. colorsByCode(colorBy, labels). */
export function colorExpression(colors: readonly string[]): ExpressionSpecification | string {
  if (colors.length === 0) return EMPTY_COLOR;
  const pairs = colors.flatMap((c, code) => [code, c]);
  return ['match', ['get', 'colorCode'], ...pairs, EMPTY_COLOR] as unknown as ExpressionSpecification;
}

/** The dot radius of palette.revenueRadius as a MapLibre expression (area ∝ revenue). */
export function revenueRadiusExpression(s: RadiusScale): ExpressionSpecification {
  const share: ExpressionSpecification = ['min', 1, ['/', ['max', 0, ['coalesce', ['get', 'revenue'], 0]], s.maxRevenue]];
  return ['+', s.minPx, ['*', s.maxPx - s.minPx, ['sqrt', share]]];
}

/** palette.clusterRadius as an expression. */
export function clusterRadiusExpression(): ExpressionSpecification {
  const stops = CLUSTER_RADIUS_STOPS.flatMap(([count, px]) => [Math.log10(count), px]);
  return ['interpolate', ['linear'], ['log10', ['max', 2, ['get', 'count']]], ...stops] as unknown as ExpressionSpecification;
}

export interface AccountLayerOptions {
  /** layer to insert the dots beneath; default: the built-in base map's city labels when present. Cluster counts go on top unless this is given. */
  beforeId?: string;
  colors?: readonly string[];
  radius?: RadiusScale;
}

/** Adds the 'accounts' source and its layers. Call after the style has loaded (and again after a style swap without transformStyle). */
export function addAccountLayers(map: MapLibreMap, opts: AccountLayerOptions = {}): void {
  if (map.getSource(ACCOUNT_SOURCE)) return;
  const before = opts.beforeId ?? ['city-labels-minor'].find((id) => map.getLayer(id));
  const color = colorExpression(opts.colors ?? []);
  map.addSource(ACCOUNT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, buffer: 64, tolerance: 0 });
  map.addLayer(
    {
      id: ACCOUNT_LAYERS.heatmap,
      type: 'heatmap',
      source: ACCOUNT_SOURCE,
      layout: { visibility: 'none' },
      paint: {
        'heatmap-weight': ['get', 'wCount'],
        // Clusters are one grid cell (60 px) apart at every zoom: kernels of about that radius
        // overlap into a continuous surface instead of a field of separate blobs.
        'heatmap-radius': 45,
        'heatmap-intensity': 1.6,
        'heatmap-opacity': 0.85,
        // Sequential yellow-orange-red: lightness runs one way, readable with any colour vision.
        'heatmap-color': [
          'interpolate',
          ['linear'],
          ['heatmap-density'],
          0, 'rgba(255, 255, 178, 0)',
          0.1, 'rgba(254, 217, 118, 0.7)',
          0.3, '#feb24c',
          0.5, '#fd8d3c',
          0.7, '#f03b20',
          1, '#bd0026',
        ],
      },
    },
    before,
  );
  map.addLayer(
    {
      id: ACCOUNT_LAYERS.clusters,
      type: 'circle',
      source: ACCOUNT_SOURCE,
      filter: isCluster,
      paint: {
        'circle-color': color,
        'circle-radius': clusterRadiusExpression(),
        'circle-opacity': 0.82,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.95,
      },
    },
    before,
  );
  map.addLayer(
    {
      id: ACCOUNT_LAYERS.points,
      type: 'circle',
      source: ACCOUNT_SOURCE,
      filter: isPoint,
      // Big accounts first, so small ones are drawn on top of them and not hidden.
      layout: { 'circle-sort-key': ['-', 0, ['coalesce', ['get', 'revenue'], 0]] },
      paint: {
        'circle-color': color,
        'circle-radius': revenueRadiusExpression(opts.radius ?? radiusScale(1, DEFAULT_RADIUS_PX)),
        'circle-opacity': 0.9,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.2],
      },
    },
    before,
  );
  map.addLayer(
    {
      id: ACCOUNT_LAYERS.selected,
      type: 'circle',
      source: ACCOUNT_SOURCE,
      filter: ['==', ['get', 'index'], -2],
      paint: {
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-radius': ['+', 4, revenueRadiusExpression(opts.radius ?? radiusScale(1, DEFAULT_RADIUS_PX))],
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 2,
      },
    },
    before,
  );
  // Counts go above everything, city names included: MapLibre places the top layer's labels
  // first, so a city name that would collide with a count is hidden rather than printed over it.
  map.addLayer(
    {
      id: ACCOUNT_LAYERS.clusterCounts,
      type: 'symbol',
      source: ACCOUNT_SOURCE,
      filter: isCluster,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_SEMIBOLD,
        'text-size': ['interpolate', ['linear'], ['log10', ['max', 2, ['get', 'count']]], 0.3, 10, 5, 13],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff', 'text-halo-color': 'rgba(0, 0, 0, 0.45)', 'text-halo-width': 1.1 },
    },
    opts.beforeId,
  );
}

export function setAccountData(map: MapLibreMap, features: readonly ViewFeature[]): void {
  (map.getSource(ACCOUNT_SOURCE) as GeoJSONSource | undefined)?.setData(featuresToGeoJSON(features));
}

/** Recolours clusters and points; `colors[code]` as from colorsByCode(colorBy, labels). */
export function setAccountColors(map: MapLibreMap, colors: readonly string[]): void {
  const c = colorExpression(colors);
  if (map.getLayer(ACCOUNT_LAYERS.clusters)) map.setPaintProperty(ACCOUNT_LAYERS.clusters, 'circle-color', c);
  if (map.getLayer(ACCOUNT_LAYERS.points)) map.setPaintProperty(ACCOUNT_LAYERS.points, 'circle-color', c);
}

/** Dot sizes; pass radiusScale(summary.revenueP95). */
export function setRevenueScale(map: MapLibreMap, s: RadiusScale): void {
  if (map.getLayer(ACCOUNT_LAYERS.points)) map.setPaintProperty(ACCOUNT_LAYERS.points, 'circle-radius', revenueRadiusExpression(s));
  if (map.getLayer(ACCOUNT_LAYERS.selected)) map.setPaintProperty(ACCOUNT_LAYERS.selected, 'circle-radius', ['+', 4, revenueRadiusExpression(s)]);
}

/** Dots (clusters and points) or a heatmap weighted by account count or by revenue; never both. */
export function setAccountDisplay(map: MapLibreMap, display: AccountDisplay): void {
  if (!map.getLayer(ACCOUNT_LAYERS.heatmap)) return;
  const heat = display !== 'dots';
  map.setLayoutProperty(ACCOUNT_LAYERS.heatmap, 'visibility', heat ? 'visible' : 'none');
  if (heat) map.setPaintProperty(ACCOUNT_LAYERS.heatmap, 'heatmap-weight', ['get', display === 'heatmap-count' ? 'wCount' : 'wRevenue']);
  for (const id of [ACCOUNT_LAYERS.clusters, ACCOUNT_LAYERS.clusterCounts, ACCOUNT_LAYERS.points, ACCOUNT_LAYERS.selected]) {
    map.setLayoutProperty(id, 'visibility', heat ? 'none' : 'visible');
  }
}

/** Rings the account with this table row when it is drawn as a point; null clears the ring. */
export function setSelectedAccount(map: MapLibreMap, row: number | null): void {
  if (map.getLayer(ACCOUNT_LAYERS.selected)) map.setFilter(ACCOUNT_LAYERS.selected, ['==', ['get', 'index'], row ?? -2]);
}
