import type { ContiguityGuard } from './contiguity';
import type { RunControl } from './control';
import type { CostWeights, Partition } from './partition';

/**
 * Steepest-descent over single boundary-unit moves: each pass visits every movable unit (in a
 * seeded order), evaluates moving it to each neighbouring adjustable territory, and makes the best
 * move when it lowers the objective and leaves its territory in one piece. Passes repeat until a
 * pass changes nothing (a local optimum) or `maxPasses`.
 *
 * Only units on a territory boundary have a neighbouring territory, so interior units cost one
 * scan of their neighbours. Every evaluation reads running sums (Partition), nothing is allocated.
 */
export interface SearchOptions {
  maxPasses: number;
  order: Int32Array;
  phase: string;
  /** progress is reported as from + span × pass / maxPasses */
  from: number;
  span: number;
  /** stop as soon as every territory is within tolerance (repair phase) */
  untilWithin?: boolean;
}

export function improve(part: Partition, guard: ContiguityGuard, w: CostWeights, ctl: RunControl, o: SearchOptions): number {
  const p = part.p;
  const { adjStart, adj } = p.g;
  const cand = new Int32Array(256);
  const outline = new Float64Array(p.n);
  for (let u = 0; u < p.n; u++) if (p.movable[u]) outline[u] = part.outlineLength(u);
  let total = 0;
  for (let pass = 0; pass < o.maxPasses; pass++) {
    ctl.progress(o.from + (o.span * pass) / o.maxPasses, o.phase);
    // a real check once per pass (not only every 256 ticks) so small plans can be stopped too
    if (ctl.check()) return total;
    if (o.untilWithin && part.worstRatio() <= 1) break;
    let moves = 0;
    for (let i = 0; i < o.order.length; i++) {
      if (ctl.tick()) return total;
      const u = o.order[i];
      if (!p.movable[u]) continue;
      const A = part.assign[u];
      if (A < 0 || p.frozen[A] || part.units[A] <= 1) continue;
      let nc = 0;
      for (let e = adjStart[u]; e < adjStart[u + 1]; e++) {
        const B = part.assign[adj[e]];
        if (B < 0 || B === A || p.frozen[B]) continue;
        let seen = false;
        for (let j = 0; j < nc; j++) if (cand[j] === B) seen = true;
        if (!seen && nc < cand.length) cand[nc++] = B;
      }
      if (nc === 0) continue;
      const lenA = part.borderLength(u, A);
      let best = -1e-9;
      let bestB = -1;
      for (let j = 0; j < nc; j++) {
        const d = part.moveDelta(u, cand[j], outline[u], lenA, w);
        if (d < best) (best = d), (bestB = cand[j]);
      }
      if (bestB < 0 || !guard.canRemove(u, part.assign)) continue;
      part.move(u, bestB);
      moves++;
    }
    total += moves;
    if (moves === 0) break;
  }
  return total;
}

/** A seeded permutation of 0..n−1 (Fisher-Yates), so visiting order carries no geographic bias. */
export function shuffledOrder(n: number, rand: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
