import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, newProfileDir, watchErrors } from './browser';
import { accountCount, importFile, openApp, renderedAccountsWorldView } from './app-page';
import { writeDatasetFiles } from '../../fixtures/generator/write';
import { loadZipTableFromDisk } from '../../src/core/geo/zip-table-node';

const COUNT = 150_000;

/** Past 100,000 accounts sorting, text filtering and search indexing run in the query worker. */
describe(`a ${COUNT.toLocaleString('en-US')}-account data set`, () => {
  let dir: string;
  let files: string;
  let file: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'tp-large-'));
    file = (await writeDatasetFiles({ count: COUNT, seed: 11, zips: loadZipTableFromDisk(), outDir: files })).accountsPath;
    dir = newProfileDir();
    context = await launchProfile(dir);
    page = await openApp(context);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('imports, draws every account, and sorts, filters and searches through the worker', async () => {
    const errors = watchErrors(page);
    await importFile(page, file);
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await accountCount(page)).toBe(COUNT);
    expect(await renderedAccountsWorldView(page)).toBe(COUNT);

    await page.getByRole('button', { name: 'Accounts table' }).click();
    const grid = page.getByRole('grid');
    await page.getByText(`${COUNT.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} accounts`).waitFor();
    const revenue = grid.getByRole('columnheader', { name: /Revenue/ }).first();
    await revenue.click();
    await revenue.click();
    await page.waitForFunction(() => document.querySelector('[role="grid"]')?.getAttribute('aria-busy') !== 'true');
    // Money is shown compact ("$1.69M"): read it back as a number.
    const cell = async (row: number) => {
      const m = /^\$([\d.,]+)([kMB]?)$/.exec(await grid.getByRole('row').nth(row).getByRole('gridcell').nth(8).innerText())!;
      return Number(m[1].replace(/,/g, '')) * ({ '': 1, k: 1e3, M: 1e6, B: 1e9 } as Record<string, number>)[m[2]];
    };
    const top = [await cell(1), await cell(2), await cell(3)];
    expect(top[0]).toBeGreaterThanOrEqual(top[1]);
    expect(top[1]).toBeGreaterThanOrEqual(top[2]);
    expect(top[0]).toBeGreaterThan(500_000);

    await page.getByRole('textbox', { name: 'Filter accounts' }).or(page.getByRole('searchbox', { name: 'Filter accounts' })).fill('ACC-000042');
    await page.getByText(/^1 of 150,000 accounts/).waitFor({ timeout: 30_000 });

    const box = page.getByRole('combobox', { name: 'Search accounts, ZIP or city' });
    await box.click();
    await box.fill('ACC-149999');
    await page.getByRole('option', { name: /ACC-149999/ }).first().waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
