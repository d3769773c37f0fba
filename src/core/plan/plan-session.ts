import type { Rep } from '../accounts/account';
import type { AccountTable } from '../accounts/table';
import { accountVisits, DEFAULT_WORKLOAD, type WorkloadSettings } from '../metrics/workload';
import { joinAccountsByPoint, joinAccountsByZip, type AccountJoin } from '../units/account-join';
import { aggregateUnits, type UnitAggregates } from '../units/unit-aggregates';
import { UnitFinder } from '../units/unit-finder';
import type { UnitLayer } from '../units/unit-layer';
import { ZIP_AREAS_LAYER_ID } from '../units/layers';
import { accountLookup } from './account-lookup';
import type { PlanListener } from './commands';
import { PlanHistory } from './history';
import { createPlan, type Plan } from './plan';
import { TerritoryStats } from './territory-stats';

/**
 * Everything an open plan needs, wired once: accounts joined to the layer's units and summed per
 * unit, incremental territory figures, and the undo history whose listener keeps those figures
 * (and whatever else listens, e.g. the map) in step with every edit.
 */
export interface PlanSession {
  layer: UnitLayer;
  plan: Plan;
  join: AccountJoin;
  /** per-unit sums, e.g. for a unit's hover card */
  aggregates: UnitAggregates;
  stats: TerritoryStats;
  history: PlanHistory;
  /** the workload definition the figures use */
  settings: WorkloadSettings;
}

export interface PlanSessionInput {
  layer: UnitLayer;
  accounts: AccountTable;
  reps: readonly Rep[];
  /** a stored plan for this layer; a new empty plan when absent */
  plan?: Plan;
  settings?: WorkloadSettings;
  /** told of every change after the figures are updated */
  onChange?: PlanListener;
  /** account row → index into plan.shapes, when a worker has computed it (shapes/assign-accounts.ts); else computed here */
  shapeOfAccount?: Int32Array;
}

export function openPlanSession(input: PlanSessionInput): PlanSession {
  const { layer, accounts } = input;
  const settings = input.settings ?? DEFAULT_WORKLOAD;
  const finder = new UnitFinder(layer);
  // ZIP areas are named by ZIP, so an account's ZIP finds its unit at once; other layers by location.
  const join = layer.layerId === ZIP_AREAS_LAYER_ID ? joinAccountsByZip(accounts, layer, finder) : joinAccountsByPoint(accounts, finder);
  const visits = accountVisits(accounts, settings);
  const aggregates = aggregateUnits(accounts, join.unitOfAccount, layer.count, visits, settings.visitHours);
  const homes = new Map(input.reps.map((r) => [r.id, { lat: r.lat, lon: r.lon }]));
  const plan = input.plan ?? createPlan({ id: `plan-${layer.layerId}`, name: 'Plan 1', layerId: layer.layerId, unitCount: layer.count });
  const stats = new TerritoryStats(
    { layer, aggregates, accounts, unitOfAccount: join.unitOfAccount, visits, settings, repHome: (id) => homes.get(id) ?? null, accountIndex: accountLookup(accounts), shapeOfAccount: input.shapeOfAccount },
    plan,
  );
  const history = new PlanHistory(plan, (change) => {
    stats.apply(change);
    input.onChange?.(change);
  });
  return { layer, plan, join, aggregates, stats, history, settings };
}
