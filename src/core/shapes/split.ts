import type { LineString, Position } from 'geojson';
import { polygonsAreaKm2 } from './area';
import { clipDifference, type Polys } from './clip';
import { PolygonPointIndex } from './point-index';
import { repairShape } from './repair';
import { fail, ok, polygonsOf, toGeometry, type GeoResult, type ShapeGeometry } from './shape-types';

/** Half-width of the cut, degrees (~5 mm): the pieces are separated by a slit of ~1 cm. */
export const CUT_HALF_WIDTH_DEG = 5e-8;

/**
 * Splits a shape along a drawn polyline into two or more pieces. The line must cross the shape
 * completely: it starts and ends outside it (a cut that stops inside would leave one piece with a
 * slit). The cut is the shape minus a strip of ±CUT_HALF_WIDTH_DEG around the line (polyclip-ts
 * difference), so the pieces are exact everywhere but along the cut, where a ~1 cm slit
 * separates them; an account exactly in the slit falls back to its unit's territory.
 *
 * Result: the pieces (each part of the result its own piece), largest first; a part of a
 * MultiPolygon the line does not touch is a piece of its own. splitShapeCommand (shape-commands.ts)
 * turns them into one undoable edit.
 */
export function splitShape(geometry: ShapeGeometry, line: LineString | Position[]): GeoResult<ShapeGeometry[]> {
  const pts = (Array.isArray(line) ? line : line.coordinates).filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (pts.length < 2) return fail('Draw a line of at least two points across the shape');
  const polys = polygonsOf(geometry);
  const index = new PolygonPointIndex([polys]);
  const [a, b] = [pts[0], pts[pts.length - 1]];
  if (index.itemTest(0, a[0], a[1]) !== 0 || index.itemTest(0, b[0], b[1]) !== 0) return fail('The line must start and end outside the shape, crossing it completely');
  const strip: Polys = [];
  for (let i = 1; i < pts.length; i++) {
    const q = segmentQuad(pts[i - 1], pts[i]);
    if (q) strip.push([q]);
  }
  if (strip.length === 0) return fail('The line has no length');
  const d = clipDifference(polys, strip);
  if (!d.ok) return fail(`The shape could not be split: ${d.error}`);
  const before = polygonsAreaKm2(polys);
  const pieces = d.value.filter((p) => polygonsAreaKm2([p]) > before * 1e-9);
  if (pieces.length < 2) return fail('The line does not cut the shape into pieces: it must cross it completely');
  pieces.sort((x, y) => polygonsAreaKm2([y]) - polygonsAreaKm2([x]));
  const out: ShapeGeometry[] = [];
  for (const p of pieces) {
    const r = repairShape(toGeometry([p]));
    if (r.ok) out.push(r.value);
  }
  if (out.length < 2) return fail('The line does not cut the shape into pieces that have area');
  return ok(out);
}

/** The rectangle around segment p→q, widened by the half-width on both sides and at both ends. */
function segmentQuad(p: Position, q: Position): Position[] | null {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return null;
  const h = CUT_HALF_WIDTH_DEG;
  const ux = (dx / len) * h;
  const uy = (dy / len) * h;
  // normal (-uy, ux)
  const ring: Position[] = [
    [p[0] - ux + uy, p[1] - uy - ux],
    [q[0] + ux + uy, q[1] + uy - ux],
    [q[0] + ux - uy, q[1] + uy + ux],
    [p[0] - ux - uy, p[1] - uy + ux],
  ];
  ring.push(ring[0]);
  return ring;
}
