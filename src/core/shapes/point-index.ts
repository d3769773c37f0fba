import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';

/**
 * Point-in-polygon for many points against many polygons (drawn shapes, territory outlines): which
 * item (shape) each point falls in, the first in item order when several hold it, -1 for none.
 *
 * Design (docs/DRAWN-SHAPES.md), all in flat typed arrays so it builds and runs in a Web Worker:
 *
 * - every polygon (a MultiPolygon's parts separately) gets its edges (exterior and holes)
 *   bucketed into horizontal strips of its bounding box, ~4 edges per strip; an edge is stored in
 *   every strip its y-range touches, as 4 floats, so a test reads one short contiguous run;
 * - a uniform grid over all polygons' boxes lists, per cell, the polygons whose box touches it,
 *   in item order, so the first polygon that holds a point is the answer;
 * - the test per polygon is the crossing rule of point-in-polygon-hao (what turf
 *   booleanPointInPolygon runs), edge for edge with the same robust orientation predicate, so the
 *   answers equal turf's, boundary included: **a point on an edge or vertex is inside** (turf's
 *   default, ignoreBoundary = false). Where two items share an edge, a point on it goes to the
 *   first of them.
 * - longitudes past ±180 (shapes drawn across the antimeridian, see repair.ts) are handled by also
 *   testing the point 360° over when the polygons extend that far.
 */
export type IndexItem = Position[][][];

export class PolygonPointIndex {
  /** polygon → item index */
  private readonly polyItem: Int32Array;
  private readonly polyBox: Float64Array;
  private readonly stripY0: Float64Array;
  private readonly stripInv: Float64Array;
  private readonly stripCount: Int32Array;
  /** first strip of each polygon in stripStart */
  private readonly stripBase: Int32Array;
  /** strip → first edge entry in `edges` (4 floats each) */
  private readonly stripStart: Uint32Array;
  private readonly edges: Float64Array;
  private readonly gx0: number;
  private readonly gy0: number;
  private readonly gx1: number;
  private readonly gy1: number;
  private readonly gnx: number;
  private readonly gny: number;
  private readonly gcx: number;
  private readonly gcy: number;
  private readonly cellStart: Uint32Array;
  private readonly cellPolys: Int32Array;
  private readonly wraps: boolean;
  /** item → its polygons itemPolyStart[i] .. itemPolyStart[i + 1] */
  private readonly itemPolyStart: Int32Array;
  readonly itemCount: number;
  readonly polygonCount: number;

