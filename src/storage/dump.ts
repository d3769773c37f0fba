import { DB_NAME } from './schema';
import { fromJson, toJson, type Json } from './typed-json';

/**
 * A whole IndexedDB database as JSON: its version, every store's definition and every record.
 * Committed dumps of each schema version (fixtures/storage/vN/) prove that today's code still opens
 * what older releases wrote. This file uses the raw IndexedDB API rather than the app's schema
 * code on purpose: a restored dump must be exactly the old layout, not what today's upgrade makes.
 */
export interface DatabaseDump {
  format: typeof DUMP_FORMAT;
  database: string;
  version: number;
  stores: StoreDump[];
}

export interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  /** `key` is left out for stores with in-line keys (keyPath), where the value carries it */
  records: { key?: Json; value: Json }[];
}

export const DUMP_FORMAT = 'territory-planner/idb-dump@1';

export async function dumpDatabase(name: string = DB_NAME, factory: IDBFactory = globalThis.indexedDB): Promise<DatabaseDump> {
  const db = await openExisting(factory, name);
  try {
    const names = [...db.objectStoreNames].sort();
    const stores: StoreDump[] = [];
    if (names.length > 0) {
      const tx = db.transaction(names, 'readonly');
      for (const storeName of names) {
        const store = tx.objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        stores.push({
          name: storeName,
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes: [...store.indexNames].sort().map((n) => {
            const ix = store.index(n);
            return { name: n, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
          }),
          records: values.map((v, i) => (store.keyPath === null ? { key: toJson(keys[i]), value: toJson(v) } : { value: toJson(v) })),
        });
      }
    }
    return { format: DUMP_FORMAT, database: name, version: db.version, stores };
  } finally {
    db.close();
  }
}

/** Creates the database of the dump, at the dump's version, with its stores and records. Refuses to touch an existing database. */
export async function restoreDump(dump: DatabaseDump, factory: IDBFactory = globalThis.indexedDB, name: string = dump.database): Promise<void> {
  if (dump.format !== DUMP_FORMAT) throw new Error(`Not a database dump (format ${String(dump.format)})`);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    let created = false;
    const open = factory.open(name, dump.version);
    open.onupgradeneeded = (e) => {
      const tx = open.transaction!;
      if (e.oldVersion !== 0) {
        tx.abort();
        return;
      }
      created = true;
      for (const s of dump.stores) {
        const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const ix of s.indexes) store.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
      }
    };
    open.onsuccess = () => {
      if (created) return resolve(open.result);
      open.result.close();
      reject(new Error(`Database ${name} already exists; restore a dump only into an empty one`));
    };
    open.onerror = () => reject(open.error ?? new Error(`Cannot create database ${name} (it may already exist at a newer version)`));
  });
  try {
    if (dump.stores.length === 0) return;
    const tx = db.transaction(dump.stores.map((s) => s.name), 'readwrite');
    for (const s of dump.stores) {
      const store = tx.objectStore(s.name);
      for (const r of s.records) {
        if (r.key === undefined) store.put(fromJson(r.value));
        else store.put(fromJson(r.value), fromJson(r.key) as IDBValidKey);
      }
    }
    await done(tx);
  } finally {
    db.close();
  }
}

export function dumpToText(dump: DatabaseDump): string {
  return `${JSON.stringify(dump, null, 2)}\n`;
}

export function parseDump(text: string): DatabaseDump {
  const dump = JSON.parse(text) as DatabaseDump;
  if (dump?.format !== DUMP_FORMAT) throw new Error('Not a Territory Planner database dump');
  return dump;
}

// Opening without a version would silently create an empty database; abort that instead.
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name);
    open.onupgradeneeded = () => open.transaction!.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(`No database named ${name} to dump`));
  });
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('Restore aborted'));
  });
}
