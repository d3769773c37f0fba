import type { AccountTable } from '../../src/core/accounts/table';
import { accountVisits, DEFAULT_WORKLOAD } from '../../src/core/metrics/workload';
import { joinAccountsByPoint, joinAccountsByZip } from '../../src/core/units/account-join';
import { countiesLayerFromDisk, zipAreasLayerFromDisk } from '../../src/core/units/layers-node';
import { aggregateUnits, type UnitAggregates } from '../../src/core/units/unit-aggregates';
import { UnitFinder } from '../../src/core/units/unit-finder';
import type { UnitLayer } from '../../src/core/units/unit-layer';
import { log } from '../lib';
import { benchAccounts } from '../plan/bench-accounts';

/** State FIPS codes outside "the contiguous 48 states + DC": Alaska, Hawaii and the territories. */
const NOT_LOWER_48 = new Set(['02', '15', '60', '66', '69', '72', '78']);

/** 1 for units of the contiguous 48 states + DC (by the layer's stateFips), 0 otherwise. */
export function lower48Scope(layer: UnitLayer): Uint8Array {
  const scope = new Uint8Array(layer.count);
  for (let u = 0; u < layer.count; u++) {
    const s = layer.stateFips[u];
    scope[u] = s !== '' && Number(s) <= 56 && !NOT_LOWER_48.has(s) ? 1 : 0;
  }
  return scope;
}

export interface BenchWorld {
  layer: UnitLayer;
  table: AccountTable;
  unitOfAccount: Int32Array;
  aggregates: UnitAggregates;
  scope: Uint8Array;
}

let accounts: AccountTable | undefined;

/** The benchmark accounts (1,000,000, fixed seed), built once per process and shared by the rows. */
export function benchTable(): AccountTable {
  accounts ??= benchAccounts().table;
  return accounts;
}

/** Layer + the benchmark accounts joined the way plan-session.ts joins them, summed per unit. */
export function benchWorld(which: 'counties' | 'zip'): BenchWorld | undefined {
  const layer = which === 'counties' ? countiesLayerFromDisk() : zipAreasLayerFromDisk();
  if (!layer) return undefined;
  const table = benchTable();
  const t0 = performance.now();
  const finder = new UnitFinder(layer);
  const join = which === 'zip' ? joinAccountsByZip(table, layer, finder) : joinAccountsByPoint(table, finder);
  const visits = accountVisits(table, DEFAULT_WORKLOAD);
  const aggregates = aggregateUnits(table, join.unitOfAccount, layer.count, visits, DEFAULT_WORKLOAD.visitHours);
  log(`  ${which}: ${layer.count} units, join + aggregate ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { layer, table, unitOfAccount: join.unitOfAccount, aggregates, scope: lower48Scope(layer) };
}
