import { describe, expect, it } from 'vitest';
import { applyCommand, edit, type Command, type PlanChange } from './commands';
import { PlanHistory } from './history';
import { clonePlan, createPlan, newTerritory, unitsByTerritory, type Plan } from './plan';
import { planFromJson, planToJson } from './plan-json';

const IDS = Array.from({ length: 9 }, (_, i) => `u${i}`);
const layerRef = { layerId: 'grid', count: 9, index: new Map(IDS.map((id, i) => [id, i])) };

function base(): Plan {
  const plan = createPlan({ id: 'p1', name: 'Plan', layerId: 'grid', unitCount: 9 });
  for (const c of [edit.create(newTerritory('A', 'Alpha', '#f00')), edit.create(newTerritory('B', 'Beta', '#0f0', { repId: 'r1' })), edit.create(newTerritory('C', 'Gamma', '#00f'))]) applyCommand(plan, c);
  applyCommand(plan, edit.paint([0, 1, 2], 'A'));
  applyCommand(plan, edit.paint([3, 4], 'B'));
  applyCommand(plan, edit.paint([5], 'C'));
  applyCommand(plan, edit.pin('acc-1', 'B'));
  applyCommand(plan, edit.pin('acc-2', 'C'));
  return plan;
}

/** Everything a plan holds, in a form toEqual compares exactly (typed arrays and pins included). */
const snapshot = (p: Plan) => ({ json: planToJson(p, IDS), assignment: [...p.assignment], locked: [...p.lockedUnits], territories: p.territories.map((t) => ({ ...t })), pins: [...p.pins].sort() });

const EVERY_COMMAND: [string, Command][] = [
  ['paint', edit.paint([6, 7, 0], 'C')],
  ['erase', edit.erase([1, 3])],
  ['create at the end', edit.create(newTerritory('D', 'Delta', '#ff0'))],
  ['create in the middle', edit.create(newTerritory('D', 'Delta', '#ff0'), 1)],
  ['delete with units and pins', edit.remove('B')],
  ['rename', edit.rename('A', 'Alps')],
  ['recolour', edit.recolor('A', '#123456')],
  ['set rep', edit.setRep('A', 'r2')],
  ['set quota', edit.setQuota('C', 5e5)],
  ['lock territory', edit.lockTerritory('A')],
  ['merge', edit.merge(['A', 'C'], 'B')],
  ['lock units', edit.lockUnits([0, 8])],
  ['pin', edit.pin('acc-9', 'A')],
  ['re-pin', edit.pin('acc-1', 'A')],
  ['unpin', edit.unpin('acc-2')],
  ['batch', { kind: 'batch', commands: [edit.paint([8], 'A'), edit.rename('B', 'Bravo'), edit.remove('C')] }],
];

describe('commands and their inverses', () => {
  it.each(EVERY_COMMAND)('undo of %s restores the exact previous plan, redo the exact next one', (_, cmd) => {
    const plan = base();
    const before = snapshot(plan);
    const r = applyCommand(plan, cmd);
    expect(r.inverse).not.toBeNull();
    const after = snapshot(plan);
    expect(after).not.toEqual(before);
    const redo = applyCommand(plan, r.inverse!).inverse!;
    expect(snapshot(plan)).toEqual(before);
    applyCommand(plan, redo);
    expect(snapshot(plan)).toEqual(after);
  });

  it('commands are plain data: a JSON round trip of a command and its inverse still works', () => {
    const plan = base();
    const before = snapshot(plan);
    const cmd = JSON.parse(JSON.stringify(edit.merge(['A'], 'B'))) as Command;
    const inverse = JSON.parse(JSON.stringify(applyCommand(plan, cmd).inverse)) as Command;
    applyCommand(plan, inverse);
    expect(snapshot(plan)).toEqual(before);
  });
});

