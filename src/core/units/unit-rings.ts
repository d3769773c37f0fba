import type { GeometryObject } from 'topojson-specification';
import { arcIndex, type DecodedArcs } from './arcs';
import { EARTH_RADIUS_KM, wrapDeltaLon } from './sphere';

/**
 * Every unit's polygons as closed rings of [lon, lat] degrees, flattened into typed arrays:
 * unit u has polygons unitPolyStart[u] .. unitPolyStart[u + 1]; polygon p has rings
 * polyStart[p] .. polyStart[p + 1], the first being the exterior and the rest holes (TopoJSON
 * order); ring r has points ringStart[r] .. ringStart[r + 1] of `coords`, first point repeated last.
 *
 * Used for point-in-polygon, distance to a unit's edge, centroids and label points.
 */
export interface UnitRings {
  coords: Float64Array;
  ringStart: Uint32Array;
  polyStart: Uint32Array;
  unitPolyStart: Uint32Array;
}

/** The polygons of one geometry object as arrays of rings of arc references (null geometry: none). */
export function polygonsOf(g: GeometryObject): number[][][] {
  if (g.type === 'Polygon') return [g.arcs];
  if (g.type === 'MultiPolygon') return g.arcs;
  return [];
}

class Grow {
  a: Float64Array = new Float64Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

export function buildUnitRings(geometries: readonly GeometryObject[], arcs: DecodedArcs): UnitRings {
  const coords = new Grow();
  const ringStart: number[] = [0];
  const polyStart: number[] = [0];
  const unitPolyStart = new Uint32Array(geometries.length + 1);
  const c = arcs.coords;
  geometries.forEach((g, u) => {
    for (const poly of polygonsOf(g)) {
      for (const ring of poly) {
        ring.forEach((ref, k) => {
          const a = arcIndex(ref);
          const s = arcs.start[a];
          const e = arcs.start[a + 1];
          // consecutive arcs share their joining point: keep it once
          if (ref >= 0) for (let i = k === 0 ? s : s + 1; i < e; i++) coords.push(c[2 * i]), coords.push(c[2 * i + 1]);
          else for (let i = k === 0 ? e - 1 : e - 2; i >= s; i--) coords.push(c[2 * i]), coords.push(c[2 * i + 1]);
        });
        ringStart.push(coords.n / 2);
      }
      polyStart.push(ringStart.length - 1);
    }
    unitPolyStart[u + 1] = polyStart.length - 1;
  });
  return {
    coords: coords.a.slice(0, coords.n),
    ringStart: Uint32Array.from(ringStart),
    polyStart: Uint32Array.from(polyStart),
    unitPolyStart,
  };
}

/** Crossing-number test of one ring; points exactly on an edge may go either way. */
function crossings(c: Float64Array, from: number, to: number, x: number, y: number): boolean {
  let inside = false;
  for (let i = from, j = to - 1; i < to; j = i++) {
    const yi = c[2 * i + 1];
    const yj = c[2 * j + 1];
    if (yi > y !== yj > y) {
      const xi = c[2 * i];
      const xj = c[2 * j];
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Whether (lon, lat) lies in polygon p (inside its exterior ring and in none of its holes). */
export function pointInPolygon(r: UnitRings, p: number, lon: number, lat: number): boolean {
  let inside = false;
  // even-odd over all rings: holes lie inside their exterior, so this equals "exterior and no hole"
  for (let k = r.polyStart[p]; k < r.polyStart[p + 1]; k++) {
    if (crossings(r.coords, r.ringStart[k], r.ringStart[k + 1], lon, lat)) inside = !inside;
  }
  return inside;
}

/** Whether (lon, lat) lies in unit u. Polygons of a unit do not overlap, so any hit decides. */
export function pointInUnit(r: UnitRings, u: number, lon: number, lat: number): boolean {
  for (let p = r.unitPolyStart[u]; p < r.unitPolyStart[u + 1]; p++) if (pointInPolygon(r, p, lon, lat)) return true;
  return false;
}

const RAD = Math.PI / 180;

/**
 * Distance in km from (lon, lat) to the nearest edge of unit u (0 when inside), in a local
 * equirectangular projection centred on the point: exact enough within a few hundred km, which is
 * all a "nearest unit" fallback asks of it. Infinity for a unit with no geometry.
 */
export function distanceToUnitKm(r: UnitRings, u: number, lon: number, lat: number): number {
  if (pointInUnit(r, u, lon, lat)) return 0;
  const kx = Math.cos(lat * RAD) * RAD * EARTH_RADIUS_KM;
  const ky = RAD * EARTH_RADIUS_KM;
  const c = r.coords;
  let best = Infinity;
  for (let k = r.polyStart[r.unitPolyStart[u]]; k < r.polyStart[r.unitPolyStart[u + 1]]; k++) {
    for (let i = r.ringStart[k] + 1; i < r.ringStart[k + 1]; i++) {
      const ax = (wrapDeltaLon((c[2 * i - 2] - lon) * RAD) / RAD) * kx;
      const ay = (c[2 * i - 1] - lat) * ky;
      const bx = (wrapDeltaLon((c[2 * i] - lon) * RAD) / RAD) * kx;
      const by = (c[2 * i + 1] - lat) * ky;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * Planar centroid and signed area of polygon p in (λ, φ) degrees, holes subtracted. Longitudes are
 * unwrapped relative to the polygon's first point so a polygon crossing the antimeridian works.
 * Zero-area polygons (slivers) give the mean of their points. Returns [lon, lat, |area| in deg²].
 */
export function polygonCentroid(r: UnitRings, p: number): [number, number, number] {
  const c = r.coords;
  const first = r.ringStart[r.polyStart[p]];
  const lon0 = c[2 * first];
  const x = (i: number) => lon0 + wrapDeltaLon((c[2 * i] - lon0) * RAD) / RAD;
  let A = 0;
  let Cx = 0;
  let Cy = 0;
  let mx = 0;
  let my = 0;
  let n = 0;
  for (let k = r.polyStart[p]; k < r.polyStart[p + 1]; k++) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = r.ringStart[k] + 1; i < r.ringStart[k + 1]; i++) {
      const x0 = x(i - 1);
      const y0 = c[2 * i - 1];
      const x1 = x(i);
      const y1 = c[2 * i + 1];
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
      mx += x1;
      my += y1;
      n++;
    }
    // exterior counts positive and holes negative whatever the stored winding
    const sign = (k === r.polyStart[p] ? 1 : -1) * Math.sign(a);
    A += sign * a;
    Cx += sign * cx;
    Cy += sign * cy;
  }
  if (Math.abs(A) < 1e-12 || n === 0) return n === 0 ? [NaN, NaN, 0] : [mx / n, my / n, 0];
  // shoelace: A = Σcross / 2, C = Σ(x0+x1)·cross / (6A) = Σ(...) / (3·Σcross)
  let lon = Cx / (3 * A);
  if (lon > 180) lon -= 360;
  else if (lon < -180) lon += 360;
  return [lon, Cy / (3 * A), Math.abs(A) / 2];
}

/**
 * A point inside polygon p for a label or a map pin: its centroid when that is inside (the common
 * case), else the middle of the widest stretch of the horizontal line through the centroid that
 * lies inside the polygon (always inside; C-shaped and ring-shaped units need this), else the
 * first vertex.
 */
export function polygonLabelPoint(r: UnitRings, p: number): [number, number] {
  const [cx, cy] = polygonCentroid(r, p);
  if (Number.isNaN(cx)) return [NaN, NaN];
  if (pointInPolygon(r, p, cx, cy)) return [cx, cy];
  const c = r.coords;
  const xs: number[] = [];
  for (let k = r.polyStart[p]; k < r.polyStart[p + 1]; k++) {
    for (let i = r.ringStart[k] + 1; i < r.ringStart[k + 1]; i++) {
      const y0 = c[2 * i - 1];
      const y1 = c[2 * i + 1];
      if (y0 > cy !== y1 > cy) xs.push(c[2 * i - 2] + ((c[2 * i] - c[2 * i - 2]) * (cy - y0)) / (y1 - y0));
    }
  }
  xs.sort((a, b) => a - b);
  let best = -1;
  let at: [number, number] = [c[2 * r.ringStart[r.polyStart[p]]], c[2 * r.ringStart[r.polyStart[p]] + 1]];
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > best) {
      best = xs[i + 1] - xs[i];
      at = [(xs[i] + xs[i + 1]) / 2, cy];
    }
  }
  return at;
}
