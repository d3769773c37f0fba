import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { applyCommand, edit } from '../plan/commands';
import { createPlan, newTerritory } from '../plan/plan';
import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer } from '../units/unit-layer';
import { shapeAreaKm2 } from './area';
import { shapeToUnitsCommand, territoryToShapeCommand } from './shape-commands';
import { polygonsOf } from './shape-types';
import { editableOutline, thinRing } from './to-outline';
import { unitsInShape } from './to-units';

// 3×3 grid of 0.1° cells from (0, 0); cell (i, j) is unit j*3+i
const layer = buildUnitLayer(gridTopology(3, 3), { layerId: 'grid', objectName: 'cells' });
const sq = (x: number, y: number, w: number, h = w): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });

describe('drawn shape → units', () => {
  it('takes the units lying more than half inside', () => {
    // covers c00 fully, 60% of c10, 40% of c01, 24% of c11
    const r = unitsInShape(layer, sq(-0.05, -0.05, 0.21, 0.19));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.units).toEqual([0, 1]);
    const share = new Map(r.value.shares.map((s) => [s.unit, s.share]));
    expect(share.get(0)).toBeCloseTo(1, 6);
    expect(share.get(1)).toBeCloseTo(0.6, 2);
    expect(share.get(3)).toBeCloseTo(0.4, 2);
    expect(share.get(4)).toBeCloseTo(0.24, 2);
  });

  it('shapeToUnitsCommand paints them into the shape’s territory and removes the shape, undoably', () => {
    const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
    applyCommand(plan, edit.create(newTerritory('A', 'A', '#000')));
    applyCommand(plan, edit.addShape({ id: 's', territoryId: 'A', geometry: sq(0.1, 0.1, 0.2) }));
    const c = shapeToUnitsCommand(plan, layer, 's');
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const r = applyCommand(plan, c.value);
    expect([...plan.assignment]).toEqual([-1, -1, -1, -1, 0, 0, -1, 0, 0]);
    expect(plan.shapes).toEqual([]);
    applyCommand(plan, r.inverse!);
    expect(plan.shapes.map((s) => s.id)).toEqual(['s']);
    expect([...plan.assignment].every((t) => t === -1)).toBe(true);
  });
});

describe('unit territory → editable outline', () => {
  it('thinRing keeps at most max points, the first and the most significant ones', () => {
    const ring: number[][] = [];
    for (let k = 0; k < 2000; k++) {
      const a = (k / 2000) * 2 * Math.PI;
      const r = 1 + 0.05 * Math.sin(7 * a) + (k % 2) * 1e-4;
      ring.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    ring.push(ring[0]);
    const thin = thinRing(ring, 500);
    expect(thin.length).toBeLessThanOrEqual(500);
    expect(thin[0]).toEqual(ring[0]);
    expect(thin.at(-1)).toEqual(ring[0]);
    const area = (r: number[][]) => Math.abs(r.reduce((s, p, i) => (i ? s + r[i - 1][0] * p[1] - p[0] * r[i - 1][1] : s), 0)) / 2;
    expect(area(thin)).toBeCloseTo(area(ring), 2);
  });

  it('an L of units becomes one polygon with the units’ area, and territoryToShapeCommand swaps units for the shape', () => {
    const units = [0, 1, 2, 3];
    const g = editableOutline(layer, units);
    expect(g.ok).toBe(true);
    if (!g.ok) return;
    expect(polygonsOf(g.value)).toHaveLength(1);
    expect(shapeAreaKm2(g.value)).toBeCloseTo(units.reduce((s, u) => s + layer.areaKm2[u], 0), 3);
    const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
    applyCommand(plan, edit.create(newTerritory('A', 'A', '#000')));
    applyCommand(plan, edit.paint(units, 'A'));
    const c = territoryToShapeCommand(plan, layer, 'A', 'outline-A');
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    applyCommand(plan, c.value);
    expect(plan.shapes.map((s) => [s.id, s.territoryId])).toEqual([['outline-A', 'A']]);
    expect([...plan.assignment].every((t) => t === -1)).toBe(true);
  });

  it('refuses an empty territory', () => {
    expect(editableOutline(layer, []).ok).toBe(false);
  });
});
