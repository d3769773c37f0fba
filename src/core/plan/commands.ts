import { cloneGeometry, cloneShape, type DrawnShape, type ShapeGeometry } from '../shapes/shape-types';
import { shapeIndex, territoryIndex, type Plan, type Territory } from './plan';

/**
 * Every edit of a plan is a Command: plain data (JSON- and postMessage-safe), applied by
 * applyCommand, which mutates the plan in place and returns the inverse command. Undo applies the
 * inverse; the inverse of that is the redo. See history.ts for the stack the UI store uses.
 *
 * Units are unit indexes of the plan's layer (commands live within a session; storage keeps plans,
 * not commands). Territories are named by id, never by index, because indexes shift when a
 * territory is created or deleted.
 */
export type Command =
  /** give units to a territory (null = erase); skips locked units, units of locked territories, and does nothing into a locked territory */
  | { kind: 'assign'; units: number[]; territoryId: string | null }
  /** put units back exactly where they were, locks notwithstanding: the inverse of assign and delete */
  | { kind: 'restore'; groups: { territoryId: string | null; units: number[] }[] }
  | { kind: 'createTerritory'; territory: Territory; index?: number }
  /** its units become unassigned and pins to it are dropped; refused for a locked territory */
  | { kind: 'deleteTerritory'; territoryId: string }
  /** rename, recolour, rep, quota, lock/unlock, parent */
  | { kind: 'updateTerritory'; territoryId: string; patch: TerritoryPatch }
  /** sources' units and pins go to the target, then the sources are deleted; refused if any is locked */
  | { kind: 'mergeTerritories'; sourceIds: string[]; targetId: string }
  | { kind: 'lockUnits'; units: number[]; locked: boolean }
  /** pin an account to a territory; null = unpin */
  | { kind: 'pin'; accountId: string; territoryId: string | null }
  /**
   * add a drawn shape (geometry as repairShape returns it) at index (default end: last in overlap
   * order); refused for a duplicate id, an unknown or a locked territory
   */
  | { kind: 'addShape'; shape: DrawnShape; index?: number }
  /**
   * replace a shape's geometry (vertex edits, move, cut a hole, clip) and/or give it to another
   * territory; refused when the shape is unknown or either territory is locked
   */
  | { kind: 'updateShape'; shapeId: string; geometry?: ShapeGeometry; territoryId?: string }
  /** refused when the shape is unknown or its territory is locked */
  | { kind: 'removeShape'; shapeId: string }
  | { kind: 'batch'; commands: Command[] };

export type TerritoryPatch = Partial<Omit<Territory, 'id'>>;

/**
 * What changed, for listeners that keep derived state (TerritoryStats, map feature-state):
 * territory indexes are those right after the change.
 */
export type PlanChange =
  | { type: 'assign'; units: Int32Array; from: Int32Array; to: number }
  | { type: 'territoryInserted'; index: number }
  /** the territory had no units, pins or shapes left when removed; indexes above it moved down by one */
  | { type: 'territoryRemoved'; index: number }
  | { type: 'territoryUpdated'; index: number; keys: (keyof TerritoryPatch)[] }
  | { type: 'pin'; accountId: string; from: number; to: number }
  | { type: 'locks'; units: Int32Array }
  /**
   * a drawn shape was added (before null), changed or removed (after null); the objects are the
   * plan's own (do not mutate them). Accounts in either geometry's box may change owner.
   */
  | { type: 'shape'; shapeId: string; before: DrawnShape | null; after: DrawnShape | null };

export type PlanListener = (change: PlanChange) => void;

export interface ApplyResult {
  /** null when nothing changed (nothing to undo) */
  inverse: Command | null;
  /** why a command did nothing or did less than asked, for a toast */
  note?: string;
}

const none = (note?: string): ApplyResult => ({ inverse: null, note });