  constructor(items: readonly IndexItem[]) {
    this.itemCount = items.length;
    const polys: { item: number; rings: Position[][] }[] = [];
    items.forEach((it, i) => it.forEach((rings) => rings.length > 0 && rings[0].length >= 4 && polys.push({ item: i, rings })));
    const P = polys.length;
    this.polygonCount = P;
    this.itemPolyStart = new Int32Array(items.length + 1);
    for (const p of polys) this.itemPolyStart[p.item + 1]++;
    for (let i = 0; i < items.length; i++) this.itemPolyStart[i + 1] += this.itemPolyStart[i];
    this.polyItem = new Int32Array(P);
    this.polyBox = new Float64Array(4 * P);
    this.stripY0 = new Float64Array(P);
    this.stripInv = new Float64Array(P);
    this.stripCount = new Int32Array(P);
    this.stripBase = new Int32Array(P + 1);
    let totalStrips = 0;
    let gw = Infinity;
    let gs = Infinity;
    let ge = -Infinity;
    let gn = -Infinity;
    polys.forEach((p, k) => {
      this.polyItem[k] = p.item;
      let w = Infinity;
      let s = Infinity;
      let e = -Infinity;
      let n = -Infinity;
      let nEdges = 0;
      for (const ring of p.rings) {
        nEdges += ring.length - 1;
        for (const q of ring) {
          if (q[0] < w) w = q[0];
          if (q[0] > e) e = q[0];
          if (q[1] < s) s = q[1];
          if (q[1] > n) n = q[1];
        }
      }
      this.polyBox.set([w, s, e, n], 4 * k);
      const strips = Math.max(1, Math.min(1 << 16, Math.ceil(nEdges / 4)));
      this.stripCount[k] = strips;
      this.stripY0[k] = s;
      this.stripInv[k] = n > s ? strips / (n - s) : 0;
      this.stripBase[k] = totalStrips;
      totalStrips += strips;
      if (w < gw) gw = w;
      if (s < gs) gs = s;
      if (e > ge) ge = e;
      if (n > gn) gn = n;
    });
    this.stripBase[P] = totalStrips;
    // counting sort of edges into strips: count, prefix, fill
    const counts = new Uint32Array(totalStrips + 1);
    const stripRange = (k: number, y1: number, y2: number): [number, number] => {
      const inv = this.stripInv[k];
      const last = this.stripCount[k] - 1;
      const a = Math.min(last, Math.max(0, Math.floor((Math.min(y1, y2) - this.stripY0[k]) * inv)));
      const b = Math.min(last, Math.max(0, Math.floor((Math.max(y1, y2) - this.stripY0[k]) * inv)));
      return [a, b];
    };
    polys.forEach((p, k) => {
      const base = this.stripBase[k];
      for (const ring of p.rings) {
        for (let i = 1; i < ring.length; i++) {
          const [a, b] = stripRange(k, ring[i - 1][1], ring[i][1]);
          for (let s = a; s <= b; s++) counts[base + s + 1]++;
        }
      }
    });
    for (let s = 0; s < totalStrips; s++) counts[s + 1] += counts[s];
    this.stripStart = counts;
    const fill = counts.slice(0, totalStrips);
    this.edges = new Float64Array(4 * counts[totalStrips]);
    polys.forEach((p, k) => {
      const base = this.stripBase[k];
      for (const ring of p.rings) {
        for (let i = 1; i < ring.length; i++) {
          const x1 = ring[i - 1][0];
          const y1 = ring[i - 1][1];
          const x2 = ring[i][0];
          const y2 = ring[i][1];
          const [a, b] = stripRange(k, y1, y2);
          for (let s = a; s <= b; s++) {
            const o = 4 * fill[base + s]++;
            this.edges[o] = x1;
            this.edges[o + 1] = y1;
            this.edges[o + 2] = x2;
            this.edges[o + 3] = y2;
          }
        }
      }
    });

    // grid over all boxes: about 4 cells per polygon, at most 1024 a side
    if (P === 0) {
      gw = gs = 0;
      ge = gn = 1;
    }
    const spanX = Math.max(ge - gw, 1e-9);
    const spanY = Math.max(gn - gs, 1e-9);
    const cells = Math.max(16, Math.min(1 << 20, 16 * P));
    const aspect = spanX / spanY;
    this.gnx = Math.max(1, Math.min(1024, Math.round(Math.sqrt(cells * aspect))));
    this.gny = Math.max(1, Math.min(1024, Math.round(cells / this.gnx)));
    this.gx0 = gw;
    this.gy0 = gs;
    this.gx1 = ge;
    this.gy1 = gn;
    this.gcx = this.gnx / spanX;
    this.gcy = this.gny / spanY;
    const nCells = this.gnx * this.gny;
    const cc = new Uint32Array(nCells + 1);
    const cellRange = (k: number) => {
      const b = this.polyBox;
      return [this.cx(b[4 * k]), this.cy(b[4 * k + 1]), this.cx(b[4 * k + 2]), this.cy(b[4 * k + 3])];
    };
    for (let k = 0; k < P; k++) {
      const [x0, y0, x1, y1] = cellRange(k);
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) cc[y * this.gnx + x + 1]++;
    }
    for (let c = 0; c < nCells; c++) cc[c + 1] += cc[c];
    this.cellStart = cc;
    const cf = cc.slice(0, nCells);
    this.cellPolys = new Int32Array(cc[nCells]);
    // polygons are in item order already, so each cell's list is too
    for (let k = 0; k < P; k++) {
      const [x0, y0, x1, y1] = cellRange(k);
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) this.cellPolys[cf[y * this.gnx + x]++] = k;
    }
    this.wraps = gw < -180 || ge > 180;
  }

  private cx(x: number): number {
    return Math.min(this.gnx - 1, Math.max(0, Math.floor((x - this.gx0) * this.gcx)));
  }
  private cy(y: number): number {
    return Math.min(this.gny - 1, Math.max(0, Math.floor((y - this.gy0) * this.gcy)));
  }

  /** The first item (in the order given) whose polygon holds (lon, lat), boundary included; -1 for none. */
  locate(lon: number, lat: number): number {
    if (!(lon === lon && lat === lat)) return -1;
    let best = this.locateAt(lon, lat, 0x7fffffff);
    if (this.wraps) {
      best = this.locateAt(lon + 360, lat, best);
      best = this.locateAt(lon - 360, lat, best);
    }
    return best === 0x7fffffff ? -1 : best;
  }

  /** Every point: item index or -1 (the worker entry point: typed arrays in, typed array out). */
  locateAll(lon: Float64Array, lat: Float64Array, out = new Int32Array(lon.length)): Int32Array {
    for (let i = 0; i < lon.length; i++) out[i] = this.locate(lon[i], lat[i]);
    return out;
  }

  /** 0 outside, 1 inside, 2 on the boundary of item i (any of its polygons); no antimeridian wrap. */
  itemTest(item: number, lon: number, lat: number): number {
    let r = 0;
    for (let k = this.itemPolyStart[item]; k < this.itemPolyStart[item + 1]; k++) {
      const t = this.polygonTest(k, lon, lat);
      if (t === 1) return 1;
      if (t === 2) r = 2;
    }
    return r;
  }

  private locateAt(x: number, y: number, best: number): number {
    if (x < this.gx0 || y < this.gy0 || x > this.gx1 || y > this.gy1) return best;
    const c = this.cy(y) * this.gnx + this.cx(x);
    const box = this.polyBox;
    for (let i = this.cellStart[c], end = this.cellStart[c + 1]; i < end; i++) {
      const k = this.cellPolys[i];
      if (this.polyItem[k] >= best) break;
      const b = 4 * k;
      if (x < box[b] || x > box[b + 2] || y < box[b + 1] || y > box[b + 3]) continue;
      if (this.polygonTest(k, x, y) !== 0) return this.polyItem[k];
    }
    return best;
  }

  /**
   * 0 outside, 1 inside, 2 on the boundary: point-in-polygon-hao's rule over the edges of the
   * point's strip (edges whose y-range misses the point's y contribute nothing to it anyway).
   */
  polygonTest(k: number, x: number, y: number): number {
    const b = this.polyBox;
    if (x < b[4 * k] || x > b[4 * k + 2] || y < b[4 * k + 1] || y > b[4 * k + 3]) return 0;
    const last = this.stripCount[k] - 1;
    const s = Math.min(last, Math.max(0, Math.floor((y - this.stripY0[k]) * this.stripInv[k])));
    const strip = this.stripBase[k] + s;
    const E = this.edges;
    let inside = false;
    for (let o = 4 * this.stripStart[strip], end = 4 * this.stripStart[strip + 1]; o < end; o += 4) {
      const v1 = E[o + 1] - y;
      const v2 = E[o + 3] - y;
      if (v1 === 0 && v2 === 0) {
        const u1 = E[o] - x;
        const u2 = E[o + 2] - x;
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return 2;
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        const u1 = E[o] - x;
        const u2 = E[o + 2] - x;
        // hao's ray runs towards -x: an edge wholly right of the point neither crosses it nor holds the point
        if (u1 > 0 && u2 > 0) continue;
        const f = orient2d(u1, u2, v1, v2, 0, 0);
        if (f === 0) return 2;
        if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) inside = !inside;
      }
    }
    return inside ? 1 : 0;
  }
}
