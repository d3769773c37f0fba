import { openDB, type IDBPDatabase } from 'idb';
import { NewerSchemaError } from './errors';
import { DB_NAME, SCHEMA_VERSION, upgrade, type TerritoryDB } from './schema';

export type TerritoryDatabase = IDBPDatabase<TerritoryDB>;

/**
 * One connection per realm (page or worker), opened on first use. Works without DOM globals: idb
 * reads `indexedDB` from globalThis, which pages and workers both have.
 */
let connection: Promise<TerritoryDatabase> | null = null;

export function openDatabase(): Promise<TerritoryDatabase> {
  connection ??= open().catch((e: unknown) => {
    connection = null;
    throw e;
  });
  return connection;
}

/** Closes the shared connection; the next call to openDatabase opens a new one (tests swap factories this way). */
export async function closeDatabase(): Promise<void> {
  const c = connection;
  connection = null;
  if (c) (await c.catch(() => null))?.close();
}

async function open(): Promise<TerritoryDatabase> {
  if (!globalThis.indexedDB) throw new Error('This browser offers no local database (IndexedDB), so nothing can be saved here. Private browsing can cause this.');
  try {
    return await openDB<TerritoryDB>(DB_NAME, SCHEMA_VERSION, {
      upgrade,
      // A newer release opened in another tab wants to upgrade: step aside instead of blocking it.
      // Our next operation reopens and, being older, gets NewerSchemaError.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        connection = null;
      },
      terminated() {
        connection = null;
      },
    });
  } catch (e) {
    if ((e as { name?: unknown } | null)?.name === 'VersionError') throw new NewerSchemaError({ cause: e });
    throw e;
  }
}
