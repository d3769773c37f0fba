/**
 * Checks that the shipped topology is usable for adjacency and outline merging: neighbours come
 * from shared arcs, so a cell whose borders failed to share arcs shows up as a lonely unit, and
 * unshared coincident edges show up as extra "outer" arc length.
 */
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface NeighbourStats {
  geometries: number;
  /** geometries with no neighbour other than themselves */
  isolated: number;
  isolatedIds: string[];
  meanNeighbours: number;
  maxNeighbours: number;
}

export function neighbourStats(topo: Topology, objectName: string): NeighbourStats {
  const geoms = (topo.objects[objectName] as GeometryCollection).geometries;
  const nb = neighbors(geoms);
  let isolated = 0;
  let total = 0;
  let max = 0;
  const isolatedIds: string[] = [];
  nb.forEach((list, i) => {
    const n = list.filter((j) => j !== i).length;
    total += n;
    if (n > max) max = n;
    if (n === 0) {
      isolated++;
      isolatedIds.push(String(geoms[i].id));
    }
  });
  return { geometries: geoms.length, isolated, isolatedIds, meanNeighbours: total / geoms.length, maxNeighbours: max };
}

/**
 * Total length (degrees, planar) of arcs used by exactly one ring: the outline of the whole layer.
 * Compared with the same figure for the county layer it tells whether inner edges really are shared.
 */
export function outerArcLength(topo: Topology, objectName: string): number {
  const uses = new Uint32Array(topo.arcs.length);
  const count = (arcs: number[]) => {
    for (const a of arcs) uses[a < 0 ? ~a : a]++;
  };
  for (const g of (topo.objects[objectName] as GeometryCollection).geometries) {
    if (g.type === 'Polygon') g.arcs.forEach(count);
    else if (g.type === 'MultiPolygon') g.arcs.forEach((p) => p.forEach(count));
  }
  const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
  let length = 0;
  topo.arcs.forEach((arc, i) => {
    if (uses[i] !== 1) return;
    let x = 0;
    let y = 0;
    arc.forEach((p, j) => {
      // quantized arcs are delta-encoded
      const [nx, ny] = topo.transform ? [x + p[0], y + p[1]] : [p[0], p[1]];
      if (j > 0) length += Math.hypot((nx - x) * sx, (ny - y) * sy);
      x = nx;
      y = ny;
    });
  });
  return length;
}
