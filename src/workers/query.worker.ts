/// <reference lib="webworker" />
import type { AccountTable } from '../core/accounts/table';
import { filterByText } from '../core/query/filter';
import { sortPermutation } from '../core/query/sort';
import { buildSearchIndex } from '../core/query/search-index';
import type { QueryRequest, QueryResponse } from './query.api';

/** Sorting, text filtering and search indexing of a big table, off the page's thread. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let table: AccountTable | null = null;

const post = (msg: QueryResponse, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

scope.onmessage = (e: MessageEvent<QueryRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'load') {
      table = req.table;
      post({ type: 'loaded', id: req.id });
      return;
    }
    if (!table) throw new Error('No table loaded.');
    if (req.type === 'rows') {
      const filtered = filterByText(table, req.rows, req.text);
      const rows = req.sort ? sortPermutation(table, filtered, req.sort.key, req.sort.dir) : filtered;
      post({ type: 'rows', id: req.id, rows }, [rows.buffer as ArrayBuffer]);
      return;
    }
    const { table: _t, marks: _m, ...index } = buildSearchIndex(table);
    post({ type: 'index', id: req.id, index }, [index.wordStart.buffer, index.postings.buffer, index.firstWord.buffer, index.wordCount.buffer, index.idSlots.buffer] as ArrayBuffer[]);
  } catch (err) {
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
};
