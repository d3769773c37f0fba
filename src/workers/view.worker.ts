// The map view's worker: holds the accounts as typed arrays and answers view queries off the main
// thread. All logic lives in src/core/view; this file only moves messages.
import { ViewService, type ViewCall } from '../core/view/service';

const service = new ViewService();

self.addEventListener('message', (e: MessageEvent<ViewCall>) => {
  const { reply, transfer } = service.handle(e.data);
  self.postMessage(reply, { transfer });
});
