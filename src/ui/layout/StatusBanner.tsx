import { useDataStore } from '../../store/data-store';
import { useTabStore } from '../../store/tab-store';

/** Things the user must know about the data itself: a load error, another tab, newer data elsewhere. */
export function StatusBanner() {
  const error = useDataStore((s) => s.error);
  const { isPrimary, staleRevision } = useTabStore();
  return (
    <>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {!isPrimary && (
        <div className="banner" role="alert">
          Territory Planner is open in another tab. This tab is read-only so it cannot overwrite that tab’s work; close the other tab to edit here.
        </div>
      )}
      {staleRevision !== null && (
        <div className="banner" role="status">
          Another tab saved newer data.
          <button type="button" onClick={() => location.reload()}>
            Reload to see it
          </button>
        </div>
      )}
    </>
  );
}
