import type { Problem } from './problem';

const FOUR_PI = 4 * Math.PI;

/** Weights of the objective's terms (per territory, summed; see docs/OPTIMIZER.md). */
export interface CostWeights {
  /** Σ_m w_m (deviation_m / tolerance_m)²: how close to the mean */
  balance: number;
  /** Σ_m w_m (e + e²), e = how far past the tolerance edge in tolerances: the hard goal */
  excess: number;
  /** P² / (4πA) = 1 / Polsby-Popper: outline compactness */
  compact: number;
  /** Σ_c (share_c − scope share_c)²: classification mix */
  mix: number;
  /** where the excess term starts, as a fraction of the tolerance (< 1 keeps a safety margin); default 1 */
  edge?: number;
  /**
   * A softer goal inside the band: past `aimEdge` × tolerance, `aim` × (how far past)² is added,
   * so territories settle well inside the tolerance unless shape really gains from the edge.
   */
  aim?: number;
  aimEdge?: number;
}

/**
 * A partition of the units with every territory figure kept as a running sum, so a move costs
 * O(metrics + classes + the unit's arcs) and its cost change is evaluated without touching the
 * state or allocating. Fixed units and pinned offsets are part of the sums from the start.
 */
export class Partition {
  readonly assign: Int32Array;
  /** values[t * M + m], offsets included */
  readonly values: Float64Array;
  readonly area: Float64Array;
  readonly perim: Float64Array;
  readonly units: Int32Array;
  readonly mix: Float64Array | null;
  readonly mixTotal: Float64Array;
  moves = 0;

  constructor(
    readonly p: Problem,
    assignment: Int32Array,
  ) {
    this.assign = assignment;
    this.values = new Float64Array(p.k * p.M);
    this.area = new Float64Array(p.k);
    this.perim = new Float64Array(p.k);
    this.units = new Int32Array(p.k);
    this.mix = p.mixVal ? new Float64Array(p.k * p.mixC) : null;
    this.mixTotal = new Float64Array(p.k);
    this.recompute();
  }

  /** Full recompute of every sum from the assignment. */
  recompute(): void {
    const p = this.p;
    const { M, mixC } = p;
    this.values.set(p.offset);
    this.area.fill(0);
    this.perim.fill(0);
    this.units.fill(0);
    this.mixTotal.fill(0);
    this.mix?.fill(0);
    for (let u = 0; u < p.n; u++) {
      const t = this.assign[u];
      if (t < 0) continue;
      this.units[t]++;
      this.area[t] += p.g.areaKm2[u];
      for (let m = 0; m < M; m++) this.values[t * M + m] += p.unitVal[u * M + m];
      if (this.mix) {
        for (let c = 0; c < mixC; c++) this.mix[t * mixC + c] += p.mixVal![u * mixC + c];
        for (let c = 0; c < mixC; c++) this.mixTotal[t] += p.mixVal![u * mixC + c];
      }
    }
    const { arcLeft, arcRight } = p.g;
    const len = p.g.arcs.lengthKm;
    for (let a = 0; a < arcLeft.length; a++) {
      const l = arcLeft[a];
      const r = arcRight[a];
      if (l === r) continue;
      const tl = l >= 0 ? this.assign[l] : -1;
      const tr = r >= 0 ? this.assign[r] : -1;
      if (tl === tr) continue;
      if (tl >= 0) this.perim[tl] += len[a];
      if (tr >= 0) this.perim[tr] += len[a];
    }
  }

  /** Moves unit u to territory `to` (−1 = unassigned), updating every sum. */
  move(u: number, to: number): void {
    const p = this.p;
    const from = this.assign[u];
    if (from === to) return;
    const { M, mixC } = p;
    const { arcLeft, arcRight, unitArcStart, unitArcs } = p.g;
    const len = p.g.arcs.lengthKm;
    for (let i = unitArcStart[u]; i < unitArcStart[u + 1]; i++) {
      const a = unitArcs[i];
      const v = arcLeft[a] === u ? arcRight[a] : arcLeft[a];
      if (v === u) continue;
      const tv = v >= 0 ? this.assign[v] : -1;
      if (tv !== from) {
        if (from >= 0) this.perim[from] -= len[a];
        if (tv >= 0) this.perim[tv] -= len[a];
      }
      if (tv !== to) {
        if (to >= 0) this.perim[to] += len[a];
        if (tv >= 0) this.perim[tv] += len[a];
      }
    }
    const a = p.g.areaKm2[u];
    if (from >= 0) {
      this.units[from]--;
      this.area[from] -= a;
      for (let m = 0; m < M; m++) this.values[from * M + m] -= p.unitVal[u * M + m];
      if (this.mix) for (let c = 0; c < mixC; c++) (this.mix[from * mixC + c] -= p.mixVal![u * mixC + c]), (this.mixTotal[from] -= p.mixVal![u * mixC + c]);
    }
    if (to >= 0) {
      this.units[to]++;
      this.area[to] += a;
      for (let m = 0; m < M; m++) this.values[to * M + m] += p.unitVal[u * M + m];
      if (this.mix) for (let c = 0; c < mixC; c++) (this.mix[to * mixC + c] += p.mixVal![u * mixC + c]), (this.mixTotal[to] += p.mixVal![u * mixC + c]);
    }
    this.assign[u] = to;
    this.moves++;
  }

