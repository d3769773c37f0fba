import { streamDataset } from '../../fixtures/generator/dataset';
import type { Rep } from '../../src/core/accounts/account';
import { AccountTableBuilder, type AccountTable } from '../../src/core/accounts/table';
import { loadZipTableFromDisk } from '../../src/core/geo/zip-table-node';
import { BENCH_SEED, log } from '../lib';

export const BENCH_ACCOUNTS = 1_000_000;

/**
 * The benchmark set (1,000,000 accounts, seed BENCH_SEED): the same rows as .bench-data/accounts.csv,
 * streamed from the generator straight into columns (the CSV import is measured by its own benchmark;
 * here the table is only the input).
 */
export function benchAccounts(count = BENCH_ACCOUNTS): { table: AccountTable; reps: Rep[] } {
  const t0 = performance.now();
  const stream = streamDataset({ count, seed: BENCH_SEED, zips: loadZipTableFromDisk() });
  const b = new AccountTableBuilder([], count);
  for (const a of stream.accounts) b.push(a);
  const table = b.finish();
  log(`  ${count.toLocaleString('en-US')} generator accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { table, reps: stream.reps() };
}
