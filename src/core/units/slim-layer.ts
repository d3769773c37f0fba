import type { UnitLayer } from './unit-layer';

/**
 * A layer as the page gets it from the worker that built it: every figure, index and ring, but not
 * the TopoJSON it came from. Cloning 800,000 little coordinate arrays would cost the page about
 * what parsing them does; everything the page does with a layer (painting, outlines, figures,
 * exports) reads the typed arrays instead, and the map's GeoJSON is made in the worker too.
 */
export function withoutTopology<L extends UnitLayer>(layer: L): L {
  return { ...layer, topology: { type: 'Topology', objects: {}, arcs: [] }, geometries: [] };
}

/** True for a layer that still has its TopoJSON (built on this thread, or the user's own). */
export const hasTopology = (layer: UnitLayer): boolean => layer.geometries.length === layer.count;
