import { useState } from 'react';
import { dataClient } from '../../app/services';
import { useDataStore } from '../../store/data-store';
import { useViewStore } from '../../store/view-store';
import { emptyTable } from '../../core/accounts/table';
import { Dialog } from './Dialog';

/** Deletes every account and rep stored in this browser, after the user confirms. */
export function ClearDataButton({ disabled }: { disabled?: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const dataset = useDataStore((s) => s.dataset);

  const clear = async () => {
    setWorking(true);
    try {
      const revision = await dataClient().clear(dataset?.meta.revision ?? 0);
      useViewStore.getState().select(null);
      useDataStore.getState().setDataset({ accounts: emptyTable(), reps: [], meta: { source: 'import', revision, updatedAt: new Date().toISOString() } });
      setConfirming(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <button type="button" className="danger" disabled={disabled} onClick={() => setConfirming(true)}>
        Clear all data…
      </button>
      {confirming && (
        <Dialog title="Clear all data?" role="alertdialog" onCancel={() => setConfirming(false)}>
          <p>
            This deletes all {dataset?.accounts.count.toLocaleString('en-US') ?? 0} accounts and {dataset?.reps.length ?? 0} reps stored in this browser. It cannot be
            undone.
          </p>
          {error && (
            <p className="note error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
            <button type="button" className="danger primary" disabled={working} onClick={() => void clear()}>
              Delete all data
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
