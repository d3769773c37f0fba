import 'fake-indexeddb/auto';
import { afterAll, expect, it } from 'vitest';
import { tableBuffers } from '../core/accounts/table';
import { closeDatabase, loadDataset, saveDataset } from './dataset-store';
import { freshIndexedDB } from './testing/fresh-db';
import { tableDifference } from './testing/same-table';
import { syntheticTable } from './testing/synthetic';

/**
 * STORAGE_BENCH=1 npx vitest run --project unit src/storage/dataset-store.perf.test.ts
 * Times a 1,000,000-row save and load in fake-indexeddb. Only a sanity figure for Node: the real
 * numbers come from Chromium, where structured cloning and disk writes cost differently.
 */
afterAll(async () => {
  await closeDatabase();
});

it.runIf(process.env.STORAGE_BENCH)('saves and loads 1,000,000 rows', async () => {
  await freshIndexedDB();
  const rows = 1_000_000;
  let t = performance.now();
  const accounts = syntheticTable(rows);
  const build = performance.now() - t;

  t = performance.now();
  await saveDataset({ accounts, reps: [], source: 'import' }, { expectedRevision: 0 });
  const save = performance.now() - t;

  await closeDatabase();
  t = performance.now();
  const loaded = await loadDataset();
  const load = performance.now() - t;

  expect(tableDifference(loaded!.accounts, accounts)).toBeNull();
  const mb = tableBuffers(accounts).reduce((s, b) => s + b.byteLength, 0) / 1e6;
  console.log(`1M rows (${mb.toFixed(0)} MB of columns): build ${build.toFixed(0)} ms, save ${save.toFixed(0)} ms, load ${load.toFixed(0)} ms (fake-indexeddb, Node ${process.version})`);
}, 120_000);
