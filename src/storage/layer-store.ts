import { openDatabase } from './connection';
import { toStorageError } from './errors';
import type { LayerRecord } from './schema';

/**
 * The user's own boundary layers (schema v3). One record per layer, written whole: a layer is
 * imported once and never edited, so there is no revision to check; a re-import of the same file
 * name replaces it (its plans keep their unit ids and reopen on the new shapes).
 */

/** Every stored layer's id and file name, without the topologies (cheap enough for a menu). */
export async function listLayers(): Promise<{ id: string; fileName: string; unitCount: number; savedAt: number }[]> {
  const db = await openDatabase();
  const out: { id: string; fileName: string; unitCount: number; savedAt: number }[] = [];
  // A cursor instead of getAll, so a menu never clones every topology at once.
  let cursor = await db.transaction('layers').store.openCursor();
  while (cursor) {
    const { id, fileName, unitCount, savedAt } = cursor.value;
    out.push({ id, fileName, unitCount, savedAt });
    cursor = await cursor.continue();
  }
  return out.sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1));
}

export async function loadLayer(id: string): Promise<LayerRecord | null> {
  const db = await openDatabase();
  return (await db.get('layers', id)) ?? null;
}

export async function saveLayer(record: LayerRecord): Promise<void> {
  const db = await openDatabase();
  try {
    await db.put('layers', record);
  } catch (e) {
    throw toStorageError(e);
  }
}

export async function deleteLayer(id: string): Promise<void> {
  const db = await openDatabase();
  await db.delete('layers', id);
}
