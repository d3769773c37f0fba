import type { Position } from 'geojson';
import { kinks, polygon as turfPolygon } from '@turf/turf';
import { signedArea2, polygonsAreaKm2 } from './area';
import { clipUnion } from './clip';
import { fail, ok, toGeometry, type GeoResult, type ShapeGeometry } from './shape-types';

/** Shapes smaller than this (km²) are refused as degenerate: ~ a 3 m × 3 m square. */
export const MIN_SHAPE_AREA_KM2 = 1e-5;

/**
 * Checks a drawing and repairs what can be repaired safely; refuses the rest with a message for
 * the user. Never throws. Rules (docs/DRAWN-SHAPES.md):
 *
 * - input: a GeoJSON Polygon or MultiPolygon (or a Feature holding one); anything else is refused;
 * - coordinates must be finite numbers with latitude in [-90, 90]; otherwise refused;
 * - repeated consecutive points are dropped; an unclosed ring is closed;
 * - antimeridian: longitudes are made continuous along every ring (each step ≤ 180° of
 *   longitude, so a polygon drawn across 180° is not taken the long way round the globe), rings are
 *   moved by whole turns next to the first exterior, and the shape by whole turns so its west edge
 *   lies in [-180, 180);
 * - a ring with fewer than 3 distinct points or no area is degenerate: a degenerate hole is
 *   dropped, a degenerate part is dropped, a shape with nothing left is refused;
 * - self-intersection (turf `kinks`: a bow-tie, a figure eight, a hole crossing its exterior) and
 *   overlapping parts: replaced by the union of the shape with itself (polyclip-ts), which splits a
 *   bow-tie into its two triangles; refused if the clipping fails;
 * - winding: exteriors counter-clockwise, holes clockwise (RFC 7946).
 */
export function repairShape(input: unknown): GeoResult<ShapeGeometry> {
  const notes: string[] = [];
  const geom = geometryOf(input);
  if (!geom) return fail('A shape must be a polygon');
  const rawPolys: unknown[] = geom.type === 'Polygon' ? [geom.coordinates] : Array.isArray(geom.coordinates) ? geom.coordinates : [];
  if (rawPolys.length === 0) return fail('The shape is empty');

  let closed = 0;
  let droppedParts = 0;
  let droppedHoles = 0;
  const polys: Position[][][] = [];
  for (const rawPoly of rawPolys) {
    if (!Array.isArray(rawPoly) || rawPoly.length === 0) {
      droppedParts++;
      continue;
    }
    const rings: Position[][] = [];
    for (let r = 0; r < rawPoly.length; r++) {
      const ring = cleanRing(rawPoly[r]);
      if (typeof ring === 'string') return fail(ring);
      if (ring.closedIt) closed++;
      if (!ring.points) {
        if (r === 0) break;
        droppedHoles++;
        continue;
      }
      rings.push(ring.points);
    }
    if (rings.length === 0) droppedParts++;
    else polys.push(rings);
  }
  if (closed > 0) notes.push(`Closed ${closed === 1 ? 'an open ring' : `${closed} open rings`}`);
  if (droppedHoles > 0) notes.push(`Dropped ${droppedHoles} hole${droppedHoles === 1 ? '' : 's'} without area`);
  if (droppedParts > 0) notes.push(`Dropped ${droppedParts} part${droppedParts === 1 ? '' : 's'} without area`);
  if (polys.length === 0) return fail('The shape has no area: it needs at least 3 distinct points that are not on one line');

  if (unwrapLongitudes(polys)) notes.push('The shape crosses the antimeridian: longitudes continue past 180°');

  let out = polys.map((p) => p.map((ring, i) => wind(ring, i === 0)));
  if (crossesItself(out)) {
    const u = clipUnion(out);
    if (!u.ok) return fail(`The outline crosses itself and could not be repaired (${u.error})`);
    if (out.length === 1 || u.value.length !== out.length) {
      notes.push(out.length === 1 ? `The outline crossed itself: repaired into ${u.value.length} part${u.value.length === 1 ? '' : 's'}` : 'Overlapping parts were merged');
    }
    out = u.value.map((p) => p.map((ring, i) => wind(ring, i === 0)));
  }
  if (out.length === 0 || polygonsAreaKm2(out) < MIN_SHAPE_AREA_KM2) return fail('The shape has no area');
  return ok(toGeometry(out), notes);
}

