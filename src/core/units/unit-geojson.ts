import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { UnitLayer } from './unit-layer';

/**
 * A layer's units as GeoJSON text for the map: feature id = unit index (what feature-state is keyed
 * by), properties { id, name }. Made in a worker and handed to MapLibre as a blob URL, so neither
 * the conversion nor a structured clone of 33,000 polygons runs on the page.
 */
export function unitLayerGeoJSON(layer: UnitLayer): FeatureCollection<Geometry, { id: string; name: string }> {
  const features: Feature<Geometry, { id: string; name: string }>[] = layer.geometries.map((g, i) => ({
    ...(feature(layer.topology, g) as Feature<Geometry>),
    id: i,
    properties: { id: layer.ids[i], name: layer.names[i] },
  }));
  return { type: 'FeatureCollection', features };
}
