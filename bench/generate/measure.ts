import { clustersKmeans } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import { accountLookup } from '../../src/core/plan/account-lookup';
import { createPlan, newTerritory, type BalanceMetric } from '../../src/core/plan/plan';
import { TerritoryStats } from '../../src/core/plan/territory-stats';
import { accountVisits, DEFAULT_WORKLOAD } from '../../src/core/metrics/workload';
import type { UnitAggregates } from '../../src/core/units/unit-aggregates';
import type { BenchWorld } from './bench-world';

export interface PlanFigures {
  max_dev_pct: number;
  noncontiguous: number;
  unassigned_units: number;
  polsby_popper_mean: number;
}

/**
 * The row's figures for any assignment, computed by the app's own TerritoryStats (the figures the
 * territory panel shows): deviation from the mean over all k territories, parts, Polsby-Popper
 * from merged outlines (area = Σ unit areas, perimeter = arcs with the territory on one side).
 */
export function planFigures(w: BenchWorld, aggregates: UnitAggregates, assignment: Int32Array, k: number, metric: BalanceMetric): PlanFigures {
  const plan = createPlan({ id: 'bench', name: 'bench', layerId: w.layer.layerId, unitCount: w.layer.count });
  for (let t = 0; t < k; t++) plan.territories.push(newTerritory(`t${t}`, `T${t}`, '#888'));
  plan.assignment.set(assignment);
  const stats = new TerritoryStats(
    {
      layer: w.layer,
      aggregates,
      accounts: w.table,
      unitOfAccount: w.unitOfAccount,
      visits: accountVisits(w.table, DEFAULT_WORKLOAD),
      settings: DEFAULT_WORKLOAD,
      repHome: () => null,
      accountIndex: accountLookup(w.table),
    },
    plan,
  );
  const { deviationPct } = stats.balance(metric);
  let maxDev = 0;
  let noncontiguous = 0;
  let ppSum = 0;
  let ppN = 0;
  for (let t = 0; t < k; t++) {
    maxDev = Math.max(maxDev, Math.abs(deviationPct[t]));
    const f = stats.figures(t);
    if (f.parts > 1) noncontiguous++;
    if (f.polsbyPopper === f.polsbyPopper) (ppSum += f.polsbyPopper), ppN++;
  }
  let unassigned = 0;
  for (let u = 0; u < w.layer.count; u++) if (w.scope[u] && assignment[u] < 0) unassigned++;
  return { max_dev_pct: maxDev, noncontiguous, unassigned_units: unassigned, polsby_popper_mean: ppN > 0 ? ppSum / ppN : NaN };
}

/** turf.clustersKmeans on the centroids of the units in scope, same k: the baseline of every row. */
export function kmeansBaseline(w: BenchWorld, k: number): { assignment: Int32Array; seconds: number } {
  const idx: number[] = [];
  for (let u = 0; u < w.layer.count; u++) if (w.scope[u]) idx.push(u);
  const t0 = performance.now();
  const fc: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: idx.map((u) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [w.layer.centroid[2 * u], w.layer.centroid[2 * u + 1]] } })),
  };
  const r = clustersKmeans(fc, { numberOfClusters: k });
  const seconds = (performance.now() - t0) / 1000;
  const assignment = new Int32Array(w.layer.count).fill(-1);
  r.features.forEach((f, i) => (assignment[idx[i]] = (f.properties as { cluster: number }).cluster));
  return { assignment, seconds };
}

export function prefixed(prefix: string, f: PlanFigures): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(f)) out[`${prefix}${key}`] = Number(v.toFixed(4));
  return out;
}
