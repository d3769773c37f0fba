import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, loadDataset, openDatabase, saveDataset, setSetting } from './dataset-store';
import { StorageFullError } from './errors';
import { freshIndexedDB } from './testing/fresh-db';
import { tableDifference } from './testing/same-table';
import { syntheticReps, syntheticTable } from './testing/synthetic';

/**
 * Makes the nth chunk put fail the way browsers do: either put itself throws, or the put is
 * accepted and the browser then aborts the whole transaction with the error (as Chromium does
 * when the disk fills up at commit), which reaches the caller as an AbortError plus tx.error.
 */
function failNthChunkPut(n: number, how: 'throw' | 'abort-transaction' | 'abort-at-commit', errorName = 'QuotaExceededError'): void {
  const original = IDBObjectStore.prototype.put;
  let chunks = 0;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name !== 'accountChunks' || ++chunks !== n) return original.apply(this, args);
    if (how === 'throw') throw new DOMException('The quota has been exceeded.', errorName);
    const request = original.apply(this, args);
    // fake-indexeddb's internal abort-with-error, the same path a failed request takes.
    const tx = this.transaction as unknown as { _abort(name: string): void };
    // 'abort-at-commit' waits until every request is queued, so the error arrives only through tx.done.
    if (how === 'abort-at-commit') queueMicrotask(() => tx._abort(errorName));
    else tx._abort(errorName);
    return request;
  });
}

const previous = syntheticTable(250);
const previousReps = syntheticReps(3);

beforeEach(async () => {
  await freshIndexedDB();
  await saveDataset({ accounts: previous, reps: previousReps, source: 'demo' }, { expectedRevision: 0, chunkRows: 100 });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeDatabase();
});

async function expectPreviousIntact(): Promise<void> {
  expect(await (await openDatabase()).getAllKeys('accountChunks')).toEqual([
    [1, 0],
    [1, 1],
    [1, 2],
  ]);
  await closeDatabase();
  const loaded = await loadDataset();
  expect(loaded!.meta).toMatchObject({ revision: 1, generation: 1, source: 'demo', accountCount: 250, chunkCount: 3 });
  expect(loaded!.reps).toEqual(previousReps);
  expect(tableDifference(loaded!.accounts, previous)).toBeNull();
}

const bigger = () => saveDataset({ accounts: syntheticTable(1000, 70_000), reps: syntheticReps(7), source: 'import' }, { expectedRevision: 1, chunkRows: 100 });

describe('a save that fails half-way', () => {
  it.each([
    ['put throws QuotaExceededError', 'throw', 'QuotaExceededError'],
    ["put throws Firefox's NS_ERROR_DOM_QUOTA_REACHED", 'throw', 'NS_ERROR_DOM_QUOTA_REACHED'],
    ['the browser aborts the transaction with QuotaExceededError', 'abort-transaction', 'QuotaExceededError'],
    ['the transaction aborts with QuotaExceededError after all puts were queued', 'abort-at-commit', 'QuotaExceededError'],
  ] as const)('%s: raises StorageFullError and leaves the previous dataset as it was', async (_label, how, name) => {
    failNthChunkPut(3, how, name);
    const failed = bigger();
    await expect(failed).rejects.toBeInstanceOf(StorageFullError);
    await expect(failed).rejects.toThrow(
      'Your browser refused to store more data (disk or quota full). Nothing was changed: the data stored before is intact.',
    );
    vi.restoreAllMocks();
    await expectPreviousIntact();
    // Nothing half-written blocks the next attempt.
    expect(await bigger()).toEqual({ revision: 2 });
    expect((await loadDataset())!.accounts.count).toBe(1000);
  });

  it('passes other failures through unchanged, with the previous dataset intact', async () => {
    failNthChunkPut(2, 'throw', 'DataCloneError');
    const failed = bigger();
    await expect(failed).rejects.toMatchObject({ name: 'DataCloneError' });
    await expect(failed).rejects.not.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    await expectPreviousIntact();
  });

  it('maps a full disk on a setting to StorageFullError too', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(setSetting('colorBy', 'owner')).rejects.toBeInstanceOf(StorageFullError);
  });
});
