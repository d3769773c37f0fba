import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Polygon } from 'geojson';

const SOURCE = 'problem-areas';
const FILL = 'problem-areas-fill';
const LINE = 'problem-areas-line';

/**
 * Overlaps between territories (red) and holes between drawn shapes (amber), drawn over everything
 * so they stand out while the user decides what to do with them; null hides them.
 */
export function setProblemAreas(map: MapLibreMap, areas: FeatureCollection<Polygon, { kind: 'overlap' | 'hole'; label: string }> | null): void {
  const data = areas ?? { type: 'FeatureCollection', features: [] };
  const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
  if (source) {
    source.setData(data);
    return;
  }
  if (!areas) return;
  map.addSource(SOURCE, { type: 'geojson', data });
  const color = ['match', ['get', 'kind'], 'overlap', '#d62728', '#e69f00'];
  map.addLayer({ id: FILL, type: 'fill', source: SOURCE, paint: { 'fill-color': color as never, 'fill-opacity': 0.45 } });
  map.addLayer({ id: LINE, type: 'line', source: SOURCE, paint: { 'line-color': color as never, 'line-width': 2, 'line-dasharray': [2, 1] } });
}
