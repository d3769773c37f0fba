import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyCommand, edit } from '../core/plan/commands';
import { createPlan, newTerritory } from '../core/plan/plan';
import { planFromJson, planToJson, type PlanJson } from '../core/plan/plan-json';
import { ZIP_AREAS_PATH } from '../core/units/layers-node';
import { closeDatabase, openDatabase, readRevision, saveDataset } from './dataset-store';
import { ConflictError, CorruptDataError, StorageFullError } from './errors';
import { deletePlan, getActivePlanId, listPlans, loadPlan, savePlan, setActivePlanId } from './plan-store';
import { freshIndexedDB } from './testing/fresh-db';
import { syntheticReps, syntheticTable } from './testing/synthetic';

beforeEach(async () => {
  await freshIndexedDB();
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await closeDatabase();
});

const COUNTY_IDS = ['25001', '25003', '25005', '25007', '25009', '25011', '25013'];

/** A small county plan with everything a PlanJson carries: territories, assignment, locks, pins. */
function countyPlan(id = 'p-counties', name = 'FY27 counties'): PlanJson {
  const plan = createPlan({ id, name, layerId: 'us-counties', unitCount: COUNTY_IDS.length });
  applyCommand(plan, edit.create(newTerritory('t-east', 'East', '#1f77b4', { repId: 'R1', quota: 500_000 })));
  applyCommand(plan, edit.create(newTerritory('t-west', 'West', '#ff7f0e')));
  applyCommand(plan, edit.paint([0, 1, 2], 't-east'));
  applyCommand(plan, edit.paint([4, 5], 't-west'));
  applyCommand(plan, edit.lockUnits([1, 6]));
  applyCommand(plan, edit.lockTerritory('t-west'));
  applyCommand(plan, edit.pin('A0000001', 't-west'));
  return planToJson(plan, COUNTY_IDS);
}

/** Every ZIP area of the shipped layer (33,791), round-robin over 300 territories: the size autosave must handle. */
function bigZipPlan(): { json: PlanJson; ids: string[] } {
  const topo = JSON.parse(readFileSync(ZIP_AREAS_PATH, 'utf8')) as { objects: { zips: { geometries: { id: string }[] } } };
  const ids = topo.objects.zips.geometries.map((g) => g.id);
  const plan = createPlan({ id: 'p-zips', name: 'All ZIPs', layerId: 'us-zip-areas', unitCount: ids.length });
  for (let t = 0; t < 300; t++) plan.territories.push(newTerritory(`t-${t}`, `Territory ${t}`, '#888888'));
  for (let u = 0; u < ids.length; u++) {
    plan.assignment[u] = u % 300;
    if (u % 97 === 0) plan.lockedUnits[u] = 1;
  }
  for (let a = 0; a < 500; a++) plan.pins.set(`A${String(a).padStart(7, '0')}`, `t-${a % 300}`);
  return { json: planToJson(plan, ids), ids };
}

