import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, newProfileDir } from './browser';
import { accountCount, baseUrl, openApp, waitForData } from './app-page';
import { writeDatasetFiles } from '../../fixtures/generator/write';
import { loadZipTableFromDisk } from '../../src/core/geo/zip-table-node';

/** Bad files, cancelled imports, a full disk and a second tab: the stored data survives each. */
describe('stored data is never lost', () => {
  let dir: string;
  let files: string;
  let big: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'tp-files-'));
    writeFileSync(join(files, 'empty.csv'), '');
    writeFileSync(join(files, 'header-only.csv'), 'Account ID,Account Name,Zip\r\n');
    big = (await writeDatasetFiles({ count: 300_000, seed: 3, zips: loadZipTableFromDisk(), outDir: files })).accountsPath;
    dir = newProfileDir();
    context = await launchProfile(dir);
    page = await openApp(context);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it.each([
    ['empty.csv', /“empty.csv” is empty/],
    ['header-only.csv', /header row but no data rows/],
  ])('refuses %s with a clear message and keeps the demo data', async (name, message) => {
    await page.getByLabel('Accounts CSV file').setInputFiles(join(files, name));
    const alert = page.getByRole('alertdialog');
    await alert.getByRole('alert').filter({ hasText: message }).waitFor();
    await alert.getByText('Nothing was changed').waitFor();
    await alert.getByRole('button', { name: 'Close' }).click();
    expect(await accountCount(page)).toBe(5000);
  });

  it('cancels a 300,000-row import half-way: nothing stored changes', async () => {
    await page.getByLabel('Accounts CSV file').setInputFiles(big);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('progress')?.value ?? 0) > 0);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await bar.waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await accountCount(page)).toBe(5000);
    await page.reload();
    await waitForData(page);
    expect(await accountCount(page)).toBe(5000);
  });

  it('reports a full disk (quota exceeded) and keeps what was stored before', async () => {
    // A profile of its own whose quota is set before the app first opens its database, which
    // is when Chromium reads it: room for the demo, not for 300,000 more accounts.
    const quotaDir = newProfileDir();
    const quotaContext = await launchProfile(quotaDir);
    try {
      const p = await quotaContext.newPage();
      const cdp = await quotaContext.newCDPSession(p);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl()).origin, quotaSize: 12 * 1024 * 1024 });
      await p.goto(baseUrl());
      await waitForData(p);
      expect(await accountCount(p)).toBe(5000);
      await p.getByLabel('Accounts CSV file').setInputFiles(big);
      await p.getByRole('button', { name: 'Import', exact: true }).click();
      const alert = p.getByRole('alertdialog');
      await alert.getByRole('alert').filter({ hasText: /refused to store more data/ }).waitFor({ timeout: 90_000 });
      await alert.getByText('Nothing was changed').waitFor();
      await alert.getByRole('button', { name: 'Close' }).click();
      expect(await accountCount(p)).toBe(5000);
      await p.reload();
      await waitForData(p);
      expect(await accountCount(p)).toBe(5000);
    } finally {
      await quotaContext.close();
      rmSync(quotaDir, { recursive: true, force: true });
    }
  });

  it('makes a second tab on the same data read-only, and says why', async () => {
    const second = await context.newPage();
    await second.goto(baseUrl());
    await waitForData(second);
    await second.getByRole('alert').filter({ hasText: /open in another tab/ }).waitFor();
    expect(await second.getByRole('button', { name: 'Import accounts…' }).isDisabled()).toBe(true);
    expect(await second.getByRole('button', { name: 'Clear all data…' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Import accounts…' }).isDisabled()).toBe(false);
    // Closing the first tab hands the writer role to the second.
    await page.close();
    await second.getByRole('alert').filter({ hasText: /open in another tab/ }).waitFor({ state: 'detached' });
    expect(await second.getByRole('button', { name: 'Import accounts…' }).isDisabled()).toBe(false);
    page = second;
  });

  it('clears all data only after confirmation', async () => {
    await page.getByRole('button', { name: 'Clear all data…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Clear all data?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await accountCount(page)).toBe(5000);
    await page.getByRole('button', { name: 'Clear all data…' }).click();
    await confirm.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByTestId('account-count').filter({ hasText: /^0$/ }).waitFor();
    await page.getByText('No accounts yet').waitFor();
    // Cleared stays cleared: the demo does not come back on reload.
    await page.reload();
    await page.getByTestId('account-count').filter({ hasText: /^0$/ }).waitFor();
  });
});
