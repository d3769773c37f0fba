import type { MultiPolygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { orient2d } from 'robust-predicates';
import { polygonsAreaKm2 } from './area';
import { clipIntersection } from './clip';
import { PointGrid } from './point-grid';
import { PolygonPointIndex } from './point-index';
import { polygonsOf, type DrawnShape } from './shape-types';

/** Overlaps smaller than this (km², ~1 m²) are rounding noise along shared edges, not overlaps. */
export const MIN_OVERLAP_KM2 = 1e-6;

/** One side of an overlap: a drawn shape of a territory, or (shapeId null) the territory's units. */
export interface OverlapParty {
  territoryId: string;
  shapeId: string | null;
}

/**
 * Two territories claim the same ground: `a` is always a drawn shape; `b` is another territory's
 * drawn shape (kind 'shapes') or another territory's units (kind 'shape-units'). Shapes of the
 * same territory overlapping each other, or their own territory's units, are not conflicts.
 * Touching (a shared edge or vertex) is not an overlap: the interiors must meet with area
 * ≥ MIN_OVERLAP_KM2.
 */
export interface Overlap {
  kind: 'shapes' | 'shape-units';
  a: OverlapParty;
  b: OverlapParty;
  /** the overlap itself (polygons as rings), for the map */
  geometry: Position[][][];
  /** spherical, km² (units/sphere.ts rule) */
  areaKm2: number;
  /** accounts inside the overlap (edge included) and their revenue (empty cells skipped) */
  accounts: number;
  revenue: number;
}

export interface OverlapInput {
  shapes: readonly DrawnShape[];
  territories: readonly { id: string }[];
  /**
   * the units' outline of every territory (index = territory index; units/outline.ts
   * territoryOutlines), to find shapes over other territories' units; leave out for shape–shape only
   */
  unitOutlines?: readonly MultiPolygon[];
  /** accounts to count in each overlap; `grid` reuses a PointGrid over the same lon/lat */
  accounts?: { lon: Float64Array; lat: Float64Array; revenue: Float64Array; grid?: PointGrid };
}

export interface OverlapReport {
  overlaps: Overlap[];
  /** pairs whose boxes met (what a bbox pass alone would report) */
  candidatePairs: number;
  /** pairs the clipping failed on (message each); they are left out of `overlaps` */
  failed: string[];
}

interface Item {
  party: OverlapParty;
  polys: Position[][][];
  isUnits: boolean;
}

/**
 * Every overlapping pair, with its area and accounts. Steps (docs/DRAWN-SHAPES.md):
 * 1. Flatbush over every polygon's box gives the candidate pairs (different territories, not
 *    units against units, which a layer never overlaps);
 * 2. an exact interior test per pair: a vertex of one strictly inside the other, or two edges
 *    properly crossing (robust orientation), or outlines that coincide; touching neighbours
 *    (shared edges, the common case) stop here without any clipping;
 * 3. the pairs that pass are intersected (polyclip-ts, guarded), the area measured, and the
 *    accounts inside counted through a point grid and a point-in-polygon index.
 * Sorted by area, largest first.
 */
export function findOverlaps(input: OverlapInput): OverlapReport {
  const items: Item[] = [];
  input.shapes.forEach((s) => items.push({ party: { territoryId: s.territoryId, shapeId: s.id }, polys: polygonsOf(s.geometry), isUnits: false }));
  input.unitOutlines?.forEach((m, t) => {
    if (m.coordinates.length > 0 && t < input.territories.length) items.push({ party: { territoryId: input.territories[t].id, shapeId: null }, polys: m.coordinates, isUnits: true });
  });
  const index = new PolygonPointIndex(items.map((it) => it.polys));

  // 1. candidate pairs from polygon boxes
  const boxes: number[] = [];
  const entryItem: number[] = [];
  items.forEach((it, i) =>
    it.polys.forEach((p) => {
      boxes.push(...ringBox(p[0]));
      entryItem.push(i);
    }),
  );
  const pairs = new Map<number, [number, number]>();
  if (entryItem.length > 0) {
    const tree = new Flatbush(entryItem.length);
    for (let e = 0; e < entryItem.length; e++) tree.add(boxes[4 * e], boxes[4 * e + 1], boxes[4 * e + 2], boxes[4 * e + 3]);
    tree.finish();
    for (let e = 0; e < entryItem.length; e++) {
      const i = entryItem[e];
      for (const f of tree.search(boxes[4 * e], boxes[4 * e + 1], boxes[4 * e + 2], boxes[4 * e + 3])) {
        const j = entryItem[f];
        if (j <= i) continue;
        const A = items[i];
        const B = items[j];
        if (A.party.territoryId === B.party.territoryId || (A.isUnits && B.isUnits)) continue;
        pairs.set(i * items.length + j, [i, j]);
      }
    }
  }

  // 2. + 3.
  const overlaps: Overlap[] = [];
  const failed: string[] = [];
  const acc = input.accounts;
  let grid = acc?.grid ?? null;
  for (const [i, j] of pairs.values()) {
    if (!interiorsMayMeet(index, items, i, j)) continue;
    const x = clipIntersection(items[i].polys, items[j].polys);
    if (!x.ok) {
      failed.push(`${label(items[i].party)} × ${label(items[j].party)}: ${x.error}`);
      continue;
    }
    const areaKm2 = polygonsAreaKm2(x.value);
    if (!(areaKm2 >= MIN_OVERLAP_KM2)) continue;
    // a is the shape: units items come after all shapes, so i is always a shape
    const o: Overlap = { kind: items[j].isUnits ? 'shape-units' : 'shapes', a: items[i].party, b: items[j].party, geometry: x.value, areaKm2, accounts: 0, revenue: 0 };
    if (acc) {
      grid ??= new PointGrid(acc.lon, acc.lat);
      countAccounts(o, grid, acc.revenue);
    }
    overlaps.push(o);
  }
  overlaps.sort((p, q) => q.areaKm2 - p.areaKm2);
  return { overlaps, candidatePairs: pairs.size, failed };
}

const label = (p: OverlapParty) => (p.shapeId === null ? `units of ${p.territoryId}` : `shape ${p.shapeId}`);

function countAccounts(o: Overlap, grid: PointGrid, revenue: Float64Array): void {
  const idx = new PolygonPointIndex([o.geometry]);
  const b = ringsBox(o.geometry);
  grid.forEachInBox(b[0], b[1], b[2], b[3], (a) => {
    if (idx.locate(grid.lon[a], grid.lat[a]) < 0) return;
    o.accounts++;
    const r = revenue[a];
    if (r === r) o.revenue += r;
  });
}

/**
 * Can the interiors of items i and j meet? Looked at only inside the two boxes' intersection:
 * - a vertex of one strictly inside the other;
 * - two edges properly crossing (robust orientation; touching and collinear runs do not count);
 * - a piece of an edge strictly inside the other: each edge is cut where the other's vertices lie
 *   on it and the middle of every piece is tested (two rectangles overlapping along a common
 *   line have no vertex inside each other and no proper crossing, but this finds them);
 * - no vertex of one strictly outside the other (identical or inside-and-touching outlines).
 * Touching neighbours (shared edges, the common case) answer false without any clipping.
 */
function interiorsMayMeet(index: PolygonPointIndex, items: Item[], i: number, j: number): boolean {
  const bi = ringsBox(items[i].polys);
  const bj = ringsBox(items[j].polys);
  const w = Math.max(bi[0], bj[0]);
  const s = Math.max(bi[1], bj[1]);
  const e = Math.min(bi[2], bj[2]);
  const n = Math.min(bi[3], bj[3]);
  if (w > e || s > n) return false;
  const within = { i: true, j: true };
  const vertexTest = (from: number, to: number, key: 'i' | 'j'): boolean => {
    for (const poly of items[from].polys) {
      for (const ring of poly) {
        for (let k = 0; k < ring.length - 1; k++) {
          const p = ring[k];
          if (p[0] < w || p[0] > e || p[1] < s || p[1] > n) {
            within[key] = false;
            continue;
          }
          const t = index.itemTest(to, p[0], p[1]);
          if (t === 1) return true;
          if (t === 0) within[key] = false;
        }
      }
    }
    return false;
  };
  if (vertexTest(i, j, 'i') || vertexTest(j, i, 'j')) return true;
  const ei = edgesIn(items[i].polys, w, s, e, n);
  const ej = edgesIn(items[j].polys, w, s, e, n);
  if (properCrossing(ei, ej)) return true;
  if (piecesInside(index, ei, ej, j) || piecesInside(index, ej, ei, i)) return true;
  return within.i || within.j;
}

/**
 * Is a piece of one of the edges `a` (cut at the vertices of `b` lying on it) strictly inside item
 * `other`? Pieces running along an edge of `b` (a shared edge) are on the boundary and skipped
 * without a test: their computed middle point is off the line by rounding, and the exact
 * predicates would put it on either side. The other pieces meet b's outline only at their ends
 * (proper crossings were ruled out before), so their middle is clear of it.
 */
function piecesInside(index: PolygonPointIndex, a: Float64Array, b: Float64Array, other: number): boolean {
  const nb = b.length / 4;
  for (let p = 0; p < a.length; p += 4) {
    const ax = a[p];
    const ay = a[p + 1];
    const bx = a[p + 2];
    const by = a[p + 3];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const cuts = [0, 1];
    const along: number[] = [];
    const param = (x: number, y: number) => ((x - ax) * dx + (y - ay) * dy) / len2;
    for (let q = 0; q < nb; q++) {
      const x1 = b[4 * q];
      const y1 = b[4 * q + 1];
      const x2 = b[4 * q + 2];
      const y2 = b[4 * q + 3];
      if (Math.max(x1, x2) < Math.min(ax, bx) || Math.min(x1, x2) > Math.max(ax, bx) || Math.max(y1, y2) < Math.min(ay, by) || Math.min(y1, y2) > Math.max(ay, by)) continue;
      const o1 = orient2d(ax, ay, bx, by, x1, y1);
      const o2 = orient2d(ax, ay, bx, by, x2, y2);
      if (o1 === 0) {
        const t = param(x1, y1);
        if (t > 0 && t < 1) cuts.push(t);
      }
      if (o2 === 0) {
        const t = param(x2, y2);
        if (t > 0 && t < 1) cuts.push(t);
      }
      if (o1 === 0 && o2 === 0) {
        const t1 = param(x1, y1);
        const t2 = param(x2, y2);
        along.push(Math.min(t1, t2), Math.max(t1, t2));
      }
    }
    cuts.sort((u, v) => u - v);
    for (let c = 1; c < cuts.length; c++) {
      if (cuts[c] === cuts[c - 1]) continue;
      const t = (cuts[c - 1] + cuts[c]) / 2;
      let onEdge = false;
      for (let k = 0; k < along.length && !onEdge; k += 2) onEdge = t >= along[k] && t <= along[k + 1];
      if (onEdge) continue;
      if (index.itemTest(other, ax + t * dx, ay + t * dy) === 1) return true;
    }
  }
  return false;
}

/** Edges (x1, y1, x2, y2) whose box meets [w, s, e, n]. */
function edgesIn(polys: Position[][][], w: number, s: number, e: number, n: number): Float64Array {
  const out: number[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      for (let k = 1; k < ring.length; k++) {
        const a = ring[k - 1];
        const b = ring[k];
        if (Math.max(a[0], b[0]) < w || Math.min(a[0], b[0]) > e || Math.max(a[1], b[1]) < s || Math.min(a[1], b[1]) > n) continue;
        out.push(a[0], a[1], b[0], b[1]);
      }
    }
  }
  return Float64Array.from(out);
}

