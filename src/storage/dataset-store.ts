import type { IDBPTransaction } from 'idb';
import type { Rep } from '../core/accounts/account';
import { AccountTableBuilder, concatTables, type AccountTable } from '../core/accounts/table';
import { chunksOf, chunkToTable, dictionariesOf, type ChunkDictionaries } from './chunks';
import { openDatabase } from './connection';
import { ConflictError, CorruptDataError, toStorageError } from './errors';
import {
  CHUNK_ROWS,
  DATA_STORES,
  META_KEY,
  REPS_KEY,
  type AccountChunkRecord,
  type DatasetMeta,
  type DatasetSource,
  type TerritoryDB,
} from './schema';

export { openDatabase, closeDatabase, type TerritoryDatabase } from './connection';
export { getSetting, setSetting, deleteSetting } from './settings';

export interface StoredDataset {
  accounts: AccountTable;
  reps: Rep[];
  meta: DatasetMeta;
}

export interface DatasetToSave {
  accounts: AccountTable;
  reps: readonly Rep[];
  source: DatasetSource;
}

export interface WriteOptions {
  /** the revision this tab last loaded (0 when nothing was ever stored); another value in the store means another tab saved */
  expectedRevision: number;
}

export interface SaveDatasetOptions extends WriteOptions {
  /** rows per chunk; only fixtures and tests lower it */
  chunkRows?: number;
}

/** The revision to pass as expectedRevision when loadDataset found nothing. */
export async function readRevision(): Promise<number> {
  const db = await openDatabase();
  return (await db.get('meta', META_KEY))?.revision ?? 0;
}

/** The meta record alone: revision and source without reading any chunk. */
export async function readMeta(): Promise<DatasetMeta | undefined> {
  const db = await openDatabase();
  return db.get('meta', META_KEY);
}

/** The stored reps alone, without reading the account chunks. */
export async function loadReps(): Promise<Rep[]> {
  const db = await openDatabase();
  return (await db.get('reps', REPS_KEY)) ?? [];
}

/** Everything stored, or null when neither accounts nor reps are. One read transaction, so never a mix of two saves. */
export async function loadDataset(): Promise<StoredDataset | null> {
  const db = await openDatabase();
  const tx = db.transaction(DATA_STORES, 'readonly');
  const [meta, reps] = await Promise.all([tx.objectStore('meta').get(META_KEY), tx.objectStore('reps').get(REPS_KEY)]);
  const chunks = meta?.generation != null ? await tx.objectStore('accountChunks').getAll(generationRange(meta.generation)) : [];
  await tx.done;
  if (!meta || (meta.generation === null && !reps?.length)) return null;
  return { accounts: assemble(meta, chunks), reps: reps ?? [], meta };
}

/**
 * Replaces accounts and reps in ONE transaction: the new chunks go under a new generation, the
 * meta record switches to it, the old generation is deleted. If anything fails (quota, abort, the
 * tab closing) IndexedDB rolls the whole transaction back and the previous dataset stays intact.
 */
export async function saveDataset(data: DatasetToSave, options: SaveDatasetOptions): Promise<{ revision: number }> {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  return writeAtRevision(options.expectedRevision, (tx, _meta, revision) => {
    const chunks = tx.objectStore('accountChunks');
    let chunkCount = 0;
    for (const c of chunksOf(data.accounts, revision, chunkRows)) {
      quiet(chunks.put(c));
      chunkCount++;
    }
    quiet(tx.objectStore('reps').put([...data.reps], REPS_KEY));
    quiet(
      tx.objectStore('meta').put(
        {
          revision,
          generation: revision,
          source: data.source,
          accountCount: data.accounts.count,
          chunkCount,
          chunkRows,
          updatedAt: Date.now(),
          ...dictionariesOf(data.accounts),
        },
        META_KEY,
      ),
    );
    // Generations are revisions, so every other generation sorts before or after this one.
    quiet(chunks.delete(IDBKeyRange.upperBound([revision], true)));
    quiet(chunks.delete(IDBKeyRange.lowerBound([revision + 1])));
  });
}

