import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountAt } from '../core/accounts/table';
import { getString } from '../core/accounts/packed-strings';
import {
  clearAll,
  closeDatabase,
  getSetting,
  loadDataset,
  openDatabase,
  readRevision,
  saveDataset,
  saveReps,
  setSetting,
} from './dataset-store';
import { ConflictError, CorruptDataError } from './errors';
import { freshIndexedDB } from './testing/fresh-db';
import { tableDifference } from './testing/same-table';
import { syntheticRecord, syntheticReps, syntheticTable } from './testing/synthetic';

beforeEach(async () => {
  await freshIndexedDB();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeDatabase();
});

async function chunkKeys(): Promise<[number, number][]> {
  return (await openDatabase()).getAllKeys('accountChunks');
}

describe('dataset store', () => {
  it('starts empty at revision 0', async () => {
    expect(await loadDataset()).toBeNull();
    expect(await readRevision()).toBe(0);
  });

  it('round-trips 250,000 rows through 100,000-row chunks', async () => {
    const accounts = syntheticTable(250_000);
    const reps = syntheticReps(3);
    const { revision } = await saveDataset({ accounts, reps, source: 'import' }, { expectedRevision: 0 });
    expect(revision).toBe(1);
    expect(await chunkKeys()).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
    ]);

    await closeDatabase(); // read back through a new connection, as a reload would
    const loaded = await loadDataset();
    expect(loaded).not.toBeNull();
    const { accounts: back, meta } = loaded!;
    expect(tableDifference(back, accounts)).toBeNull();
    expect(meta).toMatchObject({ revision: 1, generation: 1, source: 'import', accountCount: 250_000, chunkCount: 3, chunkRows: 100_000 });
    expect(loaded!.reps).toEqual(reps);
    for (const i of [0, 1, 7, 99_999, 100_000, 123_456, 249_999]) expect(accountAt(back, i)).toEqual(syntheticRecord(i));
    // The spots that matter most, spelled out.
    expect(Number.isNaN(back.revenue[0])).toBe(true);
    expect(accountAt(back, 0).revenue).toBeNull();
    expect(accountAt(back, 1).name).toBe('東京 Coffee 1');
    expect(accountAt(back, 100_005).name).toBe('Пекарня «Утро» 100005');
    expect(back.extra.map((e) => e.header)).toEqual(['Phone', 'Notes ✎']);
    expect(getString(back.extra[1].values, 200_000)).toBe('note 200000 ✓');
    expect(back.segment.labels).toEqual(accounts.segment.labels);
  });

  it('replaces the previous generation of chunks in the same save', async () => {
    await saveDataset({ accounts: syntheticTable(250), reps: [], source: 'demo' }, { expectedRevision: 0, chunkRows: 100 });
    const { revision } = await saveDataset({ accounts: syntheticTable(120, 5000), reps: [], source: 'import' }, { expectedRevision: 1, chunkRows: 100 });
    expect(revision).toBe(2);
    expect(await chunkKeys()).toEqual([
      [2, 0],
      [2, 1],
    ]);
    const loaded = await loadDataset();
    expect(loaded!.accounts.count).toBe(120);
    expect(accountAt(loaded!.accounts, 0).id).toBe('A0005000');
  });

  it('stores an empty account table with its extra headers', async () => {
    const empty = syntheticTable(0);
    await saveDataset({ accounts: empty, reps: syntheticReps(2), source: 'import' }, { expectedRevision: 0 });
    const loaded = await loadDataset();
    expect(loaded!.accounts.count).toBe(0);
    expect(loaded!.accounts.extra.map((e) => e.header)).toEqual(['Phone', 'Notes ✎']);
    expect(loaded!.reps).toHaveLength(2);
  });

  it('saves reps alone, keeping the accounts and bumping the revision', async () => {
    const accounts = syntheticTable(300);
    await saveDataset({ accounts, reps: syntheticReps(1), source: 'demo' }, { expectedRevision: 0, chunkRows: 100 });
    expect(await saveReps(syntheticReps(5), { expectedRevision: 1 })).toEqual({ revision: 2 });
    const loaded = await loadDataset();
    expect(loaded!.reps).toEqual(syntheticReps(5));
    expect(loaded!.meta.revision).toBe(2);
    expect(tableDifference(loaded!.accounts, accounts)).toBeNull();
  });

  it('refuses a save from a stale revision and writes nothing', async () => {
    const first = syntheticTable(250);
    await saveDataset({ accounts: first, reps: syntheticReps(3), source: 'import' }, { expectedRevision: 0, chunkRows: 100 });
    // Another tab saved in between: this tab still believes revision 0 (then 1) is current.
    await saveReps(syntheticReps(2), { expectedRevision: 1 });
    const before = await chunkKeys();

    const stale = saveDataset({ accounts: syntheticTable(50, 900), reps: [], source: 'demo' }, { expectedRevision: 1, chunkRows: 10 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ expectedRevision: 1, actualRevision: 2 });
    await expect(saveReps([], { expectedRevision: 0 })).rejects.toBeInstanceOf(ConflictError);

    expect(await chunkKeys()).toEqual(before);
    const loaded = await loadDataset();
    expect(loaded!.meta.revision).toBe(2);
    expect(loaded!.reps).toEqual(syntheticReps(2));
    expect(tableDifference(loaded!.accounts, first)).toBeNull();
  });

  it('lets exactly one of two saves from the same revision win', async () => {
    const results = await Promise.allSettled([
      saveDataset({ accounts: syntheticTable(10), reps: [], source: 'demo' }, { expectedRevision: 0 }),
      saveDataset({ accounts: syntheticTable(20), reps: [], source: 'import' }, { expectedRevision: 0 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await loadDataset())!.accounts.count).toBe(10);
  });

  it('clearAll removes accounts and reps, keeps settings, and makes older revisions stale', async () => {
    await setSetting('unitSystem', 'metric');
    await saveDataset({ accounts: syntheticTable(250), reps: syntheticReps(3), source: 'import' }, { expectedRevision: 0, chunkRows: 100 });
    expect(await clearAll({ expectedRevision: 1 })).toEqual({ revision: 2 });

    expect(await loadDataset()).toBeNull();
    expect(await chunkKeys()).toEqual([]);
    expect(await readRevision()).toBe(2);
    expect(await getSetting('unitSystem')).toBe('metric');
    // A tab that still shows the cleared data cannot bring it back unknowingly.
    await expect(saveDataset({ accounts: syntheticTable(5), reps: [], source: 'import' }, { expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(clearAll({ expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await clearAll()).toEqual({ revision: 3 });
  });

  it('keeps settings by key', async () => {
    expect(await getSetting('mapStyleUrl')).toBeUndefined();
    await setSetting('mapStyleUrl', 'https://tiles.example.com/style.json');
    await setSetting('colorBy', 'segment');
    expect(await getSetting('mapStyleUrl')).toBe('https://tiles.example.com/style.json');
    expect(await getSetting('colorBy')).toBe('segment');
  });

  it('reports damaged storage instead of loading wrong accounts', async () => {
    await saveDataset({ accounts: syntheticTable(250), reps: [], source: 'import' }, { expectedRevision: 0, chunkRows: 100 });
    await (await openDatabase()).delete('accountChunks', [1, 1]);
    await expect(loadDataset()).rejects.toBeInstanceOf(CorruptDataError);
  });
});
