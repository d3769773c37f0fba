import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, newProfileDir, watchErrors } from './browser';
import { openApp } from './app-page';

const square = (x: number, y: number, d = 0.2) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

/** Sales regions around Chicago, drawn badly on purpose. */
const BROKEN = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { region: 'R1', label: 'Loop' }, geometry: { type: 'Polygon', coordinates: [square(-87.8, 41.8)] } },
    { type: 'Feature', properties: { region: 'R2', label: 'North' }, geometry: { type: 'Polygon', coordinates: [square(-87.6, 41.8)] } },
    // a bow-tie: its edges cross
    { type: 'Feature', properties: { region: 'R3', label: 'Bow' }, geometry: { type: 'Polygon', coordinates: [[[-87.8, 42.0], [-87.6, 42.2], [-87.6, 42.0], [-87.8, 42.2], [-87.8, 42.0]]] } },
    // an unclosed ring
    { type: 'Feature', properties: { region: 'R4', label: 'Open' }, geometry: { type: 'Polygon', coordinates: [square(-87.6, 42.0).slice(0, 4)] } },
    // the same id again
    { type: 'Feature', properties: { region: 'R1', label: 'Copy' }, geometry: { type: 'Polygon', coordinates: [square(-88.0, 41.8)] } },
    // not an area
    { type: 'Feature', properties: { region: 'R5', label: 'Pin' }, geometry: { type: 'Point', coordinates: [-87.7, 41.9] } },
    { type: 'Feature', properties: { region: 'R6', label: 'Nothing' }, geometry: null },
  ],
};

describe('importing the user’s own boundaries', () => {
  let dir: string;
  let files: string;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'tp-layers-'));
    writeFileSync(join(files, 'regions.geojson'), JSON.stringify(BROKEN));
    dir = newProfileDir();
    context = await launchProfile(dir);
    page = await openApp(context);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('lists every broken feature by id, loads the rest, and paints with them', async () => {
    const errors = watchErrors(page);
    await page.getByRole('button', { name: 'Territories' }).click();
    await page.getByRole('button', { name: 'New territory' }).waitFor();
    await page.getByLabel('Boundary file (GeoJSON, TopoJSON or zipped Shapefile)').setInputFiles(join(files, 'regions.geojson'));
    const dialog = page.getByRole('dialog', { name: 'Import boundaries: regions.geojson' });
    // "label" is unique, so it is the guess; the user picks "region", which has a duplicate.
    await dialog.getByRole('combobox', { name: 'Id field' }).selectOption('region');
    await dialog.getByRole('combobox', { name: 'Name field' }).selectOption('label');
    await dialog.getByRole('button', { name: 'Use these boundaries' }).click();
    const summary = page.getByRole('status').filter({ hasText: /units imported/ });
    await summary.waitFor();
    const text = await summary.innerText();
    const [imported, repaired, rejected] = [...text.matchAll(/(\d+)/g)].map((m) => Number(m[1]));
    expect(imported + rejected).toBe(7);
    expect(repaired).toBeGreaterThanOrEqual(1);
    expect(rejected).toBeGreaterThanOrEqual(3);
    const problems = page.getByRole('table', { name: 'Boundary problems' });
    const rows = await problems.getByRole('row').allInnerTexts();
    for (const id of ['R1', 'R3', 'R4', 'R5', 'R6']) expect(rows.some((r) => r.startsWith(id))).toBe(true);
    expect(rows.find((r) => r.startsWith('R1'))).toMatch(/Left out/);
    await page.screenshot({ path: 'test-results/boundaries.png' });
    await page.getByRole('dialog', { name: 'Import boundaries: regions.geojson' }).getByRole('button', { name: 'Close' }).click();

    expect(await page.getByRole('combobox', { name: 'Units' }).locator('option:checked').innerText()).toBe('Your boundaries: regions.geojson');
    await page.getByRole('button', { name: 'New territory' }).click();
    await page.getByRole('textbox', { name: 'Assign by id or name' }).fill('R2');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'North assigned.' }).waitFor();
    expect(await page.getByLabel('Figures of Territory 1').locator('dd').first().innerText()).toBe('1');
    expect(errors).toEqual([]);
  });

  it('keeps the boundaries and the plan painted on them after a reload', async () => {
    await page.evaluate(() => (window as unknown as { __tp: { flushPlan(): Promise<void> } }).__tp.flushPlan());
    await page.reload();
    await page.getByRole('button', { name: 'Territories' }).click();
    // The plan last worked on reopens on its own layer, read back from IndexedDB.
    const units = page.getByRole('combobox', { name: 'Units' });
    await page.getByRole('button', { name: 'New territory' }).waitFor();
    expect(await units.locator('option:checked').innerText()).toBe('Your boundaries: regions.geojson');
    expect(await page.getByLabel('Figures of Territory 1').locator('dd').first().innerText()).toBe('1');
    // and the built-in layers are still there to switch to and back
    await units.selectOption({ label: 'Counties' });
    await page.getByRole('button', { name: 'New territory' }).waitFor();
    await units.selectOption({ label: 'Your boundaries: regions.geojson' });
    await page.getByLabel('Figures of Territory 1').waitFor();
    expect(await page.getByLabel('Figures of Territory 1').locator('dd').first().innerText()).toBe('1');
  });
});
