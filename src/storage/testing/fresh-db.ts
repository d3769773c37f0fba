import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeDatabase } from '../connection';

/** Drops the shared connection and swaps in an empty in-memory IndexedDB, so every test starts from nothing. */
export async function freshIndexedDB(): Promise<IDBFactory> {
  await closeDatabase();
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  return factory;
}
