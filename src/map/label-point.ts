import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A point well inside a polygon to hang its label on: the centroid falls in the sea for Florida or
 * Michigan, and a polygon symbol in a tiled source is labelled once per tile. This is a coarse
 * "pole of inaccessibility": the sample point of the largest part farthest from its edges, refined
 * twice around the best candidate. Distances use cos(latitude)-scaled degrees, close enough for
 * picking a label spot.
 */
export function labelPoint(geom: Polygon | MultiPolygon): [number, number] {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  let rings = polys[0];
  let bestArea = -1;
  for (const p of polys) {
    const a = Math.abs(ringArea(p[0]));
    if (a > bestArea) {
      bestArea = a;
      rings = p;
    }
  }
  let [w, s, e, n] = ringBounds(rings[0]);
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  let best: [number, number] = [(w + e) / 2, (s + n) / 2];
  let bestD = -Infinity;
  const STEPS = 16;
  for (let round = 0; round < 3; round++) {
    const dx = (e - w) / STEPS;
    const dy = (n - s) / STEPS;
    for (let i = 0; i <= STEPS; i++) {
      for (let j = 0; j <= STEPS; j++) {
        const p: [number, number] = [w + i * dx, s + j * dy];
        if (!inside(p, rings)) continue;
        const d = edgeDistance(p, rings, k);
        if (d > bestD) {
          bestD = d;
          best = p;
        }
      }
    }
    [w, s, e, n] = [best[0] - 2 * dx, best[1] - 2 * dy, best[0] + 2 * dx, best[1] + 2 * dy];
  }
  return best;
}

function ringArea(r: Position[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return a / 2;
}

function ringBounds(r: Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of r) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Even-odd rule over all rings, so holes count as outside. */
function inside(p: [number, number], rings: Position[][]): boolean {
  let c = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i];
      const [xj, yj] = r[j];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

function edgeDistance(p: [number, number], rings: Position[][], k: number): number {
  let min = Infinity;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const d = segDist2(p[0] * k, p[1], r[j][0] * k, r[j][1], r[i][0] * k, r[i][1]);
      if (d < min) min = d;
    }
  }
  return min;
}

function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let dx = bx - ax;
  let dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    ax += dx * t;
    ay += dy * t;
  }
  dx = px - ax;
  dy = py - ay;
  return dx * dx + dy * dy;
}
