import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, newProfileDir, watchErrors } from './browser';
import { openApp } from './app-page';

const territories = (page: Page) => page.evaluate(() => window.__tp!.planInfo()?.territories ?? -1);

/** Share of pixels that differ noticeably between two PNG screenshots of the same area, decoded in the page. */
async function changedShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const pixels = async (b64: string) => {
        const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const g = c.getContext('2d')!;
        g.drawImage(bmp, 0, 0);
        return g.getImageData(0, 0, bmp.width, bmp.height).data;
      };
      const [p, q] = await Promise.all([pixels(x), pixels(y)]);
      let changed = 0;
      for (let i = 0; i < p.length; i += 4) if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 40) changed++;
      return changed / (p.length / 4);
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

describe('generating territories in the browser', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    dir = newProfileDir();
    context = await launchProfile(dir);
    page = await openApp(context);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates 8 territories over three states balanced on potential ±10 %, colours the map, undoes and redoes as one step', async () => {
    const errors = watchErrors(page);
    await page.getByRole('button', { name: 'Territories' }).click();
    await page.getByRole('combobox', { name: 'Units' }).selectOption({ label: 'Counties' });
    await page.waitForFunction(() => window.__tp!.planInfo()?.status === 'ready');
    expect(await territories(page)).toBe(0);
    await page.evaluate(() => window.__tp!.jumpTo(-87.8, 41.8, 4.6));
    await page.waitForFunction(() => window.__tp!.isIdle());
    const map = page.locator('.maplibregl-canvas');
    const before = await map.screenshot();

    await page.getByRole('button', { name: 'Generate territories…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate territories' });
    await dialog.getByRole('radio', { name: 'Chosen states' }).check();
    for (const state of ['Illinois', 'Indiana', 'Wisconsin']) await dialog.getByRole('checkbox', { name: state, exact: true }).check();
    await dialog.getByRole('spinbutton', { name: 'Number of territories' }).fill('8');
    await dialog.getByRole('combobox', { name: 'Figure 1' }).selectOption('potential');
    await dialog.getByRole('spinbutton', { name: 'Tolerance of Revenue potential (± %)' }).fill('10');
    await dialog.screenshot({ path: 'test-results/generate-dialog.png' });
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();

    const result = page.getByRole('dialog', { name: 'Territories generated' });
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => result.innerText()).toMatch(/8 new territories/);
    expect(await result.innerText()).toMatch(/Revenue potential: largest deviation from the mean \d+\.\d%, tolerance ±10% — met/);
    expect(await result.innerText()).toContain('Every territory is in one piece.');
    await result.screenshot({ path: 'test-results/generate-result.png' });
    await result.getByRole('button', { name: 'Done' }).click();

    expect(await territories(page)).toBe(8);
    await expect.poll(() => page.getByRole('list', { name: 'Territories' }).getByRole('listitem').count()).toBe(8);
    await page.waitForFunction(() => window.__tp!.isIdle());
    const after = await map.screenshot({ path: 'test-results/generate-map.png' });
    // Illinois, Indiana and Wisconsin now carry territory colours: a good part of the view changed.
    expect(await changedShare(page, before, after)).toBeGreaterThan(0.04);

    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await territories(page)).toBe(0);
    await page.waitForFunction(() => window.__tp!.isIdle());
    expect(await changedShare(page, before, await map.screenshot())).toBeLessThan(0.02);
    await page.keyboard.press('Control+Shift+Z');
    expect(await territories(page)).toBe(8);
    await page.keyboard.press('Control+Z');
    expect(await territories(page)).toBe(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await territories(page)).toBe(8);
    expect(errors).toEqual([]);
  });

  it('rebalances the generated plan to ±3 % with at most 20 % of revenue moved, and lists what moved', async () => {
    await page.getByRole('button', { name: 'Generate territories…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate territories' });
    await dialog.getByRole('spinbutton', { name: 'Tolerance of Revenue potential (± %)' }).fill('3');
    await dialog.getByRole('spinbutton', { name: 'Move at most (% of revenue)' }).fill('20');
    await dialog.getByRole('button', { name: 'Rebalance current plan' }).click();
    const result = page.getByRole('dialog', { name: 'Plan rebalanced' });
    await result.waitFor({ timeout: 60_000 });
    const text = await result.innerText();
    expect(text).toMatch(/Moved [\d,]+ count(y|ies)|Nothing was moved/);
    if (/Moved/.test(text)) {
      const [csv] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Download moved units and accounts (CSV)' }).click()]);
      expect(csv.suggestedFilename()).toBe('moved-units-and-accounts.csv');
    }
    await result.screenshot({ path: 'test-results/generate-rebalance.png' });
    await result.getByRole('button', { name: 'Done' }).click();
  });

  it('suggests moves for a territory and applies one as an undoable paint', async () => {
    await page.getByRole('button', { name: 'Suggest moves for Territory 1' }).click();
    const dialog = page.getByRole('dialog', { name: /Why is Territory 1 off\?/ });
    await dialog.getByRole('table', { name: 'Suggested moves for Territory 1' }).or(dialog.getByText('No single move improves')).first().waitFor();
    const apply = dialog.getByRole('button', { name: /^Apply: move / });
    await dialog.screenshot({ path: 'test-results/generate-explain.png' });
    if ((await apply.count()) > 0) {
      // deviations are from the mean of the territories, not of the whole country: a few %, not −90 %
      const cell = await dialog.getByRole('row').nth(1).getByRole('cell').nth(1).innerText();
      for (const v of cell.match(/[-+]?\d+\.\d/g)!) expect(Math.abs(Number(v))).toBeLessThan(20);
      const undoBefore = await page.evaluate(() => window.__tp!.planInfo()?.territories);
      await apply.first().click();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await page.evaluate(() => window.__tp!.planInfo()?.territories)).toBe(undoBefore);
    } else await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
