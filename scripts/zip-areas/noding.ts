/**
 * Makes coincident edges identical, vertex for vertex. Cells clipped in two neighbouring counties
 * cut the shared county border at different points (each county's own Voronoi edges), so one side
 * has a vertex the other lacks: a T-junction. TopoJSON only shares an arc when both rings run
 * through the very same points, so every vertex lying on another ring's segment is inserted there.
 */
import Flatbush from 'flatbush';
import type { MultiPoly, Pt, Ring } from './geometry';

/**
 * Inserts into every segment the vertices (of any ring) lying within `tol` degrees of it. Mutates
 * the rings; returns how many vertices were inserted. `tol` only has to exceed floating-point noise:
 * the points come from exact clipping of the very same segments.
 */
export function nodeRings(geoms: MultiPoly[], tol = 1e-9): number {
  const rings: Ring[] = [];
  for (const g of geoms) for (const poly of g) for (const ring of poly) rings.push(ring);

  let n = 0;
  for (const r of rings) n += r.length - 1;
  if (n === 0) return 0;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const index = new Flatbush(n);
  let v = 0;
  for (const r of rings) {
    for (let i = 0; i < r.length - 1; i++, v++) {
      xs[v] = r[i][0];
      ys[v] = r[i][1];
      index.add(xs[v], ys[v], xs[v], ys[v]);
    }
  }
  index.finish();

  const tol2 = tol * tol;
  let inserted = 0;
  for (let ri = 0; ri < rings.length; ri++) {
    const ring = rings[ri];
    let out: Ring | undefined;
    for (let i = 0; i < ring.length - 1; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const found: { t: number; p: Pt }[] = [];
      if (len2 > tol2) {
        for (const j of index.search(Math.min(ax, bx) - tol, Math.min(ay, by) - tol, Math.max(ax, bx) + tol, Math.max(ay, by) + tol)) {
          const px = xs[j];
          const py = ys[j];
          if ((px - ax) ** 2 + (py - ay) ** 2 <= tol2 || (px - bx) ** 2 + (py - by) ** 2 <= tol2) continue;
          const t = ((px - ax) * dx + (py - ay) * dy) / len2;
          if (t <= 0 || t >= 1) continue;
          if ((ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2 > tol2) continue;
          if (!found.some((f) => f.p[0] === px && f.p[1] === py)) found.push({ t, p: [px, py] });
        }
      }
      if (found.length > 0 && !out) out = ring.slice(0, i + 1);
      if (out) {
        if (found.length > 0) {
          found.sort((a, b) => a.t - b.t);
          for (const f of found) out.push(f.p);
          inserted += found.length;
        }
        out.push(ring[i + 1]);
      }
    }
    if (out) {
      ring.length = 0;
      ring.push(...out);
    }
  }
  return inserted;
}
