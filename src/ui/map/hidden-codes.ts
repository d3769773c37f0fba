import type { AccountTable, CategoryColumn } from '../../core/accounts/table';
import type { Hidden } from '../../core/view/columns';

/** The view store keeps filters by label; the view worker wants this table's codes. */
export function hiddenCodes(table: AccountTable, hidden: Record<CategoryColumn, string[]>): Hidden {
  const codes = (column: CategoryColumn) => {
    const wanted = new Set(hidden[column]);
    const out: number[] = [];
    table[column].labels.forEach((label, code) => {
      if (wanted.has(label)) out.push(code);
    });
    return out;
  };
  return { segment: codes('segment'), classification: codes('classification'), owner: codes('owner') };
}
