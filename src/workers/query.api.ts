import type { AccountTable } from '../core/accounts/table';
import type { SearchIndex } from '../core/query/search-index';
import type { SortDir, SortKey } from '../core/query/sort';

/** The search index as it crosses from the worker: the page attaches its own table and scratch space. */
export type PortableSearchIndex = Omit<SearchIndex, 'table' | 'marks'>;

export type QueryRequest =
  | { type: 'load'; id: number; table: AccountTable }
  | { type: 'rows'; id: number; rows: Uint32Array; text: string; sort: { key: SortKey; dir: SortDir } | null }
  | { type: 'index'; id: number };

export type QueryResponse =
  | { type: 'loaded'; id: number }
  | { type: 'rows'; id: number; rows: Uint32Array }
  | { type: 'index'; id: number; index: PortableSearchIndex }
  | { type: 'error'; id: number; message: string };
