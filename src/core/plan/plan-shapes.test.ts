import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { territoryOfAccounts, OwnerVia } from '../export/territory-of-account';
import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer } from '../units/unit-layer';
import { applyCommand, edit, type Command, type PlanChange } from './commands';
import { PlanHistory } from './history';
import { clonePlan, createPlan, newTerritory, type Plan } from './plan';
import { planFromJson, planToJson } from './plan-json';
import { TerritoryStats } from './territory-stats';
import { account, makeWorld, mulberry32 } from './world-fixture';

const IDS = Array.from({ length: 9 }, (_, i) => `u${i}`);
const layerRef = { layerId: 'grid', count: 9, index: new Map(IDS.map((id, i) => [id, i])) };

const square = (x: number, y: number, w: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]]],
});

function base(): Plan {
  const plan = createPlan({ id: 'p1', name: 'Plan', layerId: 'grid', unitCount: 9 });
  for (const c of [edit.create(newTerritory('A', 'Alpha', '#f00')), edit.create(newTerritory('B', 'Beta', '#0f0')), edit.create(newTerritory('C', 'Gamma', '#00f'))]) applyCommand(plan, c);
  applyCommand(plan, edit.paint([0, 1, 2], 'A'));
  applyCommand(plan, edit.paint([3, 4], 'B'));
  applyCommand(plan, edit.pin('acc-1', 'B'));
  applyCommand(plan, edit.addShape({ id: 's1', territoryId: 'A', geometry: square(0, 0, 1) }));
  applyCommand(plan, edit.addShape({ id: 's2', territoryId: 'B', geometry: square(2, 0, 1) }));
  applyCommand(plan, edit.addShape({ id: 's3', territoryId: 'A', geometry: square(4, 0, 1) }));
  return plan;
}

const snapshot = (p: Plan) => ({ json: planToJson(p, IDS), assignment: [...p.assignment], territories: p.territories.map((t) => ({ ...t })), pins: [...p.pins].sort(), shapes: JSON.parse(JSON.stringify(p.shapes)) });

const SHAPE_COMMANDS: [string, Command][] = [
  ['add a shape at the end', edit.addShape({ id: 's9', territoryId: 'C', geometry: square(6, 0, 1) })],
  ['add a shape first', edit.addShape({ id: 's9', territoryId: 'C', geometry: square(6, 0, 1) }, 0)],
  ['reshape', edit.reshape('s2', square(2, 0, 2))],
  ['give a shape to another territory', edit.moveShapeTo('s2', 'C')],
  ['reshape and move at once', { kind: 'updateShape', shapeId: 's1', geometry: square(0, 0, 0.5), territoryId: 'C' }],
  ['remove a shape', edit.removeShape('s1')],
  ['delete a territory with shapes', edit.remove('A')],
  ['merge territories with shapes', edit.merge(['A'], 'B')],
];

describe('drawn-shape commands', () => {
  it.each(SHAPE_COMMANDS)('undo of %s restores the exact previous plan, redo the exact next one', (_, cmd) => {
    const plan = base();
    const before = snapshot(plan);
    const r = applyCommand(plan, cmd);
    expect(r.inverse).not.toBeNull();
    const after = snapshot(plan);
    expect(after).not.toEqual(before);
    const redo = applyCommand(plan, JSON.parse(JSON.stringify(r.inverse)) as Command).inverse!;
    expect(snapshot(plan)).toEqual(before);
    applyCommand(plan, redo);
    expect(snapshot(plan)).toEqual(after);
  });

  it('deleting a territory takes its shapes; merging gives them to the target in place', () => {
    const plan = base();
    applyCommand(plan, edit.remove('A'));
    expect(plan.shapes.map((s) => s.id)).toEqual(['s2']);
    const p2 = base();
    applyCommand(p2, edit.merge(['A'], 'C'));
    expect(p2.shapes.map((s) => [s.id, s.territoryId])).toEqual([['s1', 'C'], ['s2', 'B'], ['s3', 'C']]);
  });

  it('refuses unknown or locked territories and duplicate ids, and does not share arrays with the caller', () => {
    const plan = base();
    expect(applyCommand(plan, edit.addShape({ id: 's1', territoryId: 'A', geometry: square(0, 0, 1) })).inverse).toBeNull();
    expect(applyCommand(plan, edit.addShape({ id: 'x', territoryId: 'nope', geometry: square(0, 0, 1) })).note).toMatch(/No territory/);
    applyCommand(plan, edit.lockTerritory('A'));
    expect(applyCommand(plan, edit.reshape('s1', square(0, 0, 3))).note).toMatch(/locked/);
    expect(applyCommand(plan, edit.moveShapeTo('s2', 'A')).note).toMatch(/locked/);
    expect(applyCommand(plan, edit.removeShape('s3')).note).toMatch(/locked/);
    const g = square(7, 7, 1);
    applyCommand(plan, edit.addShape({ id: 's7', territoryId: 'C', geometry: g }));
    g.coordinates[0][0][0] = 99;
    expect(plan.shapes.at(-1)!.geometry.coordinates[0][0][0]).toBe(7);
  });

  it('emits a shape change with the shape before and after', () => {
    const plan = base();
    const changes: PlanChange[] = [];
    applyCommand(plan, edit.reshape('s2', square(2, 0, 2)), (c) => changes.push(c));
    expect(changes).toHaveLength(1);
    const c = changes[0];
    expect(c.type === 'shape' && c.before?.geometry).toEqual(square(2, 0, 1));
    expect(c.type === 'shape' && c.after?.geometry).toEqual(square(2, 0, 2));
  });

  it('clonePlan copies shapes deeply', () => {
    const plan = base();
    const copy = clonePlan(plan);
    (copy.shapes[0].geometry as Polygon).coordinates[0][0][0] = 50;
    expect((plan.shapes[0].geometry as Polygon).coordinates[0][0][0]).toBe(0);
  });
});

