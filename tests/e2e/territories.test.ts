import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import Papa from 'papaparse';
import { launchProfile, newProfileDir, watchErrors } from './browser';
import { openApp, territoryFigure } from './app-page';
import { byteSourceFromBytes } from '../../src/core/import/byte-source';
import { previewCsv } from '../../src/core/import/preview';
import { importAccountsCsv } from '../../src/core/import/run-import';
import { loadZipTableFromDisk } from '../../src/core/geo/zip-table-node';
import { countiesLayerFromDisk } from '../../src/core/units/layers-node';
import { joinAccountsByPoint } from '../../src/core/units/account-join';
import { UnitFinder } from '../../src/core/units/unit-finder';
import { getString } from '../../src/core/accounts/packed-strings';

// Cook, DuPage and Lake counties, Illinois: neighbours around Chicago, with demo accounts.
const COUNTIES = ['17031', '17043', '17097'];

/** Demo accounts in the given counties, by the same core the app uses, computed in Node. */
async function demoAccountsIn(fips: string[]): Promise<number> {
  return (await demoJoin(fips)).inside;
}

async function demoJoin(fips: string[]): Promise<{ inside: number; outsideId: string }> {
  const bytes = new Uint8Array(readFileSync('fixtures/demo/accounts.csv'));
  const preview = await previewCsv(byteSourceFromBytes(bytes), 'accounts.csv');
  const { table } = await importAccountsCsv(byteSourceFromBytes(bytes), { mapping: preview.mapping, zips: loadZipTableFromDisk() });
  const layer = countiesLayerFromDisk();
  const { unitOfAccount } = joinAccountsByPoint(table, new UnitFinder(layer));
  const wanted = new Set(fips.map((f) => layer.index.get(f)!));
  let inside = 0;
  let outside = -1;
  unitOfAccount.forEach((u, row) => {
    if (wanted.has(u)) inside++;
    else if (outside < 0 && u >= 0) outside = row;
  });
  return { inside, outsideId: getString(table.id, outside) };
}

const figure = territoryFigure;

