import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** One benchmark row, printed as a single JSON line (see ../shared/BENCH.md). */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target: number;
  ok: boolean;
  [extra: string]: string | number | boolean | null;
}

export function emit(row: BenchRow): void {
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

/** Progress and notes go to stderr so stdout holds only the JSON lines. */
export function log(...args: unknown[]): void {
  process.stderr.write(`${args.map(String).join(' ')}\n`);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const round = (v: number, digits = 2): number => Number(v.toFixed(digits));

export const BENCH_DIR = '.bench-data';
export const BENCH_SEED = 7;

/** The generator's 1,000,000-account CRM-style CSV (fixed seed), made on first use. */
export function benchmarkCsv(): string {
  const file = join(BENCH_DIR, 'accounts.csv');
  if (!existsSync(file) || statSync(file).size < 50_000_000) {
    log(`generating ${file} (1,000,000 accounts, seed ${BENCH_SEED})…`);
    execFileSync('npx', ['tsx', 'fixtures/generator/generate.ts', '--count', '1000000', '--seed', String(BENCH_SEED), '--out', BENCH_DIR], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return file;
}

/**
 * Memory of the Chromium processes that run the page and its workers (renderers; dedicated
 * workers are threads inside them), read from /proc as proportional set size so shared pages
 * are not counted twice.
 */
export function rendererMemoryMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || cmd.includes('--extension-process')) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const m = /^Pss:\s+(\d+) kB/m.exec(rollup);
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended while we read it
    }
  }
  return kb / 1024;
}