describe('stored plans with shapes', () => {
  it('round-trips shapes exactly, in order', () => {
    const plan = base();
    const json = planToJson(plan, IDS);
    expect(json.shapes?.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    const back = planFromJson(JSON.parse(JSON.stringify(json)), layerRef);
    expect(back.problems).toEqual([]);
    expect(back.plan.shapes).toEqual(plan.shapes);
    expect(planToJson(back.plan, IDS)).toEqual(json);
  });

  it('a plan without shapes has no shapes key, and an old stored plan without one loads', () => {
    const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: 9 });
    const json = planToJson(plan, IDS);
    expect('shapes' in json).toBe(false);
    const old = { format: 'territory-planner/plan', version: 1, id: 'old', name: 'Old', layerId: 'grid', territories: [newTerritory('A', 'A', '#000')], groups: [], assignment: { u0: 'A' }, lockedUnits: [], pins: {}, balance: { metric: 'units', tolerancePct: 3 } };
    const loaded = planFromJson(old, layerRef);
    expect(loaded.problems).toEqual([]);
    expect(loaded.plan.shapes).toEqual([]);
    expect(loaded.plan.assignment[0]).toBe(0);
  });

  it('drops shapes of unknown territories and unusable geometry, and says so', () => {
    const json = planToJson(base(), IDS);
    json.shapes!.push({ id: 'bad', territoryId: 'A', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] } });
    json.shapes!.push({ id: 'orphan', territoryId: 'Z', geometry: square(0, 0, 1) });
    const loaded = planFromJson(json, layerRef);
    expect(loaded.plan.shapes.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(loaded.problems).toHaveLength(2);
    expect(loaded.problems.join(' ')).toMatch(/Drawn shape bad was dropped: .*distinct positions/);
  });
});

// ---- ownership: pin > drawn shape > unit -----------------------------------------------------------

// 3×3 grid of 0.1° cells; cell (i, j) is unit j*3+i
const layer = buildUnitLayer(gridTopology(3, 3), { layerId: 'grid', objectName: 'cells' });
const world = makeWorld(layer, [
  account('a1', 0.05, 0.05, { revenue: 10 }), // c00
  account('a2', 0.15, 0.05, { revenue: 20 }), // c10
  account('a3', 0.25, 0.25, { revenue: 30 }), // c22
  account('a4', 0.15, 0.15, { revenue: 40 }), // c11
  account('a5', 5, 5, { revenue: 50 }), // in no unit
]);

function gridPlan(): Plan {
  const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
  applyCommand(plan, edit.create(newTerritory('A', 'A', '#000')));
  applyCommand(plan, edit.create(newTerritory('B', 'B', '#000')));
  applyCommand(plan, edit.paint([0, 1, 4], 'A'));
  applyCommand(plan, edit.paint([8], 'B'));
  return plan;
}

