import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { applyCommand, edit } from '../plan/commands';
import { createPlan, newTerritory, type Plan } from '../plan/plan';
import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer } from '../units/unit-layer';
import { shapeAreaKm2 } from './area';
import { ShapeEditService } from './edit-service';
import { cutHoleCommand, splitTerritoryCommand } from './shape-edits';

const square = (x: number, y: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

function planWithShape(): Plan {
  const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: 9 });
  applyCommand(plan, edit.create(newTerritory('a', 'North', '#f00')));
  applyCommand(plan, edit.addShape({ id: 's1', territoryId: 'a', geometry: square(0, 0, 1) }));
  return plan;
}

describe('cutHoleCommand', () => {
  it('cuts the hole out of the shape it lies in, as one undoable reshape', () => {
    const plan = planWithShape();
    const before = shapeAreaKm2(plan.shapes[0].geometry);
    const r = cutHoleCommand(plan, square(0.25, 0.25, 0.5), null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const inverse = applyCommand(plan, r.value).inverse!;
    expect(plan.shapes[0].geometry.type).toBe('Polygon');
    expect((plan.shapes[0].geometry as Polygon).coordinates).toHaveLength(2); // outer ring and the hole
    expect(shapeAreaKm2(plan.shapes[0].geometry) / before).toBeCloseTo(0.75, 2);
    applyCommand(plan, inverse);
    expect(shapeAreaKm2(plan.shapes[0].geometry)).toBeCloseTo(before, 6);
  });

  it('refuses a hole over no shape, one that takes the whole shape, and a drawing it cannot repair', () => {
    const plan = planWithShape();
    expect(cutHoleCommand(plan, square(5, 5, 1), null)).toEqual({ ok: false, error: 'Draw the hole inside a drawn shape.' });
    expect(cutHoleCommand(plan, square(-1, -1, 3), null)).toMatchObject({ ok: false, error: expect.stringMatching(/remove the whole shape/) });
    expect(cutHoleCommand(plan, { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] }, null)).toMatchObject({ ok: false, error: expect.stringMatching(/^The hole was not kept/) });
  });
});

describe('splitTerritoryCommand', () => {
  it('splits the shape a line crosses and gives the smaller piece to a new territory, in one step', () => {
    const plan = planWithShape();
    const line = { type: 'LineString' as const, coordinates: [[0.3, -0.5], [0.3, 1.5]] };
    const r = splitTerritoryCommand(plan, line, null, { shape: (k) => `new${k}`, territory: 't-new', color: '#00f' });
    expect(r).toMatchObject({ ok: true, notes: ['North split in 2: the new piece is North (split).'] });
    if (!r.ok) return;
    const inverse = applyCommand(plan, r.value).inverse!;
    expect(plan.territories.map((t) => t.name)).toEqual(['North', 'North (split)']);
    expect(plan.shapes.map((s) => [s.id, s.territoryId])).toEqual([
      ['s1', 'a'],
      ['new0', 't-new'],
    ]);
    applyCommand(plan, inverse);
    expect(plan.territories.map((t) => t.name)).toEqual(['North']);
    expect(plan.shapes.map((s) => s.id)).toEqual(['s1']);
  });

  it('says what to do when the line crosses no shape', () => {
    const plan = planWithShape();
    const r = splitTerritoryCommand(plan, { type: 'LineString', coordinates: [[5, 5], [6, 6]] }, null, { shape: (k) => `n${k}`, territory: 't', color: '#000' });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/crosses no drawn shape/) });
  });
});

describe('ShapeEditService', () => {
  it('needs the plan’s units for edits that use them, and answers with a message, never a throw', () => {
    const service = new ShapeEditService();
    const plan = planWithShape();
    expect(service.edit({ op: 'toUnits', plan, shapeId: 's1' })).toMatchObject({ ok: false, error: expect.stringMatching(/not loaded/) });
    service.setLayer(buildUnitLayer(gridTopology(3, 3, { cell: 1 / 3 }), { layerId: 'grid', objectName: 'cells' }));
    const r = service.edit({ op: 'toUnits', plan, shapeId: 's1' });
    expect(r.ok).toBe(true);
    if (r.ok) applyCommand(plan, r.value);
    // the unit square is exactly the 3×3 grid: every cell goes to the territory and the shape goes
    expect([...plan.assignment]).toEqual(new Array(9).fill(0));
    expect(plan.shapes).toEqual([]);
    // a request that makes no sense comes back as a message
    expect(service.edit({ op: 'hole', plan: null as unknown as Plan, hole: null, preferredShapeId: null }).ok).toBe(false);
  });
});