/** Applies cmd to plan in place and returns its inverse. */
export function applyCommand(plan: Plan, cmd: Command, listener?: PlanListener): ApplyResult {
  const emit = listener ?? (() => {});
  switch (cmd.kind) {
    case 'assign':
      return assign(plan, cmd.units, cmd.territoryId, emit);
    case 'restore':
      return restore(plan, cmd.groups, emit);
    case 'createTerritory':
      return create(plan, cmd.territory, cmd.index, emit);
    case 'deleteTerritory':
      return remove(plan, cmd.territoryId, emit);
    case 'updateTerritory':
      return update(plan, cmd.territoryId, cmd.patch, emit);
    case 'mergeTerritories':
      return merge(plan, cmd.sourceIds, cmd.targetId, emit);
    case 'lockUnits':
      return lockUnits(plan, cmd.units, cmd.locked, emit);
    case 'pin':
      return pin(plan, cmd.accountId, cmd.territoryId, emit);
    case 'addShape':
      return addShape(plan, cmd.shape, cmd.index, emit);
    case 'updateShape':
      return updateShape(plan, cmd.shapeId, cmd.geometry, cmd.territoryId, emit);
    case 'removeShape':
      return removeShape(plan, cmd.shapeId, emit);
    case 'batch':
      return batch(plan, cmd.commands, emit);
  }
}

/** Moves units to territory `to` (index or -1) and emits one change; returns their previous territories. */
function move(plan: Plan, units: number[], to: number, emit: PlanListener): Int32Array {
  const from = new Int32Array(units.length);
  units.forEach((u, i) => {
    from[i] = plan.assignment[u];
    plan.assignment[u] = to;
  });
  if (units.length > 0) emit({ type: 'assign', units: Int32Array.from(units), from, to });
  return from;
}

/** The inverse of moving `units` away from `from`: one restore group per previous territory. */
function restoreOf(plan: Plan, units: number[], from: Int32Array): Command {
  const groups = new Map<number, number[]>();
  units.forEach((u, i) => {
    const g = groups.get(from[i]);
    if (g) g.push(u);
    else groups.set(from[i], [u]);
  });
  return {
    kind: 'restore',
    groups: [...groups].map(([t, us]) => ({ territoryId: t < 0 ? null : plan.territories[t].id, units: us })),
  };
}

function assign(plan: Plan, units: number[], territoryId: string | null, emit: PlanListener): ApplyResult {
  const to = territoryId === null ? -1 : territoryIndex(plan, territoryId);
  if (territoryId !== null && to < 0) return none(`No territory ${territoryId}`);
  if (to >= 0 && plan.territories[to].locked) return none(`${plan.territories[to].name} is locked`);
  const moving: number[] = [];
  let locked = 0;
  const seen = new Set<number>();
  for (const u of units) {
    if (u < 0 || u >= plan.assignment.length || seen.has(u)) continue;
    seen.add(u);
    const t = plan.assignment[u];
    if (t === to) continue;
    if (plan.lockedUnits[u] || (t >= 0 && plan.territories[t].locked)) {
      locked++;
      continue;
    }
    moving.push(u);
  }
  const note = locked > 0 ? `${locked} locked unit${locked === 1 ? '' : 's'} left as they were` : undefined;
  if (moving.length === 0) return none(note);
  const from = move(plan, moving, to, emit);
  return { inverse: restoreOf(plan, moving, from), note };
}

function restore(plan: Plan, groups: { territoryId: string | null; units: number[] }[], emit: PlanListener): ApplyResult {
  const inverses: Command[] = [];
  for (const g of groups) {
    const to = g.territoryId === null ? -1 : territoryIndex(plan, g.territoryId);
    if (g.territoryId !== null && to < 0) continue;
    const units = g.units.filter((u) => plan.assignment[u] !== to);
    if (units.length === 0) continue;
    const from = move(plan, units, to, emit);
    inverses.push(restoreOf(plan, units, from));
  }
  if (inverses.length === 0) return none();
  // undo must put back later moves first; one restore with all groups is equivalent since groups are disjoint
  return { inverse: { kind: 'restore', groups: inverses.reverse().flatMap((c) => (c.kind === 'restore' ? c.groups : [])) } };
}

