import type {
  DataRequest,
  DataResponse,
  DataSource,
  ErrorCode,
  ImportKind,
  ImportMode,
  ImportPhase,
  ImportResult,
  LoadedDataset,
} from './data.api';
import type { CsvPreview, ImportOptions } from '../core/import/types';

/** An error the worker reported, with a code the UI can act on and a message it can show. */
export class DataError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

type Pending = {
  resolve: (r: DataResponse) => void;
  reject: (e: Error) => void;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The page's handle on the data worker, which parses, merges and stores accounts so that nothing
 * heavy runs on the main thread. Each call is a promise; imports report progress and can be cancelled.
 */
export class DataClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<DataResponse>) => this.receive(e.data);
    worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new DataError('bug', e.message || 'The data worker stopped.'));
      this.pending.clear();
    };
  }

  static create(): DataClient {
    return new DataClient(new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' }));
  }

  private receive(msg: DataResponse): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') {
      p.onProgress?.(msg.phase, msg.done, msg.total);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new DataError(msg.code, msg.message));
    else p.resolve(msg);
  }

  private send(req: DistributiveOmit<DataRequest, 'id'>, extra: Partial<Pending> = {}, signal?: AbortSignal): Promise<DataResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...extra });
      signal?.addEventListener('abort', () => this.worker.postMessage({ type: 'cancel', id } satisfies DataRequest), { once: true });
      this.worker.postMessage({ ...req, id } as DataRequest);
    });
  }

  async load(): Promise<LoadedDataset | null> {
    const r = await this.send({ type: 'load' });
    return r.type === 'loaded' ? r.dataset : null;
  }

  async preview(file: Blob, fileName: string, kind: ImportKind): Promise<CsvPreview> {
    const r = await this.send({ type: 'preview', file, fileName, kind });
    if (r.type !== 'preview') throw new DataError('bug', 'Unexpected answer from the data worker.');
    return r.preview;
  }

  async import(args: {
    file: Blob;
    fileName: string;
    kind: ImportKind;
    options: ImportOptions;
    mode: ImportMode;
    source: DataSource;
    expectedRevision: number;
    onProgress?: Pending['onProgress'];
    signal?: AbortSignal;
  }): Promise<ImportResult> {
    const { onProgress, signal, ...req } = args;
    const r = await this.send({ type: 'import', ...req }, { onProgress }, signal);
    if (r.type !== 'imported') throw new DataError('bug', 'Unexpected answer from the data worker.');
    return r.result;
  }

  /** Stores the built-in demo accounts and reps (the first start of a fresh browser). */
  async loadDemo(accountsUrl: string, repsUrl: string, onProgress?: Pending['onProgress']): Promise<ImportResult> {
    const r = await this.send({ type: 'demo', accountsUrl, repsUrl }, { onProgress });
    if (r.type !== 'imported') throw new DataError('bug', 'Unexpected answer from the data worker.');
    return r.result;
  }

  async clear(expectedRevision: number): Promise<number> {
    const r = await this.send({ type: 'clear', expectedRevision });
    if (r.type !== 'cleared') throw new DataError('bug', 'Unexpected answer from the data worker.');
    return r.revision;
  }
}
