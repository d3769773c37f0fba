import { ViewClient, type ViewPort } from '../core/view/client';

export { ViewClient } from '../core/view/client';
export type { ViewPort } from '../core/view/client';
export type { ViewMethods, ViewCall, ViewReply } from '../core/view/service';
export { viewColumns, NOTHING_HIDDEN } from '../core/view/columns';
export type { Hidden, ViewCategory, ViewColumns } from '../core/view/columns';
export type { CategoryCounts, ColorBy, ViewFeature, ViewQuery, ViewResult, ViewSummary } from '../core/view/types';

/**
 * Starts the view worker and returns its client. Usage:
 *
 *   const view = createViewWorker();
 *   await view.load(viewColumns(table));          // copies, then transfers the copies
 *   const r = await view.query({ bbox, zoom, colorBy: 'segment' });
 *   if (r) setAccountData(map, r.features);       // null: a newer query overtook this one
 */
export function createViewWorker(): ViewClient & { terminate(): void } {
  const worker = new Worker(new URL('./view.worker.ts', import.meta.url), { type: 'module', name: 'account-view' });
  const client = new ViewClient(worker as unknown as ViewPort);
  return Object.assign(client, {
    terminate() {
      client.dispose();
      worker.terminate();
    },
  });
}
