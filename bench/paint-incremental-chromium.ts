import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { launchProfile, newProfileDir, watchErrors } from '../tests/e2e/browser';
import { BENCH_SEED, benchmarkCsv, emit, log, median, round, type BenchRow } from './lib';

const REPEATS = Number(process.env.BENCH_REPEATS_PAINT_CHROMIUM ?? 200);
/** every FRAME_EVERY-th move also waits for (and times) the next frame, which is slow in software GL */
const FRAME_EVERY = 10;
const K = 300;
const TARGET_MS = 16;
const ROWS = 1_000_000;

const quantile = (values: number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
};

/**
 * The Node part of `paint.incremental.zip` (bench/plan/paint-incremental-zip.ts: the same seeded
 * plan and moves on src/core directly), run in its own process before Chromium starts so the two
 * do not share the 2 cores; its row is read back for `node_ms`.
 */
function nodeRow(): BenchRow | null {
  try {
    const out = execFileSync('npx', ['tsx', 'bench/plan/run.ts', 'paint.incremental.zip'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const line = out.split('\n').find((l) => l.includes('"paint.incremental.zip"'));
    return line ? (JSON.parse(line) as BenchRow) : null;
  } catch (e) {
    log(`  the Node part failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

async function importCsv(page: Page, label: string, file: string, done: RegExp): Promise<void> {
  await page.getByLabel(label).setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
  await page.getByRole('status').filter({ hasText: done }).waitFor({ timeout: 300_000 });
  await page.getByRole('button', { name: 'Close' }).click();
}

/**
 * `paint.incremental.zip` in Chromium: a fresh profile imports the 1,000,000-account benchmark CSV
 * and its reps file, opens Territories on ZIP areas, and grows the k = 300 plan inside the page
 * (window.__tp.growPlan: bench/plan/grow-plan.ts's seeded BFS replayed through the plan store).
 * Then __tp.timePaintMoves moves REPEATS random boundary ZIPs, each into a neighbouring territory,
 * through the store's paint() as a map click does, and reads every territory's figures and the
 * balance; one sample = paint + read, timed in the page with performance.now(). A frame passes
 * between moves. At the end the incremental figures are compared with a fresh session's.
 */
export async function run(): Promise<void> {
  const accountsCsv = resolve(benchmarkCsv());
  const repsCsv = join(dirname(accountsCsv), 'reps.csv');
  if (!existsSync(repsCsv)) throw new Error(`${repsCsv} is missing: delete ${accountsCsv} to regenerate both`);

  log('  the Node part…');
  const node = nodeRow();

  log('  building the app…');
  await build({ logLevel: 'warn' });
  // Cross-origin isolated, so performance.now() in the page ticks in 5 µs rather than 100 µs steps
  // (the app loads nothing from other origins, so nothing else changes).
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
    logLevel: 'warn',
  });
  const dir = newProfileDir();
  const context = await launchProfile(dir);
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.resolvedUrls!.local[0]);
    await page.getByTestId('account-count').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__tp?.isIdle() && (window.__tp.viewTotal() ?? 0) > 0, undefined, { timeout: 60_000 });

    const isolated = await page.evaluate(() => crossOriginIsolated);
    let t = performance.now();
    await importCsv(page, 'Accounts CSV file', accountsCsv, /Read 1,000,000 rows/);
    await importCsv(page, 'Reps CSV file', repsCsv, /reps imported/);
    const importS = (performance.now() - t) / 1000;
    log(`  imported ${ROWS} accounts and the reps in ${importS.toFixed(1)} s`);

    t = performance.now();
    await page.getByRole('button', { name: 'Territories' }).click();
    await page.getByRole('button', { name: 'New territory' }).waitFor({ timeout: 60_000 });
    await page.getByRole('combobox', { name: 'Units' }).selectOption('us-zip-areas');
    await page.waitForFunction(() => {
      const p = window.__tp?.planInfo();
      return p?.status === 'ready' && p.layerId === 'us-zip-areas' && p.units > 0;
    }, undefined, { timeout: 120_000, polling: 50 });
    const layerS = (performance.now() - t) / 1000;
    // the contiguous states in view, as someone painting a national plan would see them
    await page.evaluate(() => window.__tp!.jumpTo(-97, 38.5, 3.4));

    const grown = await page.evaluate(([k, seed]) => window.__tp!.growPlan(k, seed), [K, BENCH_SEED] as const);
    log(`  grew ${grown.territories} territories over ${grown.assignedUnits} ZIPs (${grown.reps} reps round-robin) in ${(grown.ms / 1000).toFixed(1)} s`);
    // let the panel, outlines and the map settle, and store the plan, before timing
    await page.evaluate(() => window.__tp!.flushPlan());
    await page.waitForFunction(() => window.__tp!.isIdle(), undefined, { timeout: 120_000, polling: 100 });

    t = performance.now();
    const m = await page.evaluate(([repeats, seed, frameEvery]) => window.__tp!.timePaintMoves({ repeats, seed, frameEvery }), [REPEATS, BENCH_SEED, FRAME_EVERY] as const);
    const loopS = (performance.now() - t) / 1000;
    const check = await page.evaluate(() => window.__tp!.checkPlanFigures());
    const shown = await page.getByRole('list', { name: 'Territories' }).getByRole('listitem').count();
    log(`  ${REPEATS} moves in ${loopS.toFixed(1)} s; check: ${check.mismatches} of ${check.compared} figures differ${check.first ? ` (${check.first})` : ''}`);
    if (errors.length > 0) log(`  page errors: ${errors.slice(0, 3).join(' | ')}`);

    const value = median(m.samples);
    const nodeMs = typeof node?.node_ms === 'number' ? node.node_ms : null;
    emit({
      name: 'paint.incremental.zip',
      value: round(value, 3),
      unit: 'ms',
      target: TARGET_MS,
      ok: value < TARGET_MS && check.mismatches === 0 && grown.territories === K,
      p95_ms: round(quantile(m.samples, 0.95), 3),
      max_ms: round(Math.max(...m.samples), 3),
      node_ms: nodeMs,
      node_p95_ms: typeof node?.node_p95_ms === 'number' ? node.node_p95_ms : null,
      node_mismatches: typeof node?.mismatches === 'number' ? node.mismatches : null,
      ratio_vs_node: nodeMs ? round(value / nodeMs, 1) : null,
      mismatches: check.mismatches,
      figures_compared: check.compared,
      repeats: REPEATS,
      accounts: ROWS,
      territories: grown.territories,
      units: grown.assignedUnits,
      reps: grown.reps,
      mean_accounts_per_moved_unit: round(m.accountsMoved / REPEATS, 1),
      path: m.path,
      paint_ms: round(median(m.paintMs), 3),
      stats_apply_ms: round(median(m.applyMs), 3),
      read_all_figures_ms: round(median(m.readMs), 3),
      settled_ms: round(median(m.settledMs), 1),
      settled_p95_ms: round(quantile(m.settledMs, 0.95), 1),
      next_frame_ms: round(median(m.frameMs), 1),
      next_frame_p95_ms: round(quantile(m.frameMs, 0.95), 1),
      frame_samples: m.frameMs.length,
      long_tasks: m.longTasks,
      longest_task_ms: round(m.longestTaskMs, 0),
      cards_shown: shown,
      import_s: round(importS, 1),
      layer_open_s: round(layerS, 1),
      grow_s: round(grown.ms / 1000, 1),
      page_errors: errors.length,
      cross_origin_isolated: isolated,
      note: `value = paint() + figures(t) of every territory + balance, median, timed in the page; settled = until the next task (the panel rendered); next_frame = until after the next frame (every ${FRAME_EVERY}th move)`,
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
