import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, newProfileDir, watchErrors } from './browser';
import { openApp, territoryFigure } from './app-page';

const figure = async (page: Page, territory: string, label: string) => Number((await territoryFigure(page, territory, label)).replace(/[^\d.]/g, ''));

/** Demo accounts inside a screen rectangle (page pixels), counted from the loaded data in the page. */
async function accountsInRect(page: Page, x0: number, y0: number, x1: number, y1: number): Promise<number> {
  const [w, n] = await page.evaluate(([x, y]) => window.__tp!.lngLatAt(x, y), [x0, y0]);
  const [e, s] = await page.evaluate(([x, y]) => window.__tp!.lngLatAt(x, y), [x1, y1]);
  return page.evaluate(([a, b, c, d]) => window.__tp!.accountsInBox(a, b, c, d), [w, s, e, n]);
}

/** The territories of the plan's drawn shapes, once they are as expected (edits are built in a worker). */
async function shapesBecome(page: Page, territories: string[]): Promise<void> {
  await page.waitForFunction((want) => JSON.stringify(window.__tp!.shapes().map((s) => s.territory)) === JSON.stringify(want), territories, { timeout: 20_000 });
}

/** Draws a rectangle with the mouse: a click per corner, then a click on the first corner closes it. */
async function drawRect(page: Page, x0: number, y0: number, x1: number, y1: number): Promise<void> {
  await page.getByRole('button', { name: 'Draw shape' }).click();
  for (const [x, y] of [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ]) {
    await page.mouse.click(x, y);
    // draw finds "a click on the first corner" in what is rendered: let each corner reach the screen
    await page.waitForFunction(() => window.__tp!.isIdle());
  }
}

