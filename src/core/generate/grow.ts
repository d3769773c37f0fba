import { MinHeap } from './min-heap';
import type { Partition } from './partition';
import { dist2 } from './problem';
import type { RunControl } from './control';

/**
 * Contiguous, roughly balanced, compact first territories by a balanced priority flood: the
 * currently lightest territory (load = Σ_m w_m value_m / target_m) claims the unclaimed unit on its
 * frontier nearest to its centre, then the next lightest, … until no territory can grow. Each
 * territory only ever claims units next to its own, so it is connected; nearest-first keeps it
 * round; lightest-first keeps loads even until the territories meet.
 *
 * Movable units are cleared first; units in pieces that no territory reaches are left to
 * attachOrphans.
 */
export function growTerritories(part: Partition, anchors: number[][], center: Int32Array, ctl: RunControl): void {
  const p = part.p;
  const { adjStart, adj } = p.g;
  for (let u = 0; u < p.n; u++) if (p.movable[u] && part.assign[u] !== -1) part.move(u, -1);
  const frontier: MinHeap[] = [];
  const order = new MinHeap(p.k);
  for (let t = 0; t < p.k; t++) {
    const h = new MinHeap(64);
    frontier.push(h);
    if (p.frozen[t] || center[t] < 0) continue;
    for (const a of anchors[t]) {
      if (p.movable[a] && part.assign[a] === -1) part.move(a, t);
    }
    for (const a of anchors[t]) {
      for (let e = adjStart[a]; e < adjStart[a + 1]; e++) {
        const v = adj[e];
        if (p.movable[v] && part.assign[v] === -1) h.push(dist2(p, v, center[t]), v);
      }
    }
    order.push(load(part, t), t);
  }
  while (order.size > 0) {
    if (ctl.tick()) return;
    const t = order.pop();
    const h = frontier[t];
    let claimed = -1;
    while (h.size > 0) {
      const v = h.pop();
      if (part.assign[v] === -1) {
        claimed = v;
        break;
      }
    }
    if (claimed < 0) continue; // boxed in: done growing
    part.move(claimed, t);
    for (let e = adjStart[claimed]; e < adjStart[claimed + 1]; e++) {
      const v = adj[e];
      if (p.movable[v] && part.assign[v] === -1) h.push(dist2(p, v, center[t]), v);
    }
    order.push(load(part, t), t);
  }
}

export function load(part: Partition, t: number): number {
  const p = part.p;
  let s = 0;
  let w = 0;
  for (let m = 0; m < p.M; m++) {
    if (p.target[m] > 0) s += (p.weight[m] * part.values[t * p.M + m]) / p.target[m];
    w += p.weight[m];
  }
  return w > 0 ? s / w : 0;
}

/**
 * Movable units still unassigned (a piece of the scope no territory could reach) join the
 * territory of the nearest assigned unit, whole piece at once: every unit in scope ends in a
 * territory, at the price of a territory in two pieces (reported as a disconnected scope).
 * Returns how many units were attached this way.
 */
export function attachOrphans(part: Partition): number {
  const p = part.p;
  const { adjStart, adj } = p.g;
  let attached = 0;
  const stack: number[] = [];
  for (let s = 0; s < p.n; s++) {
    if (!p.movable[s] || part.assign[s] !== -1) continue;
    let best = -1;
    let bestD = Infinity;
    for (let v = 0; v < p.n; v++) {
      const t = part.assign[v];
      if (t < 0 || p.frozen[t]) continue;
      const d = dist2(p, s, v);
      if (d < bestD) (bestD = d), (best = t);
    }
    if (best < 0) for (let t = 0; t < p.k && best < 0; t++) if (!p.frozen[t]) best = t;
    if (best < 0) return attached;
    stack.push(s);
    part.move(s, best);
    attached++;
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (let e = adjStart[x]; e < adjStart[x + 1]; e++) {
        const v = adj[e];
        if (p.movable[v] && part.assign[v] === -1) {
          part.move(v, best);
          attached++;
          stack.push(v);
        }
      }
    }
  }
  return attached;
}

/**
 * Lloyd-like re-centering: each grown territory's new centre is its unit nearest to the
 * area-weighted mean of its units' positions. Territories that grow from anchors keep their
 * centre (a rep's home must stay inside). Returns the new seeds as anchors.
 */
export function recenter(part: Partition, anchors: number[][], center: Int32Array, fixedCenter: Uint8Array): void {
  const p = part.p;
  const k = p.k;
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const sz = new Float64Array(k);
  for (let u = 0; u < p.n; u++) {
    const t = part.assign[u];
    if (t < 0 || !p.movable[u]) continue;
    const a = p.g.areaKm2[u] + 1e-9;
    sx[t] += a * p.vec[3 * u];
    sy[t] += a * p.vec[3 * u + 1];
    sz[t] += a * p.vec[3 * u + 2];
  }
  const best = new Int32Array(k).fill(-1);
  const bestD = new Float64Array(k).fill(Infinity);
  for (let u = 0; u < p.n; u++) {
    const t = part.assign[u];
    if (t < 0 || !p.movable[u] || fixedCenter[t]) continue;
    const norm = Math.hypot(sx[t], sy[t], sz[t]) || 1;
    const dx = p.vec[3 * u] - sx[t] / norm;
    const dy = p.vec[3 * u + 1] - sy[t] / norm;
    const dz = p.vec[3 * u + 2] - sz[t] / norm;
    const d = dx * dx + dy * dy + dz * dz;
    if (d < bestD[t]) (bestD[t] = d), (best[t] = u);
  }
  for (let t = 0; t < k; t++) {
    if (fixedCenter[t] || best[t] < 0) continue;
    anchors[t] = [best[t]];
    center[t] = best[t];
  }
}
