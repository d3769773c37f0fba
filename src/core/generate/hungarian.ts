/**
 * Minimum-cost perfect matching of an n × n cost matrix (row-major), the Hungarian algorithm in
 * its O(n³) shortest-augmenting-path form with potentials (Kuhn-Munkres / Jonker-Volgenant style).
 * Returns rowToCol. 300 × 300 takes a few milliseconds.
 */
export function hungarian(cost: Float64Array, n: number): Int32Array {
  const INF = Infinity;
  // 1-based arrays as in the classic formulation; p[j] = row matched to column j
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) (minv[j] = cur), (way[j] = j0);
        if (minv[j] < delta) (delta = minv[j]), (j1 = j);
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) (u[p[j]] += delta), (v[j] -= delta);
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Int32Array(n).fill(-1);
  for (let j = 1; j <= n; j++) if (p[j] > 0) rowToCol[p[j] - 1] = j - 1;
  return rowToCol;
}

/**
 * Renumbers the territories of `next` so they match those of `prev` as well as possible: the
 * matching maximises the total number of units (or `weights`) that keep their territory number.
 * Returns the relabelled assignment and newToOld. Both assignments use territories 0..k−1.
 */
export function matchTerritories(prev: Int32Array, next: Int32Array, k: number, weights?: ArrayLike<number>): { assignment: Int32Array; newToOld: Int32Array } {
  const overlap = new Float64Array(k * k);
  for (let u = 0; u < prev.length; u++) {
    const a = prev[u];
    const b = next[u];
    if (a >= 0 && b >= 0 && a < k && b < k) overlap[b * k + a] += weights ? weights[u] : 1;
  }
  let max = 0;
  for (const o of overlap) if (o > max) max = o;
  const cost = new Float64Array(k * k);
  for (let i = 0; i < k * k; i++) cost[i] = max - overlap[i];
  const newToOld = hungarian(cost, k);
  const assignment = next.map((t) => (t >= 0 && t < k ? newToOld[t] : t));
  return { assignment, newToOld };
}
