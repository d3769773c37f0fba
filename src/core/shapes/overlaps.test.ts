import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { applyCommand, edit } from '../plan/commands';
import { PlanHistory } from '../plan/history';
import { clonePlan, createPlan, newTerritory, type Plan } from '../plan/plan';
import { territoryOutlines } from '../units/outline';
import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer } from '../units/unit-layer';
import { shapeAreaKm2, polygonsAreaKm2 } from './area';
import { findOverlaps } from './overlaps';
import { resolveOverlapsCommand } from './resolve';
import type { DrawnShape } from './shape-types';

const sq = (x: number, y: number, w: number, h = w): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });
const shape = (id: string, territoryId: string, geometry: Polygon): DrawnShape => ({ id, territoryId, geometry });
const T = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];

describe('findOverlaps between drawn shapes', () => {
  it('a shared edge or a shared corner is not an overlap', () => {
    const r = findOverlaps({ shapes: [shape('a', 'A', sq(0, 0, 1)), shape('b', 'B', sq(1, 0, 1)), shape('c', 'C', sq(2, 1, 1))], territories: T });
    expect(r.candidatePairs).toBe(2);
    expect(r.overlaps).toEqual([]);
  });

  it('overlapping shapes: the pair, its area and the accounts inside (edge included)', () => {
    const accounts = { lon: Float64Array.from([0.75, 0.9, 0.25, 1.5]), lat: Float64Array.from([0.5, 0.2, 0.5, 0.5]), revenue: Float64Array.from([10, NaN, 30, 40]) };
    const r = findOverlaps({ shapes: [shape('a', 'A', sq(0, 0, 1)), shape('b', 'B', sq(0.5, 0, 1))], territories: T, accounts });
    expect(r.overlaps).toHaveLength(1);
    const o = r.overlaps[0];
    expect(o).toMatchObject({ kind: 'shapes', a: { territoryId: 'A', shapeId: 'a' }, b: { territoryId: 'B', shapeId: 'b' }, accounts: 2, revenue: 10 });
    expect(o.areaKm2).toBeCloseTo(shapeAreaKm2(sq(0.5, 0, 0.5, 1)), 3);
  });

  it('a nested shape overlaps by its own area; identical shapes overlap fully; a cross (no vertex inside) is found', () => {
    const nested = findOverlaps({ shapes: [shape('a', 'A', sq(0, 0, 4)), shape('b', 'B', sq(1, 1, 1))], territories: T });
    expect(nested.overlaps[0].areaKm2).toBeCloseTo(shapeAreaKm2(sq(1, 1, 1)), 3);
    const same = findOverlaps({ shapes: [shape('a', 'A', sq(0, 0, 1)), shape('b', 'B', sq(0, 0, 1))], territories: T });
    expect(same.overlaps[0].areaKm2).toBeCloseTo(shapeAreaKm2(sq(0, 0, 1)), 3);
    const cross = findOverlaps({ shapes: [shape('a', 'A', sq(0, 1, 3, 1)), shape('b', 'B', sq(1, 0, 1, 3))], territories: T });
    expect(cross.overlaps[0].areaKm2).toBeCloseTo(shapeAreaKm2(sq(1, 1, 1)), 3);
  });

  it('a shape with a hole around another shape: no overlap; shapes of one territory: no conflict', () => {
    const ring: Polygon = { type: 'Polygon', coordinates: [sq(0, 0, 3).coordinates[0], sq(1, 1, 1).coordinates[0].slice().reverse()] };
    expect(findOverlaps({ shapes: [shape('a', 'A', ring), shape('b', 'B', sq(1, 1, 1))], territories: T }).overlaps).toEqual([]);
    expect(findOverlaps({ shapes: [shape('a', 'A', sq(0, 0, 2)), shape('b', 'A', sq(1, 1, 2))], territories: T }).overlaps).toEqual([]);
  });
});

// 3×3 grid of 0.1° cells from (0, 0); cell (i, j) is unit j*3+i
const layer = buildUnitLayer(gridTopology(3, 3), { layerId: 'grid', objectName: 'cells' });

function planWith(shapes: DrawnShape[]): Plan {
  const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
  for (const t of T) applyCommand(plan, edit.create(newTerritory(t.id, t.id, '#000')));
  applyCommand(plan, edit.paint([0, 1, 2], 'C'));
  for (const s of shapes) applyCommand(plan, edit.addShape(s));
  return plan;
}

