import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, loadDataset, saveDataset, setSetting } from './dataset-store';
import { dumpDatabase, dumpToText, parseDump, restoreDump } from './dump';
import { DB_NAME } from './schema';
import { freshIndexedDB } from './testing/fresh-db';
import { tableDifference } from './testing/same-table';
import { syntheticReps, syntheticTable } from './testing/synthetic';

beforeEach(async () => {
  await freshIndexedDB();
});
afterEach(async () => {
  await closeDatabase();
});

describe('database dumps', () => {
  it('restore what was dumped, store definitions and records alike', async () => {
    const accounts = syntheticTable(230);
    await saveDataset({ accounts, reps: syntheticReps(3), source: 'import' }, { expectedRevision: 0, chunkRows: 100 });
    await setSetting('colorBy', 'owner');
    await closeDatabase();
    const text = dumpToText(await dumpDatabase());

    await freshIndexedDB();
    await restoreDump(parseDump(text));
    expect(dumpToText(await dumpDatabase())).toBe(text);
    const loaded = await loadDataset();
    expect(tableDifference(loaded!.accounts, accounts)).toBeNull();
    expect(loaded!.reps).toEqual(syntheticReps(3));
  });

  it('restore only into an empty database', async () => {
    await saveDataset({ accounts: syntheticTable(3), reps: [], source: 'demo' }, { expectedRevision: 0 });
    await closeDatabase();
    const dump = await dumpDatabase();
    await expect(restoreDump(dump)).rejects.toThrow(/already exists/);
  });

  it('do not create the database they are asked to dump', async () => {
    await expect(dumpDatabase(DB_NAME)).rejects.toThrow(/No database/);
    expect(await indexedDB.databases()).toEqual([]);
  });

  it('reject text that is not a dump', () => {
    expect(() => parseDump('{"format":"something else"}')).toThrow(/Not a Territory Planner database dump/);
  });
});
