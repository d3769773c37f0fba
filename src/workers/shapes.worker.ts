// Overlaps and gaps of drawn territories, off the main thread. The logic is core/shapes/check-service.ts.
import { ShapeCheckService, type CheckAccounts, type CheckRequest } from '../core/shapes/check-service';
import type { ShapeGeometry } from '../core/shapes/shape-types';

const service = new ShapeCheckService();

export type ShapesCall = { id: number; method: 'setAccounts'; args: CheckAccounts } | { id: number; method: 'check'; args: CheckRequest } | { id: number; method: 'assign'; args: ShapeGeometry[] };

self.addEventListener('message', (e: MessageEvent<ShapesCall>) => {
  const call = e.data;
  try {
    if (call.method === 'assign') {
      const result = service.assign(call.args);
      self.postMessage({ id: call.id, ok: true, result }, { transfer: [result.buffer] });
      return;
    }
    const result = call.method === 'setAccounts' ? service.setAccounts(call.args) : service.check(call.args);
    self.postMessage({ id: call.id, ok: true, result });
  } catch (err) {
    self.postMessage({ id: call.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
