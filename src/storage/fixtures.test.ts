import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { accountAt } from '../core/accounts/table';
import { closeDatabase, getSetting, loadDataset, openDatabase, saveDataset } from './dataset-store';
import { createPlan } from '../core/plan/plan';
import { planFromJson, planToJson } from '../core/plan/plan-json';
import { ZIP_AREAS_PATH } from '../core/units/layers-node';
import { dumpDatabase, dumpToText, parseDump, restoreDump } from './dump';
import { getActivePlanId, listPlans, loadPlan, savePlan } from './plan-store';
import { listLayers, loadLayer } from './layer-store';
import { DB_NAME, SCHEMA_VERSION, type Settings } from './schema';
import { freshIndexedDB } from './testing/fresh-db';
import { readExpectation, writeFixtureContent, type FixtureExpectation } from './testing/fixture-content';
import { syntheticTable } from './testing/synthetic';

/**
 * Every schema version ever released has a committed dump in fixtures/storage/vN/. Each one must
 * still open with today's code (running the upgrade steps) and give back the same accounts.
 *
 * REGEN=1 npx vitest run --project unit src/storage/fixtures.test.ts
 * rewrites the CURRENT version's fixture only; older ones are history and are never rewritten.
 */
const ROOT = fileURLToPath(new URL('../../fixtures/storage/', import.meta.url));
const folder = (v: number) => join(ROOT, `v${v}`);

afterEach(async () => {
  await closeDatabase();
});