describe('territory figures with drawn shapes', () => {
  it('an account in a shape counts for the shape’s territory even on another territory’s unit; a pin beats the shape', () => {
    const plan = gridPlan();
    const stats = new TerritoryStats(world.ctx, plan);
    const h = new PlanHistory(plan, stats.apply);
    // B draws over c10 (A's unit) and the empty ocean at (5, 5)
    h.do(edit.addShape({ id: 'b1', territoryId: 'B', geometry: { type: 'MultiPolygon', coordinates: [square(0.1, 0, 0.1).coordinates, square(4.5, 4.5, 1).coordinates] } }));
    expect(stats.figures(0).revenue).toBe(10 + 40);
    expect(stats.figures(1).revenue).toBe(30 + 20 + 50);
    expect(stats.figures(1).accounts).toBe(3);
    expect(stats.unassigned().accounts).toBe(0);
    h.do(edit.pin('a2', 'A'));
    expect(stats.figures(0).revenue).toBe(10 + 40 + 20);
    h.do(edit.unpin('a2'));
    expect(stats.figures(0).revenue).toBe(50);
    // export ownership from the same assignment
    const own = territoryOfAccounts(world.table, plan, { unitOfAccount: world.ctx.unitOfAccount, shapeOwner: stats.shapeOwnerOf });
    expect([...own.territory]).toEqual([0, 1, 1, 0, 1]);
    expect(own.via[1]).toBe(OwnerVia.Shape);
    h.undo();
    h.undo();
    h.undo();
    expect(stats.figures(1).revenue).toBe(30);
    expect(stats.unassigned().revenue).toBe(50);
  });

  it('the first shape in plan order wins where shapes overlap', () => {
    const plan = gridPlan();
    applyCommand(plan, edit.addShape({ id: 'a', territoryId: 'A', geometry: square(0.1, 0, 0.2) }));
    applyCommand(plan, edit.addShape({ id: 'b', territoryId: 'B', geometry: square(0, 0, 0.3) }));
    const stats = new TerritoryStats(world.ctx, plan);
    // a2 and a4 are in both shapes: A's comes first; a1 and a3 only in B's (a1 on A's unit); a5 in nothing
    expect(stats.figures(0).revenue).toBe(20 + 40);
    expect(stats.figures(1).revenue).toBe(10 + 30);
    expect(stats.unassigned().revenue).toBe(50);
  });

  it('after random shape, pin, paint and territory edits with undo/redo, the figures equal a full recompute', () => {
    const rnd = mulberry32(11);
    const plan = gridPlan();
    applyCommand(plan, edit.setRep('A', 'north'));
    applyCommand(plan, edit.setRep('B', 'south'));
    const stats = new TerritoryStats(world.ctx, plan);
    const h = new PlanHistory(plan, stats.apply);
    let n = 0;
    for (let step = 0; step < 300; step++) {
      const r = rnd();
      const tids = plan.territories.map((t) => t.id);
      const tid = tids[Math.floor(rnd() * tids.length)];
      const sid = plan.shapes.length > 0 ? plan.shapes[Math.floor(rnd() * plan.shapes.length)].id : null;
      if (r < 0.2) h.do(edit.addShape({ id: `s${n++}`, territoryId: tid, geometry: square(rnd() * 0.3 - 0.05, rnd() * 0.3 - 0.05, rnd() * 0.2 + 0.01) }, Math.floor(rnd() * 3)));
      else if (r < 0.3 && sid) h.do(edit.reshape(sid, square(rnd() * 0.3, rnd() * 0.3, rnd() * 0.2 + 0.01)));
      else if (r < 0.4 && sid) h.do(edit.moveShapeTo(sid, tid));
      else if (r < 0.45 && sid) h.do(edit.removeShape(sid));
      else if (r < 0.55) h.do(edit.pin(`a${1 + Math.floor(rnd() * 5)}`, tid));
      else if (r < 0.6) h.do(edit.unpin(`a${1 + Math.floor(rnd() * 5)}`));
      else if (r < 0.7) h.do(edit.paint([Math.floor(rnd() * 9)], tid));
      else if (r < 0.74) h.do(edit.create(newTerritory(`T${n++}`, 'T', '#000', { repId: rnd() < 0.5 ? 'east' : null }), Math.floor(rnd() * 3)));
      else if (r < 0.77 && tids.length > 1) h.do(edit.remove(tid));
      else if (r < 0.8 && tids.length > 1) h.do(edit.merge([tid], tids[0]));
      else if (r < 0.92) h.undo();
      else h.redo();
      const fresh = new TerritoryStats(world.ctx, plan);
      for (let t = 0; t < plan.territories.length; t++) {
        const got = stats.figures(t);
        const want = fresh.figures(t);
        expect(got.revenue).toBeCloseTo(want.revenue, 9);
        expect(got.accounts).toBe(want.accounts);
        expect(got.workloadHours).toBeCloseTo(want.workloadHours, 6);
        expect(got.travel === null).toBe(want.travel === null);
        if (got.travel && want.travel) {
          // NaN = no account with a distance, on both sides
          for (const k of ['meanKm', 'maxKm'] as const) {
            expect(Number.isNaN(got.travel[k])).toBe(Number.isNaN(want.travel[k]));
            if (!Number.isNaN(want.travel[k])) expect(got.travel[k]).toBeCloseTo(want.travel[k], 6);
          }
        }
        expect([...got.segments]).toEqual([...want.segments]);
      }
      expect(stats.unassigned()).toEqual(fresh.unassigned());
    }
  });
});
