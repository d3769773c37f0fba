import { repairShape } from '../shapes/repair';
import { cloneGeometry, type DrawnShape } from '../shapes/shape-types';
import { BALANCE_METRICS, createPlan, type BalanceMetric, type Plan, type Territory, type TerritoryGroup } from './plan';

/**
 * A plan as stored (IndexedDB record, plan bundle, file): plain JSON, every reference by stable
 * id. The assignment is keyed by unit id, not unit index, so the plan loads onto a rebuilt layer
 * (new ZIP areas, a re-imported custom layer) and units that no longer exist are reported.
 *
 * Unassigned units and unlocked units are left out; keys are written in sorted order, so the same
 * plan always serialises to the same text (diffable, and equal plans compare equal).
 */
export interface PlanJson {
  format: 'territory-planner/plan';
  version: 1;
  id: string;
  name: string;
  layerId: string;
  territories: Territory[];
  groups: TerritoryGroup[];
  /** unit id → territory id */
  assignment: Record<string, string>;
  /** unit ids */
  lockedUnits: string[];
  /** account id → territory id */
  pins: Record<string, string>;
  balance: { metric: BalanceMetric; tolerancePct: number };
  /**
   * drawn shapes in overlap order (first wins), GeoJSON geometry in WGS84. Left out when the plan
   * has none, so plans without shapes serialise exactly as before; plans stored before shapes
   * existed load with none.
   */
  shapes?: DrawnShape[];
}

export const PLAN_JSON_VERSION = 1;

const sortedRecord = (entries: [string, string][]): Record<string, string> => {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries);
};

/** `unitIds` are the layer's ids (UnitLayer.ids), index for index with plan.assignment. */
export function planToJson(plan: Plan, unitIds: readonly string[]): PlanJson {
  if (unitIds.length !== plan.assignment.length) throw new Error(`The plan has ${plan.assignment.length} units, the layer ${unitIds.length}`);
  const assignment: [string, string][] = [];
  const locked: string[] = [];
  for (let u = 0; u < plan.assignment.length; u++) {
    const t = plan.assignment[u];
    if (t >= 0) assignment.push([unitIds[u], plan.territories[t].id]);
    if (plan.lockedUnits[u]) locked.push(unitIds[u]);
  }
  return {
    format: 'territory-planner/plan',
    version: PLAN_JSON_VERSION,
    id: plan.id,
    name: plan.name,
    layerId: plan.layerId,
    territories: plan.territories.map((t) => ({ ...t })),
    groups: plan.groups.map((g) => ({ ...g })),
    assignment: sortedRecord(assignment),
    lockedUnits: locked.sort(),
    pins: sortedRecord([...plan.pins]),
    balance: { ...plan.balance },
    ...(plan.shapes.length > 0 ? { shapes: plan.shapes.map((x) => ({ id: x.id, territoryId: x.territoryId, geometry: cloneGeometry(x.geometry) })) } : {}),
  };
}

