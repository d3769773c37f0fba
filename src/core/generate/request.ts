import type { Command } from '../plan/commands';
import { distinctColors, territoryNeighbours } from '../plan/distinct-colors';
import { newTerritory, type Plan, type Territory } from '../plan/plan';
import { withPinsFixed } from './inputs';
import type { BalanceTerm, CommonInput, GenerateInput, Outcome, RebalanceInput, RebalanceOutcome, UnitGraph } from './types';

/**
 * From what the analyst chose in the "Generate territories" dialog and the open plan to the
 * optimizer's typed-array input, and from the optimizer's result back to one undoable plan command.
 * Pure: the worker, the dialog and the Node tests share it.
 */

export const GENERATE_METRICS = ['potential', 'revenue', 'accounts', 'workload'] as const;
export type GenerateMetric = (typeof GENERATE_METRICS)[number];
export const METRIC_LABELS: Record<GenerateMetric, string> = {
  potential: 'Revenue potential',
  revenue: 'Last-year revenue',
  accounts: 'Accounts',
  workload: 'Workload (hours a year)',
};

export interface MetricChoice {
  metric: GenerateMetric;
  /** relative importance (> 0) */
  weight: number;
  /** ± % around the mean (> 0) */
  tolerancePct: number;
}

export type ScopeChoice = { kind: 'all' } | { kind: 'states'; states: string[] } | { kind: 'units'; units: number[] };
export type CountChoice = { kind: 'k'; k: number } | { kind: 'reps' } | { kind: 'capacity'; maxHours: number };

export interface GenerateSettings {
  scope: ScopeChoice;
  count: CountChoice;
  metrics: MetricChoice[];
  /** 0 = balance first … 1 = compact first */
  compactness: number;
  /** healthy classification mix as a secondary goal */
  mix: boolean;
  seed: number;
}

export const DEFAULT_SETTINGS: GenerateSettings = {
  scope: { kind: 'all' },
  count: { kind: 'k', k: 8 },
  metrics: [{ metric: 'potential', weight: 1, tolerancePct: 10 }],
  compactness: 0.5,
  mix: false,
  seed: 1,
};

/** What the request builder reads from the open plan and its data: plain values, so tests build one by hand. */
export interface PlanContext {
  graph: UnitGraph;
  /** 2-digit state FIPS per unit ('' unknown) */
  stateFips: readonly string[];
  plan: Pick<Plan, 'territories' | 'assignment' | 'lockedUnits' | 'pins' | 'shapes'>;
  /** per unit: account count and class counts (unit-major), as UnitAggregates */
  aggregates: { accounts: ArrayLike<number>; classifications: ArrayLike<number>; classificationLabels: readonly string[] };
  /** per account row */
  revenue: ArrayLike<number>;
  potential: ArrayLike<number>;
  /** visits a year × hours per visit (the no-travel workload, as UnitAggregates.workloadHours) */
  workload: ArrayLike<number>;
  unitOfAccount: Int32Array;
  /** account id → row (−1 unknown), for pins */
  accountRow: (id: string) => number;
  /** the data set's reps with the unit their home lies in (−1 outside the layer) */
  reps: readonly { id: string; name: string; unit: number }[];
  /**
   * account row → plan territory index of the drawn shape holding it (−1 none; TerritoryStats
   * shapeOwnerOf). Such accounts count for the shape's territory, like pins, unless pinned elsewhere.
   */
  shapeOwner?: ArrayLike<number>;
}

/** Problems that keep the settings from running, in words for the dialog; empty = fine. */
export function validateSettings(s: GenerateSettings, mode: 'generate' | 'rebalance' = 'generate'): string[] {
  const out: string[] = [];
  if (s.metrics.length === 0) out.push('Choose at least one figure to balance.');
  const seen = new Set<string>();
  for (const m of s.metrics) {
    const label = METRIC_LABELS[m.metric];
    if (seen.has(m.metric)) out.push(`${label} is chosen twice.`);
    seen.add(m.metric);
    if (!(m.tolerancePct > 0 && m.tolerancePct <= 100)) out.push(`The tolerance of ${label} must be between 0 and 100 %.`);
    if (!(m.weight > 0)) out.push(`The weight of ${label} must be more than 0.`);
  }
  if (s.scope.kind === 'states' && s.scope.states.length === 0) out.push('Choose at least one state.');
  if (s.scope.kind === 'units' && s.scope.units.length === 0) out.push('Select some units on the map first, or choose another scope.');
  if (mode === 'generate') {
    if (s.count.kind === 'k' && !(Number.isInteger(s.count.k) && s.count.k >= 1 && s.count.k <= 5000)) out.push('The number of territories must be a whole number from 1 to 5,000.');
    if (s.count.kind === 'capacity' && !(s.count.maxHours > 0)) out.push('The capacity must be more than 0 hours.');
  }
  if (!Number.isInteger(s.seed)) out.push('The seed must be a whole number.');
  return out;
}

