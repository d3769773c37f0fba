import { ContiguityGuard } from './contiguity';
import { RunControl } from './control';
import { diagnoseOutcome, diagnoseProblem } from './diagnose';
import { fillUnassigned } from './fragments';
import { movedUnits, perTerritoryDisruption } from './moves';
import { Partition, type CostWeights } from './partition';
import { buildProblem } from './problem';
import { outcome } from './report';
import type { Hooks, RebalanceInput, RebalanceOutcome } from './types';

/**
 * Back to tolerance from the current plan with as little disruption as possible.
 *
 * Rounds of greedy moves: every territory out of tolerance gets the one move of a boundary unit
 * (out of it when heavy, into it when light, with a neighbouring territory on the other end) with
 * the best ratio of objective gain to disruption (the moved unit's value, e.g. revenue; moving a
 * unit back to where it started refunds it). The objective is the excess past the tolerance edge
 * plus a small balance term, so a heavy territory can push units into a neighbour that is in
 * tolerance but lighter, which passes them on: chains, not only direct neighbours. It stops as
 * soon as every territory is within tolerance, when no move helps, or when the next move would
 * break the disruption cap (the cap wins: the result says how far from tolerance it stayed).
 */
/** how far (in territories) a chain of moves may reach from a territory out of tolerance */
const MAX_RING = 6;

