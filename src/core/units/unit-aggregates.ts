import type { AccountTable } from '../accounts/table';

/**
 * Account figures summed per unit, once after the join, so every territory figure is a sum over
 * units (and moving a unit is a handful of additions). Plan-independent: pins and reps are applied
 * by TerritoryStats on top.
 *
 * Category counts are flattened unit-major: segments[u * segmentLabels.length + code]. Codes are
 * the table's dictionary codes, code 0 = empty.
 */
export interface UnitAggregates {
  unitCount: number;
  accounts: Uint32Array;
  /** Σ last-year revenue, empty cells skipped */
  revenue: Float64Array;
  /** Σ revenue potential, empty cells skipped */
  potential: Float64Array;
  /** Σ visits per year (metrics/workload visitsPerYear: own value or classification default) */
  visits: Float64Array;
  /** workload hours with no rep (visit time only, no travel): what a unit costs before it has a territory */
  workloadHours: Float64Array;
  segmentLabels: string[];
  segments: Uint32Array;
  classificationLabels: string[];
  classifications: Uint32Array;
  /** accounts grouped by unit, CSR: unit u's accounts are accountsByUnit[accountStart[u] .. accountStart[u + 1]) */
  accountStart: Uint32Array;
  accountsByUnit: Uint32Array;
  /** accounts with no unit (unitOfAccount -1) */
  unjoined: number;
}

/**
 * `visits` is visits per year per account (metrics/workload accountVisits), `visitHours` the
 * visit duration of the workload settings.
 */
export function aggregateUnits(t: AccountTable, unitOfAccount: Int32Array, unitCount: number, visits: Float64Array, visitHours: number): UnitAggregates {
  const nSeg = t.segment.labels.length;
  const nCls = t.classification.labels.length;
  const accounts = new Uint32Array(unitCount);
  const revenue = new Float64Array(unitCount);
  const potential = new Float64Array(unitCount);
  const visitSum = new Float64Array(unitCount);
  const segments = new Uint32Array(unitCount * nSeg);
  const classifications = new Uint32Array(unitCount * nCls);
  const segCodes = t.segment.codes;
  const clsCodes = t.classification.codes;
  let unjoined = 0;
  for (let i = 0; i < t.count; i++) {
    const u = unitOfAccount[i];
    if (u < 0) {
      unjoined++;
      continue;
    }
    accounts[u]++;
    const r = t.revenue[i];
    if (r === r) revenue[u] += r;
    const p = t.potential[i];
    if (p === p) potential[u] += p;
    visitSum[u] += visits[i];
    segments[u * nSeg + segCodes[i]]++;
    classifications[u * nCls + clsCodes[i]]++;
  }
  const accountStart = new Uint32Array(unitCount + 1);
  for (let u = 0; u < unitCount; u++) accountStart[u + 1] = accountStart[u] + accounts[u];
  const fill = accountStart.slice(0, unitCount);
  const accountsByUnit = new Uint32Array(accountStart[unitCount]);
  for (let i = 0; i < t.count; i++) {
    const u = unitOfAccount[i];
    if (u >= 0) accountsByUnit[fill[u]++] = i;
  }
  const workloadHours = new Float64Array(unitCount);
  for (let u = 0; u < unitCount; u++) workloadHours[u] = visitSum[u] * visitHours;
  return {
    unitCount,
    accounts,
    revenue,
    potential,
    visits: visitSum,
    workloadHours,
    segmentLabels: t.segment.labels,
    segments,
    classificationLabels: t.classification.labels,
    classifications,
    accountStart,
    accountsByUnit,
    unjoined,
  };
}
