import { LocationSource, type AccountRecord } from '../accounts/account';
import { tableFromRecords, type AccountTable } from '../accounts/table';
import { accountVisits, DEFAULT_WORKLOAD, type WorkloadSettings } from '../metrics/workload';
import { joinAccountsByPoint } from '../units/account-join';
import { gridTopology } from '../units/grid-fixture';
import { aggregateUnits } from '../units/unit-aggregates';
import { UnitFinder } from '../units/unit-finder';
import { buildUnitLayer, type UnitLayer } from '../units/unit-layer';
import { accountLookup } from './account-lookup';
import type { StatsContext } from './territory-stats';
import { mulberry32 } from '../random';

export { mulberry32 };


export const REP_HOMES: Record<string, { lat: number; lon: number }> = {
  north: { lat: 0.75, lon: 0.4 },
  south: { lat: 0.05, lon: 0.05 },
  east: { lat: 0.3, lon: 0.75 },
};

export function account(id: string, lon: number, lat: number, over: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id, name: id, lat, lon, location: LocationSource.Given, zip: '', street: '', city: '', state: '',
    revenue: 100, potential: 200, visits: null, segment: 'Small/Cafe', classification: 'Core', owner: '', extra: {}, ...over,
  };
}

export interface World {
  layer: UnitLayer;
  table: AccountTable;
  ctx: StatsContext;
}

/** Layer + accounts + join + aggregates wired into a StatsContext. */
export function makeWorld(layer: UnitLayer, records: AccountRecord[], settings: WorkloadSettings = DEFAULT_WORKLOAD): World {
  const table = tableFromRecords(records);
  const join = joinAccountsByPoint(table, new UnitFinder(layer));
  const visits = accountVisits(table, settings);
  const aggregates = aggregateUnits(table, join.unitOfAccount, layer.count, visits, settings.visitHours);
  return {
    layer,
    table,
    ctx: {
      layer,
      aggregates,
      accounts: table,
      unitOfAccount: join.unitOfAccount,
      visits,
      settings,
      repHome: (id) => REP_HOMES[id] ?? null,
      accountIndex: accountLookup(table),
    },
  };
}

const SEGMENTS = ['High-Volume', 'Medium-Volume', 'Small/Cafe', ''];
const CLASSES = ['Core', 'Invest', 'Opportunistic', 'Divest', ''];

/** An 8×8 grid of 0.1° cells with three islands, and `n` random accounts (some outside every unit, some with empty figures). */
export function randomWorld(seed: number, n = 400): World {
  const layer = buildUnitLayer(gridTopology(8, 8, { islands: [[1.2, 0.1], [1.4, 0.1], [0.3, 1.3]] }), { layerId: 'grid', objectName: 'cells' });
  const rnd = mulberry32(seed);
  const records: AccountRecord[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const lon = r < 0.05 ? 3 + rnd() : r < 0.1 ? 1.2 + rnd() * 0.3 : rnd() * 0.8;
    const lat = r < 0.05 ? 3 : r < 0.1 ? 0.1 + rnd() * 0.1 : rnd() * 0.8;
    records.push(
      account(`A${i}`, lon, lat, {
        revenue: rnd() < 0.2 ? null : Math.round(rnd() * 1e6) / 100,
        potential: rnd() < 0.1 ? null : Math.round(rnd() * 1e6) / 100,
        visits: rnd() < 0.5 ? null : Math.floor(rnd() * 20),
        segment: SEGMENTS[Math.floor(rnd() * SEGMENTS.length)],
        classification: CLASSES[Math.floor(rnd() * CLASSES.length)],
      }),
    );
  }
  return makeWorld(layer, records);
}