/** 1 per unit in the chosen scope. */
export function scopeMask(ctx: Pick<PlanContext, 'graph' | 'stateFips'>, scope: ScopeChoice): Uint8Array {
  const n = ctx.graph.count;
  const mask = new Uint8Array(n);
  if (scope.kind === 'all') mask.fill(1);
  else if (scope.kind === 'states') {
    const wanted = new Set(scope.states);
    for (let u = 0; u < n; u++) if (wanted.has(ctx.stateFips[u])) mask[u] = 1;
  } else for (const u of scope.units) if (u >= 0 && u < n) mask[u] = 1;
  return mask;
}

/** Territories that never change: locked ones and those owning drawn shapes. */
export function frozenTerritoryIds(plan: PlanContext['plan']): Set<string> {
  const out = new Set<string>();
  for (const t of plan.territories) if (t.locked) out.add(t.id);
  for (const s of plan.shapes ?? []) out.add(s.territoryId);
  return out;
}

function accountValues(ctx: PlanContext, metric: GenerateMetric): ArrayLike<number> {
  if (metric === 'revenue') return ctx.revenue;
  if (metric === 'potential') return ctx.potential;
  if (metric === 'workload') return ctx.workload;
  return new Float64Array(ctx.unitOfAccount.length).fill(1);
}

/**
 * Accounts that never move with their unit, as rows with the result's territory index: pinned ones,
 * then those inside drawn shapes (not pinned). Pins to territories not in `indexOf` are left out.
 */
function pinRows(ctx: PlanContext, indexOf: Map<string, number>): { row: number; territory: number }[] {
  const out: { row: number; territory: number }[] = [];
  const pinned = new Set<number>();
  for (const [accountId, territoryId] of ctx.plan.pins) {
    const row = ctx.accountRow(accountId);
    const t = indexOf.get(territoryId);
    // a pin to a territory being replaced goes with it: the account falls back to its shape or unit
    if (row < 0 || t === undefined) continue;
    pinned.add(row);
    out.push({ row, territory: t });
  }
  const owner = ctx.shapeOwner;
  if (owner)
    for (let row = 0; row < owner.length; row++) {
      const o = owner[row];
      if (o < 0 || pinned.has(row)) continue;
      const t = indexOf.get(ctx.plan.territories[o]?.id ?? '');
      if (t !== undefined) out.push({ row, territory: t });
    }
  return out;
}

function balanceTerms(ctx: PlanContext, metrics: readonly MetricChoice[], k: number, pins: { row: number; territory: number }[]): BalanceTerm[] {
  return metrics.map((m) => {
    const { values, fixedOffset } = withPinsFixed(accountValues(ctx, m.metric), ctx.unitOfAccount, ctx.graph.count, k, pins);
    return { name: m.metric, values, fixedOffset, weight: m.weight, tolerancePct: m.tolerancePct };
  });
}

function mixOf(ctx: PlanContext, on: boolean): CommonInput['mix'] {
  const classes = ctx.aggregates.classificationLabels.length;
  if (!on || classes < 2) return undefined;
  return { counts: ctx.aggregates.classifications, classes, labels: [...ctx.aggregates.classificationLabels], ignore: [0] };
}

export interface GenerateRequest {
  input: GenerateInput;
  /** result territory t < kept.length is the existing territory kept[t]; the rest are new */
  kept: string[];
  /** unlocked territories wholly inside the scope: deleted and replaced by the new ones */
  replaced: string[];
  /** one-per-rep mode: the rep of each new territory, in order */
  newReps: { id: string; name: string }[];
  /** what the analyst should know before the result (reps skipped, pins dropped) */
  notes: string[];
}

/**
 * The generator's input for "new territories over the scope". Unlocked territories without drawn
 * shapes and without locked units that lie wholly inside the scope are replaced; every other
 * territory is kept and frozen (its units outside the scope stay, its movable units inside the
 * scope go to the new territories). Locked units keep their territory.
 */
