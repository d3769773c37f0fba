import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, getSetting, loadDataset, openDatabase } from './dataset-store';
import { dumpDatabase, parseDump, restoreDump } from './dump';
import { NewerSchemaError } from './errors';
import { getActivePlanId, listPlans } from './plan-store';
import { DB_NAME, runUpgradeSteps, SCHEMA_VERSION, UPGRADE_STEPS, type UpgradeStep } from './schema';
import { freshIndexedDB } from './testing/fresh-db';
import { FIXTURE_ROWS } from './testing/fixture-content';
import { tableDifference } from './testing/same-table';
import { syntheticTable } from './testing/synthetic';

const v1Dump = () => parseDump(readFileSync(new URL('../../fixtures/storage/v1/dump.json', import.meta.url), 'utf8'));

let opened: IDBPDatabase<unknown>[] = [];
beforeEach(async () => {
  await freshIndexedDB();
});
afterEach(async () => {
  for (const db of opened) db.close();
  opened = [];
  await closeDatabase();
});

async function openWith(steps: readonly (UpgradeStep | undefined)[], version: number): Promise<IDBPDatabase<unknown>> {
  const db = await openDB(DB_NAME, version, { upgrade: (d, o, n, tx) => runUpgradeSteps(steps, d, o, n, tx) });
  opened.push(db);
  return db;
}

describe('schema upgrades', () => {
  it('build the current layout from nothing', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accountChunks', 'layers', 'meta', 'planBodies', 'plans', 'reps', 'settings']);
    const tx = db.transaction(['accountChunks', 'plans', 'planBodies', 'layers']);
    expect(tx.objectStore('layers').keyPath).toBe('id');
    expect(tx.objectStore('accountChunks').keyPath).toEqual(['generation', 'index']);
    expect(tx.objectStore('plans').keyPath).toBe('id');
    expect(tx.objectStore('planBodies').keyPath).toBe('id');
    await tx.done;
  });

  it('take a v1 database to the current version with every account, and every v1 record exactly as it was', async () => {
    const before = v1Dump();
    await restoreDump(before);
    const { accounts, meta } = (await loadDataset())!;
    expect((await openDatabase()).version).toBe(SCHEMA_VERSION);
    // The v1 fixture was written from syntheticTable(FIXTURE_ROWS): all 250 rows, byte for byte.
    expect(meta.accountCount).toBe(FIXTURE_ROWS);
    expect(tableDifference(accounts, syntheticTable(FIXTURE_ROWS))).toBeNull();
    expect(await getSetting('unitSystem')).toBe('metric');
    expect(await listPlans()).toEqual([]);
    expect(await getActivePlanId()).toBeNull();

    await closeDatabase();
    const after = await dumpDatabase(DB_NAME);
    expect(after.version).toBe(SCHEMA_VERSION);
    for (const store of before.stores) expect(after.stores.find((s) => s.name === store.name)).toEqual(store);
    expect(after.stores.map((s) => s.name).sort()).toEqual(['accountChunks', 'layers', 'meta', 'planBodies', 'plans', 'reps', 'settings']);
  });

  it('run as a sequence: a v1 database goes through v2, v3 and a (hypothetical) v4 step and keeps its data', async () => {
    await restoreDump(v1Dump());
    // What a v4 release might do (docs/STORAGE.md): add the snapshot store and fill it from existing records.
    const v4: UpgradeStep = (db, tx) => {
      const snapshots = db.createObjectStore('planSnapshots', { keyPath: ['planId', 'id'] });
      void tx
        .objectStore('meta')
        .get('dataset')
        .then((meta) => snapshots.put({ planId: 'p1', id: 's1', name: 'As imported', basedOnRevision: (meta as { revision: number }).revision }));
    };
    const db = await openWith([...UPGRADE_STEPS, v4], 4);
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(['accountChunks', 'layers', 'meta', 'planBodies', 'planSnapshots', 'plans', 'reps', 'settings']);
    expect(await db.get('planSnapshots', ['p1', 's1'])).toEqual({ planId: 'p1', id: 's1', name: 'As imported', basedOnRevision: 2 });
    expect(await db.count('accountChunks')).toBe(3);
  });

  it('refuse to skip a version that has no step', async () => {
    await expect(openWith([...UPGRADE_STEPS], SCHEMA_VERSION + 1)).rejects.toThrow();
    // The failed upgrade rolled back: the database is still usable at the current version.
    expect(await loadDataset()).toBeNull();
  });

  it('tell an older page that a newer release owns the data', async () => {
    await openWith([...UPGRADE_STEPS, () => undefined], SCHEMA_VERSION + 1);
    for (const db of opened) db.close();
    await expect(openDatabase()).rejects.toBeInstanceOf(NewerSchemaError);
  });
});
