import { describe, expect, it } from 'vitest';
import { LocationSource, type AccountRecord } from '../accounts/account';
import { tableFromRecords } from '../accounts/table';
import { accountVisits, DEFAULT_WORKLOAD } from '../metrics/workload';
import { JoinMethod, joinAccountsByPoint, joinAccountsByZip } from './account-join';
import { gridTopology } from './grid-fixture';
import { aggregateUnits } from './unit-aggregates';
import { UnitFinder } from './unit-finder';
import { buildUnitLayer } from './unit-layer';

const rec = (id: string, lon: number, lat: number, over: Partial<AccountRecord> = {}): AccountRecord => ({
  id, name: id, lat, lon, location: LocationSource.Given, zip: '', street: '', city: '', state: '',
  revenue: 100, potential: 200, visits: null, segment: 'Small/Cafe', classification: 'Core', owner: '', extra: {}, ...over,
});

const grid = buildUnitLayer(gridTopology(3, 3), { layerId: 'grid', objectName: 'cells' });
// the same grid as a "ZIP layer": cell index i has ZIP 1000i
const zips = buildUnitLayer(gridTopology(3, 3), { layerId: 'zips', objectName: 'cells', id: (_g, i) => `1000${i}` });

describe('join by point', () => {
  const t = tableFromRecords([
    rec('inside', 0.05, 0.05),
    rec('inside2', 0.25, 0.15),
    rec('offshore', 0.33, 0.05), // 0.03° (~3 km) east of the grid
    rec('far', 2, 2),
    rec('nowhere', NaN, NaN),
  ]);
  const j = joinAccountsByPoint(t, new UnitFinder(grid));

  it('finds the unit a point is in, else the nearest within reach, else none', () => {
    expect([...j.unitOfAccount].map((u) => (u < 0 ? null : grid.ids[u]))).toEqual(['c00', 'c21', 'c20', null, null]);
    expect([...j.method]).toEqual([JoinMethod.Inside, JoinMethod.Inside, JoinMethod.Nearest, JoinMethod.None, JoinMethod.None]);
    expect(j.byMethod).toEqual([2, 0, 2, 1]);
  });

  it('honours the nearest-unit distance limit', () => {
    const strict = joinAccountsByPoint(t, new UnitFinder(grid), { maxNearestKm: 1 });
    expect(strict.unitOfAccount[2]).toBe(-1);
  });
});

describe('join by ZIP', () => {
  it('uses the account ZIP first, its coordinates when the ZIP has no area', () => {
    const t = tableFromRecords([
      rec('zip', 0.05, 0.05, { zip: '10008' }), // coordinates say c00, the ZIP says unit 8: the ZIP wins
      rec('zip+4', 0.05, 0.05, { zip: '10003-1234' }),
      rec('po box', 0.15, 0.15, { zip: '99999' }),
      rec('junk', 0.15, 0.05, { zip: 'abcde' }),
      rec('no zip', 9, 9, { zip: '' }),
    ]);
    const j = joinAccountsByZip(t, zips, new UnitFinder(zips));
    expect([...j.unitOfAccount]).toEqual([8, 3, 4, 1, -1]);
    expect([...j.method]).toEqual([JoinMethod.Zip, JoinMethod.Zip, JoinMethod.Inside, JoinMethod.Inside, JoinMethod.None]);
  });
});

describe('unit aggregates', () => {
  it('sums per unit, skipping empty cells, with category counts and accounts grouped by unit', () => {
    const t = tableFromRecords([
      rec('a', 0.05, 0.05, { revenue: 10, potential: 20, classification: 'Core', segment: 'High-Volume' }),
      rec('b', 0.06, 0.05, { revenue: null, potential: 5, classification: 'Divest', visits: 3 }),
      rec('c', 0.25, 0.25, { revenue: 7, potential: null, classification: 'Other' }),
      rec('d', 9, 9),
    ]);
    const j = joinAccountsByPoint(t, new UnitFinder(grid));
    const visits = accountVisits(t, DEFAULT_WORKLOAD);
    expect([...visits]).toEqual([12, 3, 4, 12]);
    const agg = aggregateUnits(t, j.unitOfAccount, grid.count, visits, 1.5);
    expect(agg.accounts[0]).toBe(2);
    expect(agg.revenue[0]).toBe(10);
    expect(agg.potential[0]).toBe(25);
    expect(agg.visits[0]).toBe(15);
    expect(agg.workloadHours[0]).toBe(22.5);
    expect(agg.revenue[8]).toBe(7);
    expect(agg.potential[8]).toBe(0);
    expect(agg.unjoined).toBe(1);
    const nCls = agg.classificationLabels.length;
    const core = agg.classificationLabels.indexOf('Core');
    const divest = agg.classificationLabels.indexOf('Divest');
    expect(agg.classifications[0 * nCls + core]).toBe(1);
    expect(agg.classifications[0 * nCls + divest]).toBe(1);
    const nSeg = agg.segmentLabels.length;
    expect(agg.segments[8 * nSeg + agg.segmentLabels.indexOf('Small/Cafe')]).toBe(1);
    expect([...agg.accountsByUnit.subarray(agg.accountStart[0], agg.accountStart[1])]).toEqual([0, 1]);
    expect([...agg.accountsByUnit.subarray(agg.accountStart[8], agg.accountStart[9])]).toEqual([2]);
  });
});
