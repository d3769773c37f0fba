import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { territoryOfAccounts } from '../export/territory-of-account';
import { applyCommand, edit } from '../plan/commands';
import { PlanHistory } from '../plan/history';
import { clonePlan, createPlan, newTerritory, type Plan } from '../plan/plan';
import { account, makeWorld } from '../plan/world-fixture';
import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer } from '../units/unit-layer';
import { shapeAreaKm2 } from './area';
import { assignAccountsToShapes, territoriesOfShapes } from './assign-accounts';
import { fillGapsCommand, findGaps } from './gaps';

// 3×3 grid of 0.1° cells from (0, 0); cell (i, j) is unit j*3+i. The drawn shapes lie further out.
const layer = buildUnitLayer(gridTopology(3, 3), { layerId: 'grid', objectName: 'cells' });
const world = makeWorld(layer, [
  account('a1', 0.05, 0.05, { revenue: 10 }), // c00
  account('a2', 0.15, 0.05, { revenue: 20 }), // c10
  account('a3', 0.25, 0.05, { revenue: 30 }), // c20, A's unit
  account('hole', 1.5, 2, { revenue: 40 }), // in the hole between the shapes, in no unit
  account('far', 50, 50, { revenue: 50 }), // in nothing
]);
const U: Polygon = { type: 'Polygon', coordinates: [[[0.5, 0.5], [3, 0.5], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0.5, 3], [0.5, 0.5]]] };
const BAR: Polygon = { type: 'Polygon', coordinates: [[[0.5, 3], [3, 3], [3, 4], [0.5, 4], [0.5, 3]]] };

function plan(): Plan {
  const p = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
  applyCommand(p, edit.create(newTerritory('A', 'A', '#000')));
  applyCommand(p, edit.create(newTerritory('B', 'B', '#000')));
  applyCommand(p, edit.paint([2], 'A'));
  applyCommand(p, edit.paint([6], 'B'));
  applyCommand(p, edit.addShape({ id: 'u', territoryId: 'A', geometry: U }));
  applyCommand(p, edit.addShape({ id: 'bar', territoryId: 'B', geometry: BAR }));
  return p;
}

function gapsOf(p: Plan) {
  const t = world.table;
  const shapeOwner = territoriesOfShapes(assignAccountsToShapes(t.lon, t.lat, p.shapes.map((s) => s.geometry)), p.shapes, p.territories);
  const own = territoryOfAccounts(t, p, { unitOfAccount: world.ctx.unitOfAccount, shapeOwner: (r) => shapeOwner[r] });
  return findGaps({ plan: p, accounts: { lon: t.lon, lat: t.lat, revenue: t.revenue }, unitOfAccount: world.ctx.unitOfAccount, ownerOfAccount: own.territory });
}

describe('gaps', () => {
  it('lists unowned accounts by unassigned unit, those in no unit, and the hole between the shapes', () => {
    const g = gapsOf(plan());
    expect(g.units.map((x) => [x.unit, x.accounts, x.revenue])).toEqual([[0, 1, 10], [1, 1, 20]]);
    expect(g.noUnit).toEqual({ accounts: 2, revenue: 90 });
    expect(g.holes).toHaveLength(1);
    const h = g.holes[0];
    expect(h.areaKm2).toBeCloseTo(shapeAreaKm2({ type: 'Polygon', coordinates: [[[1, 1], [2, 1], [2, 3], [1, 3], [1, 1]]] }), 3);
    expect(h).toMatchObject({ accounts: 1, revenue: 40, unownedAccounts: 1, aroundShapeIds: ['u', 'bar'] });
  });

  it('a shape’s own touching neighbour leaves no hole, and touching shapes are not a gap', () => {
    const p = plan();
    applyCommand(p, edit.removeShape('bar'));
    expect(gapsOf(p).holes).toEqual([]);
  });

  it('the one-click fix is one undo step: gap units to the neighbour with the longest boundary, the hole to the shape around most of it', () => {
    const p = plan();
    const before = clonePlan(p);
    const c = fillGapsCommand(p, layer, gapsOf(p));
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const h = new PlanHistory(p);
    h.do(c.value);
    // c10 touches A's c20; c00 then touches c10 (filled in the same fix)
    expect(p.assignment[0]).toBe(0);
    expect(p.assignment[1]).toBe(0);
    const after = gapsOf(p);
    expect(after.holes).toEqual([]);
    expect(after.units).toEqual([]);
    expect(after.noUnit.accounts).toBe(1); // the far account: nothing to extend, pin it
    expect(shapeAreaKm2(p.shapes[0].geometry)).toBeCloseTo(shapeAreaKm2(U) + shapeAreaKm2({ type: 'Polygon', coordinates: [[[1, 1], [2, 1], [2, 3], [1, 3], [1, 1]]] }), 3);
    h.undo();
    expect([...p.assignment]).toEqual([...before.assignment]);
    expect(p.shapes).toEqual(before.shapes);
  });
});