describe('resolving overlaps', () => {
  it('shape against shape: the loser is clipped, in one undo step that restores the plan exactly', () => {
    const plan = planWith([shape('a', 'A', sq(1, 1, 1)), shape('b', 'B', sq(1.5, 1, 1))]);
    const before = clonePlan(plan);
    const found = findOverlaps({ shapes: plan.shapes, territories: plan.territories });
    const r = resolveOverlapsCommand(plan, [{ overlap: found.overlaps[0], winnerTerritoryId: 'A' }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const h = new PlanHistory(plan);
    h.do(r.value);
    expect(findOverlaps({ shapes: plan.shapes, territories: plan.territories }).overlaps).toEqual([]);
    expect(shapeAreaKm2(plan.shapes[1].geometry)).toBeCloseTo(shapeAreaKm2(sq(2, 1, 0.5, 1)), 3);
    expect(plan.shapes[0]).toEqual(before.shapes[0]);
    h.undo();
    expect(plan.shapes).toEqual(before.shapes);
    expect(h.canUndo).toBe(false);
  });

  it('a shape clipped to nothing is removed', () => {
    const plan = planWith([shape('a', 'A', sq(1, 1, 2)), shape('b', 'B', sq(1.5, 1.5, 0.5))]);
    const found = findOverlaps({ shapes: plan.shapes, territories: plan.territories });
    const r = resolveOverlapsCommand(plan, [{ overlap: found.overlaps[0], winnerTerritoryId: 'A' }]);
    expect(r.ok && r.value).toEqual({ kind: 'batch', commands: [{ kind: 'removeShape', shapeId: 'b' }] });
  });

  it('shape against units: found with the unit outlines; units win → the shape is clipped, never the units', () => {
    // A's shape covers the east half of row 0 (C's units c10, c20) and beyond
    const plan = planWith([shape('a', 'A', sq(0.16, 0, 0.3, 0.1))]);
    const found = findOverlaps({ shapes: plan.shapes, territories: plan.territories, unitOutlines: territoryOutlines(layer, plan.assignment, plan.territories.length) });
    expect(found.overlaps).toHaveLength(1);
    const o = found.overlaps[0];
    expect(o).toMatchObject({ kind: 'shape-units', a: { shapeId: 'a' }, b: { territoryId: 'C', shapeId: null } });
    expect(o.areaKm2).toBeCloseTo(shapeAreaKm2(sq(0.16, 0, 0.14, 0.1)), 3);
    const r = resolveOverlapsCommand(plan, [{ overlap: o, winnerTerritoryId: 'C' }], { layer });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const assignment = plan.assignment.slice();
    applyCommand(plan, r.value);
    expect(plan.assignment).toEqual(assignment);
    expect(shapeAreaKm2(plan.shapes[0].geometry)).toBeCloseTo(shapeAreaKm2(sq(0.3, 0, 0.16, 0.1)), 3);
  });

  it('shape against units, the shape wins: units mostly inside the overlap go to the shape’s territory', () => {
    const plan = planWith([shape('a', 'A', sq(0.16, 0, 0.3, 0.1))]);
    const o = findOverlaps({ shapes: plan.shapes, territories: plan.territories, unitOutlines: territoryOutlines(layer, plan.assignment, 3) }).overlaps[0];
    const r = resolveOverlapsCommand(plan, [{ overlap: o, winnerTerritoryId: 'A' }], { layer });
    // c20 (unit 2) is wholly inside, c10 (unit 1) only 40%: only c20 moves
    expect(r.ok && r.value).toEqual({ kind: 'batch', commands: [{ kind: 'assign', units: [2], territoryId: 'A' }] });
    expect(polygonsAreaKm2(o.geometry)).toBeGreaterThan(0);
  });

  it('refuses a winner that is not a party', () => {
    const plan = planWith([shape('a', 'A', sq(1, 1, 1)), shape('b', 'B', sq(1.5, 1, 1))]);
    const o = findOverlaps({ shapes: plan.shapes, territories: plan.territories }).overlaps[0];
    expect(resolveOverlapsCommand(plan, [{ overlap: o, winnerTerritoryId: 'C' }]).ok).toBe(false);
  });
});