/** Replaces the reps only; the accounts stay as they are. */
export async function saveReps(reps: readonly Rep[], options: WriteOptions): Promise<{ revision: number }> {
  return writeAtRevision(options.expectedRevision, (tx, meta, revision) => {
    quiet(tx.objectStore('reps').put([...reps], REPS_KEY));
    quiet(tx.objectStore('meta').put({ ...(meta ?? emptyMeta()), revision, updatedAt: Date.now() }, META_KEY));
  });
}

/**
 * Removes accounts and reps; settings stay. The meta record stays too, with a higher revision, so a
 * tab still holding the cleared data cannot save it back over the clear without a ConflictError.
 */
export async function clearAll(options: Partial<WriteOptions> = {}): Promise<{ revision: number }> {
  return writeAtRevision(options.expectedRevision, (tx, _meta, revision) => {
    quiet(tx.objectStore('accountChunks').clear());
    quiet(tx.objectStore('reps').clear());
    quiet(tx.objectStore('meta').put({ ...emptyMeta(), revision }, META_KEY));
  });
}

type DataTx = IDBPTransaction<TerritoryDB, typeof DATA_STORES, 'readwrite'>;

/**
 * Checks the revision and writes inside the same transaction, so two tabs saving from the same
 * revision cannot both succeed. `write` must only queue requests (no awaits): the transaction
 * then commits all of them or none.
 */
async function writeAtRevision(
  expectedRevision: number | undefined,
  write: (tx: DataTx, meta: DatasetMeta | undefined, revision: number) => void,
): Promise<{ revision: number }> {
  const db = await openDatabase();
  const tx = db.transaction(DATA_STORES, 'readwrite');
  try {
    const meta = await tx.objectStore('meta').get(META_KEY);
    const current = meta?.revision ?? 0;
    if (expectedRevision !== undefined && current !== expectedRevision) throw new ConflictError(expectedRevision, current);
    write(tx, meta, current + 1);
    await tx.done;
    return { revision: current + 1 };
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already aborted or finished by the browser
    }
    await tx.done.catch(() => undefined);
    throw toStorageError(e, tx);
  }
}

// Failures of single requests surface through tx.done; without a handler each would also be an unhandled rejection.
function quiet(p: Promise<unknown>): void {
  p.catch(() => undefined);
}

function generationRange(generation: number): IDBKeyRange {
  return IDBKeyRange.bound([generation], [generation + 1], false, true);
}

function emptyMeta(): DatasetMeta {
  return {
    revision: 0,
    generation: null,
    source: null,
    accountCount: 0,
    chunkCount: 0,
    chunkRows: CHUNK_ROWS,
    updatedAt: Date.now(),
    labels: { segment: [''], classification: [''], owner: [''] },
    extraHeaders: [],
  };
}

function assemble(meta: DatasetMeta, chunks: AccountChunkRecord[]): AccountTable {
  if (meta.generation === null) return emptyTableWith(meta);
  if (chunks.length !== meta.chunkCount) throw new CorruptDataError(`${chunks.length} of ${meta.chunkCount} chunks found`);
  let rows = 0;
  chunks.forEach((c, i) => {
    if (c.index !== i || c.start !== rows) throw new CorruptDataError(`chunk ${i} is out of place`);
    rows += c.count;
  });
  if (rows !== meta.accountCount) throw new CorruptDataError(`${rows} of ${meta.accountCount} accounts found`);
  if (chunks.length === 0) return emptyTableWith(meta);
  return concatTables(chunks.map((c) => chunkToTable(c, meta)));
}

// An empty table that still knows the dataset's extra headers and labels.
function emptyTableWith(d: ChunkDictionaries): AccountTable {
  const t = new AccountTableBuilder(d.extraHeaders, 0).finish();
  return {
    ...t,
    segment: { codes: t.segment.codes, labels: d.labels.segment },
    classification: { codes: t.classification.codes, labels: d.labels.classification },
    owner: { codes: t.owner.codes, labels: d.labels.owner },
  };
}
