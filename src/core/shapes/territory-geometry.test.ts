import { expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { applyCommand, edit } from '../plan/commands';
import { createPlan, newTerritory } from '../plan/plan';
import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer } from '../units/unit-layer';
import { polygonsAreaKm2 } from './area';
import { territoryGeometries } from './territory-geometry';

const layer = buildUnitLayer(gridTopology(3, 3), { layerId: 'grid', objectName: 'cells' });
const square = (x: number, y: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

it('joins a territory’s drawn shapes to its units’ outline, and leaves shape-less territories as outlined', () => {
  const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
  applyCommand(plan, edit.create(newTerritory('a', 'A', '#f00')));
  applyCommand(plan, edit.create(newTerritory('b', 'B', '#0f0')));
  applyCommand(plan, edit.paint([0], 'a')); // cell 0,0: [0,0.1]²
  applyCommand(plan, edit.paint([8], 'b'));
  // a shape half over cell 0 and half east of it, and one far away
  applyCommand(plan, edit.addShape({ id: 's1', territoryId: 'a', geometry: square(0.05, 0, 0.1) }));
  applyCommand(plan, edit.addShape({ id: 's2', territoryId: 'a', geometry: square(1, 1, 0.1) }));
  const { geometries, problems } = territoryGeometries(layer, plan);
  expect(problems).toEqual([]);
  const cell = layer.areaKm2[0];
  // cell + the half of s1 outside it + s2 (a cell's size, further north: a little smaller)
  const a = polygonsAreaKm2(geometries[0].coordinates);
  expect(geometries[0].coordinates).toHaveLength(2);
  expect(a).toBeGreaterThan(cell * 1.5 + cell * 0.95);
  expect(a).toBeLessThan(cell * 1.5 + cell * 1.01);
  expect(polygonsAreaKm2(geometries[1].coordinates)).toBeCloseTo(layer.areaKm2[8], 6);
});
