/**
 * GeoJSON cells → the shipped TopoJSON: shared arcs (topojson-server), a light simplification of
 * the long county-border and coastline arcs (topojson-simplify), then quantized integer deltas.
 */
import { topology } from 'topojson-server';
import { filter, presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPoly } from './geometry';

export interface AreaFeature<P> {
  id: string;
  properties: P;
  geometry: MultiPoly;
}

export interface TopologyOptions {
  /** grid steps per axis over the layer's bounding box */
  quantization: number;
  /** planar triangle area in degrees²: interior points of smaller weight are dropped */
  minWeight: number;
}

type Weighted = [number, number, number];
/** topojson-simplify's typings want property-less objects; the properties ride along untouched */
type PlainTopology = Parameters<typeof filter>[0];

/**
 * Simplification may thin an arc down to its two endpoints; a ring made of one or two such arcs
 * would then have no area left. Each arc therefore keeps its heaviest interior point, and a closed
 * arc (an island ring on its own) its two heaviest, so every ring keeps at least three corners.
 */
function keepRingsOpen(arcs: Weighted[][]): void {
  for (const arc of arcs) {
    if (arc.length < 3) continue;
    const interior = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
    const first = arc[0];
    const last = arc[arc.length - 1];
    const closed = first[0] === last[0] && first[1] === last[1];
    for (const p of interior.slice(0, closed ? 2 : 1)) p[2] = Infinity;
  }
}

/**
 * Twice the signed area of a ring of a quantized topology, in grid units: exact integer arithmetic,
 * so a ring that quantization flattened (a sliver narrower than one grid step) is exactly 0.
 */
function quantizedRingArea2(topo: Topology, ring: number[]): number {
  let area = 0;
  let first: [number, number] | undefined;
  let prev: [number, number] | undefined;
  for (const a of ring) {
    const arc = topo.arcs[a < 0 ? ~a : a];
    const pts: [number, number][] = [];
    let x = 0;
    let y = 0;
    for (const p of arc) pts.push([(x += p[0]), (y += p[1])]);
    if (a < 0) pts.reverse();
    for (const p of pts) {
      if (prev) area += prev[0] * p[1] - p[0] * prev[1];
      else first = p;
      prev = p;
    }
  }
  if (first && prev) area += prev[0] * first[1] - first[0] * prev[1];
  return area;
}

/** Drops rings (and polygons whose exterior is such a ring) that quantization reduced to no area. */
function dropFlatRings(topo: PlainTopology): { topology: Topology; dropped: number } {
  let dropped = 0;
  const topology = filter(topo, (ring) => {
    const keep = quantizedRingArea2(topo, ring as unknown as number[]) !== 0;
    if (!keep) dropped++;
    return keep;
  }) as Topology;
  return { topology, dropped };
}

export function buildTopology<P extends GeoJSON.GeoJsonProperties>(
  objectName: string,
  features: readonly AreaFeature<P>[],
  opts: TopologyOptions,
): { topology: Topology<Record<string, GeometryCollection<P>>>; flatRingsDropped: number } {
  const fc: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.id,
      properties: f.properties,
      geometry: f.geometry.length === 1 ? { type: 'Polygon', coordinates: f.geometry[0] } : { type: 'MultiPolygon', coordinates: f.geometry },
    })),
  };
  // Quantizing first makes points that differ by float noise identical before arcs are matched.
  const shared = topology({ [objectName]: fc }, opts.quantization) as PlainTopology;
  const weighted = presimplify(shared);
  keepRingsOpen(weighted.arcs as unknown as Weighted[][]);
  const simplified = simplify(weighted, opts.minWeight);
  const { topology: out, dropped } = dropFlatRings(quantize(simplified, opts.quantization));
  return { topology: out as unknown as Topology<Record<string, GeometryCollection<P>>>, flatRingsDropped: dropped };
}