function create(plan: Plan, territory: Territory, index: number | undefined, emit: PlanListener): ApplyResult {
  if (territoryIndex(plan, territory.id) >= 0) return none(`A territory with id ${territory.id} already exists`);
  const at = index === undefined ? plan.territories.length : Math.max(0, Math.min(index, plan.territories.length));
  plan.territories.splice(at, 0, { ...territory });
  const a = plan.assignment;
  if (at < plan.territories.length - 1) for (let u = 0; u < a.length; u++) if (a[u] >= at) a[u]++;
  emit({ type: 'territoryInserted', index: at });
  return { inverse: { kind: 'deleteTerritory', territoryId: territory.id } };
}

function remove(plan: Plan, territoryId: string, emit: PlanListener): ApplyResult {
  const t = territoryIndex(plan, territoryId);
  if (t < 0) return none(`No territory ${territoryId}`);
  const territory = plan.territories[t];
  if (territory.locked) return none(`${territory.name} is locked`);
  const inverse: Command[] = [{ kind: 'createTerritory', territory: { ...territory }, index: t }];
  const units: number[] = [];
  for (let u = 0; u < plan.assignment.length; u++) if (plan.assignment[u] === t) units.push(u);
  if (units.length > 0) {
    move(plan, units, -1, emit);
    inverse.push({ kind: 'restore', groups: [{ territoryId, units }] });
  }
  for (const [accountId, to] of [...plan.pins]) {
    if (to !== territoryId) continue;
    plan.pins.delete(accountId);
    emit({ type: 'pin', accountId, from: t, to: -1 });
    inverse.push({ kind: 'pin', accountId, territoryId });
  }
  // its drawn shapes go with it; undo puts them back at their places in the overlap order
  const shapesBack: Command[] = [];
  for (let i = plan.shapes.length - 1; i >= 0; i--) {
    const s = plan.shapes[i];
    if (s.territoryId !== territoryId) continue;
    plan.shapes.splice(i, 1);
    emit({ type: 'shape', shapeId: s.id, before: s, after: null });
    shapesBack.push({ kind: 'addShape', shape: cloneShape(s), index: i });
  }
  inverse.push(...shapesBack.reverse());
  plan.territories.splice(t, 1);
  const a = plan.assignment;
  for (let u = 0; u < a.length; u++) if (a[u] > t) a[u]--;
  emit({ type: 'territoryRemoved', index: t });
  return { inverse: { kind: 'batch', commands: inverse } };
}

const PATCH_KEYS = ['name', 'color', 'repId', 'quota', 'locked', 'parentId'] as const;

function update(plan: Plan, territoryId: string, patch: TerritoryPatch, emit: PlanListener): ApplyResult {
  const t = territoryIndex(plan, territoryId);
  if (t < 0) return none(`No territory ${territoryId}`);
  const current = plan.territories[t];
  const next: Territory = { ...current };
  const old: Record<string, unknown> = {};
  const keys: (keyof TerritoryPatch)[] = [];
  for (const k of PATCH_KEYS) {
    if (!(k in patch) || patch[k] === undefined || patch[k] === current[k]) continue;
    old[k] = current[k];
    (next as unknown as Record<string, unknown>)[k] = patch[k];
    keys.push(k);
  }
  if (keys.length === 0) return none();
  plan.territories[t] = next;
  emit({ type: 'territoryUpdated', index: t, keys });
  return { inverse: { kind: 'updateTerritory', territoryId, patch: old as TerritoryPatch } };
}

