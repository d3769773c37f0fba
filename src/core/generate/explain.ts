import { ContiguityGuard } from './contiguity';
import { Partition, type CostWeights } from './partition';
import { buildProblem } from './problem';
import type { CommonInput } from './types';

export interface SuggestedMove {
  unit: number;
  from: number;
  to: number;
  /** 'give': the explained territory gives the unit to a neighbour; 'take': it takes one from a neighbour */
  kind: 'give' | 'take';
  /** per metric, % deviation of the explained territory before and after the move */
  deviationBeforePct: Float64Array;
  deviationAfterPct: Float64Array;
  /** per metric, % deviation of the other territory before and after */
  otherBeforePct: Float64Array;
  otherAfterPct: Float64Array;
  /**
   * How much the move improves balance: the drop of Σ_m w_m (deviation_m / tolerance_m)² over the
   * two territories (> 0 = better). Ranked by this.
   */
  improvement: number;
  /** false when the donor would fall into pieces (the move is then listed but not advisable) */
  keepsContiguous: boolean;
}

/**
 * "Explain" for one territory: every single-unit move across its boundary (giving one of its
 * units to a neighbouring territory, or taking one of a neighbour's units) that improves balance,
 * best first. Locked units, frozen territories and units outside the scope are never proposed.
 */
export function explainTerritory(input: CommonInput & { current: Int32Array; territoryCount: number }, territory: number, limit = 20): SuggestedMove[] {
  const k = input.territoryCount;
  const p = buildProblem(input, k);
  const part = new Partition(p, input.current.slice());
  const guard = new ContiguityGuard(p.g);
  const w: CostWeights = { balance: 1, excess: 0, compact: 0, mix: 0 };
  const { adjStart, adj } = p.g;
  const t = territory;
  if (t < 0 || t >= k || p.frozen[t]) return [];
  const out: SuggestedMove[] = [];
  const consider = (u: number, B: number, kind: 'give' | 'take') => {
    const A = part.assign[u];
    if (!p.movable[u] || A < 0 || B < 0 || A === B || p.frozen[A] || p.frozen[B] || part.units[A] <= 1) return;
    const gain = -(part.cost(A, u, -1, 0, w) - part.cost(A, u, 0, 0, w) + part.cost(B, u, 1, 0, w) - part.cost(B, u, 0, 0, w));
    if (!(gain > 1e-12)) return;
    const other = kind === 'give' ? B : A;
    const dev = (tt: number, sign: number) => {
      const d = new Float64Array(p.M);
      for (let m = 0; m < p.M; m++) {
        const T = p.target[m];
        d[m] = T > 0 ? ((part.values[tt * p.M + m] + sign * p.unitVal[u * p.M + m] - T) / T) * 100 : NaN;
      }
      return d;
    };
    out.push({
      unit: u,
      from: A,
      to: B,
      kind,
      deviationBeforePct: dev(t, 0),
      deviationAfterPct: dev(t, kind === 'give' ? -1 : 1),
      otherBeforePct: dev(other, 0),
      otherAfterPct: dev(other, kind === 'give' ? 1 : -1),
      improvement: gain,
      keepsContiguous: guard.canRemove(u, part.assign),
    });
  };
  for (let u = 0; u < p.n; u++) {
    const A = part.assign[u];
    if (A === t) {
      const seen = new Set<number>();
      for (let e = adjStart[u]; e < adjStart[u + 1]; e++) {
        const B = part.assign[adj[e]];
        if (B !== t && !seen.has(B)) seen.add(B), consider(u, B, 'give');
      }
    } else if (A >= 0) {
      for (let e = adjStart[u]; e < adjStart[u + 1]; e++) {
        if (part.assign[adj[e]] === t) {
          consider(u, t, 'take');
          break;
        }
      }
    }
  }
  out.sort((a, b) => Number(b.keepsContiguous) - Number(a.keepsContiguous) || b.improvement - a.improvement || a.unit - b.unit);
  return out.slice(0, limit);
}
