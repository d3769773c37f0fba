/**
 * A plan: which territory each unit of one layer belongs to, plus the territories themselves,
 * locks and pinned accounts. See docs/PLAN-MODEL.md for how it is stored, edited (commands, undo)
 * and how districts, regions and scenarios fit on top.
 *
 * In memory the assignment is a typed array over unit indexes of the layer (fast to paint and to
 * sum); on disk it is keyed by unit id (plan-json.ts), so a plan survives a rebuild of the layer.
 * Territories are referred to by index in memory (assignment values) and by their stable string
 * id everywhere else (commands, pins, storage, exports).
 */

import { cloneShape, type DrawnShape } from '../shapes/shape-types';

export type { DrawnShape };

export interface Territory {
  /** stable, never reused within a plan; survives rename, reorder and save/load */
  id: string;
  name: string;
  /** CSS colour, e.g. "#1f77b4" */
  color: string;
  /** the rep who works it; null = no rep (workload has no travel, travel shows "no rep") */
  repId: string | null;
  /** the territory's own quota; null = take the rep's quota from the reps file, if any */
  quota: number | null;
  /** a locked territory keeps its units: painting, erasing, merging and deleting leave it alone */
  locked: boolean;
  /** the district (a TerritoryGroup) it rolls up into; null = top level */
  parentId: string | null;
}

/**
 * A node above territories: a district, a region, any depth. Its figures are the sums of its
 * children's, because every territory figure is a sum. Not edited by any command yet; kept in the
 * model so plans saved now load unchanged when the hierarchy arrives.
 */
export interface TerritoryGroup {
  id: string;
  name: string;
  color: string;
  /** 1 = district (parent of territories), 2 = region, … */
  level: number;
  parentId: string | null;
  /** manager */
  repId: string | null;
}

export const BALANCE_METRICS = ['accounts', 'revenue', 'potential', 'workload', 'units', 'area'] as const;
export type BalanceMetric = (typeof BALANCE_METRICS)[number];

export interface Plan {
  id: string;
  name: string;
  /** the UnitLayer this plan paints (UnitLayer.layerId) */
  layerId: string;
  /** display order; assignment values index this array */
  territories: Territory[];
  groups: TerritoryGroup[];
  /** unit index → territory index, -1 = unassigned */
  assignment: Int32Array;
  /** unit index → 1 when the unit itself is locked against painting */
  lockedUnits: Uint8Array;
  /** account id → territory id: the account counts for that territory whatever its unit's territory */
  pins: Map<string, string>;
  /**
   * Drawn shapes (shapes/shape-types.ts), each belonging to a territory; an account inside one
   * counts for the shape's territory unless it is pinned. Where shapes overlap, the first in this
   * order wins (docs/DRAWN-SHAPES.md).
   */
  shapes: DrawnShape[];
  /** which figure the bar chart and deviations compare, and the tolerance band around the mean */
  balance: { metric: BalanceMetric; tolerancePct: number };
}

export interface NewPlan {
  id: string;
  name: string;
  layerId: string;
  unitCount: number;
}

export function createPlan(p: NewPlan): Plan {
  return {
    id: p.id,
    name: p.name,
    layerId: p.layerId,
    territories: [],
    groups: [],
    assignment: new Int32Array(p.unitCount).fill(-1),
    lockedUnits: new Uint8Array(p.unitCount),
    pins: new Map(),
    shapes: [],
    balance: { metric: 'potential', tolerancePct: 5 },
  };
}

/** Index of the territory with this id, or -1. Linear: plans have hundreds of territories, not millions. */
export function territoryIndex(plan: Plan, id: string): number {
  const ts = plan.territories;
  for (let i = 0; i < ts.length; i++) if (ts[i].id === id) return i;
  return -1;
}

export function newTerritory(id: string, name: string, color: string, more: Partial<Omit<Territory, 'id' | 'name' | 'color'>> = {}): Territory {
  return { id, name, color, repId: null, quota: null, locked: false, parentId: null, ...more };
}

/** Index of the shape with this id in plan.shapes, or -1. */
export function shapeIndex(plan: Plan, id: string): number {
  const ss = plan.shapes;
  for (let i = 0; i < ss.length; i++) if (ss[i].id === id) return i;
  return -1;
}

/** Units of each territory (index t → unit indexes), in unit order; unassigned units left out. */
export function unitsByTerritory(plan: Plan): number[][] {
  const out: number[][] = plan.territories.map(() => []);
  const a = plan.assignment;
  for (let u = 0; u < a.length; u++) if (a[u] >= 0) out[a[u]].push(u);
  return out;
}

/** A deep copy: scenarios and snapshots start from one; undo tests compare against one. */
export function clonePlan(plan: Plan): Plan {
  return {
    ...plan,
    territories: plan.territories.map((t) => ({ ...t })),
    groups: plan.groups.map((g) => ({ ...g })),
    assignment: plan.assignment.slice(),
    lockedUnits: plan.lockedUnits.slice(),
    pins: new Map(plan.pins),
    shapes: plan.shapes.map(cloneShape),
    balance: { ...plan.balance },
  };
}