export interface LoadedPlan {
  plan: Plan;
  /** what could not be carried over, one line each, for the user */
  problems: string[];
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Rebuilds a plan on a layer. Tolerant by design: a stored plan is the user's work, so anything
 * that can be kept is kept, and what cannot (units missing from the layer, references to unknown
 * territories, malformed territories) is listed in `problems` instead of failing the load.
 */
export function planFromJson(input: unknown, layer: { layerId: string; count: number; index: ReadonlyMap<string, number> }): LoadedPlan {
  if (typeof input !== 'object' || input === null) throw new Error('Plan: not a JSON object');
  const j = input as Partial<PlanJson> & Record<string, unknown>;
  if (j.format !== 'territory-planner/plan') throw new Error('Plan: not a Territory Planner plan');
  if (j.version !== PLAN_JSON_VERSION) throw new Error(`Plan: version ${String(j.version)}, this app reads version ${PLAN_JSON_VERSION}`);
  const problems: string[] = [];
  if (j.layerId !== layer.layerId) problems.push(`The plan was made on layer ${String(j.layerId)}, loaded on ${layer.layerId}`);
  const plan = createPlan({ id: str(j.id), name: str(j.name, 'Plan'), layerId: layer.layerId, unitCount: layer.count });

  const seen = new Set<string>();
  for (const raw of Array.isArray(j.territories) ? j.territories : []) {
    const t = raw as Partial<Territory> | null;
    if (!t || typeof t.id !== 'string' || seen.has(t.id)) {
      problems.push(`Skipped a territory without a usable id (${JSON.stringify(t?.id ?? null)})`);
      continue;
    }
    seen.add(t.id);
    plan.territories.push({
      id: t.id,
      name: str(t.name, t.id),
      color: str(t.color, '#888888'),
      repId: strOrNull(t.repId),
      quota: numOrNull(t.quota),
      locked: t.locked === true,
      parentId: strOrNull(t.parentId),
    });
  }
  for (const raw of Array.isArray(j.groups) ? j.groups : []) {
    const g = raw as Partial<TerritoryGroup> | null;
    if (!g || typeof g.id !== 'string') continue;
    plan.groups.push({ id: g.id, name: str(g.name, g.id), color: str(g.color, '#888888'), level: typeof g.level === 'number' ? g.level : 1, parentId: strOrNull(g.parentId), repId: strOrNull(g.repId) });
  }
  const tIndex = new Map(plan.territories.map((t, i) => [t.id, i]));

  let missing = 0;
  let badRef = 0;
  for (const [unitId, territoryId] of Object.entries(j.assignment ?? {})) {
    const u = layer.index.get(unitId);
    const t = tIndex.get(territoryId as string);
    if (u === undefined) missing++;
    else if (t === undefined) badRef++;
    else plan.assignment[u] = t;
  }
  if (missing > 0) problems.push(`${missing} assigned unit${missing === 1 ? ' is' : 's are'} not in this layer and ${missing === 1 ? 'was' : 'were'} dropped`);
  if (badRef > 0) problems.push(`${badRef} unit${badRef === 1 ? '' : 's'} referred to a territory that does not exist and ${badRef === 1 ? 'is' : 'are'} unassigned`);
  for (const unitId of Array.isArray(j.lockedUnits) ? j.lockedUnits : []) {
    const u = layer.index.get(String(unitId));
    if (u !== undefined) plan.lockedUnits[u] = 1;
  }
  let badPins = 0;
  for (const [accountId, territoryId] of Object.entries(j.pins ?? {})) {
    if (tIndex.has(territoryId as string)) plan.pins.set(accountId, territoryId as string);
    else badPins++;
  }
  if (badPins > 0) problems.push(`${badPins} pin${badPins === 1 ? '' : 's'} referred to a territory that does not exist and ${badPins === 1 ? 'was' : 'were'} dropped`);
  const shapeIds = new Set<string>();
  for (const raw of Array.isArray(j.shapes) ? j.shapes : []) {
    const sh = raw as Partial<DrawnShape> | null;
    if (!sh || typeof sh.id !== 'string' || shapeIds.has(sh.id)) {
      problems.push(`Skipped a drawn shape without a usable id (${JSON.stringify(sh?.id ?? null)})`);
      continue;
    }
    if (typeof sh.territoryId !== 'string' || !tIndex.has(sh.territoryId)) {
      problems.push(`Drawn shape ${sh.id} referred to a territory that does not exist and was dropped`);
      continue;
    }
    // stored shapes were repaired when drawn; checking again costs little and keeps a hand-edited file from breaking the map
    const g = repairShape(sh.geometry);
    if (!g.ok) {
      problems.push(`Drawn shape ${sh.id} was dropped: ${g.error}`);
      continue;
    }
    shapeIds.add(sh.id);
    plan.shapes.push({ id: sh.id, territoryId: sh.territoryId, geometry: g.value });
  }
  const b = j.balance as PlanJson['balance'] | undefined;
  if (b && (BALANCE_METRICS as readonly string[]).includes(b.metric)) plan.balance.metric = b.metric;
  if (b && typeof b.tolerancePct === 'number' && b.tolerancePct >= 0) plan.balance.tolerancePct = b.tolerancePct;
  return { plan, problems };
}
