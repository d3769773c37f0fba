import { generateTerritories } from '../../src/core/generate';
import { emit, log, median, round } from '../lib';
import { benchWorld } from './bench-world';
import { kmeansBaseline, planFigures, prefixed } from './measure';

const REPEATS = Number(process.env.BENCH_REPEATS_GENERATE ?? 3);

/**
 * `generate.counties.k50` and `generate.zip.k300`: territories generated from scratch over the
 * contiguous 48 states + DC, balanced on revenue potential of the 1,000,000 benchmark accounts,
 * compactness slider at its default (0.5). `value` = median seconds of REPEATS runs of
 * generateTerritories (the whole optimisation: nothing is carried between runs). The figures are
 * computed by TerritoryStats, the baseline (turf.clustersKmeans on unit centroids, same k) the
 * same way, in the same process.
 */
export async function run(which: 'counties' | 'zip'): Promise<void> {
  const k = which === 'counties' ? 50 : 300;
  const tolerancePct = which === 'counties' ? 5 : 3;
  const targetS = which === 'counties' ? 2 : 15;
  const name = `generate.${which}.k${k}`;
  const w = benchWorld(which);
  if (!w) {
    log(`${name}: the ZIP-area layer is not built; skipped`);
    return;
  }
  const input = {
    graph: w.layer,
    scope: w.scope,
    metrics: [{ name: 'potential', values: w.aggregates.potential, tolerancePct }],
    territories: { k },
    seed: 1,
  };
  generateTerritories(input); // warm-up (JIT)
  const times: number[] = [];
  let result = generateTerritories(input);
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    result = generateTerritories(input);
    times.push((performance.now() - t0) / 1000);
  }
  const ours = planFigures(w, w.aggregates, result.assignment, k, 'potential');
  log(`  ${name}: ${median(times).toFixed(2)} s, max dev ${ours.max_dev_pct.toFixed(2)} %, PP ${ours.polsby_popper_mean.toFixed(3)}; k-means baseline…`);
  const base = kmeansBaseline(w, k);
  const theirs = planFigures(w, w.aggregates, base.assignment, k, 'potential');
  const seconds = median(times);
  const ok =
    seconds < targetS &&
    ours.max_dev_pct <= tolerancePct &&
    ours.noncontiguous === 0 &&
    ours.unassigned_units === 0 &&
    ours.polsby_popper_mean >= 0.8 * theirs.polsby_popper_mean;
  let inScope = 0;
  for (let u = 0; u < w.layer.count; u++) inScope += w.scope[u];
  emit({
    name,
    value: round(seconds, 3),
    unit: 's',
    target: targetS,
    ok,
    metric: 'potential',
    tolerance_pct: tolerancePct,
    k,
    units_in_scope: inScope,
    repeats: REPEATS,
    ...prefixed('', ours),
    pp_ratio_vs_baseline: round(ours.polsby_popper_mean / theirs.polsby_popper_mean, 3),
    ...prefixed('baseline_', theirs),
    baseline_s: round(base.seconds, 2),
    compactness: 0.5,
    diagnoses: result.diagnoses.map((d) => d.kind).join(',') || 'none',
  });
}
