import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, newProfileDir, watchErrors } from './browser';
import { accountCount, openApp } from './app-page';

/** Finding and reading accounts: map click, search, table, profile card, reps, heatmap. */
describe('exploring the accounts', () => {
  let dir: string;
  let files: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'tp-files-'));
    dir = newProfileDir();
    context = await launchProfile(dir);
    page = await openApp(context);
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('opens the profile card of an account clicked on the map', async () => {
    await page.evaluate(() => window.__tp!.jumpTo(-73.98, 40.75, 12.5));
    await page.waitForFunction(() => window.__tp!.isIdle() && window.__tp!.firstPointOnScreen() !== null, undefined, { timeout: 30_000 });
    const target = (await page.evaluate(() => window.__tp!.firstPointOnScreen()))!;
    await page.mouse.click(target.x, target.y);
    const card = page.getByRole('region', { name: /.+/ }).filter({ has: page.getByRole('button', { name: 'Close' }) });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Small\/Cafe|Medium-Volume|High-Volume|High-Potential New/);
    expect(await card.innerText()).toContain('Phone');
    await page.screenshot({ path: 'test-results/profile-card.png' });
    await card.getByRole('button', { name: 'Close' }).click();
    await card.waitFor({ state: 'detached' });
  });

  it('finds an account by id in the search box and flies to it', async () => {
    const box = page.getByRole('combobox', { name: 'Search accounts, ZIP or city' });
    await box.click();
    await box.fill('ACC-000042');
    await page.getByRole('option').first().waitFor();
    await box.press('Enter');
    const card = page.getByRole('region').filter({ has: page.getByRole('button', { name: 'Close' }) });
    await card.getByText('ACC-000042').first().waitFor();
    await page.waitForFunction(() => window.__tp!.isIdle() && window.__tp!.zoom() > 11, undefined, { timeout: 30_000 });
    await card.getByRole('button', { name: 'Close' }).click();
  });

  it('finds a city and a ZIP code', async () => {
    const box = page.getByRole('combobox', { name: 'Search accounts, ZIP or city' });
    await box.fill('10001');
    await page.getByRole('option', { name: /10001/ }).first().waitFor();
    await box.press('Enter');
    await page.waitForFunction(() => {
      const [lon, lat] = window.__tp!.center();
      return window.__tp!.isIdle() && Math.abs(lon + 74.0) < 0.2 && Math.abs(lat - 40.75) < 0.2;
    }, undefined, { timeout: 30_000 });
    await box.fill('Chicago, IL');
    await page.getByRole('option', { name: /Chicago, IL/ }).first().waitFor();
    await box.press('Enter');
    await page.waitForFunction(() => {
      const [lon, lat] = window.__tp!.center();
      return window.__tp!.isIdle() && Math.abs(lon + 87.7) < 0.4 && Math.abs(lat - 41.85) < 0.4;
    }, undefined, { timeout: 30_000 });
  });

  it('shows imported text as text, never as HTML', async () => {
    const file = join(files, 'xss.csv');
    writeFileSync(
      file,
      'Account ID,Account Name,Latitude,Longitude,Notes\r\nX-1,"<img src=x onerror=""window.__xss=1"">",41.88,-87.63,"<b>bold</b>"\r\n',
    );
    await page.getByLabel('Accounts CSV file').setInputFiles(file);
    await page.getByRole('radio', { name: 'Add this file to the demo data' }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Read 1 rows: 1 accounts imported/ }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await accountCount(page)).toBe(5001);
    const box = page.getByRole('combobox', { name: 'Search accounts, ZIP or city' });
    await box.fill('X-1');
    await page.getByRole('option').first().waitFor();
    await box.press('Enter');
    const card = page.getByRole('region').filter({ has: page.getByRole('button', { name: 'Close' }) });
    await card.getByRole('heading', { name: '<img src=x onerror="window.__xss=1">' }).waitFor();
    await card.getByText('<b>bold</b>').waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await card.getByRole('button', { name: 'Close' }).click();
  });

  it('lists the accounts in a sortable table and opens one from it', async () => {
    await page.getByRole('button', { name: 'Accounts table' }).click();
    const grid = page.getByRole('grid');
    await grid.waitFor();
    await page.getByText(/5,001 of 5,001 accounts/).waitFor();
    await grid.getByRole('columnheader', { name: /Revenue/ }).first().click();
    await grid.getByRole('columnheader', { name: /Revenue/ }).first().click();
    expect(await grid.getByRole('columnheader', { name: /Revenue/ }).first().getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('searchbox', { name: 'Filter accounts' }).or(page.getByRole('textbox', { name: 'Filter accounts' })).fill('Roastery');
    await page.getByText(/ of 5,001 accounts/).filter({ hasNotText: /^5,001 of/ }).waitFor();
    await page.screenshot({ path: 'test-results/accounts-table.png' });
    const firstRow = grid.getByRole('row').nth(1);
    const name = await firstRow.getByRole('gridcell').nth(1).innerText();
    await firstRow.click();
    const card = page.getByRole('region').filter({ has: page.getByRole('button', { name: 'Close' }) });
    await card.getByRole('heading', { name }).waitFor();
    await page.getByRole('button', { name: 'Accounts table' }).click();
  });

  it('imports reps from a CSV', async () => {
    await page.getByLabel('Reps CSV file').setInputFiles(resolve('fixtures/csv/reps.csv'));
    const dialog = page.getByRole('dialog', { name: /Import reps: reps\.csv/ });
    expect(await dialog.getByRole('combobox', { name: 'Column for Quota' }).locator('option:checked').innerText()).toBe('Annual Quota');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Read 12 rows: 12 reps imported, 0 rejected/ }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByLabel('Data summary').innerText()).toMatch(/Reps\s+12/);
    expect(await accountCount(page)).toBe(5001);
  });

  it('switches the heatmap on and colours by classification', async () => {
    await page.getByRole('radio', { name: 'Revenue' }).check();
    await page.evaluate(() => window.__tp!.jumpTo(-96, 38, 3.5));
    await page.waitForFunction(() => window.__tp!.isIdle());
    await page.screenshot({ path: 'test-results/heatmap.png' });
    await page.getByRole('radio', { name: 'Off' }).check();
    await page.getByRole('combobox', { name: 'Colour accounts by' }).selectOption('classification');
    await page.getByRole('group', { name: /Classification/ }).locator('.swatch').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('imports a CSV dropped onto the window', async () => {
    const csv = readFileSync(resolve('fixtures/csv/hubspot-companies.csv'), 'utf8');
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'hubspot-companies.csv', { type: 'text/csv' }));
      return dt;
    }, csv);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    await page.getByText('Drop a CSV file to import accounts').waitFor();
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    const dialog = page.getByRole('dialog', { name: /Import accounts: hubspot-companies\.csv/ });
    expect(await dialog.getByRole('combobox', { name: 'Column for ZIP code' }).locator('option:checked').innerText()).toBe('Postal Code');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Read 150 rows: 150 accounts imported/ }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await accountCount(page)).toBe(5151);
  });

  it('falls back to the offline map when a remote style cannot be reached', async () => {
    await page.getByRole('button', { name: 'Map settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Map settings' });
    await dialog.getByRole('textbox', { name: /Base map style URL/ }).fill('https://tiles.invalid/style.json');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: /tiles\.invalid.*could not be loaded.*offline map instead/ }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => window.__tp!.isIdle() && (window.__tp!.viewTotal() ?? 0) > 0, undefined, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Map settings…' }).click();
    await dialog.getByRole('button', { name: 'Use the offline map' }).click();
    await page.waitForFunction(() => window.__tp!.isIdle() && (window.__tp!.viewTotal() ?? 0) > 0, undefined, { timeout: 30_000 });
  });
});
