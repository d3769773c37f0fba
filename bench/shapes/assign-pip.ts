import type { Feature, MultiPolygon } from 'geojson';
import { bbox as turfBbox, booleanPointInPolygon, point } from '@turf/turf';
import { Rng } from '../../fixtures/generator/prng';
import { assignAccountsToShapes } from '../../src/core/shapes/assign-accounts';
import { territoryOutlines } from '../../src/core/units/outline';
import { zipAreasLayerFromDisk } from '../../src/core/units/layers-node';
import { BENCH_SEED, emit, log, median, round } from '../lib';
import { benchAccounts } from '../plan/bench-accounts';
import { growPlan } from '../plan/grow-plan';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const K = 500;
const SAMPLE = 20_000;
const TARGET_S = 1;
const TARGET_SPEEDUP = 20;

/**
 * `assign.pip.1m_x_500`: the 1,000,000 benchmark accounts into 500 realistic territory outlines
 * (ZIP areas grown into 500 contiguous territories, grow-plan.ts, merged by territoryOutlines:
 * they tile the country without overlap), index build included, no state kept between repeats.
 *
 * Baseline, same process: the straightforward loop, for each point every territory in order with
 * turf.booleanPointInPolygon (each feature given its turf.bbox, which turf checks first; bbox
 * computation timed too), first hit wins, on a seeded sample of 20,000 of the same points, scaled
 * to 1,000,000. Both count a point on an edge as inside (turf's default) and take the first
 * territory in order, so on a shared edge both pick the same one: `mismatches` compares the two
 * answers point by point over the sample.
 */
export async function run(): Promise<void> {
  const layer = zipAreasLayerFromDisk();
  if (!layer) {
    log('assign.pip.1m_x_500: public/data/zip-areas.topo.json is not built; skipped');
    return;
  }
  const { plan } = growPlan(layer, K, BENCH_SEED);
  const outlines: MultiPolygon[] = territoryOutlines(layer, plan.assignment, K);
  const vertices = outlines.reduce((n, m) => n + m.coordinates.flat().reduce((k, r) => k + r.length, 0), 0);
  const { table } = benchAccounts();
  const { lon, lat } = table;

  assignAccountsToShapes(lon, lat, outlines); // warm-up (JIT)
  const times: number[] = [];
  let result: Int32Array = new Int32Array(0);
  for (let r = 0; r < REPEATS; r++) {
    const s = performance.now();
    result = assignAccountsToShapes(lon, lat, outlines);
    times.push((performance.now() - s) / 1000);
  }
  let inNone = 0;
  for (let i = 0; i < result.length; i++) if (result[i] < 0) inNone++;

  const rng = new Rng(BENCH_SEED + 1);
  const sample = Array.from({ length: SAMPLE }, () => rng.int(table.count));
  const baseline: number[] = [];
  let mismatches = 0;
  for (let r = 0; r < 2; r++) {
    const s = performance.now();
    const features: Feature<MultiPolygon>[] = outlines.map((g) => ({ type: 'Feature', properties: {}, geometry: g, bbox: turfBbox(g) }));
    const answers = new Int32Array(SAMPLE);
    for (let k = 0; k < SAMPLE; k++) {
      const i = sample[k];
      answers[k] = -1;
      if (Number.isNaN(lon[i]) || Number.isNaN(lat[i])) continue;
      const pt = point([lon[i], lat[i]]);
      for (let t = 0; t < features.length; t++) {
        if (booleanPointInPolygon(pt, features[t])) {
          answers[k] = t;
          break;
        }
      }
    }
    baseline.push((performance.now() - s) / 1000);
    if (r === 0) for (let k = 0; k < SAMPLE; k++) if (answers[k] !== result[sample[k]]) mismatches++;
  }
  const value = median(times);
  const turfScaled = (median(baseline) * table.count) / SAMPLE;
  const speedup = turfScaled / value;
  emit({
    name: 'assign.pip.1m_x_500',
    value: round(value, 3),
    unit: 's',
    target: TARGET_S,
    ok: value < TARGET_S && speedup >= TARGET_SPEEDUP && mismatches === 0,
    repeats: REPEATS,
    max_s: round(Math.max(...times), 3),
    accounts: table.count,
    territories: K,
    polygons: outlines.reduce((n, m) => n + m.coordinates.length, 0),
    vertices,
    accounts_in_none: inNone,
    speedup_vs_turf: round(speedup, 1),
    target_speedup: TARGET_SPEEDUP,
    baseline_turf_sample: SAMPLE,
    baseline_turf_sample_s: round(median(baseline), 3),
    baseline_turf_scaled_s: round(turfScaled, 2),
    mismatches,
  });
}
