import { viewColumnBuffers, type Hidden, type ViewCategory, type ViewColumns } from './columns';
import type { ViewCall, ViewMethod, ViewMethods, ViewReply } from './service';
import type { CategoryCounts, ViewQuery, ViewResult, ViewSummary } from './types';

/** The part of a Worker (or MessagePort) the client uses; a test can stand in for it. */
export interface ViewPort {
  postMessage(message: ViewCall, options?: { transfer?: Transferable[] }): void;
  addEventListener(type: 'message', listener: (e: { data: ViewReply }) => void): void;
  removeEventListener(type: 'message', listener: (e: { data: ViewReply }) => void): void;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * Talks to the view worker with promises. Queries are coalesced: one is in flight at a time, and
 * while it runs only the newest request waits; a query overtaken by a newer one resolves to null,
 * so a fast pan never leaves a queue of stale views to draw.
 */
export class ViewClient {
  private nextId = 1;
  private readonly waiting = new Map<number, Pending>();
  private queryTicket = 0;
  private queryBusy = false;
  private queued: { q: ViewQuery; ticket: number; resolve: (r: ViewResult | null) => void; reject: (e: Error) => void } | null = null;
  private readonly onMessage = (e: { data: ViewReply }) => {
    const reply = e.data;
    const p = this.waiting.get(reply.id);
    if (!p) return;
    this.waiting.delete(reply.id);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new Error(reply.error));
  };

  constructor(private readonly port: ViewPort) {
    port.addEventListener('message', this.onMessage);
  }

  /**
   * Hands the accounts to the worker. By default the arrays are *transferred*: they are empty
   * (detached) here afterwards, so pass copies (see viewColumns()) unless they are throwaway.
   */
  load(columns: ViewColumns, opts: { transfer?: boolean } = {}): Promise<ViewSummary> {
    return this.call('load', [columns], opts.transfer === false ? [] : viewColumnBuffers(columns));
  }

  /** Resolves to null when a newer query was asked for before this one's answer came back. */
  query(q: ViewQuery): Promise<ViewResult | null> {
    const ticket = ++this.queryTicket;
    this.queued?.resolve(null);
    return new Promise((resolve, reject) => {
      this.queued = { q, ticket, resolve, reject };
      this.pump();
    });
  }

  setHidden(hidden: Hidden): Promise<number> {
    return this.call('setHidden', [hidden]);
  }

  /** The codes array is transferred. */
  setCategory(column: ViewCategory, codesByRow: Uint16Array): Promise<void> {
    return this.call('setCategory', [column, codesByRow], [codesByRow.buffer as ArrayBuffer]);
  }

  /** The mask is transferred. */
  showOnlyRows(mask: Uint8Array | null): Promise<number> {
    return this.call('showOnlyRows', [mask], mask ? [mask.buffer as ArrayBuffer] : []);
  }

  filterCounts(bbox?: ViewQuery['bbox']): Promise<CategoryCounts> {
    return this.call('filterCounts', bbox ? [bbox] : []);
  }

  summary(): Promise<ViewSummary> {
    return this.call('summary', []);
  }

  rowsIn(bbox: ViewQuery['bbox']): Promise<Uint32Array> {
    return this.call('rowsIn', [bbox]);
  }

  /** Stops listening; calls still waiting never settle. */
  dispose(): void {
    this.port.removeEventListener('message', this.onMessage);
    this.waiting.clear();
  }

  private pump(): void {
    if (this.queryBusy || !this.queued) return;
    const job = this.queued;
    this.queued = null;
    this.queryBusy = true;
    this.call('query', [job.q]).then(
      (r) => {
        this.queryBusy = false;
        job.resolve(job.ticket === this.queryTicket ? r : null);
        this.pump();
      },
      (e: Error) => {
        this.queryBusy = false;
        job.reject(e);
        this.pump();
      },
    );
  }

  private call<K extends ViewMethod>(method: K, args: Parameters<ViewMethods[K]>, transfer: Transferable[] = []): Promise<ReturnType<ViewMethods[K]>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.postMessage({ id, method, args } as ViewCall, { transfer });
    });
  }
}