export function buildGenerateRequest(ctx: PlanContext, s: GenerateSettings): GenerateRequest {
  const { plan } = ctx;
  const n = ctx.graph.count;
  const scope = scopeMask(ctx, s.scope);
  const frozenIds = frozenTerritoryIds(plan);
  const T = plan.territories.length;
  const outside = new Uint8Array(T);
  const hasLocked = new Uint8Array(T);
  for (let u = 0; u < n; u++) {
    const t = plan.assignment[u];
    if (t < 0) continue;
    if (!scope[u]) outside[t] = 1;
    else if (plan.lockedUnits[u]) hasLocked[t] = 1;
  }
  const kept: string[] = [];
  const replaced: string[] = [];
  plan.territories.forEach((t, i) => {
    if (frozenIds.has(t.id) || outside[i] || hasLocked[i]) kept.push(t.id);
    else replaced.push(t.id);
  });
  const keptIndex = new Map(kept.map((id, i) => [id, i]));
  const planToResult = plan.territories.map((t) => keptIndex.get(t.id) ?? -1);
  const current = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const t = plan.assignment[u];
    const r = t >= 0 ? planToResult[t] : -1;
    // in scope: only locked units and units of frozen territories stay where they are
    current[u] = !scope[u] || plan.lockedUnits[u] || (t >= 0 && frozenIds.has(plan.territories[t].id)) ? r : -1;
  }
  const notes: string[] = [];
  const replacedSet = new Set(replaced);
  let dropped = 0;
  for (const to of plan.pins.values()) if (replacedSet.has(to)) dropped++;
  if (dropped > 0) notes.push(`${dropped} pinned account${dropped === 1 ? '' : 's'} of replaced territories lose${dropped === 1 ? 's' : ''} the pin.`);

  const newReps: { id: string; name: string }[] = [];
  let territories: GenerateInput['territories'];
  let metrics = s.metrics;
  if (s.count.kind === 'reps') {
    const taken = new Set(plan.territories.filter((t) => keptIndex.has(t.id) && t.repId).map((t) => t.repId));
    const homes: number[] = kept.map(() => -1);
    const used = new Set<number>();
    let skipped = 0;
    for (const r of ctx.reps) {
      if (taken.has(r.id)) continue;
      if (r.unit < 0 || !scope[r.unit] || current[r.unit] >= 0 || used.has(r.unit)) {
        skipped++;
        continue;
      }
      used.add(r.unit);
      homes.push(r.unit);
      newReps.push({ id: r.id, name: r.name });
    }
    if (skipped > 0) notes.push(`${skipped} rep${skipped === 1 ? '' : 's'} left out: home outside the scope, in a kept territory, or sharing a home unit with another rep.`);
    if (newReps.length === 0) throw new Error('No rep has a home in the scope outside the kept territories: choose another scope or a number of territories.');
    territories = { repHomes: Int32Array.from(homes) };
  } else if (s.count.kind === 'capacity') {
    let w = metrics.findIndex((m) => m.metric === 'workload');
    if (w < 0) {
      // the capacity is on workload: add it as a figure that does not pull the balance
      metrics = [...metrics, { metric: 'workload', weight: 1e-9, tolerancePct: 100 }];
      w = metrics.length - 1;
    }
    territories = { capacity: { metric: w, max: s.count.maxHours } };
  } else territories = { k: kept.length + s.count.k };

  let movable = 0;
  for (let u = 0; u < n; u++) if (scope[u] && current[u] < 0 && !plan.lockedUnits[u]) movable++;
  if (movable === 0) throw new Error('Nothing in the scope can change: every unit there is locked or in a locked or drawn-shape territory.');

  // the result's index space: kept territories first; k is not known for capacity, pins only reach kept ones
  const kMax = 'k' in territories ? territories.k : 'repHomes' in territories ? territories.repHomes.length : kept.length + Math.max(1, n);
  const pins = pinRows(ctx, keptIndex);
  const input: GenerateInput = {
    graph: ctx.graph,
    scope,
    current,
    lockedUnits: plan.lockedUnits,
    frozenTerritories: Int32Array.from(kept.map((_, i) => i)),
    metrics: balanceTerms(ctx, metrics, kMax, pins),
    territories,
    compactness: s.compactness,
    mix: mixOf(ctx, s.mix),
    seed: s.seed,
  };
  return { input, kept, replaced, newReps, notes };
}

/**
 * The rebalancer's input: the plan as it is, locked and drawn-shape territories frozen, revenue as
 * the disruption. Only assigned units in the scope may move; unassigned ones stay unassigned.
 */
export function buildRebalanceRequest(ctx: PlanContext, s: GenerateSettings, maxMovedRevenuePct: number | null): RebalanceInput {
  const { plan } = ctx;
  const k = plan.territories.length;
  if (k < 2) throw new Error('Rebalancing needs at least two territories.');
  const frozenIds = frozenTerritoryIds(plan);
  const indexOf = new Map(plan.territories.map((t, i) => [t.id, i]));
  const pins = pinRows(ctx, indexOf);
  const revenue = withPinsFixed(ctx.revenue, ctx.unitOfAccount, ctx.graph.count, k, pins).values;
  // moves between territories only: unassigned units stay so (and stay out of the mean)
  const scope = scopeMask(ctx, s.scope);
  for (let u = 0; u < scope.length; u++) if (plan.assignment[u] < 0) scope[u] = 0;
  return {
    graph: ctx.graph,
    scope,
    current: plan.assignment.slice(),
    territoryCount: k,
    lockedUnits: plan.lockedUnits,
    frozenTerritories: Int32Array.from(plan.territories.flatMap((t, i) => (frozenIds.has(t.id) ? [i] : []))),
    metrics: balanceTerms(ctx, s.metrics, k, pins),
    compactness: s.compactness,
    mix: mixOf(ctx, s.mix),
    seed: s.seed,
    disruption: { name: 'revenue', values: revenue, maxMovedPct: maxMovedRevenuePct ?? undefined, accounts: Float64Array.from(ctx.aggregates.accounts) },
  };
}

