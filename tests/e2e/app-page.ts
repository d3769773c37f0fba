import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = (): string => inject('baseUrl');

/** Opens the app and waits until the stored (or demo) accounts are drawn on an idle map. */
export async function openApp(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl());
  await waitForData(page);
  return page;
}

export async function waitForData(page: Page): Promise<void> {
  await page.getByTestId('account-count').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.__tp !== undefined && window.__tp.isIdle() && window.__tp.viewTotal() !== null, undefined, { timeout: 60_000 });
}

export async function accountCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('account-count').innerText()).replace(/[^\d]/g, ''));
}

/** Zooms out until the whole country (Alaska, Hawaii, Puerto Rico too) is in view, then sums what MapLibre rendered. */
export async function renderedAccountsWorldView(page: Page): Promise<number> {
  await page.evaluate(() => window.__tp!.jumpTo(-100, 38, 1.2));
  await page.waitForFunction(() => window.__tp!.isIdle() && window.__tp!.zoom() < 1.5);
  // The view worker answers after the move ends; wait until the drawn features match its total.
  await page.waitForFunction(() => window.__tp!.isIdle() && window.__tp!.renderedAccounts() === window.__tp!.viewTotal(), undefined, { timeout: 30_000 });
  return page.evaluate(() => window.__tp!.renderedAccounts());
}

export async function importFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('Accounts CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^Read / }).waitFor({ timeout: 60_000 });
}

/** The text of one figure (e.g. "Counties", "Accounts") on a territory's card. */
export async function territoryFigure(page: Page, territory: string, label: string): Promise<string> {
  const dl = page.getByLabel(`Figures of ${territory}`);
  const terms = await dl.locator('dt').allInnerTexts();
  const values = await dl.locator('dd').allInnerTexts();
  return values[terms.indexOf(label)];
}
