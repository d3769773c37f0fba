import type { ImportStep } from '../../store/import-store';

const PHASE_LABEL = { reading: 'Reading and checking rows', merging: 'Matching accounts by ID', saving: 'Saving in this browser' } as const;

export function ProgressStep({ state, onCancel }: { state: Extract<ImportStep, { step: 'running' }>; onCancel(): void }) {
  const pct = state.total > 0 ? Math.min(100, Math.round((state.done / state.total) * 100)) : 0;
  const saving = state.phase === 'saving';
  return (
    <div>
      <p id="import-phase">
        {PHASE_LABEL[state.phase]}… {state.phase === 'reading' ? `${pct}%` : ''}
      </p>
      <progress aria-label="Import progress" max={100} value={state.phase === 'reading' ? pct : undefined} />
      <p className="note">
        {saving
          ? 'Almost done; the import can no longer be cancelled.'
          : 'Cancelling discards this import; the data stored before stays as it is.'}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel import
        </button>
      </div>
    </div>
  );
}
