import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, loadDataset, openDatabase } from './dataset-store';
import { parseDump, restoreDump } from './dump';
import { NewerSchemaError } from './errors';
import { DB_NAME, runUpgradeSteps, SCHEMA_VERSION, UPGRADE_STEPS, type UpgradeStep } from './schema';
import { freshIndexedDB } from './testing/fresh-db';

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
    expect([...db.objectStoreNames].sort()).toEqual(['accountChunks', 'meta', 'reps', 'settings']);
    const tx = db.transaction('accountChunks');
    expect(tx.store.keyPath).toEqual(['generation', 'index']);
    await tx.done;
  });

  it('run as a sequence: a v1 database goes through a (hypothetical) v2 step and keeps its data', async () => {
    await restoreDump(v1Dump());
    // What a v2 release might do: add a store and fill it from the existing records.
    const v2: UpgradeStep = (db, tx) => {
      const plans = db.createObjectStore('plans', { keyPath: 'id' });
      void tx
        .objectStore('meta')
        .get('dataset')
        .then((meta) => plans.put({ id: 'default', name: 'Current territories', basedOnRevision: (meta as { revision: number }).revision }));
    };
    const db = await openWith([...UPGRADE_STEPS, v2], 2);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['accountChunks', 'meta', 'plans', 'reps', 'settings']);
    expect(await db.get('plans', 'default')).toEqual({ id: 'default', name: 'Current territories', basedOnRevision: 2 });
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