describe('command rules', () => {
  it('painting skips locked units and units of locked territories, and says so', () => {
    const plan = base();
    applyCommand(plan, edit.lockUnits([0]));
    applyCommand(plan, edit.lockTerritory('B'));
    const r = applyCommand(plan, edit.paint([0, 1, 3, 8], 'C'));
    expect(r.note).toBe('2 locked units left as they were');
    expect([...plan.assignment]).toEqual([0, 2, 0, 1, 1, 2, -1, -1, 2]);
  });

  it('does nothing into a locked territory, and refuses to delete or merge one', () => {
    const plan = base();
    applyCommand(plan, edit.lockTerritory('A'));
    const before = snapshot(plan);
    expect(applyCommand(plan, edit.paint([8], 'A'))).toEqual({ inverse: null, note: 'Alpha is locked' });
    expect(applyCommand(plan, edit.remove('A')).inverse).toBeNull();
    expect(applyCommand(plan, edit.merge(['B'], 'A')).inverse).toBeNull();
    expect(applyCommand(plan, edit.merge(['A'], 'B')).inverse).toBeNull();
    expect(snapshot(plan)).toEqual(before);
  });

  it('a command that changes nothing has nothing to undo', () => {
    const plan = base();
    expect(applyCommand(plan, edit.paint([0, 1], 'A')).inverse).toBeNull();
    expect(applyCommand(plan, edit.rename('A', 'Alpha')).inverse).toBeNull();
    expect(applyCommand(plan, edit.pin('acc-1', 'B')).inverse).toBeNull();
    expect(applyCommand(plan, edit.paint([0], 'nope')).note).toBe('No territory nope');
  });

  it('deleting a territory unassigns its units, drops its pins and shifts later indexes', () => {
    const plan = base();
    applyCommand(plan, edit.remove('B'));
    expect(plan.territories.map((t) => t.id)).toEqual(['A', 'C']);
    expect([...plan.assignment]).toEqual([0, 0, 0, -1, -1, 1, -1, -1, -1]);
    expect([...plan.pins]).toEqual([['acc-2', 'C']]);
  });

  it('merging moves units and pins to the target and removes the sources', () => {
    const plan = base();
    applyCommand(plan, edit.merge(['A', 'C'], 'B'));
    expect(plan.territories.map((t) => t.id)).toEqual(['B']);
    expect([...plan.assignment]).toEqual([0, 0, 0, 0, 0, 0, -1, -1, -1]);
    expect(Object.fromEntries(plan.pins)).toEqual({ 'acc-1': 'B', 'acc-2': 'B' });
  });

  it('emits changes with territory indexes as they are after the change', () => {
    const plan = base();
    const seen: PlanChange[] = [];
    applyCommand(plan, edit.create(newTerritory('Z', 'Zed', '#000'), 0), (c) => seen.push(c));
    applyCommand(plan, edit.paint([8], 'B'), (c) => seen.push(c));
    expect(seen).toEqual([
      { type: 'territoryInserted', index: 0 },
      { type: 'assign', units: Int32Array.from([8]), from: Int32Array.from([-1]), to: 2 },
    ]);
    expect(unitsByTerritory(plan)).toEqual([[], [0, 1, 2], [3, 4, 8], [5]]);
  });
});

describe('history', () => {
  it('undoes a brush stroke at once and redoes it', () => {
    const plan = base();
    const h = new PlanHistory(plan);
    const before = snapshot(plan);
    for (const u of [6, 7, 8]) h.do(edit.paint([u], 'A'), 'paint', 'stroke-1');
    h.do(edit.rename('A', 'Alps'));
    expect(h.undoLabel).toBe('change name');
    h.undo();
    h.undo();
    expect(snapshot(plan)).toEqual(before);
    expect(h.canUndo).toBe(false);
    h.redo();
    expect([...plan.assignment.subarray(6)]).toEqual([0, 0, 0]);
    h.redo();
    expect(plan.territories[0].name).toBe('Alps');
    expect(h.canRedo).toBe(false);
  });

  it('a new edit clears the redo stack', () => {
    const h = new PlanHistory(base());
    h.do(edit.paint([8], 'A'));
    h.undo();
    h.do(edit.paint([7], 'A'));
    expect(h.canRedo).toBe(false);
    expect(h.redo()).toBe(false);
  });
});

describe('plan JSON', () => {
  it('round-trips by unit id, sorted and stable', () => {
    const plan = base();
    applyCommand(plan, edit.lockUnits([4]));
    const json = planToJson(plan, IDS);
    expect(json.assignment).toEqual({ u0: 'A', u1: 'A', u2: 'A', u3: 'B', u4: 'B', u5: 'C' });
    expect(json.lockedUnits).toEqual(['u4']);
    const { plan: back, problems } = planFromJson(JSON.parse(JSON.stringify(json)), layerRef);
    expect(problems).toEqual([]);
    expect(snapshot(back)).toEqual(snapshot(plan));
    expect(JSON.stringify(planToJson(back, IDS))).toBe(JSON.stringify(json));
  });

  it('loads onto a rebuilt layer: units by id, whatever their new order; missing units reported', () => {
    const plan = base();
    const json = planToJson(plan, IDS);
    // the rebuilt layer lost u5 and lists the rest in reverse order, plus a new unit
    const ids = ['new', ...IDS.filter((id) => id !== 'u5').reverse()];
    const { plan: back, problems } = planFromJson(json, { layerId: 'grid', count: ids.length, index: new Map(ids.map((id, i) => [id, i])) });
    expect(problems).toEqual(['1 assigned unit is not in this layer and was dropped']);
    expect(planToJson(back, ids).assignment).toEqual({ u0: 'A', u1: 'A', u2: 'A', u3: 'B', u4: 'B' });
    expect(back.assignment[0]).toBe(-1);
  });

  it('keeps what it can from a damaged plan and lists the rest', () => {
    const json = planToJson(base(), IDS) as unknown as Record<string, unknown>;
    (json.territories as unknown[]).push({ name: 'no id' });
    (json.assignment as Record<string, string>).u8 = 'ghost';
    (json.pins as Record<string, string>)['acc-3'] = 'ghost';
    const { plan, problems } = planFromJson(json, layerRef);
    expect(plan.territories).toHaveLength(3);
    expect(problems).toHaveLength(3);
    expect(() => planFromJson({ format: 'territory-planner/plan', version: 99 }, layerRef)).toThrow(/version 99/);
  });

  it('clonePlan is deep', () => {
    const p = base();
    const c = clonePlan(p);
    applyCommand(c, edit.paint([8], 'A'));
    applyCommand(c, edit.rename('A', 'x'));
    expect(p.assignment[8]).toBe(-1);
    expect(p.territories[0].name).toBe('Alpha');
  });
});
