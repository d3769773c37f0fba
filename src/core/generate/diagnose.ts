import type { Partition } from './partition';
import type { Problem } from './problem';
import type { Diagnosis, Outcome } from './types';

const pct = (v: number) => `${v.toFixed(1)} %`;

/**
 * Reasons a balance goal cannot be met, found before optimizing (so the result can say why, not
 * only by how much): a unit heavier than a territory may be, fewer units than territories, a
 * territory whose locked content alone is over the band, units locked while unassigned.
 */
export function diagnoseProblem(p: Problem, freeTerritories: number): Diagnosis[] {
  const out: Diagnosis[] = [];
  let movable = 0;
  for (let u = 0; u < p.n; u++) if (p.movable[u]) movable++;
  if (movable < freeTerritories) {
    out.push({
      kind: 'tooFewUnits',
      units: movable,
      territories: freeTerritories,
      message: `${freeTerritories} territories to make from ${movable} units: at least ${freeTerritories - movable} will be empty. Choose fewer territories or a finer layer.`,
    });
  }
  for (let m = 0; m < p.M; m++) {
    const T = p.target[m];
    if (!(T > 0)) continue;
    const limit = T * (1 + p.tol[m]);
    const heavy: number[] = [];
    for (let u = 0; u < p.n; u++) if (p.movable[u] && p.unitVal[u * p.M + m] > limit) heavy.push(u);
    heavy.sort((a, b) => p.unitVal[b * p.M + m] - p.unitVal[a * p.M + m] || a - b);
    for (const u of heavy.slice(0, 10)) {
      const share = (p.unitVal[u * p.M + m] / T) * 100;
      out.push({
        kind: 'unitHeavierThanTarget',
        unit: u,
        metric: p.names[m],
        valuePctOfTarget: share,
        message: `One unit alone holds ${pct(share)} of a territory's ${p.names[m]} target: its territory cannot be within tolerance. Use the ZIP layer or split the unit.`,
      });
    }
    // locked content (fixed units + pinned accounts) of an adjustable territory already over the band
    const fixed = new Float64Array(p.k);
    for (let t = 0; t < p.k; t++) fixed[t] = p.offset[t * p.M + m];
    for (let u = 0; u < p.n; u++) if (!p.movable[u] && p.fixedTo[u] >= 0) fixed[p.fixedTo[u]] += p.unitVal[u * p.M + m];
    for (let t = 0; t < p.k; t++) {
      if (p.frozen[t] || fixed[t] <= limit) continue;
      const dev = ((fixed[t] - T) / T) * 100;
      out.push({
        kind: 'locksExceedTarget',
        territory: t,
        metric: p.names[m],
        deviationPct: dev,
        message: `Territory ${t + 1}'s locked units and pinned accounts alone are ${pct(dev)} over the ${p.names[m]} target. Unlock some units or unpin accounts.`,
      });
    }
  }
  if (p.lockedUnassigned > 0) {
    out.push({
      kind: 'lockedUnassigned',
      units: p.lockedUnassigned,
      message: `${p.lockedUnassigned} units in scope are locked while unassigned; they stay unassigned. Unlock them to include them.`,
    });
  }
  return out;
}

export function disconnectedScope(pieces: number, sizes: number[], orphanUnits: number): Diagnosis | null {
  if (pieces <= 1) return null;
  const main = Math.max(...sizes);
  const outside = sizes.reduce((s, v) => s + v, 0) - main;
  return {
    kind: 'disconnectedScope',
    components: pieces,
    unitsOutsideMain: outside,
    message:
      `The units to assign form ${pieces} separate pieces in the adjacency graph (${outside} units outside the largest).` +
      (orphanUnits > 0 ? ` ${orphanUnits} units got no territory of their own and joined the nearest one, which is then in several pieces.` : ' Territories cannot cross from one piece to another.'),
  };
}

/** After optimizing: how far from the goal the result stayed. */
export function diagnoseOutcome(part: Partition, o: Pick<Outcome, 'maxDeviationPct'>): Diagnosis[] {
  const p = part.p;
  const out: Diagnosis[] = [];
  for (let m = 0; m < p.M; m++) {
    const tolPct = p.tol[m] * 100;
    const max = o.maxDeviationPct[m];
    if (max > tolPct + 1e-9) {
      out.push({
        kind: 'toleranceMissed',
        metric: p.names[m],
        maxDeviationPct: max,
        tolerancePct: tolPct,
        overByPct: max - tolPct,
        message: `${p.names[m]}: the worst territory is ${pct(max)} from the mean, ${pct(max - tolPct)} beyond the ±${tolPct} % tolerance.`,
      });
    }
  }
  return out;
}
