import type { AccountTable } from '../core/accounts/table';
import { buildSearchIndex, type SearchIndex } from '../core/query/search-index';
import { filterByText } from '../core/query/filter';
import { sortPermutation, type SortDir, type SortKey } from '../core/query/sort';
import type { QueryRequest, QueryResponse } from './query.api';

/** Below this many accounts the page sorts and indexes itself: quicker than a round trip. */
export const WORKER_ROWS = 100_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Sort, text filter and search index for the accounts table and the search box. Big tables go to
 * a worker holding its own copy of the table (sent once per data set), so the page never freezes.
 */
class QueryClient {
  private worker: Worker | null = null;
  private loadedFor: AccountTable | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: QueryResponse) => void; reject: (e: Error) => void }>();

  private call(table: AccountTable, req: DistributiveOmit<QueryRequest, 'id'>, transfer: Transferable[] = []): Promise<QueryResponse> {
    if (!this.worker) {
      this.worker = new Worker(new URL('./query.worker.ts', import.meta.url), { type: 'module', name: 'account-query' });
      this.worker.onmessage = (e: MessageEvent<QueryResponse>) => {
        const p = this.pending.get(e.data.id);
        this.pending.delete(e.data.id);
        if (e.data.type === 'error') p?.reject(new Error(e.data.message));
        else p?.resolve(e.data);
      };
    }
    if (this.loadedFor !== table) {
      this.loadedFor = table;
      // Copied, not transferred: the page keeps using its table.
      this.worker.postMessage({ type: 'load', id: this.nextId++, table } satisfies QueryRequest);
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ ...req, id } as QueryRequest, transfer);
    });
  }

  async rows(table: AccountTable, rows: Uint32Array, text: string, sort: { key: SortKey; dir: SortDir } | null): Promise<Uint32Array> {
    if (table.count <= WORKER_ROWS) {
      const filtered = filterByText(table, rows, text);
      return sort ? sortPermutation(table, filtered, sort.key, sort.dir) : filtered;
    }
    const r = await this.call(table, { type: 'rows', rows: rows.slice(), text, sort });
    if (r.type !== 'rows') throw new Error('Unexpected answer from the query worker.');
    return r.rows;
  }

  async searchIndex(table: AccountTable): Promise<SearchIndex> {
    if (table.count <= WORKER_ROWS) return buildSearchIndex(table);
    const r = await this.call(table, { type: 'index' });
    if (r.type !== 'index') throw new Error('Unexpected answer from the query worker.');
    return { ...r.index, table, marks: new Uint8Array(table.count) };
  }
}

export const queryClient = new QueryClient();
