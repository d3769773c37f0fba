import { useEffect, useState } from 'react';
import { useDataStore } from '../../store/data-store';
import { useViewStore } from '../../store/view-store';
import { AccountsTable } from '../accounts-table/AccountsTable';
import { visibleRows } from '../../core/query/filter';
import { hiddenCodes } from '../map/hidden-codes';

/** The accounts table under the map: the accounts that pass the map's filters. */
export function TablePane() {
  const open = useViewStore((s) => s.tableOpen);
  const hidden = useViewStore((s) => s.hidden);
  const selectedRow = useViewStore((s) => s.selectedRow);
  const table = useDataStore((s) => s.dataset?.accounts ?? null);
  const [rows, setRows] = useState<Uint32Array | null>(null);

  useEffect(() => {
    if (!open || !table) return;
    const codes = hiddenCodes(table, hidden);
    const rows = visibleRows(table, { hidden: { segment: new Set(codes.segment), classification: new Set(codes.classification) } });
    const owners = new Set(codes.owner ?? []);
    setRows(owners.size === 0 ? rows : rows.filter((r) => !owners.has(table.owner.codes[r])));
  }, [open, table, hidden]);

  if (!open || !table || !rows) return null;
  return (
    <section className="table-pane" aria-label="Accounts table">
      <AccountsTable
        table={table}
        rows={rows}
        selectedRow={selectedRow}
        onSelect={(row) => {
          const view = useViewStore.getState();
          view.select(row);
          view.fly(table.lon[row], table.lat[row], 13);
        }}
      />
    </section>
  );
}