describe('drawing territories by hand', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let box: { x: number; y: number };
  beforeAll(async () => {
    dir = newProfileDir();
    context = await launchProfile(dir);
    page = await openApp(context);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws two overlapping shapes whose accounts count for their territories', async () => {
    const errors = watchErrors(page);
    await page.getByRole('button', { name: 'Territories' }).click();
    await page.getByRole('button', { name: 'New territory' }).click();
    await page.evaluate(() => window.__tp!.jumpTo(-87.9, 41.9, 8));
    await page.waitForFunction(() => window.__tp!.isIdle());
    const map = (await page.getByRole('region', { name: 'Map of accounts' }).boundingBox())!;
    box = { x: map.x, y: map.y };
    const { x, y } = box;
    await drawRect(page, x + 330, y + 250, x + 530, y + 450);
    await page.getByRole('button', { name: 'New territory' }).click();
    await drawRect(page, x + 450, y + 350, x + 650, y + 550);
    expect(await page.evaluate(() => window.__tp!.shapes())).toEqual([
      { id: expect.any(String), territory: 'Territory 1', bbox: expect.any(Array) },
      { id: expect.any(String), territory: 'Territory 2', bbox: expect.any(Array) },
    ]);
    // No unit is painted: every account counted comes from the shapes; where they overlap the first shape wins.
    const first = await accountsInRect(page, x + 330, y + 250, x + 530, y + 450);
    const second = await accountsInRect(page, x + 450, y + 350, x + 650, y + 550);
    const both = await accountsInRect(page, x + 450, y + 350, x + 530, y + 450);
    expect(both).toBeGreaterThan(0);
    expect(await figure(page, 'Territory 1', 'Accounts')).toBe(first);
    expect(await figure(page, 'Territory 2', 'Accounts')).toBe(second - both);
    await page.screenshot({ path: 'test-results/shapes-two.png' });
    expect(errors).toEqual([]);
  });

  it('lists the overlap with its accounts, gives it to one territory in one step, and undoes that', async () => {
    const { x, y } = box;
    const both = await accountsInRect(page, x + 450, y + 350, x + 530, y + 450);
    const first = await figure(page, 'Territory 1', 'Accounts');
    await page.getByRole('button', { name: 'Find overlaps and gaps' }).click();
    const overlaps = page.getByRole('list', { name: 'Overlaps' });
    await overlaps.waitFor();
    const items = await overlaps.getByRole('listitem').allInnerTexts();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(new RegExp(`Territory 1 and Territory 2 overlap: [\\d.,]+ mi², ${both} accounts`));
    await page.screenshot({ path: 'test-results/shapes-overlap.png' });

    await overlaps.getByRole('button', { name: 'Give to Territory 2' }).click();
    await page.getByRole('status').filter({ hasText: 'No territories overlap.' }).waitFor();
    // Territory 1's shape was clipped: the overlap's accounts now count for Territory 2.
    expect(await figure(page, 'Territory 1', 'Accounts')).toBe(first - both);
    expect(await page.evaluate(() => window.__tp!.shapes().length)).toBe(2);

    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 1', 'Accounts')).toBe(first);
    await overlaps.getByRole('listitem').first().waitFor();
    expect(await overlaps.getByRole('listitem').count()).toBe(1);
  });

  it('cancels a drawing with Esc and keeps every shape as it was', async () => {
    const { x, y } = box;
    await page.getByRole('button', { name: 'Draw shape' }).click();
    await page.mouse.click(x + 100, y + 600);
    await page.mouse.click(x + 200, y + 600);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Draw shape', pressed: false }).waitFor();
    expect(await page.evaluate(() => window.__tp!.shapes().length)).toBe(2);
  });

  it('deletes a shape from the panel and brings it back with undo', async () => {
    await page.getByRole('button', { name: 'Select shape 2 of Territory 2' }).click();
    await page.getByRole('group', { name: 'Selected shape' }).getByRole('button', { name: 'Delete shape' }).click();
    expect(await page.evaluate(() => window.__tp!.shapes().map((s) => s.territory))).toEqual(['Territory 1']);
    expect(await figure(page, 'Territory 2', 'Accounts')).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await page.evaluate(() => window.__tp!.shapes().map((s) => s.territory))).toEqual(['Territory 1', 'Territory 2']);
  });

  it('moves a shape by dragging it, as one undoable edit', async () => {
    const { x, y } = box;
    const before = (await page.evaluate(() => window.__tp!.shapes()))[0].bbox;
    await page.getByRole('button', { name: 'Select shape 1 of Territory 1' }).click();
    // draw decides "drag the selected shape" from what is rendered: let the selection reach the screen
    await page.waitForFunction(() => window.__tp!.selectedShapeRendered() && window.__tp!.isIdle());
    await page.mouse.move(x + 360, y + 280);
    await page.mouse.down();
    await page.mouse.move(x + 300, y + 280, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((w) => window.__tp!.shapes()[0].bbox[0] < w - 0.01, before[0]);
    const moved = (await page.evaluate(() => window.__tp!.shapes()))[0].bbox;
    expect(moved[2] - moved[0]).toBeCloseTo(before[2] - before[0], 6);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await page.evaluate(() => window.__tp!.shapes()))[0].bbox).toEqual(before);
  });

  it('splits a shape with a drawn line into a new territory', async () => {
    const { x, y } = box;
    await page.getByRole('button', { name: 'Split with line' }).click();
    // a vertical line right across Territory 1's shape, left of the overlap
    await page.mouse.click(x + 400, y + 200);
    await page.waitForFunction(() => window.__tp!.isIdle());
    await page.mouse.dblclick(x + 400, y + 500);
    await page.getByRole('status').filter({ hasText: 'Territory 1 split in 2' }).waitFor();
    await shapesBecome(page, ['Territory 1', 'Territory 1 (split)', 'Territory 2']);
    // the clicks that drew the line painted no county
    expect(await figure(page, 'Territory 2', 'Counties')).toBe(0);
    await page.getByLabel('Figures of Territory 1 (split)').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await page.evaluate(() => window.__tp!.shapes().map((s) => s.territory))).toEqual(['Territory 1', 'Territory 2']);
    expect(await page.getByLabel('Figures of Territory 1 (split)').count()).toBe(0);
  });

  it('turns a drawn shape into the counties mostly inside it, and back with undo', async () => {
    await page.getByRole('button', { name: 'Select shape 2 of Territory 2' }).click();
    await page.getByRole('group', { name: 'Selected shape' }).getByRole('button', { name: 'Turn into units' }).click();
    await shapesBecome(page, ['Territory 1']);
    expect(await figure(page, 'Territory 2', 'Counties')).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 2', 'Counties')).toBe(0);
    expect(await page.evaluate(() => window.__tp!.shapes().map((s) => s.territory))).toEqual(['Territory 1', 'Territory 2']);
  });

  it('cuts a hole in the selected shape, whose accounts then leave the territory', async () => {
    const { x, y } = box;
    const before = await figure(page, 'Territory 1', 'Accounts');
    // the hole: the left part of Territory 1's shape, clear of the overlap
    const inHole = await accountsInRect(page, x + 340, y + 260, x + 440, y + 440);
    await page.getByRole('button', { name: 'Select shape 1 of Territory 1' }).click();
    await page.getByRole('button', { name: 'Cut hole' }).click();
    for (const [px, py] of [
      [x + 340, y + 260],
      [x + 440, y + 260],
      [x + 440, y + 440],
      [x + 340, y + 440],
      [x + 340, y + 260],
    ]) {
      await page.mouse.click(px, py);
      await page.waitForFunction(() => window.__tp!.isIdle());
    }
    await page.getByRole('status').filter({ hasText: 'Hole cut.' }).waitFor();
    expect(await figure(page, 'Territory 1', 'Accounts')).toBe(before - inHole);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 1', 'Accounts')).toBe(before);
  });

  it('turns a unit territory into an editable outline', async () => {
    await page.getByRole('button', { name: 'New territory' }).click();
    await page.getByRole('textbox', { name: 'Assign by id or name' }).fill('17037'); // DeKalb, clear of the shapes
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'DeKalb assigned.' }).waitFor();
    const accounts = await figure(page, 'Territory 3', 'Accounts');
    await page.getByRole('button', { name: 'Outline Territory 3 as a shape' }).click();
    await shapesBecome(page, ['Territory 1', 'Territory 2', 'Territory 3']);
    expect(await figure(page, 'Territory 3', 'Counties')).toBe(0);
    // the same ground, now drawn: about the same accounts (the outline is thinned to editable corners)
    expect(Math.abs((await figure(page, 'Territory 3', 'Accounts')) - accounts)).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 3', 'Counties')).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await page.getByLabel('Figures of Territory 3').count()).toBe(0);
  });

  it('keeps the drawn shapes after a reload, with the same accounts in them', async () => {
    const before = [await figure(page, 'Territory 1', 'Accounts'), await figure(page, 'Territory 2', 'Accounts')];
    await page.evaluate(() => window.__tp!.flushPlan());
    await page.reload();
    await page.getByRole('button', { name: 'Territories' }).click();
    await page.getByRole('button', { name: 'Select shape 2 of Territory 2' }).waitFor();
    expect(await page.evaluate(() => window.__tp!.shapes().map((s) => s.territory))).toEqual(['Territory 1', 'Territory 2']);
    // counted again after the reload, this time by the shapes worker
    expect([await figure(page, 'Territory 1', 'Accounts'), await figure(page, 'Territory 2', 'Accounts')]).toEqual(before);
  });
});
