import { rmSync } from 'node:fs';
import { build, preview } from 'vite';
import { launchProfile, newProfileDir } from '../tests/e2e/browser';
import { emit, log, median, round } from './lib';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

/**
 * layer.zip.load: a fresh browser profile with the demo data; from choosing "ZIP areas" in the
 * territory panel to the first click on a ZIP having painted it (its territory's figures show it).
 */
async function once(baseUrl: string): Promise<number> {
  const dir = newProfileDir();
  const context = await launchProfile(dir);
  try {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.__tp?.isIdle() && (window.__tp.viewTotal() ?? 0) > 0, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Territories' }).click();
    await page.getByRole('button', { name: 'New territory' }).waitFor({ timeout: 60_000 });
    await page.evaluate(() => window.__tp!.jumpTo(-71.1, 42.36, 10));
    await page.waitForFunction(() => window.__tp!.isIdle());
    const t0 = performance.now();
    await page.getByRole('combobox', { name: 'Units' }).selectOption('us-zip-areas');
    await page.getByRole('button', { name: 'New territory' }).click({ timeout: 60_000 });
    await page.waitForFunction(() => window.__tp!.unitOnScreen('02139') !== null && window.__tp!.isIdle(), undefined, { timeout: 60_000, polling: 20 });
    const at = (await page.evaluate(() => window.__tp!.unitOnScreen('02139')))!;
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => document.querySelector('[aria-label="Figures of Territory 1"] dd')?.textContent === '1', undefined, { timeout: 60_000, polling: 10 });
    return performance.now() - t0;
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  log('building the app…');
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  try {
    const runs: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      runs.push(await once(server.resolvedUrls!.local[0]));
      log(`  run ${i + 1}: ${(runs[i] / 1000).toFixed(2)} s`);
    }
    const value = median(runs) / 1000;
    emit({ name: 'layer.zip.load', value: round(value), unit: 's', target: 3, ok: value < 3, repeats: REPEATS, runs_s: runs.map((r) => (r / 1000).toFixed(2)).join(' '), note: 'measured from choosing ZIP areas on a loaded page of a fresh profile' });
  } finally {
    await server.close();
  }
}
