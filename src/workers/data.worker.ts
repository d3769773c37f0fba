/// <reference lib="webworker" />
import { emptyTable, tableBuffers, type AccountTable } from '../core/accounts/table';
import type { AccountRole, Rep } from '../core/accounts/account';
import { byteSourceFromFile } from '../core/import/byte-source';
import { ImportError, isAbortError } from '../core/import/errors';
import { importAccountsCsv, importRepsCsv } from '../core/import/run-import';
import { previewCsv } from '../core/import/preview';
import { mergeById } from '../core/import/merge';
import type { ColumnMapping, CsvPreview, ImportOptions, RepRole } from '../core/import/types';
import { loadZipTable } from '../core/geo/zip-table-fetch';
import type { ZipTable } from '../core/geo/zip-table';
import { clearAll, loadDataset, loadReps, readMeta, readRevision, saveDataset, saveReps, type StoredDataset } from '../storage/dataset-store';
import { ConflictError, StorageFullError } from '../storage/errors';
import type { DataRequest, DataResponse, DataSource, ErrorCode, ImportKind, ImportMode, ImportResult, LoadedDataset } from './data.api';

/**
 * The data worker: previews, parses, merges and stores files, and loads what is stored, so the
 * page never parses or serialises a big table itself. It holds no state between requests but the
 * ZIP table and the abort controllers of running imports.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
let zipTable: Promise<ZipTable> | null = null;

const zips = (): Promise<ZipTable> => (zipTable ??= loadZipTable(new URL('/data/zips.json', scope.location.origin).href));

function post(msg: DataResponse, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

function toLoaded(stored: StoredDataset): LoadedDataset {
  return {
    accounts: stored.accounts,
    reps: stored.reps,
    meta: { source: stored.meta.source ?? 'import', revision: stored.meta.revision, updatedAt: new Date(stored.meta.updatedAt).toISOString() },
  };
}

/** What is stored; after "Clear all data" that is an empty data set, not a reason to load the demo again. */
async function load(): Promise<LoadedDataset | null> {
  const stored = await loadDataset();
  if (stored) return toLoaded(stored);
  const revision = await readRevision();
  if (revision === 0) return null;
  return { accounts: emptyTable(), reps: [], meta: { source: 'import', revision, updatedAt: new Date().toISOString() } };
}

function sendDataset(id: number, result: ImportResult): void {
  post({ type: 'imported', id, result }, tableBuffers(result.dataset.accounts));
}

async function runImport(
  id: number,
  args: { file: Blob; kind: ImportKind; options: ImportOptions<AccountRole> | ImportOptions<RepRole>; mode: ImportMode; source: DataSource; expectedRevision: number },
  signal: AbortSignal,
): Promise<ImportResult> {
  const source = byteSourceFromFile(args.file);
  let lastPost = 0;
  const onProgress = (done: number, total: number) => {
    const now = performance.now();
    if (now - lastPost < 100 && done < total) return;
    lastPost = now;
    post({ type: 'progress', id, phase: 'reading', done, total });
  };
  const zipLookup = await zips();
  if (args.kind === 'reps') {
    const r = await importRepsCsv(source, { mapping: args.options.mapping as ColumnMapping<RepRole>, swapRows: args.options.swapRows, zips: zipLookup, signal, onProgress });
    if (signal.aborted) throw new ImportError('cancelled', 'Import cancelled.');
    post({ type: 'progress', id, phase: 'saving', done: 0, total: 1 });
    const { revision } = await saveReps(r.reps, { expectedRevision: args.expectedRevision });
    const stored = await loadDataset();
    const dataset = stored ? toLoaded(stored) : { accounts: emptyTable(), reps: r.reps, meta: { source: 'import' as const, revision, updatedAt: new Date().toISOString() } };
    return { kind: 'reps', stats: r.stats, merge: null, issues: r.issues, dataset, encodingNote: r.encoding.note };
  }

  const r = await importAccountsCsv(source, { mapping: args.options.mapping as ColumnMapping<AccountRole>, swapRows: args.options.swapRows, zips: zipLookup, signal, onProgress });
  if (signal.aborted) throw new ImportError('cancelled', 'Import cancelled.');
  let accounts: AccountTable = r.table;
  let reps: Rep[] = [];
  let merge: ImportResult['merge'] = null;
  // Replacing needs only the reps; merging needs the stored accounts too. saveDataset re-checks the revision.
  const stored = args.mode === 'merge' ? await loadDataset() : null;
  // Replacing the demo replaces all of it: the demo's reps would be strangers to the user's accounts.
  const replacingDemo = args.mode === 'replace' && (await readMeta())?.source === 'demo';
  reps = stored ? stored.reps : replacingDemo ? [] : await loadReps();
  if (args.mode === 'merge' && stored && stored.accounts.count > 0) {
    post({ type: 'progress', id, phase: 'merging', done: 0, total: 1 });
    // A file without, say, a revenue column must not wipe the stored revenues.
    const incomingRoles = Object.keys(args.options.mapping) as AccountRole[];
    const merged = mergeById(stored.accounts, r.table, { incomingRoles });
    accounts = merged.table;
    merge = merged.summary;
  } else {
    merge = { added: r.table.count, changed: 0, unchanged: 0, kept: 0 };
  }
  if (signal.aborted) throw new ImportError('cancelled', 'Import cancelled.');
  post({ type: 'progress', id, phase: 'saving', done: 0, total: 1 });
  const { revision } = await saveDataset({ accounts, reps, source: args.source }, { expectedRevision: args.expectedRevision });
  return {
    kind: 'accounts',
    stats: r.stats,
    merge,
    issues: r.issues,
    encodingNote: r.encoding.note,
    dataset: { accounts, reps, meta: { source: args.source, revision, updatedAt: new Date().toISOString() } },
  };
}

