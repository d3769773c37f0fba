import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, newProfileDir, watchErrors } from './browser';
import { accountCount, openApp, renderedAccountsWorldView } from './app-page';
import { expectedImport } from './expected';

const SALESFORCE = resolve('fixtures/csv/salesforce-accounts.csv');
const SPREADSHEET = resolve('fixtures/csv/spreadsheet-customers.csv');

describe('importing a Salesforce export through the file input', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let expected: Awaited<ReturnType<typeof expectedImport>>;

  beforeAll(async () => {
    dir = newProfileDir();
    context = await launchProfile(dir);
    expected = await expectedImport(SALESFORCE);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows its column guesses, imports, reports problems, and draws every imported account', async () => {
    page = await openApp(context);
    const errors = watchErrors(page);
    await page.getByLabel('Accounts CSV file').setInputFiles(SALESFORCE);
    const dialog = page.getByRole('dialog', { name: /Import accounts: salesforce-accounts\.csv/ });
    await dialog.waitFor();
    // Every guess is visible and changeable.
    expect(await dialog.getByRole('combobox', { name: 'Column for ZIP code' }).locator('option:checked').innerText()).toBe('Billing Zip/Postal Code');
    expect(await dialog.getByRole('combobox', { name: 'Column for Latitude' }).locator('option:checked').innerText()).toBe('Billing Latitude');
    expect(await dialog.getByRole('combobox', { name: 'Column for Owner (rep)' }).locator('option:checked').innerText()).toBe('Account Owner');
    await expect(dialog.getByRole('radio', { name: 'Replace the demo data with this file' }).isChecked()).resolves.toBe(true);
    await page.screenshot({ path: 'test-results/import-mapping.png' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    const summary = page.getByRole('status').filter({ hasText: /^Read / });
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toContain(`Read ${expected.rows} rows: ${expected.imported} accounts imported, ${expected.rejected} rejected`);
    expect(await page.getByRole('table', { name: 'Import problems' }).count()).toBe(expected.issues > 0 ? 1 : 0);

    await page.getByRole('button', { name: 'Close' }).click();
    expect(await accountCount(page)).toBe(expected.imported);
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    // Replacing the demo data replaces its reps too.
    expect(await page.getByLabel('Data summary').innerText()).toMatch(/Reps\s+0/);
    expect(await renderedAccountsWorldView(page)).toBe(expected.imported);
    expect(errors).toEqual([]);
  });

  it('finds the accounts still there after Chromium is closed and opened again', async () => {
    await context.close();
    context = await launchProfile(dir);
    page = await openApp(context);
    expect(await accountCount(page)).toBe(expected.imported);
    expect(await renderedAccountsWorldView(page)).toBe(expected.imported);
  });

  it('updates by id on a second import of the same file: nothing added or changed', async () => {
    await page.getByLabel('Accounts CSV file').setInputFiles(SALESFORCE);
    const dialog = page.getByRole('dialog', { name: /Import accounts/ });
    await expect(dialog.getByRole('radio', { name: 'Update stored accounts by ID and add new ones' }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Read / }).waitFor();
    expect(await page.locator('.merge-summary').innerText()).toMatch(new RegExp(`^0 added, 0 changed, ${expected.imported} unchanged`));
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await accountCount(page)).toBe(expected.imported);
  });

  it('adds a spreadsheet with bad rows: the good rows land, every problem is listed and downloadable', async () => {
    const sheet = await expectedImport(SPREADSHEET);
    expect(sheet.rejected).toBeGreaterThan(0);
    await page.getByLabel('Accounts CSV file').setInputFiles(SPREADSHEET);
    const dialog = page.getByRole('dialog', { name: /Import accounts: spreadsheet-customers\.csv/ });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('status').filter({ hasText: /^Read / });
    expect(await summary.innerText()).toContain(`${sheet.imported} accounts imported, ${sheet.rejected} rejected`);
    const problems = page.getByRole('table', { name: 'Import problems' });
    expect(await problems.getByRole('row').count()).toBe(sheet.issues + 1);
    await page.screenshot({ path: 'test-results/import-problems.png' });

    // The download is a spreadsheet-safe CSV with one line per problem.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download problems as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Row,Column,Severity,Problem,Value');
    expect(lines.length).toBe(sheet.issues + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d+,/);

    // One row had latitude and longitude the wrong way round: one click fixes and imports it.
    await page.getByRole('button', { name: 'Swap latitude and longitude in this row and import it' }).click();
    await page.locator('.merge-summary').filter({ hasText: /^1 added, 0 changed/ }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await accountCount(page)).toBe(expected.imported + sheet.imported + 1);
    expect(await renderedAccountsWorldView(page)).toBe(expected.imported + sheet.imported + 1);
  });
});