function merge(plan: Plan, sourceIds: string[], targetId: string, emit: PlanListener): ApplyResult {
  const target = territoryIndex(plan, targetId);
  if (target < 0) return none(`No territory ${targetId}`);
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId).map((id) => territoryIndex(plan, id));
  if (sources.some((s) => s < 0)) return none('A territory to merge no longer exists');
  if (sources.length === 0) return none();
  const lockedOne = [target, ...sources].find((i) => plan.territories[i].locked);
  if (lockedOne !== undefined) return none(`${plan.territories[lockedOne].name} is locked`);
  const isSource = new Set(sources);
  const units: number[] = [];
  for (let u = 0; u < plan.assignment.length; u++) if (isSource.has(plan.assignment[u])) units.push(u);
  const ids = new Set(sources.map((s) => plan.territories[s].id));
  const pins: Command[] = [...plan.pins].filter(([, to]) => ids.has(to)).map(([accountId]) => ({ kind: 'pin', accountId, territoryId: targetId }));
  const shapes: Command[] = plan.shapes.filter((s) => ids.has(s.territoryId)).map((s) => ({ kind: 'updateShape', shapeId: s.id, territoryId: targetId }));
  // the merge is its parts: units, pins and drawn shapes move (restore ignores unit locks, as a merge takes whole territories), then the empty sources go
  const steps: Command[] = [
    { kind: 'restore', groups: [{ territoryId: targetId, units }] },
    ...pins,
    ...shapes,
    ...[...ids].map((id): Command => ({ kind: 'deleteTerritory', territoryId: id })),
  ];
  return batch(plan, steps, emit);
}

function lockUnits(plan: Plan, units: number[], locked: boolean, emit: PlanListener): ApplyResult {
  const v = locked ? 1 : 0;
  const changed: number[] = [];
  for (const u of units) {
    if (u < 0 || u >= plan.lockedUnits.length || plan.lockedUnits[u] === v) continue;
    plan.lockedUnits[u] = v;
    changed.push(u);
  }
  if (changed.length === 0) return none();
  emit({ type: 'locks', units: Int32Array.from(changed) });
  return { inverse: { kind: 'lockUnits', units: changed, locked: !locked } };
}

function pin(plan: Plan, accountId: string, territoryId: string | null, emit: PlanListener): ApplyResult {
  const prev = plan.pins.get(accountId) ?? null;
  if (prev === territoryId) return none();
  const to = territoryId === null ? -1 : territoryIndex(plan, territoryId);
  if (territoryId !== null && to < 0) return none(`No territory ${territoryId}`);
  const from = prev === null ? -1 : territoryIndex(plan, prev);
  if (territoryId === null) plan.pins.delete(accountId);
  else plan.pins.set(accountId, territoryId);
  emit({ type: 'pin', accountId, from, to });
  return { inverse: { kind: 'pin', accountId, territoryId: prev } };
}

function addShape(plan: Plan, shape: DrawnShape, index: number | undefined, emit: PlanListener): ApplyResult {
  if (shapeIndex(plan, shape.id) >= 0) return none(`A shape with id ${shape.id} already exists`);
  const t = territoryIndex(plan, shape.territoryId);
  if (t < 0) return none(`No territory ${shape.territoryId}`);
  if (plan.territories[t].locked) return none(`${plan.territories[t].name} is locked`);
  const at = index === undefined ? plan.shapes.length : Math.max(0, Math.min(index, plan.shapes.length));
  const s = cloneShape(shape);
  plan.shapes.splice(at, 0, s);
  emit({ type: 'shape', shapeId: s.id, before: null, after: s });
  return { inverse: { kind: 'removeShape', shapeId: s.id } };
}

