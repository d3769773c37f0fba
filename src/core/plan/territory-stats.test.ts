import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLOAD, travelHoursPerVisit } from '../metrics/workload';
import { gridTopology } from '../units/grid-fixture';
import { haversineKm } from '../units/sphere';
import { buildUnitLayer } from '../units/unit-layer';
import { applyCommand, edit, type Command } from './commands';
import { PlanHistory } from './history';
import { clonePlan, createPlan, newTerritory, type Plan } from './plan';
import { TerritoryStats, type TerritoryFigures } from './territory-stats';
import { account, makeWorld, mulberry32, randomWorld, REP_HOMES, type World } from './world-fixture';

// 3×3 grid of 0.1° cells from (0, 0) plus an island at (1.0, 0.0); cell (i, j) is unit j*3+i
const layer = buildUnitLayer(gridTopology(3, 3, { islands: [[1.0, 0.0]] }), { layerId: 'grid', objectName: 'cells' });
const world = makeWorld(layer, [
  account('a1', 0.05, 0.05, { revenue: 10, potential: 100, classification: 'Core' }), // c00
  account('a2', 0.15, 0.05, { revenue: 20, potential: 200, classification: 'Invest', visits: 6 }), // c10
  account('a3', 0.25, 0.25, { revenue: null, potential: 300, classification: 'Divest' }), // c22
  account('a4', 1.05, 0.05, { revenue: 40, potential: null }), // island
  account('a5', 5, 5, { revenue: 50, potential: 500 }), // in no unit
]);

function planWith(groups: Record<string, number[]>, reps: Record<string, string> = {}): Plan {
  const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
  for (const [id, units] of Object.entries(groups)) {
    applyCommand(plan, edit.create(newTerritory(id, id, '#000', { repId: reps[id] ?? null })));
    applyCommand(plan, edit.paint(units, id));
  }
  return plan;
}

const cell = (i: number, j: number) => j * 3 + i;

