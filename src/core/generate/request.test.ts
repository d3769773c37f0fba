import { describe, expect, it } from 'vitest';
import { applyCommand } from '../plan/commands';
import { createPlan, newTerritory, type Plan } from '../plan/plan';
import { generateTerritories } from './generate';
import { rebalanceTerritories } from './rebalance';
import { explainTerritory } from './explain';
import { movedCsv } from './moved-csv';
import { runJob } from './jobs';
import { buildExplainInput, buildGenerateRequest, buildRebalanceRequest, DEFAULT_SETTINGS, generateCommand, rebalanceCommand, validateSettings, type GenerateSettings, type PlanContext } from './request';
import { gridLayer } from './test-grid';
import type { RebalanceOutcome } from './types';

// A 6 × 4 grid; columns 0–2 are "state 01", columns 3–5 "state 02". One account per unit, and a
// second one in unit 0; revenue = potential = 10 per account.
const layer = gridLayer(6, 4);
const n = layer.count;
const unitOfAccount = Int32Array.from([...Array.from({ length: n }, (_, u) => u), 0]);
const accounts = unitOfAccount.length;

function context(plan: Plan, over: Partial<PlanContext> = {}): PlanContext {
  const perUnit = new Uint32Array(n);
  for (const u of unitOfAccount) perUnit[u]++;
  return {
    graph: layer,
    stateFips: Array.from({ length: n }, (_, u) => (u % 6 < 3 ? '01' : '02')),
    plan,
    aggregates: { accounts: perUnit, classifications: new Uint32Array(n), classificationLabels: [''] },
    revenue: new Float64Array(accounts).fill(10),
    potential: new Float64Array(accounts).fill(10),
    workload: new Float64Array(accounts).fill(2),
    unitOfAccount,
    accountRow: (id) => (id.startsWith('a') ? Number(id.slice(1)) : -1),
    reps: [],
    ...over,
  };
}

const emptyPlan = () => createPlan({ id: 'p', name: 'P', layerId: 'grid', unitCount: n });
const settings = (over: Partial<GenerateSettings> = {}): GenerateSettings => ({ ...DEFAULT_SETTINGS, ...over });
let ids = 0;
const naming = { newId: () => `g${ids++}`, palette: ['#111111', '#222222', '#333333', '#444444', '#555555'] };

