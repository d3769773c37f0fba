import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { UnitLayer } from './unit-layer';

/**
 * A layer's units as GeoJSON text for the map: feature id = unit index (what feature-state is keyed
 * by), properties { id, name }. Made in the shapes worker, so converting 33,000 polygons from
 * the topology never runs on the page.
 */
export function unitLayerGeoJSON(layer: UnitLayer): FeatureCollection<Geometry, { id: string; name: string }> {
  const features: Feature<Geometry, { id: string; name: string }>[] = layer.geometries.map((g, i) => {
    const f = feature(layer.topology, g) as Feature<Geometry>;
    return { type: 'Feature', geometry: f.geometry && roundGeometry(f.geometry), id: i, properties: { id: layer.ids[i], name: layer.names[i] } };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * Five decimals (about a metre) are finer than any map zoom shows a unit at and make the text the
 * map parses about a third smaller than the full doubles decoded from the topology.
 */
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
const roundRing = (ring: number[][]) => ring.map((p) => [round5(p[0]), round5(p[1])]);

function roundGeometry(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(roundRing) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundRing)) };
  return g;
}
