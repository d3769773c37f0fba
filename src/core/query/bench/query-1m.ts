/**
 * Timings of sort, filter and search on the generator's million accounts, in Node:
 *   npx tsx src/core/query/bench/query-1m.ts [count]
 * Not part of the app bundle; run by hand when changing anything in src/core/query.
 */
import { performance } from 'node:perf_hooks';
import { EXTRA_COLUMNS, streamDataset } from '../../../../fixtures/generator/dataset';
import { loadZipTableFromDisk } from '../../geo/zip-table-node';
import { AccountTableBuilder } from '../../accounts/table';
import { filterByText, visibleRows } from '../filter';
import { buildSearchIndex, search } from '../search-index';
import { sortPermutation, type SortKey } from '../sort';

const count = Number(process.argv[2] ?? 1_000_000);

function time<T>(label: string, f: () => T, runs = 3): T {
  let result!: T;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    ms.push(performance.now() - t0);
  }
  console.log(`${label.padEnd(42)} ${ms.map((m) => m.toFixed(0).padStart(6)).join(' ')} ms`);
  return result;
}

const zips = loadZipTableFromDisk();
const t0 = performance.now();
const builder = new AccountTableBuilder(EXTRA_COLUMNS, count);
for (const a of streamDataset({ count, seed: 7, zips }).accounts) builder.push(a);
const table = builder.finish();
console.log(`generated ${count} accounts in ${(performance.now() - t0).toFixed(0)} ms`);

const all = Uint32Array.from({ length: count }, (_, i) => i);
for (const key of ['name', 'city', 'id', 'revenue', 'visits', 'segment', 'owner'] as SortKey[]) {
  time(`sort by ${key} asc`, () => sortPermutation(table, all, key, 'asc'));
}
time('sort by name desc', () => sortPermutation(table, all, 'name', 'desc'));
time('sort by revenue desc', () => sortPermutation(table, all, 'revenue', 'desc'));
time('visibleRows (one segment hidden)', () => visibleRows(table, { hidden: { segment: new Set([1]), classification: new Set() } }));
time('filterByText "coffee"', () => filterByText(table, all, 'coffee'));
time('filterByText "zürich" (non-ASCII)', () => filterByText(table, all, 'zürich'));
const index = time('buildSearchIndex', () => buildSearchIndex(table));
for (const q of ['ACC-0500000', 'morning fox', 'c', 'coffee', 'springfield, il', 'Portland', '02139', '9', 'zzzz']) {
  const hits = time(`search "${q}"`, () => search(index, q, 10, { zips }), 5);
  console.log(`   → ${hits.slice(0, 3).map((h) => `${h.kind}:${h.label}`).join(' | ')}`);
}