function updateShape(plan: Plan, shapeId: string, geometry: ShapeGeometry | undefined, territoryId: string | undefined, emit: PlanListener): ApplyResult {
  const i = shapeIndex(plan, shapeId);
  if (i < 0) return none(`No shape ${shapeId}`);
  const before = plan.shapes[i];
  const from = territoryIndex(plan, before.territoryId);
  const moving = territoryId !== undefined && territoryId !== before.territoryId;
  const to = moving ? territoryIndex(plan, territoryId) : from;
  if (to < 0) return none(`No territory ${territoryId}`);
  if (from >= 0 && plan.territories[from].locked) return none(`${plan.territories[from].name} is locked`);
  if (plan.territories[to].locked) return none(`${plan.territories[to].name} is locked`);
  if (geometry === undefined && !moving) return none();
  const after: DrawnShape = { id: shapeId, territoryId: moving ? territoryId : before.territoryId, geometry: geometry ? cloneGeometry(geometry) : before.geometry };
  plan.shapes[i] = after;
  emit({ type: 'shape', shapeId, before, after });
  const inverse: Command = { kind: 'updateShape', shapeId };
  if (geometry) inverse.geometry = cloneGeometry(before.geometry);
  if (moving) inverse.territoryId = before.territoryId;
  return { inverse };
}

function removeShape(plan: Plan, shapeId: string, emit: PlanListener): ApplyResult {
  const i = shapeIndex(plan, shapeId);
  if (i < 0) return none(`No shape ${shapeId}`);
  const s = plan.shapes[i];
  const t = territoryIndex(plan, s.territoryId);
  if (t >= 0 && plan.territories[t].locked) return none(`${plan.territories[t].name} is locked`);
  plan.shapes.splice(i, 1);
  emit({ type: 'shape', shapeId, before: s, after: null });
  return { inverse: { kind: 'addShape', shape: cloneShape(s), index: i } };
}

function batch(plan: Plan, commands: Command[], emit: PlanListener): ApplyResult {
  const inverses: Command[] = [];
  const notes: string[] = [];
  for (const c of commands) {
    const r = applyCommand(plan, c, emit);
    if (r.inverse) inverses.push(r.inverse);
    if (r.note) notes.push(r.note);
  }
  const note = notes.length > 0 ? notes.join('; ') : undefined;
  if (inverses.length === 0) return none(note);
  return { inverse: inverses.length === 1 ? inverses[0] : { kind: 'batch', commands: inverses.reverse() }, note };
}

/** Command builders for the UI, so call sites read as what they do. */
export const edit = {
  paint: (units: number[], territoryId: string): Command => ({ kind: 'assign', units, territoryId }),
  erase: (units: number[]): Command => ({ kind: 'assign', units, territoryId: null }),
  create: (territory: Territory, index?: number): Command => ({ kind: 'createTerritory', territory, index }),
  remove: (territoryId: string): Command => ({ kind: 'deleteTerritory', territoryId }),
  rename: (territoryId: string, name: string): Command => ({ kind: 'updateTerritory', territoryId, patch: { name } }),
  recolor: (territoryId: string, color: string): Command => ({ kind: 'updateTerritory', territoryId, patch: { color } }),
  setRep: (territoryId: string, repId: string | null): Command => ({ kind: 'updateTerritory', territoryId, patch: { repId } }),
  setQuota: (territoryId: string, quota: number | null): Command => ({ kind: 'updateTerritory', territoryId, patch: { quota } }),
  lockTerritory: (territoryId: string, locked = true): Command => ({ kind: 'updateTerritory', territoryId, patch: { locked } }),
  merge: (sourceIds: string[], targetId: string): Command => ({ kind: 'mergeTerritories', sourceIds, targetId }),
  lockUnits: (units: number[], locked = true): Command => ({ kind: 'lockUnits', units, locked }),
  pin: (accountId: string, territoryId: string): Command => ({ kind: 'pin', accountId, territoryId }),
  unpin: (accountId: string): Command => ({ kind: 'pin', accountId, territoryId: null }),
  addShape: (shape: DrawnShape, index?: number): Command => ({ kind: 'addShape', shape, index }),
  reshape: (shapeId: string, geometry: ShapeGeometry): Command => ({ kind: 'updateShape', shapeId, geometry }),
  moveShapeTo: (shapeId: string, territoryId: string): Command => ({ kind: 'updateShape', shapeId, territoryId }),
  removeShape: (shapeId: string): Command => ({ kind: 'removeShape', shapeId }),
};
