import type { AccountTable } from '../accounts/table';
import { accountLookup } from '../plan/account-lookup';
import type { Plan } from '../plan/plan';

/**
 * Which territory owns each account, by the same rules TerritoryStats counts it with, so the
 * exported CSV and the figures on screen always agree:
 *
 *   1. a pin (plan.pins, by account id) to a territory that exists;
 *   2. a drawn shape the account lies in (`shapeOwner`: pass TerritoryStats.shapeOwnerOf, or
 *      territoriesOfShapes(assignAccountsToShapes(...)) from shapes/assign-accounts.ts; the first
 *      shape in plan order wins where shapes overlap, docs/DRAWN-SHAPES.md);
 *   3. the territory of the account's unit (`unitOfAccount` from the account join);
 *   4. none.
 *
 * A pin whose account is not in the table, or whose territory no longer exists, is ignored (the
 * stats call those stale pins). When an account id occurs twice, the pin applies to the first row,
 * as accountLookup (and so the stats) resolve it.
 */

/** How an account got its territory; a byte per account. */
export const OwnerVia = { None: 0, Unit: 1, Shape: 2, Pin: 3 } as const;
export type OwnerVia = (typeof OwnerVia)[keyof typeof OwnerVia];

/** Territory index (into plan.territories) for the account in row `row`, or -1 when no drawn shape holds it. */
export type ShapeOwner = (row: number) => number;

export interface OwnershipInput {
  /** account row → unit index, -1 = no unit (the account join's result) */
  unitOfAccount: Int32Array;
  /** account id → row; pass the one the stats use to share its map, else one is built when the plan has pins */
  accountIndex?: (accountId: string) => number;
  /** drawn shapes: account row → territory index of the shape holding it (TerritoryStats.shapeOwnerOf); leave out when the plan has none */
  shapeOwner?: ShapeOwner;
}

export interface Ownership {
  /** account row → territory index, -1 = no territory */
  territory: Int32Array;
  via: Uint8Array;
}

export function territoryOfAccounts(table: AccountTable, plan: Plan, input: OwnershipInput): Ownership {
  const n = table.count;
  const { unitOfAccount, shapeOwner } = input;
  if (unitOfAccount.length !== n) throw new Error('unitOfAccount does not match the account table');
  const k = plan.territories.length;
  const territory = new Int32Array(n);
  const via = new Uint8Array(n);
  const assignment = plan.assignment;
  for (let a = 0; a < n; a++) {
    const u = unitOfAccount[a];
    const t = u >= 0 && u < assignment.length ? assignment[u] : -1;
    territory[a] = t >= 0 && t < k ? t : -1;
    via[a] = territory[a] >= 0 ? OwnerVia.Unit : OwnerVia.None;
  }
  if (shapeOwner) {
    for (let a = 0; a < n; a++) {
      const t = shapeOwner(a);
      if (t >= 0 && t < k) {
        territory[a] = t;
        via[a] = OwnerVia.Shape;
      }
    }
  }
  if (plan.pins.size > 0) {
    const index = input.accountIndex ?? accountLookup(table);
    const tIndex = new Map(plan.territories.map((t, i) => [t.id, i]));
    for (const [accountId, territoryId] of plan.pins) {
      const a = index(accountId);
      const t = tIndex.get(territoryId);
      if (a < 0 || t === undefined) continue;
      territory[a] = t;
      via[a] = OwnerVia.Pin;
    }
  }
  return { territory, via };
}
