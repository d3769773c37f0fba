// The territory optimizer's worker: runs generate / rebalance / explain off the main thread and
// reports progress. All logic lives in src/core/generate; this file only moves messages. Cancel is
// the page terminating this worker, so no stop flag is needed here.
import { runJob, transferablesOf, type GenerateJob, type GenerateReply } from '../core/generate/jobs';

const post = (reply: GenerateReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });

self.addEventListener('message', (e: MessageEvent<{ id: number; job: GenerateJob }>) => {
  const { id, job } = e.data;
  try {
    const result = runJob(job, { onProgress: (fraction, phase) => post({ id, type: 'progress', fraction, phase }) });
    post({ id, type: 'done', result }, transferablesOf(result));
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
