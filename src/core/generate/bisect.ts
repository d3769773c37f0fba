import { movableComponents, unitLoad, type Problem } from './problem';

/**
 * Balanced compact starting territories by recursive bisection: split the units in two along the
 * longer axis of their extent (on the plane tangent to the sphere at their mean position) at the
 * point where the load on each side is proportional to the territories each side gets (⌊k/2⌋ and
 * ⌈k/2⌉), and recurse. Loads come out even to within a unit per cut and shapes come out as
 * rectangles of moderate aspect ratio. A straight cut can leave a piece of a territory across a
 * bay or a ragged edge: those fragments are handed to a neighbour by makeContiguous.
 *
 * The movable region's connected pieces are split separately (territories cannot span them),
 * each getting territories in proportion to its load (at least one while there are enough).
 * Returns the assignment of movable units (−1 where a piece got no territory). `jitter` (a seeded
 * random source) turns each cut a little, for restarts.
 */
export function bisectTerritories(p: Problem, territories: number[], jitter?: () => number): Int32Array {
  const out = new Int32Array(p.n).fill(-1);
  const load = new Float64Array(p.n);
  for (let u = 0; u < p.n; u++) if (p.movable[u]) load[u] = unitLoad(p, u) + 1e-9;
  const { comp, count } = movableComponents(p);
  const members: number[][] = Array.from({ length: count }, () => []);
  const pieceLoad = new Float64Array(count);
  for (let u = 0; u < p.n; u++) if (p.movable[u]) members[comp[u]].push(u), (pieceLoad[comp[u]] += load[u]);
  const share = sharePieces(pieceLoad, territories.length);
  let next = 0;
  for (let c = 0; c < count; c++) {
    if (share[c] === 0) continue;
    split(p, Int32Array.from(members[c]), territories.slice(next, next + share[c]), load, out, jitter);
    next += share[c];
  }
  return out;
}

/** Territories per piece ∝ load, largest remainder, every piece at least one while they last (largest pieces first). */
export function sharePieces(pieceLoad: Float64Array, k: number): Int32Array {
  const n = pieceLoad.length;
  const share = new Int32Array(n);
  const order = [...pieceLoad.keys()].sort((a, b) => pieceLoad[b] - pieceLoad[a] || a - b);
  let left = k;
  for (const c of order) if (left > 0) (share[c] = 1), left--;
  if (left === 0) return share;
  let total = 0;
  for (const l of pieceLoad) total += l;
  const exact = Array.from(pieceLoad, (l) => ((k * l) / total));
  // extra territories go where exact − current is largest
  for (; left > 0; left--) {
    let best = 0;
    for (let c = 1; c < n; c++) if (exact[c] - share[c] > exact[best] - share[best]) best = c;
    share[best]++;
  }
  return share;
}

function split(p: Problem, units: Int32Array, ts: number[], load: Float64Array, out: Int32Array, jitter?: () => number): void {
  if (ts.length === 1 || units.length <= 1) {
    for (let i = 0; i < units.length; i++) out[units[i]] = ts[0];
    return;
  }
  const v = p.vec;
  let mx = 0;
  let my = 0;
  let mz = 0;
  for (let i = 0; i < units.length; i++) (mx += v[3 * units[i]]), (my += v[3 * units[i] + 1]), (mz += v[3 * units[i] + 2]);
  const norm = Math.hypot(mx, my, mz) || 1;
  mx /= norm;
  my /= norm;
  mz /= norm;
  // east and north at the mean position
  let ex = -my;
  let ey = mx;
  const en = Math.hypot(ex, ey) || 1;
  ex /= en;
  ey /= en;
  const nx = -mz * ey;
  const ny = mz * ex;
  const nz = mx * ey - my * ex;
  const pe = new Float64Array(units.length);
  const pn = new Float64Array(units.length);
  let e0 = Infinity;
  let e1 = -Infinity;
  let n0 = Infinity;
  let n1 = -Infinity;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    pe[i] = v[3 * u] * ex + v[3 * u + 1] * ey;
    pn[i] = v[3 * u] * nx + v[3 * u + 1] * ny + v[3 * u + 2] * nz;
    e0 = Math.min(e0, pe[i]);
    e1 = Math.max(e1, pe[i]);
    n0 = Math.min(n0, pn[i]);
    n1 = Math.max(n1, pn[i]);
  }
  let axis = e1 - e0 >= n1 - n0 ? pe : pn;
  if (jitter) {
    // restarts: turn the cut up to ±30° off the longer axis, for a different but still sensible start
    const phi = (jitter() - 0.5) * (Math.PI / 3);
    const major = axis;
    const minor = axis === pe ? pn : pe;
    axis = new Float64Array(units.length);
    for (let i = 0; i < units.length; i++) axis[i] = Math.cos(phi) * major[i] + Math.sin(phi) * minor[i];
  }
  const idx = [...units.keys()].sort((a, b) => axis[a] - axis[b] || units[a] - units[b]);
  const k1 = ts.length >> 1;
  let total = 0;
  for (let i = 0; i < units.length; i++) total += load[units[i]];
  const want = (total * k1) / ts.length;
  let cum = 0;
  let cut = 0;
  // cut where the left side's load is closest to its share (at least one unit each side)
  for (let i = 0; i < idx.length - 1; i++) {
    const before = cum;
    cum += load[units[idx[i]]];
    if (cum >= want) {
      cut = want - before < cum - want && i > 0 ? i : i + 1;
      break;
    }
    cut = i + 1;
  }
  cut = Math.min(Math.max(cut, 1), units.length - 1);
  const left = new Int32Array(cut);
  const right = new Int32Array(units.length - cut);
  for (let i = 0; i < cut; i++) left[i] = units[idx[i]];
  for (let i = cut; i < idx.length; i++) right[i - cut] = units[idx[i]];
  split(p, left, ts.slice(0, k1), load, out, jitter);
  split(p, right, ts.slice(k1), load, out, jitter);
}