describe('plan store', () => {
  it('starts with no plans and no active plan', async () => {
    expect(await listPlans()).toEqual([]);
    expect(await loadPlan('p-counties')).toBeNull();
    expect(await getActivePlanId()).toBeNull();
  });

  it('round-trips a plan, with a record for the plan list', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_700_000_000_000 });
    const json = countyPlan();
    const record = await savePlan(json, { expectedRevision: 0 });
    expect(record).toEqual({
      id: 'p-counties',
      name: 'FY27 counties',
      layerId: 'us-counties',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      revision: 1,
      territoryCount: 2,
      assignedUnitCount: 5,
    });

    await closeDatabase(); // read back through a new connection, as a reload would
    const loaded = await loadPlan('p-counties');
    expect(loaded).toEqual({ record, plan: json });
    const back = planFromJson(loaded!.plan, { layerId: 'us-counties', count: COUNTY_IDS.length, index: new Map(COUNTY_IDS.map((id, i) => [id, i])) });
    expect(back.problems).toEqual([]);
    expect([...back.plan.assignment]).toEqual([0, 0, 0, -1, 1, 1, -1]);
    expect([...back.plan.lockedUnits]).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(back.plan.territories[1].locked).toBe(true);
    expect([...back.plan.pins]).toEqual([['A0000001', 't-west']]);
  });

  it('counts revisions per plan, keeps createdAt and moves updatedAt', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000 });
    const first = await savePlan(countyPlan(), { expectedRevision: 0 });
    vi.setSystemTime(5_000);
    const renamed = { ...countyPlan(), name: 'FY27 counties (final)' };
    const second = await savePlan(renamed, { expectedRevision: first.revision });
    expect(second).toMatchObject({ revision: 2, createdAt: 1_000, updatedAt: 5_000, name: 'FY27 counties (final)' });
    // Another plan starts at its own revision 1.
    expect((await savePlan(countyPlan('p-other', 'Other'), { expectedRevision: 0 })).revision).toBe(1);
    expect((await loadPlan('p-counties'))!.plan.name).toBe('FY27 counties (final)');
  });

  it('lists plans most recently saved first, without their bodies', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000 });
    await savePlan(countyPlan('p-a', 'A'), { expectedRevision: 0 });
    vi.setSystemTime(2_000);
    await savePlan(countyPlan('p-b', 'B'), { expectedRevision: 0 });
    vi.setSystemTime(3_000);
    await savePlan(countyPlan('p-a', 'A again'), { expectedRevision: 1 });
    const list = await listPlans();
    expect(list.map((r) => [r.id, r.name, r.revision])).toEqual([
      ['p-a', 'A again', 2],
      ['p-b', 'B', 1],
    ]);
    expect(list[0]).not.toHaveProperty('assignment');
  });

  it('leaves the dataset revision alone: plans have their own', async () => {
    await saveDataset({ accounts: syntheticTable(10), reps: syntheticReps(1), source: 'demo' }, { expectedRevision: 0 });
    await savePlan(countyPlan(), { expectedRevision: 0 });
    await savePlan(countyPlan(), { expectedRevision: 1 });
    expect(await readRevision()).toBe(1);
  });

  it('refuses a value that is not a plan', async () => {
    await expect(savePlan({ ...countyPlan(), id: '' }, { expectedRevision: 0 })).rejects.toThrow(TypeError);
    await expect(savePlan({ id: 'x' } as unknown as PlanJson, { expectedRevision: 0 })).rejects.toThrow(TypeError);
    expect(await listPlans()).toEqual([]);
  });

  it('reports a plan whose body is gone as damaged, not as absent', async () => {
    await savePlan(countyPlan(), { expectedRevision: 0 });
    await (await openDatabase()).delete('planBodies', 'p-counties');
    await expect(loadPlan('p-counties')).rejects.toBeInstanceOf(CorruptDataError);
  });

  it('saves and loads all 33,791 ZIP areas of the shipped layer', async () => {
    const { json, ids } = bigZipPlan();
    const record = await savePlan(json, { expectedRevision: 0 });
    expect(record).toMatchObject({ assignedUnitCount: 33_791, territoryCount: 300 });
    await closeDatabase();
    const loaded = (await loadPlan('p-zips'))!;
    expect(loaded.plan).toEqual(json);
    const back = planFromJson(loaded.plan, { layerId: 'us-zip-areas', count: ids.length, index: new Map(ids.map((id, i) => [id, i])) });
    expect(back.problems).toEqual([]);
    expect(back.plan.assignment[33_790]).toBe(33_790 % 300);
  });
});

describe('two tabs saving one plan', () => {
  it('refuses a save from a stale revision with ConflictError and writes nothing', async () => {
    const mine = await savePlan(countyPlan(), { expectedRevision: 0 });
    await savePlan({ ...countyPlan(), name: 'saved by the other tab' }, { expectedRevision: mine.revision });

    const stale = savePlan({ ...countyPlan(), name: 'stale' }, { expectedRevision: mine.revision });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ expectedRevision: 1, actualRevision: 2 });
    const stored = (await loadPlan('p-counties'))!;
    expect(stored.record.revision).toBe(2);
    expect(stored.plan.name).toBe('saved by the other tab');
  });

  it('lets exactly one of two saves from the same revision through', async () => {
    await savePlan(countyPlan(), { expectedRevision: 0 });
    const results = await Promise.allSettled([
      savePlan({ ...countyPlan(), name: 'tab A' }, { expectedRevision: 1 }),
      savePlan({ ...countyPlan(), name: 'tab B' }, { expectedRevision: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ name: string }>).value.name;
    expect((await loadPlan('p-counties'))!.plan.name).toBe(winner);
  });

  it('treats a new plan as revision 0, so a second "first save" of the same id conflicts', async () => {
    await savePlan(countyPlan(), { expectedRevision: 0 });
    await expect(savePlan(countyPlan(), { expectedRevision: 0 })).rejects.toBeInstanceOf(ConflictError);
  });
});

/**
 * Makes the put of the plan body fail the way browsers do: put throws, or the browser aborts the
 * transaction with the error (at once, or at commit after every request was queued).
 */
function failBodyPut(how: 'throw' | 'abort-transaction' | 'abort-at-commit', errorName = 'QuotaExceededError'): void {
  const original = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name !== 'planBodies') return original.apply(this, args);
    if (how === 'throw') throw new DOMException('The quota has been exceeded.', errorName);
    const request = original.apply(this, args);
    // fake-indexeddb's internal abort-with-error, the same path a failed request takes.
    const tx = this.transaction as unknown as { _abort(name: string): void };
    if (how === 'abort-at-commit') queueMicrotask(() => tx._abort(errorName));
    else tx._abort(errorName);
    return request;
  });
}

