import { startTabGuard, type TabGuard } from '../storage/tab-guard';
import { useTabStore } from '../store/tab-store';
import { useDataStore } from '../store/data-store';

let guard: TabGuard | null = null;

/**
 * Keeps the tab store in step with the other tabs on this data: only the first tab writes, the
 * others are read-only; a save elsewhere marks what this tab shows as stale.
 */
export async function startTabWatch(): Promise<void> {
  if (guard) return;
  guard = await startTabGuard();
  const tabs = useTabStore.getState();
  tabs.set({ isPrimary: guard.isPrimary });
  guard.onChange(({ isPrimary, otherTabs }) => useTabStore.getState().set({ isPrimary, otherTabs }));
  guard.onRemoteSave((revision) => {
    const shown = useDataStore.getState().dataset?.meta.revision ?? 0;
    if (revision !== shown) useTabStore.getState().set({ staleRevision: revision });
  });
  useDataStore.subscribe((s, prev) => {
    const rev = s.dataset?.meta.revision;
    if (rev !== undefined && rev !== prev.dataset?.meta.revision) guard?.announceSaved(rev);
  });
}