/** Do two edges cross at a point interior to both (not touching, not collinear)? Edges sorted by min x and swept. */
function properCrossing(a: Float64Array, b: Float64Array): boolean {
  const na = a.length / 4;
  const nb = b.length / 4;
  if (na === 0 || nb === 0) return false;
  const minX = (E: Float64Array, k: number) => Math.min(E[4 * k], E[4 * k + 2]);
  const maxX = (E: Float64Array, k: number) => Math.max(E[4 * k], E[4 * k + 2]);
  const oa = Array.from({ length: na }, (_, k) => k).sort((p, q) => minX(a, p) - minX(a, q));
  const ob = Array.from({ length: nb }, (_, k) => k).sort((p, q) => minX(b, p) - minX(b, q));
  let start = 0;
  for (const p of oa) {
    const x0 = minX(a, p);
    const x1 = maxX(a, p);
    // a edges come in order of min x, so a b edge that ends before this one starts meets no later one either
    while (start < nb && maxX(b, ob[start]) < x0) start++;
    const ay0 = Math.min(a[4 * p + 1], a[4 * p + 3]);
    const ay1 = Math.max(a[4 * p + 1], a[4 * p + 3]);
    for (let r = start; r < nb; r++) {
      const q = ob[r];
      if (minX(b, q) > x1) break;
      if (maxX(b, q) < x0) continue;
      if (Math.max(b[4 * q + 1], b[4 * q + 3]) < ay0 || Math.min(b[4 * q + 1], b[4 * q + 3]) > ay1) continue;
      if (crosses(a, p, b, q)) return true;
    }
  }
  return false;
}

function crosses(a: Float64Array, p: number, b: Float64Array, q: number): boolean {
  const ax = a[4 * p];
  const ay = a[4 * p + 1];
  const bx = a[4 * p + 2];
  const by = a[4 * p + 3];
  const cx = b[4 * q];
  const cy = b[4 * q + 1];
  const dx = b[4 * q + 2];
  const dy = b[4 * q + 3];
  const d1 = orient2d(ax, ay, bx, by, cx, cy);
  const d2 = orient2d(ax, ay, bx, by, dx, dy);
  if (d1 === 0 || d2 === 0 || d1 > 0 === d2 > 0) return false;
  const d3 = orient2d(cx, cy, dx, dy, ax, ay);
  const d4 = orient2d(cx, cy, dx, dy, bx, by);
  return d3 !== 0 && d4 !== 0 && d3 > 0 !== d4 > 0;
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

function ringsBox(polys: Position[][][]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys) {
    const r = ringBox(p[0]);
    b[0] = Math.min(b[0], r[0]);
    b[1] = Math.min(b[1], r[1]);
    b[2] = Math.max(b[2], r[2]);
    b[3] = Math.max(b[3], r[3]);
  }
  return b;
}