describe('generate request', () => {
  it('whole layer, k new territories: sums per unit, every unit movable, one undoable command', () => {
    const plan = emptyPlan();
    const req = buildGenerateRequest(context(plan), settings({ count: { kind: 'k', k: 3 } }));
    expect(req.kept).toEqual([]);
    expect('k' in req.input.territories && req.input.territories.k).toBe(3);
    expect(req.input.metrics[0].name).toBe('potential');
    expect(req.input.metrics[0].values[0]).toBe(20);
    expect(req.input.metrics[0].values[1]).toBe(10);
    expect(Array.from(req.input.current!).every((t) => t === -1)).toBe(true);
    const o = generateTerritories(req.input);
    const { command, created } = generateCommand(plan, layer, req, o, naming);
    expect(created.map((t) => t.name)).toEqual(['Territory 1', 'Territory 2', 'Territory 3']);
    expect(new Set(created.map((t) => t.color)).size).toBeGreaterThan(1);
    const undo = applyCommand(plan, command).inverse!;
    expect(plan.territories).toHaveLength(3);
    expect(Array.from(plan.assignment).every((t) => t >= 0)).toBe(true);
    applyCommand(plan, undo);
    expect(plan.territories).toHaveLength(0);
    expect(Array.from(plan.assignment).every((t) => t === -1)).toBe(true);
  });

  it('chosen states: territories wholly inside are replaced, locked and partly-outside ones kept and frozen', () => {
    const plan = emptyPlan();
    plan.territories.push(newTerritory('in', 'Inside', '#000'), newTerritory('lock', 'Locked', '#000', { locked: true }), newTerritory('across', 'Across', '#000'));
    plan.assignment[0] = 0; // state 01
    plan.assignment[1] = 1; // locked territory, state 01
    plan.assignment[2] = 2; // state 01
    plan.assignment[3] = 2; // state 02: outside the scope
    plan.pins.set('a6', 'in');
    const req = buildGenerateRequest(context(plan), settings({ scope: { kind: 'states', states: ['01'] }, count: { kind: 'k', k: 2 } }));
    expect(req.replaced).toEqual(['in']);
    expect(req.kept).toEqual(['lock', 'across']);
    expect(req.notes.join(' ')).toContain('1 pinned account');
    expect(Array.from(req.input.frozenTerritories!)).toEqual([0, 1]);
    expect('k' in req.input.territories && req.input.territories.k).toBe(4);
    const cur = req.input.current!;
    expect([cur[0], cur[1], cur[2], cur[3], cur[4]]).toEqual([-1, 0, -1, 1, -1]);
    expect(req.input.scope![3]).toBe(0);
    expect(req.input.scope![6]).toBe(1);

    const o = generateTerritories(req.input);
    const { command } = generateCommand(plan, layer, req, o, naming);
    applyCommand(plan, command);
    expect(plan.territories.map((t) => t.id)).not.toContain('in');
    expect(plan.territories).toHaveLength(4);
    expect(plan.territories[plan.assignment[1]].id).toBe('lock');
    expect(plan.territories[plan.assignment[3]].id).toBe('across');
    for (let u = 0; u < n; u++) if (u % 6 >= 3 && u !== 3) expect(plan.assignment[u]).toBe(-1); // state 02 untouched
    for (let u = 0; u < n; u++) if (u % 6 < 3 && u !== 1) expect(['across', 'lock']).not.toContain(plan.territories[plan.assignment[u]].id);
  });

  it('pins count for their territory and not for their unit', () => {
    const plan = emptyPlan();
    plan.territories.push(newTerritory('a', 'A', '#000', { locked: true }), newTerritory('b', 'B', '#000'));
    plan.assignment[0] = 0;
    plan.pins.set('a5', 'a');
    const r = buildRebalanceRequest(context(plan), settings(), 10);
    expect(r.metrics[0].values[5]).toBe(0);
    expect(Array.from(r.metrics[0].fixedOffset!)).toEqual([10, 0]);
    expect(Array.from(r.frozenTerritories!)).toEqual([0]);
    expect(r.disruption?.maxMovedPct).toBe(10);
    // only assigned units may move: the rest of the grid stays unassigned and out of the mean
    expect(r.scope![0]).toBe(1);
    expect(r.scope![1]).toBe(0);
  });

  it('accounts inside drawn shapes count for the shape\'s territory, which is kept and frozen', () => {
    const plan = emptyPlan();
    plan.territories.push(newTerritory('s', 'Drawn', '#000'), newTerritory('b', 'B', '#000'));
    plan.shapes.push({ id: 'sh', territoryId: 's', geometry: { type: 'Polygon', coordinates: [] } } as unknown as Plan['shapes'][number]);
    const shapeOwner = new Int32Array(accounts).fill(-1);
    shapeOwner[7] = 0; // the account of unit 7 lies in the shape
    shapeOwner[8] = 0; // pinned elsewhere: the pin wins
    plan.pins.set('a8', 'b');
    const req = buildGenerateRequest(context(plan, { shapeOwner }), settings({ count: { kind: 'k', k: 2 } }));
    expect(req.kept).toEqual(['s']);
    expect(req.replaced).toEqual(['b']);
    const m = req.input.metrics[0];
    expect(m.values[7]).toBe(0);
    // the pin of row 8 goes with the replaced territory, so the shape holds it
    expect(m.values[8]).toBe(0);
    expect(m.fixedOffset![0]).toBe(20);
    const r = buildRebalanceRequest(context(plan, { shapeOwner }), settings(), null);
    expect(Array.from(r.metrics[0].fixedOffset!)).toEqual([10, 10]);
    expect(Array.from(r.frozenTerritories!)).toEqual([0]);
  });

  it('one per rep: a territory per rep with a home in scope, named after the rep', () => {
    const plan = emptyPlan();
    const reps = [
      { id: 'r1', name: 'Ann', unit: 0 },
      { id: 'r2', name: 'Bob', unit: 23 },
      { id: 'r3', name: 'Cy', unit: -1 },
    ];
    const req = buildGenerateRequest(context(plan, { reps }), settings({ count: { kind: 'reps' } }));
    expect(req.newReps.map((r) => r.name)).toEqual(['Ann', 'Bob']);
    expect(req.notes.join(' ')).toContain('1 rep left out');
    const o = generateTerritories(req.input);
    const { created } = generateCommand(plan, layer, req, o, naming);
    expect(created.map((t) => [t.name, t.repId])).toEqual([
      ['Ann', 'r1'],
      ['Bob', 'r2'],
    ]);
    expect(o.assignment[0]).toBe(0);
    expect(o.assignment[23]).toBe(1);
  });

  it('capacity: workload added as a figure, as many territories as needed', () => {
    const req = buildGenerateRequest(context(emptyPlan()), settings({ count: { kind: 'capacity', maxHours: 12 } }));
    expect(req.input.metrics.map((m) => m.name)).toEqual(['potential', 'workload']);
    const o = generateTerritories(req.input);
    // 50 workload hours in all, at most 12 each
    expect(o.k).toBeGreaterThanOrEqual(5);
  });

  it('nothing movable is an error in words', () => {
    const plan = emptyPlan();
    plan.lockedUnits.fill(1);
    expect(() => buildGenerateRequest(context(plan), settings())).toThrow(/Nothing in the scope can change/);
  });

  it('validates the settings', () => {
    expect(validateSettings(settings())).toEqual([]);
    expect(validateSettings(settings({ metrics: [] }))).toContain('Choose at least one figure to balance.');
    expect(validateSettings(settings({ count: { kind: 'k', k: 0 } })).join(' ')).toContain('number of territories');
    expect(validateSettings(settings({ scope: { kind: 'states', states: [] } }))).toContain('Choose at least one state.');
    expect(validateSettings(settings({ metrics: [{ metric: 'revenue', weight: 1, tolerancePct: 0 }] })).join(' ')).toContain('tolerance');
    expect(validateSettings(settings({ count: { kind: 'k', k: 0 } }), 'rebalance')).toEqual([]);
  });
});

