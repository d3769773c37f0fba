import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { closeDatabase, loadDataset } from './dataset-store';
import { deleteLayer, listLayers, loadLayer, saveLayer } from './layer-store';
import { freshIndexedDB } from './testing/fresh-db';
import type { LayerRecord } from './schema';

beforeEach(async () => {
  await freshIndexedDB();
});
afterEach(async () => {
  await closeDatabase();
});

const square: Topology = {
  type: 'Topology',
  arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
  objects: { regions: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: 'north', properties: { name: 'North «1»' } }] } },
};
const record = (id: string, savedAt: number): LayerRecord => ({ id, fileName: id.slice(7), objectName: 'regions', topology: square, unitCount: 1, savedAt });

it('keeps a layer with its topology and lists it without it', async () => {
  await saveLayer(record('custom:b.geojson', 2));
  await saveLayer(record('custom:a.geojson', 1));
  expect(await listLayers()).toEqual([
    { id: 'custom:a.geojson', fileName: 'a.geojson', unitCount: 1, savedAt: 1 },
    { id: 'custom:b.geojson', fileName: 'b.geojson', unitCount: 1, savedAt: 2 },
  ]);
  expect((await loadLayer('custom:a.geojson'))?.topology).toEqual(square);
  expect(await loadLayer('custom:missing')).toBeNull();
});

it('replaces a layer saved again under the same id, and deletes it', async () => {
  await saveLayer(record('custom:a.geojson', 1));
  await saveLayer({ ...record('custom:a.geojson', 5), unitCount: 7 });
  expect((await listLayers()).map((l) => [l.id, l.unitCount, l.savedAt])).toEqual([['custom:a.geojson', 7, 5]]);
  await deleteLayer('custom:a.geojson');
  expect(await listLayers()).toEqual([]);
  // the dataset stores are untouched by layer writes
  expect(await loadDataset()).toBeNull();
});
