import type { AccountTable } from '../core/accounts/table';
import type { Rep } from '../core/accounts/account';
import type { CsvPreview, ImportIssue, ImportOptions, ImportStats, MergeSummary } from '../core/import/types';

/** What kind of file an import reads. */
export type ImportKind = 'accounts' | 'reps';
/** merge: update accounts by id and add new ones; replace: the file becomes the whole account list. */
export type ImportMode = 'merge' | 'replace';
export type DataSource = 'demo' | 'import';

export interface DatasetMeta {
  source: DataSource;
  revision: number;
  updatedAt: string;
}

export interface LoadedDataset {
  accounts: AccountTable;
  reps: Rep[];
  meta: DatasetMeta;
}

export type ImportPhase = 'reading' | 'merging' | 'saving';

export interface ImportResult {
  kind: ImportKind;
  stats: ImportStats;
  merge: MergeSummary | null;
  issues: ImportIssue[];
  /** the stored data after the import */
  dataset: LoadedDataset;
  encodingNote?: string;
}

export type ErrorCode = 'storage-full' | 'conflict' | 'bad-file' | 'cancelled' | 'bug';

export type DataRequest =
  | { type: 'load'; id: number }
  | { type: 'preview'; id: number; file: Blob; fileName: string; kind: ImportKind }
  | {
      type: 'import';
      id: number;
      file: Blob;
      fileName: string;
      kind: ImportKind;
      options: ImportOptions;
      mode: ImportMode;
      source: DataSource;
      expectedRevision: number;
    }
  | { type: 'demo'; id: number; accountsUrl: string; repsUrl: string }
  | { type: 'cancel'; id: number }
  | { type: 'clear'; id: number; expectedRevision: number };

export type DataResponse =
  | { type: 'loaded'; id: number; dataset: LoadedDataset | null }
  | { type: 'preview'; id: number; preview: CsvPreview }
  | { type: 'progress'; id: number; phase: ImportPhase; done: number; total: number }
  | { type: 'imported'; id: number; result: ImportResult }
  | { type: 'cleared'; id: number; revision: number }
  | { type: 'error'; id: number; code: ErrorCode; message: string };