describe('territory figures on the hand-built grid', () => {
  it('sums accounts, revenue, potential, area and mixes over units', () => {
    const plan = planWith({ A: [cell(0, 0), cell(1, 0)], B: [cell(2, 2)] });
    const s = new TerritoryStats(world.ctx, plan);
    const a = s.figures(0);
    expect(a.units).toBe(2);
    expect(a.accounts).toBe(2);
    expect(a.revenue).toBe(30);
    expect(a.potential).toBe(300);
    expect(a.visits).toBe(12 + 6);
    expect(a.areaKm2).toBeCloseTo(layer.areaKm2[0] + layer.areaKm2[1], 9);
    const cls = world.table.classification.labels;
    expect(a.classifications[cls.indexOf('Core')]).toBe(1);
    expect(a.classifications[cls.indexOf('Invest')]).toBe(1);
    const b = s.figures(1);
    expect(b.revenue).toBe(0); // a3's empty revenue is skipped, not NaN
    expect(b.accounts).toBe(1);
    expect(s.unassigned()).toEqual({ units: 7, accounts: 2, revenue: 90, potential: 500 });
  });

  it('perimeter of two merged cells is their outline, and Polsby-Popper of a square is π/4', () => {
    // S paints the whole grid (taking A's two cells); C stays empty
    const plan = planWith({ A: [cell(0, 0), cell(1, 0)], S: [0, 1, 2, 3, 4, 5, 6, 7, 8], C: [] });
    const two = new TerritoryStats(world.ctx, planWith({ A: [cell(0, 0), cell(1, 0)] })).figures(0);
    const shared = haversineKm(0, 0.1, 0.1, 0.1);
    expect(two.perimeterKm).toBeCloseTo(layer.perimeterKm[0] + layer.perimeterKm[1] - 2 * shared, 9);
    const s = new TerritoryStats(world.ctx, plan);
    const square = s.figures(1);
    expect(square.units).toBe(9);
    expect(square.polsbyPopper).toBeCloseTo(Math.PI / 4, 3);
    const one = new TerritoryStats(world.ctx, planWith({ X: [cell(1, 1)] })).figures(0);
    expect(one.polsbyPopper).toBeCloseTo(Math.PI / 4, 3);
    expect(s.figures(2).polsbyPopper).toBeNaN();
  });

  it('counts separate parts through the unit graph, islands joined by their bridge', () => {
    const s = new TerritoryStats(world.ctx, planWith({ split: [cell(0, 0), cell(2, 2)], joined: [cell(2, 0), 9], empty: [] }));
    expect(s.figures(0).parts).toBe(2);
    expect(s.figures(1).parts).toBe(1);
    expect(s.figures(2).parts).toBe(0);
  });

  it('travel and workload from the rep home; none without a rep', () => {
    const s = new TerritoryStats(world.ctx, planWith({ A: [cell(0, 0), cell(1, 0)], B: [cell(2, 2)] }, { A: 'south' }));
    const home = REP_HOMES.south;
    const d1 = haversineKm(home.lat, home.lon, 0.05, 0.05);
    const d2 = haversineKm(home.lat, home.lon, 0.05, 0.15);
    const a = s.figures(0);
    expect(a.travel!.meanKm).toBeCloseTo((d1 + d2) / 2, 9);
    expect(a.travel!.maxKm).toBeCloseTo(Math.max(d1, d2), 9);
    expect(a.workloadHours).toBeCloseTo(12 * (1 + travelHoursPerVisit(d1, DEFAULT_WORKLOAD)) + 6 * (1 + travelHoursPerVisit(d2, DEFAULT_WORKLOAD)), 9);
    const b = s.figures(1);
    expect(b.travel).toBeNull();
    expect(b.workloadHours).toBe(2); // Divest: 2 visits × 1 h, no travel
  });

  it('density per km² and per mi²', () => {
    const s = new TerritoryStats(world.ctx, planWith({ A: [cell(0, 0), cell(1, 0)] }));
    const f = s.figures(0, 'km');
    expect(f.density).toBeCloseTo(2 / f.areaKm2, 12);
    expect(s.figures(0, 'mi').density).toBeCloseTo(2 / (f.areaKm2 / 1.609344 ** 2), 12);
  });

  it('a pinned account counts for the pin territory, not its unit territory', () => {
    const plan = planWith({ A: [cell(0, 0), cell(1, 0)], B: [cell(2, 2)] }, { A: 'south', B: 'north' });
    const s = new TerritoryStats(world.ctx, plan);
    const h = new PlanHistory(plan, s.apply);
    h.do(edit.pin('a2', 'B'));
    const a = s.figures(0);
    const b = s.figures(1);
    expect([a.accounts, a.revenue, a.potential, a.visits]).toEqual([1, 10, 100, 12]);
    expect([b.accounts, b.revenue, b.potential, b.visits]).toEqual([2, 20, 500, 8]);
    const n = REP_HOMES.north;
    expect(b.travel!.maxKm).toBeCloseTo(Math.max(haversineKm(n.lat, n.lon, 0.05, 0.15), haversineKm(n.lat, n.lon, 0.25, 0.25)), 9);
    expect(a.travel!.maxKm).toBeCloseTo(haversineKm(REP_HOMES.south.lat, REP_HOMES.south.lon, 0.05, 0.05), 9);
    // moving the pinned account's unit does not move the account
    h.do(edit.paint([cell(1, 0)], 'B'));
    expect(s.figures(1).accounts).toBe(2);
    expect(s.figures(0).accounts).toBe(1);
    // an account outside every unit can be pinned too, and leaves "unassigned"
    h.do(edit.pin('a5', 'A'));
    expect(s.figures(0).revenue).toBe(60);
    expect(s.unassigned().accounts).toBe(1);
    h.undo();
    h.undo();
    h.undo();
    expectSame(s, new TerritoryStats(world.ctx, plan));
    expect(s.figures(0).accounts).toBe(2);
  });

  it('pins to accounts that are not in the table are kept in the plan and counted nowhere', () => {
    const plan = planWith({ A: [0] });
    applyCommand(plan, edit.pin('ghost', 'A'));
    const s = new TerritoryStats(world.ctx, plan);
    expect(s.stalePins).toBe(1);
    expect(s.figures(0).accounts).toBe(1);
  });
});

const close = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b)));

