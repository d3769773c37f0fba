import type { Position } from 'geojson';
import { unitsOutline } from '../units/outline';
import type { UnitLayer } from '../units/unit-layer';
import { repairShape } from './repair';
import { fail, type GeoResult, type ShapeGeometry } from './shape-types';

/** mapbox-gl-draw stays responsive while dragging vertices up to about this many per ring. */
export const EDITABLE_RING_VERTICES = 500;

/**
 * A unit territory (or any set of units) as an editable drawn outline: the units' merged outline
 * (units/outline.ts), each ring thinned to at most `maxVertices` points by Douglas–Peucker ranks
 * (the points that matter most for the shape stay), then checked by repairShape (thinning can make
 * a ring touch itself; that is repaired, a sliver island that thins to nothing is dropped).
 */
export function editableOutline(layer: UnitLayer, units: ArrayLike<number>, maxVertices = EDITABLE_RING_VERTICES): GeoResult<ShapeGeometry> {
  if (units.length === 0) return fail('No units to outline');
  const outline = unitsOutline(layer, units);
  if (outline.coordinates.length === 0) return fail('The units have no outline');
  const polys = outline.coordinates.map((p) => p.map((ring) => thinRing(ring, Math.max(4, maxVertices))));
  return repairShape({ type: 'MultiPolygon', coordinates: polys });
}

/**
 * At most `max` points of a closed ring (first = last), by Douglas–Peucker significance: every
 * interior point gets the distance at which DP would keep it (capped by its parent's, so ranks are
 * nested), and the `max - 1` most significant distinct points are kept, in order. Planar in
 * degrees with longitude scaled by cos(latitude), which is what the eye sees on a web map.
 */
export function thinRing(ring: Position[], max: number): Position[] {
  const n = ring.length - 1; // distinct points
  if (n + 1 <= max) return ring;
  const k = Math.cos((ring[0][1] * Math.PI) / 180) || 1;
  // split the closed ring at point 0 and the point farthest from it
  let far = 1;
  let farD = -1;
  for (let i = 1; i < n; i++) {
    const dx = (ring[i][0] - ring[0][0]) * k;
    const dy = ring[i][1] - ring[0][1];
    const d = dx * dx + dy * dy;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const sig = new Float64Array(n + 1);
  sig[0] = Infinity;
  sig[far] = Infinity;
  sig[n] = Infinity;
  const stack: [number, number, number][] = [
    [0, far, Infinity],
    [far, n, Infinity],
  ];
  while (stack.length > 0) {
    const [a, b, cap] = stack.pop()!;
    if (b - a < 2) continue;
    const ax = ring[a][0] * k;
    const ay = ring[a][1];
    const bx = ring[b][0] * k;
    const by = ring[b][1];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let best = a + 1;
    let bestD = -1;
    for (let i = a + 1; i < b; i++) {
      const px = ring[i][0] * k - ax;
      const py = ring[i][1] - ay;
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - t * dx;
        const ey = py - t * dy;
        d = ex * ex + ey * ey;
      }
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    const s = Math.min(cap, bestD);
    sig[best] = s;
    stack.push([a, best, s], [best, b, s]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => sig[j] - sig[i] || i - j);
  const keep = new Uint8Array(n);
  for (let i = 0; i < Math.min(max - 1, n); i++) keep[order[i]] = 1;
  const out: Position[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(ring[i]);
  out.push(out[0]);
  return out;
}