describe('painting territories from counties', () => {
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

  it('paints three counties into a territory, reads its figures, undoes and redoes', async () => {
    const errors = watchErrors(page);
    const expected = await demoAccountsIn(COUNTIES);
    expect(expected).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Territories' }).click();
    await page.getByRole('button', { name: 'New territory' }).click();
    await page.evaluate(() => window.__tp!.jumpTo(-88.0, 42.0, 7.5));
    await page.waitForFunction(() => window.__tp!.isIdle());
    for (const fips of COUNTIES) {
      const at = await page.evaluate((id) => window.__tp!.unitOnScreen(id), fips);
      expect(at).not.toBeNull();
      await page.mouse.click(at!.x, at!.y);
    }
    await page.waitForFunction(() => document.querySelector('[aria-label="Figures of Territory 1"] dd')?.textContent === '3');
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
    expect(Number((await figure(page, 'Territory 1', 'Accounts')).replace(/,/g, ''))).toBe(expected);
    await page.screenshot({ path: 'test-results/territories.png' });

    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('2');
    await page.keyboard.press('Control+Shift+Z');
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
    await page.keyboard.press('Control+Z');
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('2');
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
    expect(await page.getByTestId('unassigned').innerText()).toMatch(/Unassigned: [\d,]+ counties/);

    // A rep brings travel into the figures; the territory owns its quota.
    expect(await figure(page, 'Territory 1', 'Travel')).toBe('no rep');
    await page.getByRole('combobox', { name: 'Rep of Territory 1' }).selectOption({ index: 1 });
    await page.waitForFunction(() => /mi mean/.test(document.querySelector('[aria-label="Figures of Territory 1"]')?.textContent ?? ''));
    const quota = page.getByRole('textbox', { name: 'Quota of Territory 1' });
    await quota.fill('$250,000');
    await quota.press('Tab');
    await page.waitForFunction(() => /\$250,000/.test(document.querySelector('[aria-label="Figures of Territory 1"]')?.textContent ?? ''));
    expect(errors).toEqual([]);
  });

  it('keeps the plan after a reload', async () => {
    await page.evaluate(() => window.__tp!.flushPlan());
    await page.reload();
    await page.getByTestId('account-count').waitFor();
    await page.getByRole('button', { name: 'Territories' }).click();
    await page.getByLabel('Figures of Territory 1').waitFor();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
    await page.evaluate(() => window.__tp!.jumpTo(-88.0, 42.0, 7.5));
    await page.waitForFunction(() => window.__tp!.isIdle());
    await page.screenshot({ path: 'test-results/territories-reloaded.png' });
  });

  it('exports the territories as GeoJSON and the accounts as CSV, and both read back', async () => {
    const expected = await demoAccountsIn(COUNTIES);
    const [geo] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export territories (GeoJSON)' }).click()]);
    const fc = JSON.parse(readFileSync((await geo.path())!, 'utf8')) as { type: string; features: { geometry: { type: string; coordinates: number[][][][] }; properties: Record<string, unknown> }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].properties).toMatchObject({ name: 'Territory 1', accounts: expected, units: 3, quota: 250000 });
    expect(fc.features[0].geometry.type).toBe('MultiPolygon');
    const [lon, lat] = fc.features[0].geometry.coordinates[0][0][0];
    expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
    expect(lat).toBeGreaterThan(41);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export accounts (CSV)' }).click()]);
    const rows = Papa.parse<Record<string, string>>(readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(5000);
    expect(rows.filter((r) => r.Territory === 'Territory 1')).toHaveLength(expected);
    expect(rows.every((r) => /^\d{5}$/.test(r.ZIP))).toBe(true);
  });

  it('pins an account from elsewhere to the territory, lists the pin, and unpins it', async () => {
    const { inside, outsideId } = await demoJoin(COUNTIES);
    const box = page.getByRole('combobox', { name: 'Search accounts, ZIP or city' });
    await box.click();
    await box.fill(outsideId);
    await page.getByRole('option').first().waitFor();
    await box.press('Enter');
    await page.getByRole('combobox', { name: 'Pinned to territory' }).selectOption({ label: 'Territory 1' });
    await page.waitForFunction((n) => document.querySelector('[aria-label="Figures of Territory 1"] dd:nth-of-type(2)')?.textContent === String(n), inside + 1);
    await page.getByRole('region', { name: 'Pinned accounts' }).or(page.getByRole('heading', { name: 'Pinned accounts' })).first().waitFor();
    await page.getByText(`${outsideId} → Territory 1`).waitFor();
    await page.waitForFunction(() => window.__tp!.isIdle() && window.__tp!.pinsOnMap() === 1, undefined, { timeout: 30_000 });
    await page.getByRole('button', { name: `Unpin ${outsideId}` }).click();
    await page.waitForFunction(() => window.__tp!.isIdle() && window.__tp!.pinsOnMap() === 0, undefined, { timeout: 30_000 });
    await page.waitForFunction((n) => document.querySelector('[aria-label="Figures of Territory 1"] dd:nth-of-type(2)')?.textContent === String(n), inside);
  });

  it('assigns a unit from the keyboard by its id', async () => {
    const input = page.getByRole('textbox', { name: 'Assign by id or name' });
    await input.focus();
    await page.keyboard.type('17089');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Kane assigned.' }).waitFor();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('4');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
  });

  it('paints a brush stroke across counties and undoes it in one step', async () => {
    await page.evaluate(() => window.__tp!.jumpTo(-88.0, 42.0, 7.5));
    await page.waitForFunction(() => window.__tp!.isIdle());
    await page.getByRole('button', { name: 'Brush' }).click();
    const from = (await page.evaluate(() => window.__tp!.unitOnScreen('17037')))!; // DeKalb
    const to = (await page.evaluate(() => window.__tp!.unitOnScreen('17089')))!; // Kane, its neighbour
    const center = await page.evaluate(() => window.__tp!.center());
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    expect(Number(await figure(page, 'Territory 1', 'Counties'))).toBeGreaterThanOrEqual(5);
    // The map did not pan under the brush.
    expect(await page.evaluate(() => window.__tp!.center())).toEqual(center);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
    await page.getByRole('button', { name: 'Brush' }).click();
  });

  it('adds a neighbouring territory, keeps touching colours apart, and highlights the unassigned', async () => {
    await page.getByRole('button', { name: 'New territory' }).click();
    const kane = (await page.evaluate(() => window.__tp!.unitOnScreen('17089')))!;
    await page.mouse.click(kane.x, kane.y);
    expect(await figure(page, 'Territory 2', 'Counties')).toBe('1');
    await page.getByRole('button', { name: 'Recolour so neighbours differ' }).click();
    await page.getByText('Touching territories already have different colours.').waitFor();
    await page.getByRole('checkbox', { name: 'Highlight unassigned counties and accounts' }).check();
    await page.waitForFunction(() => window.__tp!.isIdle());
    await page.screenshot({ path: 'test-results/territories-two.png' });
    const unassigned = await page.getByTestId('unassigned').innerText();
    expect(unassigned).toMatch(/Unassigned: 3,227 counties/);
    // The map now shows only the accounts no territory owns, as many as the panel counts.
    const accounts = /, ([\d,]+) accounts/.exec(unassigned)![1];
    await page.getByRole('status').filter({ hasText: `Showing only the ${accounts} accounts no territory owns` }).waitFor();
    // Painting one more county takes its accounts off the map.
    const dekalb = (await page.evaluate(() => window.__tp!.unitOnScreen('17037')))!;
    await page.mouse.click(dekalb.x, dekalb.y);
    const after = /, ([\d,]+) accounts/.exec(await page.getByTestId('unassigned').innerText())![1];
    expect(Number(after.replace(/,/g, ''))).toBeLessThan(Number(accounts.replace(/,/g, '')));
    await page.getByRole('status').filter({ hasText: `Showing only the ${after} accounts no territory owns` }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('checkbox', { name: 'Highlight unassigned counties and accounts' }).uncheck();
    await page.getByRole('status').filter({ hasText: 'accounts no territory owns' }).waitFor({ state: 'detached' });
  });

  it('compares territories on a chosen metric against the mean, and merges one into another', async () => {
    const chart = page.getByRole('list', { name: 'Accounts by territory' });
    await page.getByRole('combobox', { name: 'Compare on' }).selectOption('accounts');
    const items = await chart.getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Territory 1: [\d,]+, (within|outside) tolerance$/);

    await page.getByRole('combobox', { name: 'Merge Territory 2 into' }).selectOption({ label: 'Territory 1' });
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('4');
    expect(await page.getByLabel('Figures of Territory 2').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
    expect(await figure(page, 'Territory 2', 'Counties')).toBe('1');
  });

  it('recomputes workload and travel with the user’s workload settings', async () => {
    const hours = async () => Number((await figure(page, 'Territory 1', 'Workload')).replace(/[^\d.]/g, ''));
    const before = await hours();
    await page.getByRole('button', { name: 'Workload settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Workload settings' });
    await dialog.getByRole('spinbutton', { name: 'Time at the account per visit (hours)' }).fill('2');
    await dialog.getByRole('combobox', { name: 'Distances in' }).selectOption('km');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => /km mean/.test(document.querySelector('[aria-label="Figures of Territory 1"]')?.textContent ?? ''));
    // Twice the time at each account: the workload grows by the visit hours, travel stays the same.
    expect(await hours()).toBeGreaterThan(before);
    expect(await figure(page, 'Territory 1', 'Area')).toMatch(/km²$/);
  });

  it('selects a box of counties with Shift+drag, as one undoable step', async () => {
    await page.getByRole('radio', { name: 'Paint with Territory 1' }).check();
    await page.evaluate(() => window.__tp!.jumpTo(-88.0, 42.0, 7.5));
    await page.waitForFunction(() => window.__tp!.isIdle());
    const from = (await page.evaluate(() => window.__tp!.unitOnScreen('17037')))!; // DeKalb
    const to = (await page.evaluate(() => window.__tp!.unitOnScreen('17007')))!; // Boone
    const center = await page.evaluate(() => window.__tp!.center());
    await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    expect(Number(await figure(page, 'Territory 1', 'Counties'))).toBeGreaterThanOrEqual(5);
    expect(await page.evaluate(() => window.__tp!.center())).toEqual(center);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
  });

  it('paints every county inside a lasso loop, as one undoable step', async () => {
    await page.getByRole('radio', { name: 'Paint with Territory 1' }).check();
    await page.getByRole('button', { name: 'Lasso' }).click();
    const at = async (id: string) => (await page.evaluate((u) => window.__tp!.unitOnScreen(u), id))!;
    // DeKalb, Kane (Territory 2's) and Boone, with a margin
    const points = [await at('17037'), await at('17089'), await at('17007')];
    const x0 = Math.min(...points.map((p) => p.x)) - 12;
    const x1 = Math.max(...points.map((p) => p.x)) + 12;
    const y0 = Math.min(...points.map((p) => p.y)) - 12;
    const y1 = Math.max(...points.map((p) => p.y)) + 12;
    const center = await page.evaluate(() => window.__tp!.center());
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (const [x, y] of [[x1, y0], [x1, y1], [x0, y1], [x0, y0 + 2]]) await page.mouse.move(x, y, { steps: 6 });
    await page.mouse.up();
    expect(Number(await figure(page, 'Territory 1', 'Counties'))).toBeGreaterThanOrEqual(6);
    expect(await figure(page, 'Territory 2', 'Counties')).toBe('0');
    expect(await page.evaluate(() => window.__tp!.center())).toEqual(center);
    expect(await page.locator('.lasso-overlay').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
    expect(await figure(page, 'Territory 2', 'Counties')).toBe('1');
    await page.getByRole('button', { name: 'Lasso' }).click();
  });

  it('locks units so painting leaves them alone, and sets the tolerance band', async () => {
    await page.getByRole('button', { name: 'Lock units' }).click();
    const kane = (await page.evaluate(() => window.__tp!.unitOnScreen('17089')))!; // Territory 2's county
    await page.mouse.click(kane.x, kane.y);
    await page.getByTestId('locked-units').filter({ hasText: 'Locked: 1 counties.' }).waitFor();
    await page.getByRole('radio', { name: 'Paint with Territory 1' }).check();
    await page.mouse.click(kane.x, kane.y);
    expect(await figure(page, 'Territory 2', 'Counties')).toBe('1');
    expect(await figure(page, 'Territory 1', 'Counties')).toBe('3');
    await page.getByRole('spinbutton', { name: 'Tolerance (percent)' }).fill('50');
    await page.keyboard.press('Enter');
    await page.getByText(/the band is ±50%/).waitFor();
  });
});