describe('rebalance and explain requests', () => {
  // two territories, left half (12 units) and right half (12), then the left one made heavy
  function halves(): Plan {
    const plan = emptyPlan();
    plan.territories.push(newTerritory('L', 'West', '#000'), newTerritory('R', 'East', '#000'));
    for (let u = 0; u < n; u++) plan.assignment[u] = u % 6 < 3 ? 0 : 1;
    return plan;
  }
  const heavy = () => {
    const potential = new Float64Array(accounts).fill(10);
    potential[0] = 60; // unit 0 holds two accounts: 70 in all
    return potential;
  };

  it('rebalance moves a few units, as one restore; the CSV lists units and accounts, formula-safe', () => {
    const plan = halves();
    const ctx = context(plan, { potential: heavy() });
    const input = buildRebalanceRequest(ctx, settings({ metrics: [{ metric: 'potential', weight: 1, tolerancePct: 5 }] }), null);
    const o = rebalanceTerritories(input);
    expect(o.moved.units.length).toBeGreaterThan(0);
    expect(o.withinTolerance).toBe(true);
    const cmd = rebalanceCommand(plan, o);
    applyCommand(plan, cmd);
    for (let i = 0; i < o.moved.units.length; i++) expect(plan.assignment[o.moved.units[i]]).toBe(o.moved.to[i]);
    const csv = movedCsv(o.moved, {
      unitIds: layer.ids,
      unitNames: layer.ids.map((id) => `=${id}`),
      territoryName: (t) => plan.territories[t].name,
      // unit 0 holds rows 0 and 24, unit u > 0 row u
      byUnit: { accountStart: Uint32Array.from({ length: n + 1 }, (_, u) => (u === 0 ? 0 : u + 1)), accountsByUnit: Uint32Array.from([0, 24, ...Array.from({ length: n - 1 }, (_, i) => i + 1)]) },
      accountId: (r) => `a${r}`,
      accountName: (r) => `Account ${r}`,
      revenue: ctx.revenue,
    });
    const lines = csv.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe('kind,id,name,from territory,to territory,revenue');
    expect(lines.filter((l) => l.startsWith('unit,'))).toHaveLength(o.moved.units.length);
    expect(lines.some((l) => l.startsWith('account,') && l.includes('West,East'))).toBe(true);
    expect(lines[1]).toContain(",'="); // a unit name starting with = is defused
  });

  it('explain suggests moving a unit out of the heavy territory first', () => {
    const plan = halves();
    for (let u = 12; u < n; u++) plan.assignment[u] = -1; // only the top two rows are in territories
    const input = buildExplainInput(context(plan, { potential: heavy() }), 'potential', 5);
    const moves = explainTerritory(input, 0);
    expect(moves.length).toBeGreaterThan(0);
    expect(moves[0].kind).toBe('give');
    expect(moves[0].from).toBe(0);
    expect(moves[0].to).toBe(1);
    // unassigned units do not count for the mean: West (70 + 5 × 10) is +33.3 % of the mean (120 + 60) / 2
    expect(moves[0].deviationBeforePct[0]).toBeCloseTo(100 / 3, 5);
    const viaJob = runJob({ kind: 'explain', input, territory: 0 });
    expect(viaJob).toEqual(moves);
    const r = runJob({ kind: 'rebalance', input: buildRebalanceRequest(context(plan, { potential: heavy() }), settings(), 50) }) as RebalanceOutcome;
    expect(r.moved).toBeDefined();
  });
});