export function rebalanceTerritories(input: RebalanceInput, hooks: Hooks = {}): RebalanceOutcome {
  const t0 = performance.now();
  const ctl = new RunControl(hooks);
  const k = input.territoryCount;
  const p = buildProblem(input, k);
  const n = p.n;
  const { adjStart, adj } = p.g;
  const diagnoses = diagnoseProblem(p, 0);
  const original = input.current;

  const assign = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const c = original[u] < k ? original[u] : -1;
    assign[u] = p.movable[u] ? (c >= 0 && !p.frozen[c] ? c : -1) : p.fixedTo[u];
  }
  const part = new Partition(p, assign);
  fillUnassigned(part);

  const dv = input.disruption?.values ?? input.metrics[0].values;
  let scopeTotal = 0;
  for (let u = 0; u < n; u++) if (p.inScope[u] && dv[u] > 0) scopeTotal += dv[u];
  const capPct = input.disruption?.maxMovedPct;
  const cap = capPct === undefined ? Infinity : (capPct / 100) * scopeTotal;
  let movedValue = 0;
  for (let u = 0; u < n; u++) if (original[u] >= 0 && part.assign[u] !== original[u]) movedValue += Math.max(0, dv[u]);

  // a small disruption floor so units without revenue are cheap but not free to shuffle
  let meanDv = 0;
  let movableCount = 0;
  for (let u = 0; u < n; u++) if (p.movable[u]) (meanDv += Math.max(0, dv[u])), movableCount++;
  meanDv = movableCount > 0 ? meanDv / movableCount : 1;
  const eps = 0.05 * meanDv + 1e-12;

  const w: CostWeights = { balance: 0.05, excess: 1, compact: 0.01 * p.compactness, mix: 0 };
  const guard = new ContiguityGuard(p.g);
  const outline = new Float64Array(n);
  for (let u = 0; u < n; u++) if (p.movable[u]) outline[u] = part.outlineLength(u);
  const viol = new Uint8Array(k);
  const bestScore = new Float64Array(k);
  const bestU = new Int32Array(k);
  const bestB = new Int32Array(k);
  const cand = new Int32Array(256);
  let capReached = false;
  const startWorst = part.worstRatio();

  const moveCost = (u: number, to: number): number => {
    const from = part.assign[u];
    if (original[u] < 0) return 0;
    if (to === original[u]) return -Math.max(0, dv[u]);
    return from === original[u] ? Math.max(0, dv[u]) : 0;
  };

  // territories allowed to trade this round: the ones out of tolerance, widened ring by ring
  // (their neighbours, then the neighbours' neighbours…) when no move helps, so a heavy territory
  // boxed in by full neighbours can make room through a chain
  const active = new Uint8Array(k);
  const grown = new Uint8Array(k);
  let ring = 0;
  for (let round = 0; round < 100_000; round++) {
    if (ctl.check()) break;
    const worst = part.worstRatio();
    ctl.progress(startWorst > 1 ? Math.min(0.99, (startWorst - worst) / (startWorst - 1)) : 1, 'rebalancing');
    let any = false;
    for (let t = 0; t < k; t++) {
      viol[t] = 0;
      if (p.frozen[t]) continue;
      for (let m = 0; m < p.M; m++) if (Math.abs(part.deviation(t, m)) > p.tol[m]) viol[t] = 1;
      if (viol[t]) any = true;
      active[t] = viol[t];
      bestScore[t] = 0;
      bestU[t] = -1;
    }
    if (!any) break;
    for (let r = 0; r < ring; r++) {
      grown.set(active);
      for (let u = 0; u < n; u++) {
        const A = part.assign[u];
        if (A < 0 || !active[A]) continue;
        for (let e = adjStart[u]; e < adjStart[u + 1]; e++) {
          const B = part.assign[adj[e]];
          if (B >= 0 && !p.frozen[B]) grown[B] = 1;
        }
      }
      active.set(grown);
    }
    let blockedByCap = false;
    for (let u = 0; u < n; u++) {
      if (!p.movable[u]) continue;
      const A = part.assign[u];
      if (A < 0 || p.frozen[A] || part.units[A] <= 1) continue;
      let nc = 0;
      for (let e = adjStart[u]; e < adjStart[u + 1]; e++) {
        const B = part.assign[adj[e]];
        if (B < 0 || B === A || p.frozen[B] || !(active[A] || active[B])) continue;
        let seen = false;
        for (let j = 0; j < nc; j++) if (cand[j] === B) seen = true;
        if (!seen && nc < cand.length) cand[nc++] = B;
      }
      if (nc === 0) continue;
      const lenA = part.borderLength(u, A);
      for (let j = 0; j < nc; j++) {
        const B = cand[j];
        const gain = -part.moveDelta(u, B, outline[u], lenA, w);
        if (!(gain > 1e-12)) continue;
        const c = moveCost(u, B);
        if (movedValue + c > cap) {
          blockedByCap = true;
          continue;
        }
        const score = gain / (Math.max(0, c) + eps);
        const key = viol[A] || (active[A] && !viol[B]) ? A : B;
        if (score > bestScore[key] && guard.canRemove(u, part.assign)) {
          bestScore[key] = score;
          bestU[key] = u;
          bestB[key] = B;
        }
      }
    }
    let moved = 0;
    for (let t = 0; t < k; t++) {
      const u = bestU[t];
      if (u < 0) continue;
      const A = part.assign[u];
      const B = bestB[t];
      // earlier moves of this round may have changed the picture: check again before moving
      if (A === B || part.units[A] <= 1 || !guard.canRemove(u, part.assign)) continue;
      if (!(-part.moveDelta(u, B, outline[u], part.borderLength(u, A), w) > 1e-12)) continue;
      const c = moveCost(u, B);
      if (movedValue + c > cap) continue;
      movedValue += c;
      part.move(u, B);
      moved++;
    }
    if (moved > 0) {
      ring = 0;
      continue;
    }
    if (ring < MAX_RING) {
      ring++;
      continue;
    }
    capReached = blockedByCap;
    break;
  }

  const o = outcome(part, diagnoses, ctl.stopped, t0);
  o.diagnoses.push(...diagnoseOutcome(part, o));
  if (capReached && capPct !== undefined) {
    o.diagnoses.push({
      kind: 'disruptionCapReached',
      movedPct: scopeTotal > 0 ? (movedValue / scopeTotal) * 100 : 0,
      capPct,
      message: `Stopped at the cap of ${capPct} % moved; ${o.withinTolerance ? 'the plan is within tolerance.' : 'the plan is still out of tolerance (see above).'}`,
    });
  }
  const moved = movedUnits(original, o.assignment);
  const accounts = input.disruption?.accounts;
  let movedAccounts = 0;
  if (accounts) for (let i = 0; i < moved.units.length; i++) movedAccounts += accounts[moved.units[i]];
  ctl.progress(1, 'done');
  return {
    ...o,
    moved,
    movedValue,
    movedPct: scopeTotal > 0 ? (movedValue / scopeTotal) * 100 : 0,
    movedAccounts,
    perTerritory: perTerritoryDisruption(moved, k, dv, accounts),
    capReached,
  };
}

