import { useImportStore } from '../../store/import-store';
import { useTabStore } from '../../store/tab-store';
import { useViewStore } from '../../store/view-store';
import { FilePickButton } from './FilePickButton';
import { ClearDataButton } from './ClearDataButton';
import { SettingsButton } from './SettingsButton';
import { AccountSearch } from './AccountSearch';
import { usePlanStore } from '../../store/plan-store';

function TerritoriesButton() {
  const open = usePlanStore((s) => s.open);
  return (
    <button type="button" aria-pressed={open} onClick={() => (open ? usePlanStore.getState().close() : void usePlanStore.getState().openTerritories())}>
      Territories
    </button>
  );
}

const CSV_TYPES = '.csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values';

export function Toolbar() {
  const open = useImportStore((s) => s.open);
  const busy = useImportStore((s) => s.state.step !== 'idle');
  const readOnly = useTabStore((s) => !s.isPrimary);
  const tableOpen = useViewStore((s) => s.tableOpen);
  const setTableOpen = useViewStore((s) => s.setTableOpen);
  return (
    <header className="toolbar">
      <h1>Territory Planner</h1>
      <FilePickButton
        label="Import accounts…"
        inputLabel="Accounts CSV file"
        accept={CSV_TYPES}
        disabled={readOnly || busy}
        onFile={(f) => void open(f, 'accounts')}
      />
      <FilePickButton label="Import reps…" inputLabel="Reps CSV file" accept={CSV_TYPES} disabled={readOnly || busy} onFile={(f) => void open(f, 'reps')} />
      <AccountSearch />
      <span className="spacer" />
      <TerritoriesButton />
      <button type="button" aria-pressed={tableOpen} onClick={() => setTableOpen(!tableOpen)}>
        Accounts table
      </button>
      <SettingsButton />
      <ClearDataButton disabled={readOnly || busy} />
    </header>
  );
}
