import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, newProfileDir, watchErrors } from './browser';
import { accountCount, openApp, renderedAccountsWorldView } from './app-page';

describe('first start on a fresh browser profile', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    dir = newProfileDir();
    context = await launchProfile(dir);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the demo accounts on the map, every one of them counted in the rendered clusters and points', async () => {
    page = await openApp(context);
    const errors = watchErrors(page);
    expect(await accountCount(page)).toBe(5000);
    await page.getByRole('heading', { name: 'Demo data' }).waitFor();
    expect(await renderedAccountsWorldView(page)).toBe(5000);
    // Legend lists the four segments with counts that add up to the total.
    const legend = page.getByRole('group', { name: /Segment/ });
    const counts = await legend.locator('.legend-count').allInnerTexts();
    expect(counts.map((c) => Number(c.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(5000);
    await page.screenshot({ path: 'test-results/demo.png' });
    expect(errors).toEqual([]);
  });

  it('hides a segment with its filter, says a filter is on, and the map loses exactly those accounts', async () => {
    const box = page.getByRole('checkbox', { name: /Small\/Cafe/ });
    const small = Number((await box.locator('xpath=..').locator('.legend-count').innerText()).replace(/,/g, ''));
    expect(small).toBeGreaterThan(1000);
    await box.uncheck();
    await page.getByRole('status').filter({ hasText: /Filter on/ }).waitFor();
    await page.waitForFunction((n) => window.__tp!.isIdle() && window.__tp!.renderedAccounts() === n, 5000 - small, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Show all' }).first().click();
    await page.waitForFunction(() => window.__tp!.isIdle() && window.__tp!.renderedAccounts() === 5000, undefined, { timeout: 30_000 });
  });
});
