import type { Rep } from '../../core/accounts/account';
import { getString } from '../../core/accounts/packed-strings';
import type { AccountTable } from '../../core/accounts/table';
import type { Command } from '../../core/plan/commands';
import type { Territory } from '../../core/plan/plan';
import type { PlanSession } from '../../core/plan/plan-session';
import { accountLookup } from '../../core/plan/account-lookup';
import { accountVisits } from '../../core/metrics/workload';
import { unitGraphOf } from '../../core/generate/inputs';
import type { PlanContext } from '../../core/generate/request';
import { UnitFinder } from '../../core/units/unit-finder';

/**
 * Everything the generate dialog and the explain list read and do, behind one value: the
 * optimizer's context, names for reports and the CSV, and how to apply a command. The panel builds
 * it from the open session; component tests build a small one by hand.
 */
export interface GenerateEnv {
  ctx: PlanContext;
  unitIds: readonly string[];
  unitNames: readonly string[];
  unitsLabel: { one: string; many: string };
  byUnit: { accountStart: Uint32Array; accountsByUnit: Uint32Array };
  accountId(row: number): string;
  accountName(row: number): string;
  /** the plan's territories as they are now */
  territories(): readonly Territory[];
  apply(cmd: Command, note?: string): void;
  undo(): void;
  newId(i: number): string;
  palette: readonly string[];
}

let sequence = 0;

export function sessionEnv(
  session: PlanSession,
  data: { accounts: AccountTable; reps: readonly Rep[] },
  ops: { apply(cmd: Command, note?: string): void; undo(): void; unitsLabel: { one: string; many: string }; palette: readonly string[] },
): GenerateEnv {
  const { layer, plan, aggregates } = session;
  const { accounts } = data;
  const visits = accountVisits(accounts, session.settings);
  const workload = new Float64Array(accounts.count);
  for (let i = 0; i < accounts.count; i++) workload[i] = visits[i] * session.settings.visitHours;
  const finder = new UnitFinder(layer);
  const ctx: PlanContext = {
    graph: unitGraphOf(layer),
    stateFips: layer.stateFips,
    plan,
    aggregates,
    revenue: accounts.revenue,
    potential: accounts.potential,
    workload,
    unitOfAccount: session.join.unitOfAccount,
    accountRow: accountLookup(accounts),
    reps: data.reps.map((r) => ({ id: r.id, name: r.name, unit: finder.unitAt(r.lon, r.lat) })),
    shapeOwner: plan.shapes.length > 0 ? Int32Array.from({ length: accounts.count }, (_, row) => session.stats.shapeOwnerOf(row)) : undefined,
  };
  const stamp = Date.now().toString(36);
  return {
    ctx,
    unitIds: layer.ids,
    unitNames: layer.names,
    unitsLabel: ops.unitsLabel,
    byUnit: aggregates,
    accountId: (row) => getString(accounts.id, row),
    accountName: (row) => getString(accounts.name, row),
    territories: () => plan.territories,
    apply: ops.apply,
    undo: ops.undo,
    newId: (i) => `t-${stamp}-g${sequence++}-${i}`,
    palette: ops.palette,
  };
}
