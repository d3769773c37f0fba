import { openDatabase } from './connection';
import { toStorageError } from './errors';
import type { Settings } from './schema';

/**
 * User preferences, one record per key. They carry no revision: they are small, independent, and
 * the last tab to change one should simply win. They are also left alone by clearAll.
 */
export async function getSetting<K extends keyof Settings>(key: K): Promise<Settings[K] | undefined> {
  const db = await openDatabase();
  return (await db.get('settings', key)) as Settings[K] | undefined;
}

export async function setSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  const db = await openDatabase();
  try {
    await db.put('settings', value, key);
  } catch (e) {
    throw toStorageError(e);
  }
}

export async function deleteSetting(key: keyof Settings): Promise<void> {
  const db = await openDatabase();
  await db.delete('settings', key);
}
