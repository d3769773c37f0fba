import demoAccountsUrl from '../../fixtures/demo/accounts.csv?url';
import demoRepsUrl from '../../fixtures/demo/reps.csv?url';
import { dataClient } from './services';
import { useDataStore } from '../store/data-store';
import { startTabWatch } from './tab-watch';
import { getSetting } from '../storage/dataset-store';
import { useViewStore } from '../store/view-store';
import { useTabStore } from '../store/tab-store';

/**
 * Opens the stored data, or, in a browser that has none yet, stores the built-in demo data set
 * (through the same import pipeline a user's file takes).
 */
export async function startApp(): Promise<void> {
  const data = useDataStore.getState();
  // Row numbers belong to one table: a new data set drops the selection.
  useDataStore.subscribe((s, prev) => {
    if (s.dataset !== prev.dataset) useViewStore.getState().select(null);
  });
  // Ask the browser not to evict the data under storage pressure (it may say no; nothing depends on it).
  void navigator.storage?.persist?.().catch(() => false);
  try {
    await startTabWatch();
    const styleUrl = await getSetting('mapStyleUrl').catch(() => undefined);
    useViewStore.setState({ styleUrl: styleUrl ?? null, settingsReady: true });
    const stored = await dataClient().load();
    if (stored) {
      data.setDataset(stored);
      return;
    }
    // A read-only tab never writes, not even the demo: the writing tab is storing it right now.
    if (!useTabStore.getState().isPrimary) {
      data.setLoading('Waiting for the other tab to finish loading the data…');
      return;
    }
    data.setLoading('Loading the demo data…');
    const demo = await dataClient().loadDemo(demoAccountsUrl, demoRepsUrl);
    data.setDataset(demo.dataset);
  } catch (e) {
    data.setError(e instanceof Error ? e.message : String(e));
  }
}
