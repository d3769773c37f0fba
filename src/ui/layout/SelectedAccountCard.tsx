import { useMemo } from 'react';
import { accountAt } from '../../core/accounts/table';
import { useDataStore } from '../../store/data-store';
import { useViewStore } from '../../store/view-store';
import { ProfileCard } from '../profile-card/ProfileCard';
import { PinControl } from '../territories/PinControl';
import '../territories/territories.css';

/** The profile card of the account picked on the map, in the table or by search. */
export function SelectedAccountCard() {
  const row = useViewStore((s) => s.selectedRow);
  const select = useViewStore((s) => s.select);
  const table = useDataStore((s) => s.dataset?.accounts ?? null);
  const record = useMemo(() => (table && row !== null && row < table.count ? accountAt(table, row) : null), [table, row]);
  if (!record) return null;
  return (
    <div className="card-slot">
      <ProfileCard record={record} onClose={() => select(null)} />
      <PinControl accountId={record.id} />
    </div>
  );
}