/** "Explain" input: the plan as it is, one figure at the plan's tolerance; deviations are from the mean of the territories, unassigned units left out. */
export function buildExplainInput(ctx: PlanContext, metric: GenerateMetric, tolerancePct: number): CommonInput & { current: Int32Array; territoryCount: number } {
  const r = buildRebalanceRequest(ctx, { ...DEFAULT_SETTINGS, metrics: [{ metric, weight: 1, tolerancePct }] }, null);
  return { graph: r.graph, scope: r.scope, current: r.current, territoryCount: r.territoryCount, lockedUnits: r.lockedUnits, frozenTerritories: r.frozenTerritories, metrics: r.metrics };
}

export interface NewTerritoryNaming {
  /** a fresh, unused territory id */
  newId(i: number): string;
  /** palette to colour new territories from (touching territories differ where it allows) */
  palette: readonly string[];
}

/**
 * One command (one undo step) that puts a generated plan in place: the replaced territories
 * deleted, the new ones created (named "Territory N" or after their rep, coloured so touching
 * territories differ), and every changed unit restored into its territory.
 */
export function generateCommand(plan: Pick<Plan, 'territories' | 'assignment'>, graph: Pick<UnitGraph, 'adjStart' | 'adj'>, req: GenerateRequest, o: Outcome, naming: NewTerritoryNaming): { command: Command; created: Territory[] } {
  const keptN = req.kept.length;
  const newN = Math.max(0, o.k - keptN);
  const byId = new Map(plan.territories.map((t) => [t.id, t]));
  const names = new Set(plan.territories.filter((t) => req.kept.includes(t.id)).map((t) => t.name));
  const resultTerritories = [...req.kept.map((id) => byId.get(id)!)];
  const created: Territory[] = [];
  let next = 1;
  for (let i = 0; i < newN; i++) {
    const rep = req.newReps[i];
    let name = rep ? `${rep.name}` : '';
    if (!rep || names.has(name)) {
      while (names.has(`Territory ${next}`)) next++;
      name = `Territory ${next++}`;
    }
    names.add(name);
    // a colour of its own while the palette lasts; distinctColors below keeps it unless a neighbour has it
    created.push(newTerritory(naming.newId(i), name, naming.palette[(keptN + i) % naming.palette.length] ?? '#888888', rep ? { repId: rep.id } : {}));
  }
  resultTerritories.push(...created);
  const colors = distinctColors(
    territoryNeighbours(graph, { assignment: o.assignment, territories: resultTerritories }),
    resultTerritories.map((t) => t.color),
    naming.palette,
  );
  created.forEach((t, i) => (t.color = colors[keptN + i]));
  const ids = resultTerritories.map((t) => t.id);
  const groups = new Map<string, number[]>();
  const replaced = new Set(req.replaced);
  for (let u = 0; u < o.assignment.length; u++) {
    const r = o.assignment[u];
    if (r < 0) continue;
    const before = plan.assignment[u];
    const beforeId = before >= 0 ? plan.territories[before].id : null;
    if (beforeId === ids[r] && !replaced.has(beforeId)) continue;
    const g = groups.get(ids[r]);
    if (g) g.push(u);
    else groups.set(ids[r], [u]);
  }
  const commands: Command[] = [
    ...req.replaced.map((territoryId): Command => ({ kind: 'deleteTerritory', territoryId })),
    ...created.map((territory): Command => ({ kind: 'createTerritory', territory })),
    { kind: 'restore', groups: [...groups].map(([territoryId, units]) => ({ territoryId, units })) },
  ];
  return { command: { kind: 'batch', commands }, created };
}

/** One restore command moving exactly the units the rebalance moved (territory indexes are the plan's). */
export function rebalanceCommand(plan: Pick<Plan, 'territories'>, o: RebalanceOutcome): Command {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < o.moved.units.length; i++) {
    const t = o.moved.to[i];
    const g = groups.get(t);
    if (g) g.push(o.moved.units[i]);
    else groups.set(t, [o.moved.units[i]]);
  }
  return { kind: 'restore', groups: [...groups].map(([t, units]) => ({ territoryId: t >= 0 ? plan.territories[t].id : null, units })) };
}
