import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { applyCommand, edit } from '../plan/commands';
import { clonePlan, createPlan, newTerritory } from '../plan/plan';
import { shapeAreaKm2 } from './area';
import { splitShapeCommand } from './shape-commands';
import { splitShape } from './split';

const sq = (x: number, y: number, w: number, h = w): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });

describe('splitShape', () => {
  it('cuts a square in two along a line that crosses it', () => {
    const r = splitShape(sq(0, 0, 1), [[0.5, -1], [0.5, 2]]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(2);
    const half = shapeAreaKm2(sq(0, 0, 0.5, 1));
    for (const piece of r.value) expect(shapeAreaKm2(piece)).toBeCloseTo(half, 0);
    // the slit is ~1 cm wide: the pieces lose almost nothing
    const lost = shapeAreaKm2(sq(0, 0, 1)) - r.value.reduce((s, p) => s + shapeAreaKm2(p), 0);
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThan(0.01);
  });

  it('a zig-zag line through a U shape makes three pieces', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const r = splitShape(u, [[-1, 2], [4, 2]]);
    expect(r.ok && r.value).toHaveLength(3);
  });

  it('refuses a line that does not cross the shape completely', () => {
    expect(splitShape(sq(0, 0, 1), [[0.5, -1], [0.5, 0.5]])).toMatchObject({ ok: false, error: expect.stringMatching(/outside/) });
    expect(splitShape(sq(0, 0, 1), [[2, -1], [2, 2]])).toMatchObject({ ok: false, error: expect.stringMatching(/does not cut/) });
    expect(splitShape(sq(0, 0, 1), [[2, -1]])).toMatchObject({ ok: false });
  });

  it('splitShapeCommand: one undo step; the largest piece keeps the id, the rest follow it in order', () => {
    const plan = createPlan({ id: 'p', name: 'p', layerId: 'g', unitCount: 0 });
    applyCommand(plan, edit.create(newTerritory('A', 'A', '#000')));
    applyCommand(plan, edit.addShape({ id: 's1', territoryId: 'A', geometry: sq(0, 0, 1) }));
    applyCommand(plan, edit.addShape({ id: 's2', territoryId: 'A', geometry: sq(5, 5, 1) }));
    const before = clonePlan(plan);
    const c = splitShapeCommand(plan, 's1', [[0.3, -1], [0.3, 2]], (k) => `s1-${k + 1}`);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const r = applyCommand(plan, c.value);
    expect(plan.shapes.map((s) => s.id)).toEqual(['s1', 's1-1', 's2']);
    expect(shapeAreaKm2(plan.shapes[0].geometry)).toBeGreaterThan(shapeAreaKm2(plan.shapes[1].geometry));
    applyCommand(plan, r.inverse!);
    expect(plan.shapes).toEqual(before.shapes);
  });
});