if (process.env.REGEN) {
  it(`regenerates the v${SCHEMA_VERSION} fixture`, async () => {
    await freshIndexedDB();
    await writeFixtureContent();
    const expected = await readExpectation();
    await closeDatabase();
    const dump = await dumpDatabase(DB_NAME);
    mkdirSync(folder(SCHEMA_VERSION), { recursive: true });
    writeFileSync(join(folder(SCHEMA_VERSION), 'dump.json'), dumpToText(dump));
    writeFileSync(join(folder(SCHEMA_VERSION), 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  });
}

const versions = existsSync(ROOT)
  ? readdirSync(ROOT)
      .filter((d) => /^v\d+$/.test(d))
      .map((d) => Number(d.slice(1)))
      .sort((a, b) => a - b)
  : [];

it('has a fixture for every schema version from 1 to the current one', () => {
  expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
});

describe.each(versions)('the v%i fixture', (version) => {
  const dump = () => parseDump(readFileSync(join(folder(version), 'dump.json'), 'utf8'));
  const expected = () => JSON.parse(readFileSync(join(folder(version), 'expected.json'), 'utf8')) as FixtureExpectation;

  it('is a dump of exactly that version', () => {
    expect(dump().version).toBe(version);
    expect(expected().schemaVersion).toBe(version);
  });

  it("opens with today's code and gives the same accounts, reps, settings and plans back", async () => {
    await freshIndexedDB();
    await restoreDump(dump());
    const want = expected();

    const loaded = await loadDataset();
    expect((await openDatabase()).version).toBe(SCHEMA_VERSION);
    expect(loaded).not.toBeNull();
    const { accounts, reps, meta } = loaded!;
    expect(meta.revision).toBe(want.revision);
    expect(meta.source).toBe(want.source);
    expect(accounts.count).toBe(want.accountCount);
    expect(meta.chunkCount).toBe(want.chunkCount);
    expect(accounts.extra.map((e) => e.header)).toEqual(want.extraHeaders);
    for (const { row, account } of want.samples) expect(accountAt(accounts, row)).toEqual(account);
    expect(reps).toEqual(want.reps);
    for (const [k, v] of Object.entries(want.settings)) expect(await getSetting(k as keyof Settings)).toEqual(v);
    // Fixtures from before v2 have no `plans`: such a database comes up with no plans and none active.
    const plans = want.plans ?? [];
    expect(await listPlans()).toEqual(plans.map((p) => p.record));
    for (const p of plans) expect(await loadPlan(p.record.id)).toEqual(p);
    expect(await getActivePlanId()).toBe(want.activePlanId ?? null);
    // Fixtures from before v3 have no `layers`: the user's boundary layers start empty.
    const layers = want.layers ?? [];
    expect((await listLayers()).map((l) => l.id)).toEqual(layers.map((l) => l.id));
    for (const l of layers) expect(await loadLayer(l.id)).toEqual(l);

    // The upgraded database takes the next save like any other.
    const next = await saveDataset({ accounts: syntheticTable(3), reps, source: 'import' }, { expectedRevision: want.revision });
    expect(next.revision).toBe(want.revision + 1);
    const plan = plans[0]?.plan ?? planToJson(createPlan({ id: 'new-plan', name: 'New', layerId: 'us-counties', unitCount: 0 }), []);
    const saved = await savePlan(plan, { expectedRevision: plans[0]?.record.revision ?? 0 });
    expect(saved.revision).toBe((plans[0]?.record.revision ?? 0) + 1);
  });
});

// Spelled out for v1, so that an accidentally regenerated expected.json cannot hide a change.
describe.runIf(versions.includes(1))('the v1 fixture, by hand', () => {
  it('holds the accounts v1 wrote', async () => {
    await freshIndexedDB();
    await restoreDump(parseDump(readFileSync(join(folder(1), 'dump.json'), 'utf8')));
    const { accounts, reps, meta } = (await loadDataset())!;
    expect(meta).toMatchObject({ revision: 2, generation: 2, source: 'import', accountCount: 250, chunkCount: 3, chunkRows: 100 });
    expect(accounts.count).toBe(250);
    const first = accountAt(accounts, 0);
    expect(first.id).toBe('A0000000');
    expect(first.name).toBe('Café Zürich 0');
    expect(first.revenue).toBeNull();
    expect(first.potential).toBeNull();
    const second = accountAt(accounts, 1);
    expect(second).toMatchObject({ id: 'A0000001', name: '東京 Coffee 1', revenue: 1.5, potential: 2.25, visits: 1, owner: 'Rep 1' });
    expect(accountAt(accounts, 7).revenue).toBeNull();
    expect(accountAt(accounts, 101)).toMatchObject({ id: 'A0000101', name: 'Пекарня «Утро» 101', revenue: 151.5 });
    expect(accountAt(accounts, 249)).toMatchObject({ id: 'A0000249', name: '☕ Corner 249', revenue: 373.5, extra: { Phone: '+1 555 0249', 'Notes ✎': '' } });
    expect(reps.map((r) => r.name)).toEqual(['Ann Lee', 'Jürgen Groß', 'Zoë Ōkubo']);
    expect(reps[1].quota).toBeNull();
    expect(await getSetting('unitSystem')).toBe('metric');
  });
});

// Spelled out for v2 likewise: the plans a v2 release wrote, opened on the ids of the shipped layers.
describe.runIf(versions.includes(2))('the v2 fixture, by hand', () => {
  const layerOf = (layerId: string, ids: string[]) => ({ layerId, count: ids.length, index: new Map(ids.map((id, i) => [id, i])) });
  const countyIds = () =>
    (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('us-atlas/counties-10m.json'), 'utf8')) as Geometries).objects.counties.geometries.map((g) => g.id);
  const zipIds = () => (JSON.parse(readFileSync(ZIP_AREAS_PATH, 'utf8')) as Geometries).objects.zips.geometries.map((g) => g.id);

  it('holds a county plan and a ZIP plan with territories, assignment, locks and pins', async () => {
    await freshIndexedDB();
    await restoreDump(parseDump(readFileSync(join(folder(2), 'dump.json'), 'utf8')));
    expect((await loadDataset())!.accounts.count).toBe(250);
    const records = await listPlans();
    expect(records.map((r) => [r.id, r.layerId, r.revision, r.territoryCount, r.assignedUnitCount]).sort()).toEqual([
      ['plan-cambridge-zips', 'us-zip-areas', 1, 2, 7],
      ['plan-ma-counties', 'us-counties', 2, 2, 14],
    ]);
    expect(await getActivePlanId()).toBe('plan-ma-counties');

    const counties = planFromJson((await loadPlan('plan-ma-counties'))!.plan, layerOf('us-counties', countyIds()));
    expect(counties.problems).toEqual([]);
    expect(counties.plan.territories.map((t) => [t.id, t.name, t.repId, t.quota, t.locked, t.parentId])).toEqual([
      ['t-east', 'East', 'R1', 750_000, false, 'd-ne'],
      ['t-west', 'West ✓', 'R2', null, true, null],
    ]);
    expect(counties.plan.groups.map((g) => g.id)).toEqual(['d-ne']);
    expect(counties.plan.assignment.reduce((n, t) => n + (t >= 0 ? 1 : 0), 0)).toBe(14);
    expect(counties.plan.lockedUnits.reduce((n, l) => n + l, 0)).toBe(1);
    expect(Object.fromEntries(counties.plan.pins)).toEqual({ A0000001: 't-west', A0000101: 't-east' });
    expect(counties.plan.balance).toEqual({ metric: 'workload', tolerancePct: 10 });

    const zips = planFromJson((await loadPlan('plan-cambridge-zips'))!.plan, layerOf('us-zip-areas', zipIds()));
    expect(zips.problems).toEqual([]);
    expect(zips.plan.territories.map((t) => t.id)).toEqual(['t-cambridge', 't-somerville']);
    expect(zips.plan.lockedUnits.reduce((n, l) => n + l, 0)).toBe(2);
    expect(Object.fromEntries(zips.plan.pins)).toEqual({ A0000007: 't-somerville' });
  });
});

interface Geometries {
  objects: Record<string, { geometries: { id: string }[] }>;
}