describe('a plan save that fails', () => {
  it.each([
    ['put throws QuotaExceededError', 'throw', 'QuotaExceededError'],
    ["put throws Firefox's NS_ERROR_DOM_QUOTA_REACHED", 'throw', 'NS_ERROR_DOM_QUOTA_REACHED'],
    ['the browser aborts the transaction with QuotaExceededError', 'abort-transaction', 'QuotaExceededError'],
    ['the transaction aborts with QuotaExceededError after all puts were queued', 'abort-at-commit', 'QuotaExceededError'],
  ] as const)('%s: raises StorageFullError and leaves the previous save intact', async (_label, how, name) => {
    const previous = countyPlan();
    const saved = await savePlan(previous, { expectedRevision: 0 });
    failBodyPut(how, name);
    const next = { ...countyPlan(), name: 'bigger', assignment: { ...previous.assignment, '25013': 't-east' } };
    await expect(savePlan(next, { expectedRevision: 1 })).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();

    await closeDatabase();
    expect(await loadPlan('p-counties')).toEqual({ record: saved, plan: previous });
    expect(await listPlans()).toEqual([saved]);
    // Nothing half-written blocks the next attempt, from the same revision.
    expect((await savePlan(next, { expectedRevision: 1 })).revision).toBe(2);
  });

  it('passes other failures through unchanged', async () => {
    await savePlan(countyPlan(), { expectedRevision: 0 });
    failBodyPut('throw', 'DataCloneError');
    const failed = savePlan(countyPlan(), { expectedRevision: 1 });
    await expect(failed).rejects.toMatchObject({ name: 'DataCloneError' });
    await expect(failed).rejects.not.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect((await loadPlan('p-counties'))!.record.revision).toBe(1);
  });

  it('maps a full disk on the active plan id to StorageFullError too', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(setActivePlanId('p-counties')).rejects.toBeInstanceOf(StorageFullError);
  });
});

describe('deletePlan', () => {
  it('removes the record and the body, and says whether there was a plan', async () => {
    await savePlan(countyPlan('p-a', 'A'), { expectedRevision: 0 });
    await savePlan(countyPlan('p-b', 'B'), { expectedRevision: 0 });
    expect(await deletePlan('p-a')).toBe(true);
    expect(await loadPlan('p-a')).toBeNull();
    expect(await (await openDatabase()).getAllKeys('planBodies')).toEqual(['p-b']);
    expect((await listPlans()).map((r) => r.id)).toEqual(['p-b']);
    expect(await deletePlan('p-a')).toBe(false);
  });

  it('refuses with ConflictError when another tab saved the plan since, deleting nothing', async () => {
    await savePlan(countyPlan(), { expectedRevision: 0 });
    await savePlan(countyPlan(), { expectedRevision: 1 });
    await expect(deletePlan('p-counties', { expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect((await loadPlan('p-counties'))!.record.revision).toBe(2);
    expect(await deletePlan('p-counties', { expectedRevision: 2 })).toBe(true);
  });

  it('makes a later save from a tab that still had the plan conflict, instead of bringing it back', async () => {
    await savePlan(countyPlan(), { expectedRevision: 0 });
    await deletePlan('p-counties');
    await expect(savePlan(countyPlan(), { expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await loadPlan('p-counties')).toBeNull();
  });

  it('clears the active plan id when the active plan goes, and only then', async () => {
    await savePlan(countyPlan('p-a', 'A'), { expectedRevision: 0 });
    await savePlan(countyPlan('p-b', 'B'), { expectedRevision: 0 });
    await setActivePlanId('p-a');
    await deletePlan('p-b');
    expect(await getActivePlanId()).toBe('p-a');
    await deletePlan('p-a');
    expect(await getActivePlanId()).toBeNull();
    expect(await (await openDatabase()).get('settings', 'activePlanId')).toBeUndefined();
  });
});

describe('the active plan id', () => {
  it('is remembered across a reload and can be cleared', async () => {
    await savePlan(countyPlan('p-a', 'A'), { expectedRevision: 0 });
    await savePlan(countyPlan('p-b', 'B'), { expectedRevision: 0 });
    await setActivePlanId('p-b');
    await closeDatabase();
    expect(await getActivePlanId()).toBe('p-b');
    await setActivePlanId('p-a');
    expect(await getActivePlanId()).toBe('p-a');
    await setActivePlanId(null);
    expect(await getActivePlanId()).toBeNull();
  });

  it('reads as null when it names a plan that does not exist', async () => {
    await setActivePlanId('p-gone');
    expect(await getActivePlanId()).toBeNull();
  });
});
