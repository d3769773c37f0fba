import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { launchProfile, newProfileDir } from './browser';
import { accountCount, baseUrl, waitForData } from './app-page';

const FIXTURES = 'fixtures/storage';

/** The dump/restore helper, bundled for the page, so a stored database goes into Chromium's own IndexedDB. */
async function dumpHelper(): Promise<string> {
  const out = await build({ entryPoints: ['src/storage/dump.ts'], bundle: true, format: 'iife', globalName: 'TPDump', write: false, logLevel: 'silent' });
  return `${out.outputFiles[0].text}\nglobalThis.TPDump = TPDump;`;
}

describe.each(readdirSync(FIXTURES).filter((d) => /^v\d+$/.test(d)))('the stored database of schema %s, in real Chromium', (version) => {
  let dir: string;
  let context: BrowserContext;
  const expected = JSON.parse(readFileSync(join(FIXTURES, version, 'expected.json'), 'utf8')) as {
    accountCount: number;
    samples: { account: { id: string; name: string } }[];
  };

  beforeAll(async () => {
    dir = newProfileDir();
    context = await launchProfile(dir);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in today’s app with every account', async () => {
    const page = await context.newPage();
    // Same origin as the app, but not the app: the database is written before the app first opens it.
    await page.goto(`${baseUrl()}/favicon.svg`);
    await page.evaluate((code) => (0, eval)(code), await dumpHelper());
    const dump = readFileSync(join(FIXTURES, version, 'dump.json'), 'utf8');
    await page.evaluate(async (text) => {
      const lib = (window as unknown as { TPDump: { parseDump(t: string): unknown; restoreDump(d: unknown): Promise<void> } }).TPDump;
      await lib.restoreDump(lib.parseDump(text));
    }, dump);

    await page.goto(baseUrl());
    await waitForData(page);
    expect(await accountCount(page)).toBe(expected.accountCount);
    // The fixture's stored remote style cannot load offline: the app falls back to its own map and says so.
    await page.getByRole('status').filter({ hasText: /could not be loaded.*showing the offline map instead/ }).waitFor();
    const sample = expected.samples[0].account;
    const box = page.getByRole('combobox', { name: 'Search accounts, ZIP or city' });
    await box.click();
    await box.fill(sample.id);
    await page.getByRole('option').first().waitFor();
    await box.press('Enter');
    await page.getByRole('region').filter({ has: page.getByRole('button', { name: 'Close' }) }).getByRole('heading', { name: sample.name }).waitFor();
  });
});
