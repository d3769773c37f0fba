import type { GenerateJob, GenerateReply, JobResult } from '../core/generate/jobs';

export type { GenerateJob, JobResult } from '../core/generate/jobs';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

const startWorker = (): WorkerLike => new Worker(new URL('./generate.worker.ts', import.meta.url), { type: 'module', name: 'territory-generator' }) as unknown as WorkerLike;

/**
 * Runs optimizer jobs in a worker, one at a time. `cancel()` terminates the worker at once (the
 * optimizer never has to notice) and rejects the running job with CancelledError; the next job
 * starts a fresh worker. Usage:
 *
 *   const client = new GenerateClient();
 *   const outcome = await client.run({ kind: 'generate', input }, (f, phase) => setProgress(f, phase));
 */
export class GenerateClient {
  private worker: WorkerLike | null = null;
  private seq = 0;
  private pending: { id: number; resolve(v: unknown): void; reject(e: Error): void; onProgress?: (f: number, phase: string) => void } | null = null;

  constructor(private readonly make: () => WorkerLike = startWorker) {}

  run<J extends GenerateJob>(job: J, onProgress?: (fraction: number, phase: string) => void): Promise<JobResult<J>> {
    this.cancel();
    const w = (this.worker ??= this.attach(this.make()));
    const id = ++this.seq;
    return new Promise<JobResult<J>>((resolve, reject) => {
      this.pending = { id, resolve: resolve as (v: unknown) => void, reject, onProgress };
      w.postMessage({ id, job });
    });
  }

  /** Stops the running job, if any (its promise rejects with CancelledError). */
  cancel(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    p.reject(new CancelledError());
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }

  private attach(w: WorkerLike): WorkerLike {
    w.onmessage = (e: MessageEvent<GenerateReply>) => {
      const p = this.pending;
      const m = e.data;
      if (!p || m.id !== p.id) return;
      if (m.type === 'progress') p.onProgress?.(m.fraction, m.phase);
      else {
        this.pending = null;
        if (m.type === 'done') p.resolve(m.result);
        else p.reject(new Error(m.message));
      }
    };
    w.onerror = (e: ErrorEvent) => {
      const p = this.pending;
      this.pending = null;
      this.worker?.terminate();
      this.worker = null;
      p?.reject(new Error(e.message || 'The generator stopped unexpectedly.'));
    };
    return w;
  }
}
