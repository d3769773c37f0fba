import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { build, preview } from 'vite';
import { launchProfile, newProfileDir } from '../tests/e2e/browser';
import { benchmarkCsv, emit, log, median, rendererMemoryMb, round } from './lib';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const ROWS = 1_000_000;

/** Raw papaparse on the same file, in Node: the floor any CSV import in JavaScript stands on. */
function papaparseSeconds(file: string): number {
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  let rows = 0;
  Papa.parse<string[]>(text, { header: false, skipEmptyLines: true, step: () => void rows++ });
  const s = (performance.now() - t0) / 1000;
  if (rows !== ROWS + 1) log(`papaparse saw ${rows} records`);
  return s;
}

interface Run {
  seconds: number;
  longestTaskMs: number;
  peakMemMb: number;
  rendered: number;
}

async function once(baseUrl: string, file: string): Promise<Run> {
  const dir = newProfileDir();
  const context = await launchProfile(dir);
  try {
    await context.addInitScript(() => {
      const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
      w.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('account-count').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    // See the whole country and beyond, so every account is in view once imported.
    await page.waitForFunction(() => window.__tp?.isIdle() && (window.__tp.viewTotal() ?? 0) > 0, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.__tp!.jumpTo(-100, 38, 1.2));
    await page.waitForFunction(() => window.__tp?.isIdle());

    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rendererMemoryMb())), 100);
    const startedAt = await page.evaluate(() => performance.now());
    const t0 = performance.now();
    await page.getByLabel('Accounts CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
    await page.getByRole('status').filter({ hasText: /Read 1,000,000 rows/ }).waitFor({ timeout: 300_000 });
    await page.waitForFunction((n) => window.__tp?.isIdle() && window.__tp.renderedAccounts() === n, ROWS, { timeout: 300_000, polling: 100 });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rendererMemoryMb());
    const rendered = await page.evaluate(() => window.__tp!.renderedAccounts());
    const longest = await page.evaluate(
      (from) => Math.max(0, ...(window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks.filter((t) => t.start >= from).map((t) => t.duration)),
      startedAt,
    );
    return { seconds, longestTaskMs: longest, peakMemMb: peak, rendered };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const file = resolve(benchmarkCsv());
  log('building the app…');
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls!.local[0];
  try {
    const runs: Run[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const r = await once(baseUrl, file);
      log(`  run ${i + 1}: ${r.seconds.toFixed(2)} s, longest task ${r.longestTaskMs.toFixed(0)} ms, peak ${r.peakMemMb.toFixed(0)} MB, rendered ${r.rendered}`);
      runs.push(r);
    }
    const parse = median([papaparseSeconds(file), papaparseSeconds(file)]);
    const value = median(runs.map((r) => r.seconds));
    const longest = Math.max(...runs.map((r) => r.longestTaskMs));
    const peak = Math.max(...runs.map((r) => r.peakMemMb));
    const allShown = runs.every((r) => r.rendered === ROWS);
    emit({
      name: 'import.csv.1m',
      value: round(value),
      unit: 's',
      target: 15,
      ok: value < 15 && longest < 200 && peak < 1500 && allShown,
      longest_task_ms: round(longest, 0),
      peak_mem_mb: round(peak, 0),
      papaparse_parse_s: round(parse),
      rows: ROWS,
      rendered_accounts: runs[0].rendered,
      repeats: REPEATS,
      runs_s: runs.map((r) => r.seconds.toFixed(2)).join(' '),
    });
  } finally {
    await server.close();
  }
}