/** First start: the demo accounts and reps go through the same importer as a user's files. */
async function loadDemo(id: number, accountsUrl: string, repsUrl: string): Promise<ImportResult> {
  const [accountsBlob, repsBlob] = await Promise.all([fetchBlob(accountsUrl), fetchBlob(repsUrl)]);
  const zipLookup = await zips();
  const accountsPreview = await previewCsv(byteSourceFromFile(accountsBlob), 'demo accounts', 'accounts');
  const repsPreview = await previewCsv(byteSourceFromFile(repsBlob), 'demo reps', 'reps');
  const a = await importAccountsCsv(byteSourceFromFile(accountsBlob), {
    mapping: accountsPreview.mapping as ColumnMapping<AccountRole>,
    zips: zipLookup,
    onProgress: (done, total) => post({ type: 'progress', id, phase: 'reading', done, total }),
  });
  const r = await importRepsCsv(byteSourceFromFile(repsBlob), { mapping: repsPreview.mapping as ColumnMapping<RepRole>, zips: zipLookup });
  const expectedRevision = await readRevision();
  const { revision } = await saveDataset({ accounts: a.table, reps: r.reps, source: 'demo' }, { expectedRevision });
  return {
    kind: 'accounts',
    stats: a.stats,
    merge: null,
    issues: [...a.issues, ...r.issues],
    dataset: { accounts: a.table, reps: r.reps, meta: { source: 'demo', revision, updatedAt: new Date().toISOString() } },
  };
}

async function fetchBlob(url: string): Promise<Blob> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not read the demo data (${res.status} ${url}).`);
  return res.blob();
}

function errorCode(e: unknown): ErrorCode {
  if (e instanceof StorageFullError) return 'storage-full';
  if (e instanceof ConflictError) return 'conflict';
  if (e instanceof ImportError) return e.code === 'cancelled' ? 'cancelled' : 'bad-file';
  if (isAbortError(e)) return 'cancelled';
  return 'bug';
}

function errorMessage(e: unknown): string {
  if (isAbortError(e)) return 'Import cancelled.';
  if (e instanceof Error) return e.message;
  return String(e);
}

scope.onmessage = async (event: MessageEvent<DataRequest>) => {
  const req = event.data;
  if (req.type === 'cancel') {
    running.get(req.id)?.abort();
    return;
  }
  try {
    switch (req.type) {
      case 'load': {
        const dataset = await load();
        post({ type: 'loaded', id: req.id, dataset }, dataset ? tableBuffers(dataset.accounts) : []);
        break;
      }
      case 'preview': {
        const source = byteSourceFromFile(req.file);
        const preview = req.kind === 'reps' ? await previewCsv(source, req.fileName, 'reps') : await previewCsv(source, req.fileName, 'accounts');
        post({ type: 'preview', id: req.id, preview: preview as CsvPreview });
        break;
      }
      case 'import': {
        const controller = new AbortController();
        running.set(req.id, controller);
        try {
          sendDataset(req.id, await runImport(req.id, req, controller.signal));
        } finally {
          running.delete(req.id);
        }
        break;
      }
      case 'demo':
        sendDataset(req.id, await loadDemo(req.id, req.accountsUrl, req.repsUrl));
        break;
      case 'clear': {
        const { revision } = await clearAll({ expectedRevision: req.expectedRevision });
        post({ type: 'cleared', id: req.id, revision });
        break;
      }
    }
  } catch (e) {
    if (errorCode(e) === 'bug') console.error(e);
    post({ type: 'error', id: req.id, code: errorCode(e), message: errorMessage(e) });
  }
};
