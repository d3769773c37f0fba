import { readFileSync } from 'node:fs';
import { byteSourceFromBytes } from '../../src/core/import/byte-source';
import { previewCsv } from '../../src/core/import/preview';
import { importAccountsCsv } from '../../src/core/import/run-import';
import { loadZipTableFromDisk } from '../../src/core/geo/zip-table-node';

/**
 * What the import core makes of a file with its guessed mapping, computed in Node: the browser
 * must show the same counts, and MapLibre must draw every imported account.
 */
export async function expectedImport(file: string): Promise<{ rows: number; imported: number; rejected: number; issues: number }> {
  const bytes = new Uint8Array(readFileSync(file));
  const preview = await previewCsv(byteSourceFromBytes(bytes), file, 'accounts');
  const r = await importAccountsCsv(byteSourceFromBytes(bytes), { mapping: preview.mapping, zips: loadZipTableFromDisk() });
  return { rows: r.stats.rows, imported: r.stats.imported, rejected: r.stats.rejected, issues: r.issues.length };
}
