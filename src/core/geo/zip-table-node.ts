import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseZipTable, type ZipTable } from './zip-table';

/** Node only (scripts, tests, the generator); the browser uses zip-table-fetch.ts. */
export const ZIP_TABLE_PATH = fileURLToPath(new URL('../../../public/data/zips.json', import.meta.url));

let cached: ZipTable | undefined;

/** Parsed once per process: tests in one worker and the generator share it. */
export function loadZipTableFromDisk(path: string = ZIP_TABLE_PATH): ZipTable {
  if (path !== ZIP_TABLE_PATH) return parseZipTable(JSON.parse(readFileSync(path, 'utf8')));
  cached ??= parseZipTable(JSON.parse(readFileSync(path, 'utf8')));
  return cached;
}
