import { useState } from 'react';
import { deleteSetting, setSetting } from '../../storage/dataset-store';
import { useViewStore } from '../../store/view-store';
import { Dialog } from './Dialog';

/** Map settings: an optional remote base-map style for users who have internet. */
export function SettingsButton() {
  const styleUrl = useViewStore((s) => s.styleUrl);
  const setStyleUrl = useViewStore((s) => s.setStyleUrl);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (url: string | null) => {
    if (url !== null) {
      try {
        const u = new URL(url);
        if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
      } catch {
        setError('Enter a full http(s) address of a MapLibre style JSON, or leave the field empty for the offline map.');
        return;
      }
    }
    if (url) await setSetting('mapStyleUrl', url);
    else await deleteSetting('mapStyleUrl');
    setStyleUrl(url);
    setOpen(false);
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setDraft(styleUrl ?? '');
          setError(null);
          setOpen(true);
        }}
      >
        Map settings…
      </button>
      {open && (
        <Dialog title="Map settings" onCancel={() => setOpen(false)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save(draft.trim() || null);
            }}
          >
            <label className="field">
              Base map style URL (optional)
              <input type="url" value={draft} placeholder="https://…/style.json" onChange={(e) => setDraft(e.target.value)} />
            </label>
            <p className="note">
              Empty: the built-in offline map (states, counties, countries and cities shipped with the app). A remote style needs an internet connection; your
              accounts are never sent anywhere.
            </p>
            {error && (
              <p className="note error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <button type="button" onClick={() => void save(null)}>
                Use the offline map
              </button>
              <button type="submit" className="primary">
                Save
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
