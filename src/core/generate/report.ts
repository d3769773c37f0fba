import { polsbyPopper } from '../metrics/measures';
import { partsPerTerritory } from './contiguity';
import type { Partition } from './partition';
import type { Diagnosis, Outcome, TerritoryOutcome } from './types';

/**
 * The figures a result is judged by, from the final partition: per territory values and
 * deviations, Polsby-Popper (metrics/measures.ts, with the same perimeter rule as TerritoryStats:
 * arcs with the territory on exactly one side), pieces, classification-mix similarity; and the
 * summary (worst deviation, contiguity, unassigned units).
 */
export function outcome(part: Partition, diagnoses: Diagnosis[], stopped: boolean, t0: number): Outcome {
  const p = part.p;
  const { M, k } = p;
  const parts = partsPerTerritory(p.g, part.assign, k);
  const territories: TerritoryOutcome[] = [];
  const maxDeviationPct = new Float64Array(M);
  let ppSum = 0;
  let ppN = 0;
  let mixSum = 0;
  let mixN = 0;
  let noncontiguous = 0;
  for (let t = 0; t < k; t++) {
    const values = part.values.slice(t * M, (t + 1) * M);
    const deviationPct = new Float64Array(M);
    for (let m = 0; m < M; m++) {
      deviationPct[m] = p.target[m] > 0 ? ((values[m] - p.target[m]) / p.target[m]) * 100 : NaN;
      if (!p.frozen[t] && Math.abs(deviationPct[m]) > maxDeviationPct[m]) maxDeviationPct[m] = Math.abs(deviationPct[m]);
    }
    const pp = part.units[t] > 0 ? polsbyPopper(part.area[t], part.perim[t]) : NaN;
    const mix = mixSimilarity(part, t);
    if (!p.frozen[t]) {
      if (pp === pp) (ppSum += pp), ppN++;
      if (mix === mix) (mixSum += mix), mixN++;
    }
    if (parts[t] > 1) noncontiguous++;
    territories.push({
      values,
      deviationPct,
      units: part.units[t],
      areaKm2: part.area[t],
      perimeterKm: part.perim[t],
      polsbyPopper: pp,
      parts: parts[t],
      frozen: p.frozen[t] === 1,
      mixSimilarity: mix,
    });
  }
  let unassignedUnits = 0;
  for (let u = 0; u < p.n; u++) if (p.inScope[u] && part.assign[u] < 0) unassignedUnits++;
  let within = true;
  for (let m = 0; m < M; m++) if (maxDeviationPct[m] > p.tol[m] * 100 + 1e-9) within = false;
  return {
    assignment: part.assign.slice(),
    k,
    targets: p.target.slice(),
    territories,
    maxDeviationPct,
    withinTolerance: within,
    unassignedUnits,
    noncontiguous,
    polsbyPopperMean: ppN > 0 ? ppSum / ppN : NaN,
    mixSimilarityMean: mixN > 0 ? mixSum / mixN : NaN,
    diagnoses,
    stopped,
    moves: part.moves,
    ms: performance.now() - t0,
  };
}

/** 1 − ½ Σ_c |share_c − scope share_c|: 1 = the same classification mix as the whole scope. */
export function mixSimilarity(part: Partition, t: number): number {
  const p = part.p;
  if (!part.mix || !p.mixShare) return NaN;
  const tot = part.mixTotal[t];
  if (!(tot > 0)) return NaN;
  let d = 0;
  for (let c = 0; c < p.mixC; c++) d += Math.abs(part.mix[t * p.mixC + c] / tot - p.mixShare[c]);
  return 1 - d / 2;
}
