import { toCsv } from '../export/csv-safe';
import { movedAccounts } from './moves';
import type { MovedUnits } from './types';

export interface MovedCsvContext {
  unitIds: readonly string[];
  unitNames: readonly string[];
  /** territory index → name */
  territoryName: (t: number) => string;
  byUnit: { accountStart: Uint32Array; accountsByUnit: Uint32Array };
  accountId: (row: number) => string;
  accountName: (row: number) => string;
  revenue: ArrayLike<number>;
  /** pinned accounts stay with their territory: not listed as moved */
  isPinned?: (row: number) => boolean;
}

/**
 * Every moved unit and every account that moved with it, from → to, as a spreadsheet-safe CSV
 * (cells starting with = + - @ are defused: names come from the user's files).
 */
export function movedCsv(moved: MovedUnits, ctx: MovedCsvContext): string {
  const name = (t: number) => (t >= 0 ? ctx.territoryName(t) : '(unassigned)');
  const rows: string[][] = [['kind', 'id', 'name', 'from territory', 'to territory', 'revenue']];
  for (let i = 0; i < moved.units.length; i++) {
    const u = moved.units[i];
    rows.push(['unit', ctx.unitIds[u], ctx.unitNames[u], name(moved.from[i]), name(moved.to[i]), '']);
  }
  const acc = movedAccounts(moved, ctx.byUnit, ctx.isPinned);
  for (let i = 0; i < acc.accounts.length; i++) {
    const a = acc.accounts[i];
    const r = ctx.revenue[a];
    rows.push(['account', ctx.accountId(a), ctx.accountName(a), name(acc.from[i]), name(acc.to[i]), r === r ? String(r) : '']);
  }
  return toCsv(rows);
}
