import { Rng } from '../../fixtures/generator/prng';
import { accountVisits, DEFAULT_WORKLOAD } from '../../src/core/metrics/workload';
import { accountLookup } from '../../src/core/plan/account-lookup';
import { edit } from '../../src/core/plan/commands';
import { PlanHistory } from '../../src/core/plan/history';
import { clonePlan } from '../../src/core/plan/plan';
import { TerritoryStats, type StatsContext, type TerritoryFigures } from '../../src/core/plan/territory-stats';
import { joinAccountsByZip } from '../../src/core/units/account-join';
import { zipAreasLayerFromDisk } from '../../src/core/units/layers-node';
import { aggregateUnits } from '../../src/core/units/unit-aggregates';
import { UnitFinder } from '../../src/core/units/unit-finder';
import { BENCH_SEED, emit, log, median, round } from '../lib';
import { benchAccounts } from './bench-accounts';
import { growPlan } from './grow-plan';

const REPEATS = Number(process.env.BENCH_REPEATS_PAINT ?? 300);
const K = 300;
const TARGET_MS = 16;

/**
 * `paint.incremental.zip`, the Node part: a k = 300 plan over the ZIP layer (seeded BFS growth)
 * with the 1,000,000 benchmark accounts joined by ZIP and aggregated per unit. Each repeat moves one
 * random boundary unit (a different one each time) into a neighbouring territory through the
 * command path the UI uses (PlanHistory → applyCommand → TerritoryStats.apply) and then reads every
 * figure of every territory plus the balance; the time of both is one sample.
 *
 * Each territory gets a rep whose home is its seed unit's centroid, so moves go through the travel
 * path (distances from a different home) rather than the cheap no-rep path.
 *
 * The Chromium measurement is not built yet: `value` is the Node figure for now and `ok` is false.
 */
export async function run(): Promise<void> {
  const layer = zipAreasLayerFromDisk();
  if (!layer) {
    log('paint.incremental.zip: public/data/zip-areas.topo.json is not built; skipped');
    return;
  }
  const { table } = benchAccounts();

  let t = performance.now();
  const join = joinAccountsByZip(table, layer, new UnitFinder(layer));
  const joinMs = performance.now() - t;
  t = performance.now();
  const settings = DEFAULT_WORKLOAD;
  const visits = accountVisits(table, settings);
  const aggregates = aggregateUnits(table, join.unitOfAccount, layer.count, visits, settings.visitHours);
  const aggregateMs = performance.now() - t;

  const { plan, seeds } = growPlan(layer, K, BENCH_SEED);
  const homes = new Map<string, { lat: number; lon: number }>();
  plan.territories.forEach((tr, i) => {
    tr.repId = `R${i + 1}`;
    homes.set(tr.repId, { lat: layer.centroid[2 * seeds[i] + 1], lon: layer.centroid[2 * seeds[i]] });
  });
  const ctx: StatsContext = { layer, aggregates, accounts: table, unitOfAccount: join.unitOfAccount, visits, settings, repHome: (id) => homes.get(id) ?? null, accountIndex: accountLookup(table) };
  t = performance.now();
  const stats = new TerritoryStats(ctx, plan);
  const fullMs = performance.now() - t;
  const history = new PlanHistory(plan, stats.apply);

  const readAll = (): TerritoryFigures[] => {
    const out: TerritoryFigures[] = [];
    for (let i = 0; i < stats.territoryCount; i++) out.push(stats.figures(i));
    stats.balance(plan.balance.metric);
    return out;
  };
  readAll();

  const rng = new Rng(BENCH_SEED);
  const moved = new Uint8Array(layer.count);
  const times: number[] = [];
  let accountsMoved = 0;
  while (times.length < REPEATS) {
    const u = rng.int(layer.count);
    if (moved[u]) continue;
    const from = plan.assignment[u];
    let to = -1;
    for (let k = layer.adjStart[u]; k < layer.adjStart[u + 1]; k++) if (plan.assignment[layer.adj[k]] !== from) to = plan.assignment[layer.adj[k]];
    if (to < 0) continue; // an interior unit: painting it elsewhere would not be a boundary edit
    moved[u] = 1;
    accountsMoved += aggregates.accounts[u];
    const s = performance.now();
    history.do(edit.paint([u], plan.territories[to].id));
    readAll();
    times.push(performance.now() - s);
  }

  // the incremental figures must equal a full recompute of the edited plan
  const fresh = new TerritoryStats(ctx, clonePlan(plan));
  let mismatches = 0;
  for (let i = 0; i < K; i++) {
    const a = stats.figures(i);
    const b = fresh.figures(i);
    for (const key of ['units', 'accounts', 'revenue', 'potential', 'workloadHours', 'areaKm2', 'perimeterKm', 'parts'] as const) {
      if (Math.abs(a[key] - b[key]) > 1e-6 * Math.max(1, Math.abs(b[key]))) mismatches++;
    }
    if (Math.abs((a.travel?.maxKm ?? 0) - (b.travel?.maxKm ?? 0)) > 1e-9) mismatches++;
  }

  const nodeMs = median(times);
  const sorted = [...times].sort((x, y) => x - y);
  emit({
    name: 'paint.incremental.zip',
    value: round(nodeMs, 3),
    unit: 'ms',
    target: TARGET_MS,
    ok: false,
    note: 'the Chromium part is not built yet; value is the Node figure (node_ms)',
    node_ms: round(nodeMs, 3),
    node_p95_ms: round(sorted[Math.floor(sorted.length * 0.95)], 3),
    node_max_ms: round(sorted[sorted.length - 1], 3),
    repeats: REPEATS,
    accounts: table.count,
    units: layer.count,
    territories: K,
    mean_accounts_per_moved_unit: round(accountsMoved / REPEATS, 1),
    full_recompute_ms: round(fullMs, 1),
    mismatches,
    join_ms: round(joinMs, 0),
    joined_by_zip: join.byMethod[1],
    joined_by_point: join.byMethod[2] + join.byMethod[3],
    unjoined: join.byMethod[0],
    aggregate_ms: round(aggregateMs, 0),
  });
}