function sameFigures(a: TerritoryFigures, b: TerritoryFigures): string[] {
  const bad: string[] = [];
  for (const k of ['units', 'accounts', 'revenue', 'potential', 'visits', 'workloadHours', 'areaKm2', 'perimeterKm', 'polsbyPopper', 'parts', 'density'] as const) {
    if (!close(a[k], b[k])) bad.push(`${k}: ${a[k]} vs ${b[k]}`);
  }
  if ((a.travel === null) !== (b.travel === null)) bad.push('travel: null vs not');
  else if (a.travel && b.travel && !(close(a.travel.meanKm, b.travel.meanKm) && close(a.travel.maxKm, b.travel.maxKm))) bad.push(`travel ${JSON.stringify(a.travel)} vs ${JSON.stringify(b.travel)}`);
  if (a.segments.some((v, i) => v !== b.segments[i])) bad.push('segments');
  if (a.classifications.some((v, i) => v !== b.classifications[i])) bad.push('classifications');
  return bad;
}

function expectSame(incremental: TerritoryStats, full: TerritoryStats): void {
  expect(incremental.territoryCount).toBe(full.territoryCount);
  for (let t = 0; t < full.territoryCount; t++) expect(sameFigures(incremental.figures(t), full.figures(t)), `territory ${t}`).toEqual([]);
  const u1 = incremental.unassigned();
  const u2 = full.unassigned();
  expect(u1.units).toBe(u2.units);
  expect(u1.accounts).toBe(u2.accounts);
  expect(close(u1.revenue, u2.revenue)).toBe(true);
  expect(incremental.stalePins).toBe(full.stalePins);
}

/** A random edit of any kind, over the random world's 67 units and accounts A0..A399 (plus unknown ones). */
function randomCommand(rnd: () => number, plan: Plan, w: World, nextId: () => string): Command {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const tid = () => (plan.territories.length ? pick(plan.territories).id : 'none');
  const units = () => Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => Math.floor(rnd() * w.layer.count));
  const r = rnd();
  if (plan.territories.length < 2 || r < 0.06) return edit.create({ ...newTerritory(nextId(), 't', '#000'), repId: pick([null, 'north', 'south', 'east', 'nowhere']) }, Math.floor(rnd() * (plan.territories.length + 1)));
  if (r < 0.55) return edit.paint(units(), tid());
  if (r < 0.62) return edit.erase(units());
  if (r < 0.66) return edit.remove(tid());
  if (r < 0.69) return edit.merge([tid(), tid()], tid());
  if (r < 0.75) return edit.setRep(tid(), pick([null, 'north', 'south', 'east']));
  if (r < 0.78) return edit.lockTerritory(tid(), rnd() < 0.4);
  if (r < 0.81) return edit.lockUnits(units(), rnd() < 0.5);
  if (r < 0.93) return edit.pin(rnd() < 0.05 ? 'ghost' : `A${Math.floor(rnd() * w.table.count)}`, tid());
  if (r < 0.97) return edit.unpin(pick([...plan.pins.keys(), 'A1']));
  return { kind: 'batch', commands: [edit.paint(units(), tid()), edit.rename(tid(), 'x')] };
}

describe('incremental figures equal a full recompute', () => {
  it('after 1,000 random edits, undos and redos (seeded)', () => {
    const w = randomWorld(42);
    const plan = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: w.layer.count });
    const stats = new TerritoryStats(w.ctx, plan);
    const history = new PlanHistory(plan, stats.apply, 10_000);
    const start = clonePlan(plan);
    const rnd = mulberry32(7);
    let n = 0;
    const nextId = () => `T${n++}`;
    let done = 0;
    for (let step = 1; step <= 1000; step++) {
      const r = rnd();
      if (r < 0.1) history.undo();
      else if (r < 0.15) history.redo();
      else if (history.do(randomCommand(rnd, plan, w, nextId)).inverse) done++;
      // read some figures as the UI would, so lazily recomputed ones are exercised mid-stream
      if (step % 7 === 0 && stats.territoryCount > 0) stats.figures(step % stats.territoryCount);
      if (step % 100 === 0) expectSame(stats, new TerritoryStats(w.ctx, clonePlan(plan)));
    }
    expect(done).toBeGreaterThan(500);
    expect(plan.pins.size).toBeGreaterThan(5);
    // undo everything: back to the empty plan, figures included
    while (history.undo());
    expect([...plan.assignment]).toEqual([...start.assignment]);
    expect(plan.territories).toEqual([]);
    expect(plan.pins.size).toBe(0);
    expectSame(stats, new TerritoryStats(w.ctx, clonePlan(plan)));
  });
});
