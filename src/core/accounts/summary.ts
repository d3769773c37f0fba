import { LocationSource } from './account';
import type { AccountTable } from './table';

export interface TableSummary {
  count: number;
  /** sums skip empty cells */
  revenue: number;
  potential: number;
  /** accounts placed by their 3-digit ZIP area only */
  approximate: number;
}

export function summarize(t: AccountTable): TableSummary {
  let revenue = 0;
  let potential = 0;
  let approximate = 0;
  for (let i = 0; i < t.count; i++) {
    const r = t.revenue[i];
    if (r === r) revenue += r;
    const p = t.potential[i];
    if (p === p) potential += p;
    if (t.location[i] === LocationSource.Zip3) approximate++;
  }
  return { count: t.count, revenue, potential, approximate };
}

/** Accounts per category code, for legends and filters. */
export function countByCode(codes: Uint16Array, labelCount: number): Uint32Array {
  const counts = new Uint32Array(labelCount);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}
