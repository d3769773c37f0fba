import { getString } from '../accounts/packed-strings';
import type { AccountTable } from '../accounts/table';

/**
 * Account id → row, for pins (which are stored by account id so they survive re-imports). The map
 * is built on the first call: a plan without pins never pays for decoding a million ids. When an
 * id occurs twice the first row wins, as in the import's merge by id.
 */
export function accountLookup(t: AccountTable): (id: string) => number {
  let map: Map<string, number> | undefined;
  return (id) => {
    if (!map) {
      map = new Map();
      for (let i = 0; i < t.count; i++) {
        const s = getString(t.id, i);
        if (!map.has(s)) map.set(s, i);
      }
    }
    return map.get(id) ?? -1;
  };
}