  /**
   * Outline length of u that borders territory A (lenA) and in all (total), for perimeter deltas:
   * moving u from A to B changes P_A by 2·lenA − total and P_B by total − 2·lenB.
   */
  borderLength(u: number, t: number): number {
    const p = this.p;
    const { arcLeft, arcRight, unitArcStart, unitArcs } = p.g;
    const len = p.g.arcs.lengthKm;
    let s = 0;
    for (let i = unitArcStart[u]; i < unitArcStart[u + 1]; i++) {
      const a = unitArcs[i];
      const v = arcLeft[a] === u ? arcRight[a] : arcLeft[a];
      if (v >= 0 && v !== u && this.assign[v] === t) s += len[a];
    }
    return s;
  }

  outlineLength(u: number): number {
    const p = this.p;
    const { arcLeft, arcRight, unitArcStart, unitArcs } = p.g;
    const len = p.g.arcs.lengthKm;
    let s = 0;
    for (let i = unitArcStart[u]; i < unitArcStart[u + 1]; i++) {
      const a = unitArcs[i];
      if (arcLeft[a] !== arcRight[a]) s += len[a];
    }
    return s;
  }

  /**
   * Cost of territory t if unit u were added (sign +1) or removed (−1) and its perimeter changed
   * by dPerim; sign 0 = as it is. Frozen territories cost 0: nothing can change them.
   */
  cost(t: number, u: number, sign: number, dPerim: number, w: CostWeights): number {
    const p = this.p;
    if (p.frozen[t]) return 0;
    const { M } = p;
    const edge = w.edge ?? 1;
    const aim = w.aim ?? 0;
    const aimEdge = w.aimEdge ?? 1;
    let c = 0;
    for (let m = 0; m < M; m++) {
      const T = p.target[m];
      if (!(T > 0)) continue;
      const v = this.values[t * M + m] + (sign !== 0 ? sign * p.unitVal[u * M + m] : 0);
      const d = (v - T) / T / p.tol[m];
      const wm = p.weight[m];
      c += w.balance * wm * d * d;
      const e = Math.abs(d) / edge - 1;
      if (e > 0) c += w.excess * wm * (e + e * e);
      if (aim > 0) {
        const a = Math.abs(d) / aimEdge - 1;
        if (a > 0) c += aim * wm * a * a;
      }
    }
    if (w.compact > 0) {
      const A = this.area[t] + (sign !== 0 ? sign * p.g.areaKm2[u] : 0);
      const P = this.perim[t] + dPerim;
      if (A > 0) c += (w.compact * P * P) / (FOUR_PI * A);
    }
    if (w.mix > 0 && this.mix) {
      const C = p.mixC;
      let tot = this.mixTotal[t];
      if (sign !== 0) for (let k = 0; k < C; k++) tot += sign * p.mixVal![u * C + k];
      if (tot > 0) {
        let s = 0;
        for (let k = 0; k < C; k++) {
          const share = (this.mix[t * C + k] + (sign !== 0 ? sign * p.mixVal![u * C + k] : 0)) / tot - p.mixShare![k];
          s += share * share;
        }
        c += w.mix * s;
      }
    }
    return c;
  }

  /** Cost change of moving u from its territory A to B (both adjustable); lenTotal = outlineLength(u). */
  moveDelta(u: number, B: number, lenTotal: number, lenA: number, w: CostWeights): number {
    const A = this.assign[u];
    const lenB = this.borderLength(u, B);
    return (
      this.cost(A, u, -1, 2 * lenA - lenTotal, w) - this.cost(A, u, 0, 0, w) + this.cost(B, u, 1, lenTotal - 2 * lenB, w) - this.cost(B, u, 0, 0, w)
    );
  }

  /** Deviation of territory t on metric m, as a fraction of the target. */
  deviation(t: number, m: number): number {
    const T = this.p.target[m];
    return T > 0 ? (this.values[t * this.p.M + m] - T) / T : 0;
  }

  /** Largest |deviation| / tolerance over adjustable territories and metrics (≤ 1 = within tolerance). */
  worstRatio(): number {
    const p = this.p;
    let worst = 0;
    for (let t = 0; t < p.k; t++) {
      if (p.frozen[t]) continue;
      for (let m = 0; m < p.M; m++) {
        const r = Math.abs(this.deviation(t, m)) / p.tol[m];
        if (r > worst) worst = r;
      }
    }
    return worst;
  }
}
