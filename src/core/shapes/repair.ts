import type { Geometry, Position } from 'geojson';
import { repairGeometry } from '../import/layer-repair';
import { polygonsAreaKm2 } from './area';
import { clipUnion } from './clip';
import { fail, ok, polygonsOf, toGeometry, type GeoResult, type ShapeGeometry } from './shape-types';

/** Shapes smaller than this (km²) are refused as degenerate: ~ a 3 m × 3 m square. */
export const MIN_SHAPE_AREA_KM2 = 1e-5;

/**
 * Checks a drawing and repairs what can be repaired safely; refuses the rest with a message for
 * the user. Never throws. The polygon rules are the layer import's (import/layer-repair.ts
 * `repairGeometry`, one definition of a clean polygon in the app); drawing adds the antimeridian
 * and the checks the import leaves out. Rules (docs/DRAWN-SHAPES.md):
 *
 * - input: a GeoJSON Polygon or MultiPolygon (or a Feature holding one); anything else is refused;
 * - coordinates must be finite numbers with latitude in [-90, 90]; otherwise refused;
 * - antimeridian: longitudes are made continuous along every ring (each step ≤ 180° of
 *   longitude, so a polygon drawn across 180° is not taken the long way round the globe), rings are
 *   moved by whole turns next to the first exterior, and the shape by whole turns so its west edge
 *   lies in [-180, 180);
 * - repeated points dropped, unclosed rings closed; a ring with fewer than 3 distinct points or no
 *   area is left out (a hole), or its polygon is (an exterior); nothing left → refused;
 * - self-intersection (found with turf `kinks`; booleanValid passes a bow-tie): rebuilt by
 *   polyclip-ts union when that keeps the area (a bow-tie becomes its two triangles), refused when
 *   it would not (a loop drawn over itself: which part is meant is ambiguous);
 * - parts that cross, or one part inside another: merged by union;
 * - winding: exteriors counter-clockwise, holes clockwise (RFC 7946), silently;
 * - area below MIN_SHAPE_AREA_KM2: refused.
 */
export function repairShape(input: unknown): GeoResult<ShapeGeometry> {
  try {
    return repair(input);
  } catch (e) {
    return fail(`The shape could not be checked: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function repair(input: unknown): GeoResult<ShapeGeometry> {
  const geom = geometryOf(input);
  if (!geom) return fail('A shape must be a polygon');
  const read = readPolygons(geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates);
  if (typeof read === 'string') return fail(read);
  const polys = read;
  if (polys.length === 0 || polys.every((p) => p.length === 0 || p[0].length === 0)) return fail('The shape is empty');
  const notes: string[] = [];
  if (unwrapLongitudes(polys)) notes.push('The shape crosses the antimeridian: longitudes continue past 180°');

  // the import's repair wants longitudes within ±180: a shape across 180° is moved by half a turn
  // for it and back. Both moves are exact in floating point for longitudes in [90, 360] (Sterbenz).
  let west = Infinity;
  let east = -Infinity;
  for (const p of polys) for (const r of p) for (const q of r) [west, east] = [Math.min(west, q[0]), Math.max(east, q[0])];
  const shift = east > 180 ? -180 : 0;
  if (east + shift > 180 || west + shift < -180) return fail('The shape is wider than half the globe');
  const moved = shift === 0 ? polys : polys.map((p) => p.map((r) => r.map((q) => [q[0] + shift, q[1]])));

  const r = repairGeometry({ type: 'MultiPolygon', coordinates: moved } as Geometry, { reportWinding: false });
  if (!r.geometry) return fail(r.problems.map((p) => p.message).join(' ') || 'The shape has no area');
  notes.push(...r.problems.map((p) => p.message));
  let out = polygonsOf(r.geometry);
  if (shift !== 0) out = out.map((p) => p.map((ring) => ring.map((q) => [q[0] - shift, q[1]])));
  if (out.length > 1 && partInsideAnother(out)) {
    const u = clipUnion(out);
    if (!u.ok) return fail(`Parts of the shape overlap and could not be merged (${u.error})`);
    out = u.value;
    notes.push('A part lay inside another: merged them');
  }
  if (out.length === 0 || !(polygonsAreaKm2(out) >= MIN_SHAPE_AREA_KM2)) return fail('The shape has no area');
  return ok(toGeometry(out), notes);
}

function geometryOf(input: unknown): { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] } | null {
  if (typeof input !== 'object' || input === null) return null;
  const o = input as { type?: unknown; geometry?: unknown; coordinates?: unknown };
  if (o.type === 'Feature') return geometryOf(o.geometry);
  if ((o.type === 'Polygon' || o.type === 'MultiPolygon') && Array.isArray(o.coordinates)) return { type: o.type, coordinates: o.coordinates };
  return null;
}

/** Copies the rings as [lon, lat] numbers; a string = why the drawing is refused. */
function readPolygons(raw: unknown[]): Position[][][] | string {
  const out: Position[][][] = [];
  for (const poly of raw) {
    if (!Array.isArray(poly)) return 'A part of the shape is not a list of rings';
    const rings: Position[][] = [];
    for (const ring of poly) {
      if (!Array.isArray(ring)) return 'A ring of the shape is not a list of points';
      const pts: Position[] = [];
      for (const p of ring) {
        if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return 'The shape has a point without valid coordinates';
        if (p[1] < -90 || p[1] > 90) return `Latitude ${p[1]} is outside -90..90`;
        pts.push([p[0], p[1]]);
      }
      if (pts.length > 0) rings.push(pts);
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
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
  const turns = west >= 180 ? -Math.floor((west + 180) / 360) : west < -180 ? Math.ceil((-180 - west) / 360) : 0;
  if (turns !== 0) for (const poly of polys) for (const ring of poly) for (const p of ring) p[0] += 360 * turns;
  return moved;
}

/** One part's first vertex strictly inside another part's exterior (no edges cross: the import's kinks missed it). */
function partInsideAnother(polys: Position[][][]): boolean {
  for (let i = 0; i < polys.length; i++) {
    for (let j = 0; j < polys.length; j++) {
      if (i !== j && inRing(polys[j][0], polys[i][0][0])) return true;
    }
  }
  return false;
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