function geometryOf(input: unknown): { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } | null {
  if (typeof input !== 'object' || input === null) return null;
  const o = input as { type?: unknown; geometry?: unknown; coordinates?: unknown };
  if (o.type === 'Feature') return geometryOf(o.geometry);
  if ((o.type === 'Polygon' || o.type === 'MultiPolygon') && Array.isArray(o.coordinates)) return { type: o.type, coordinates: o.coordinates };
  return null;
}

/** Finite points, duplicates dropped, closed; points null when degenerate; a string = refusal. */
function cleanRing(raw: unknown): { points: Position[] | null; closedIt: boolean } | string {
  if (!Array.isArray(raw)) return 'A ring of the shape is not a list of points';
  const pts: Position[] = [];
  for (const p of raw) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return 'The shape has a point without valid coordinates';
    if (p[1] < -90 || p[1] > 90) return `Latitude ${p[1]} is outside -90..90`;
    const last = pts[pts.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    pts.push([p[0], p[1]]);
  }
  let closedIt = false;
  if (pts.length > 0) {
    const a = pts[0];
    const b = pts[pts.length - 1];
    if (a[0] === b[0] && a[1] === b[1]) pts.pop();
    else if (pts.length >= 3) closedIt = true;
  }
  const distinct = new Set(pts.map((p) => `${p[0]},${p[1]}`)).size;
  if (distinct < 3) return { points: null, closedIt: false };
  pts.push([pts[0][0], pts[0][1]]);
  // a bow-tie's signed area can be 0 too: degenerate means every point on one line
  if (allOnOneLine(pts)) return { points: null, closedIt: false };
  return { points: pts, closedIt };
}

function allOnOneLine(pts: Position[]): boolean {
  const [ax, ay] = pts[0];
  let k = 1;
  while (k < pts.length && pts[k][0] === ax && pts[k][1] === ay) k++;
  if (k === pts.length) return true;
  const dx = pts[k][0] - ax;
  const dy = pts[k][1] - ay;
  for (let i = k + 1; i < pts.length; i++) if (dx * (pts[i][1] - ay) - dy * (pts[i][0] - ax) !== 0) return false;
  return true;
}

/** Makes longitudes continuous; true when any point moved. Mutates the rings. */
function unwrapLongitudes(polys: Position[][][]): boolean {
  let moved = false;
  const ref = polys[0][0][0][0];
  for (const poly of polys) {
    for (const ring of poly) {
      // the ring as a whole next to the shape's first point
      const k = Math.round((ref - ring[0][0]) / 360);
      if (k !== 0) {
        ring[0][0] += 360 * k;
        moved = true;
      }
      for (let i = 1; i < ring.length; i++) {
        const d = ring[i][0] - ring[i - 1][0];
        if (d > 180 || d < -180) {
          ring[i][0] -= 360 * Math.round(d / 360);
          moved = true;
        }
      }
    }
  }
  let west = Infinity;
  for (const poly of polys) for (const p of poly[0]) if (p[0] < west) west = p[0];
  const shift = west >= 180 ? -360 * Math.floor((west + 180) / 360) : west < -180 ? 360 * Math.ceil((-180 - west) / 360) : 0;
  if (shift !== 0) for (const poly of polys) for (const ring of poly) for (const p of ring) p[0] += shift;
  return moved;
}

function wind(ring: Position[], exterior: boolean): Position[] {
  const ccw = signedArea2(ring) > 0;
  return ccw === exterior ? ring : ring.slice().reverse();
}

/** A ring crosses itself or another ring, or two parts overlap (one inside the other, or crossing). */
function crossesItself(polys: Position[][][]): boolean {
  try {
    if (polys.some((p) => kinks(turfPolygon(p)).features.length > 0)) return true;
    const boxes = polys.map((p) => ringBox(p[0]));
    for (let i = 0; i < polys.length; i++) {
      for (let j = i + 1; j < polys.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
        if (kinks({ type: 'MultiPolygon', coordinates: [polys[i], polys[j]] }).features.length > 0) return true;
        if (inRing(polys[j][0], polys[i][0][0]) || inRing(polys[i][0], polys[j][0][0])) return true;
      }
    }
    return false;
  } catch {
    return true;
  }
}

function ringBox(ring: Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of ring) {
    if (p[0] < w) w = p[0];
    if (p[0] > e) e = p[0];
    if (p[1] < s) s = p[1];
    if (p[1] > n) n = p[1];
  }
  return [w, s, e, n];
}

function inRing(ring: Position[], p: Position): boolean {
  let inside = false;
  const [x, y] = p;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const yi = ring[i][1];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((ring[j][0] - ring[i][0]) * (y - yi)) / (yj - yi) + ring[i][0]) inside = !inside;
  }
  return inside;
}
