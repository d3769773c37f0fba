import type { MovedUnits, TerritoryDisruption } from './types';

/** Every unit whose territory differs between two assignments, with from → to (−1 = none). */
export function movedUnits(before: Int32Array, after: Int32Array): MovedUnits {
  const units: number[] = [];
  for (let u = 0; u < before.length; u++) if (before[u] !== after[u]) units.push(u);
  const from = new Int32Array(units.length);
  const to = new Int32Array(units.length);
  units.forEach((u, i) => {
    from[i] = before[u];
    to[i] = after[u];
  });
  return { units: Int32Array.from(units), from, to };
}

/** Per territory: units, accounts and value (e.g. revenue) that came in and went out. */
export function perTerritoryDisruption(moved: MovedUnits, k: number, values: ArrayLike<number>, accounts?: ArrayLike<number>): TerritoryDisruption[] {
  const out: TerritoryDisruption[] = Array.from({ length: k }, () => ({ unitsIn: 0, unitsOut: 0, accountsIn: 0, accountsOut: 0, valueIn: 0, valueOut: 0 }));
  for (let i = 0; i < moved.units.length; i++) {
    const u = moved.units[i];
    const v = values[u] > 0 ? values[u] : 0;
    const a = accounts ? accounts[u] : 0;
    const f = moved.from[i];
    const t = moved.to[i];
    if (f >= 0 && f < k) (out[f].unitsOut++, (out[f].accountsOut += a), (out[f].valueOut += v));
    if (t >= 0 && t < k) (out[t].unitsIn++, (out[t].accountsIn += a), (out[t].valueIn += v));
  }
  return out;
}

/**
 * The accounts that move with the moved units (UnitAggregates' accounts-by-unit CSR): account
 * rows with the territory they leave and join. Pinned accounts do not move with their unit: pass
 * `isPinned` (account row → 1) to leave them out.
 */
export function movedAccounts(
  moved: MovedUnits,
  byUnit: { accountStart: Uint32Array; accountsByUnit: Uint32Array },
  isPinned?: (row: number) => boolean,
): { accounts: Uint32Array; from: Int32Array; to: Int32Array } {
  let total = 0;
  for (let i = 0; i < moved.units.length; i++) total += byUnit.accountStart[moved.units[i] + 1] - byUnit.accountStart[moved.units[i]];
  const accounts = new Uint32Array(total);
  const from = new Int32Array(total);
  const to = new Int32Array(total);
  let n = 0;
  for (let i = 0; i < moved.units.length; i++) {
    const u = moved.units[i];
    for (let j = byUnit.accountStart[u]; j < byUnit.accountStart[u + 1]; j++) {
      const a = byUnit.accountsByUnit[j];
      if (isPinned?.(a)) continue;
      accounts[n] = a;
      from[n] = moved.from[i];
      to[n] = moved.to[i];
      n++;
    }
  }
  return { accounts: accounts.slice(0, n), from: from.slice(0, n), to: to.slice(0, n) };
}
