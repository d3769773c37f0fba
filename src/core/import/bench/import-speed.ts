/**
 * Measures the accounts import on synthetic rows in Node:
 *   npx tsx src/core/import/bench/import-speed.ts [rows]
 * "importer" is createAccountImporter alone, fed 30,000-row batches as csv-stream hands them over
 * (parsed by papaparse beforehand, so the cells are the kind of strings a real import sees; the
 * parsing is not timed). "file" is the whole path from bytes: decode, papaparse, import.
 * The machine's load matters: compare runs on the same machine only.
 */
import Papa from 'papaparse';
import { performance } from 'node:perf_hooks';
import { loadZipTableFromDisk } from '../../geo/zip-table-node';
import { createAccountImporter } from '../accounts-csv';
import { byteSourceFromBytes } from '../byte-source';
import { importAccountsCsv } from '../run-import';
import { syntheticAccountRows, SYNTHETIC_HEADERS, SYNTHETIC_MAPPING } from '../test-support/synthetic';

const n = Number(process.argv[2] ?? 1_000_000);
const BATCH = 30_000;
const zips = loadZipTableFromDisk();
const csvLine = (r: string[]) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

const texts: string[] = [];
for (let i = 0; i < n; i += BATCH) texts.push(syntheticAccountRows(i, Math.min(n, i + BATCH), zips).map(csvLine).join('\n'));

const walls: number[] = [];
for (let round = 0; round < 5; round++) {
  let timed = 0;
  const imp = createAccountImporter({ headers: SYNTHETIC_HEADERS, mapping: SYNTHETIC_MAPPING, zips, expectedRows: n });
  for (let k = 0; k < texts.length; k++) {
    const batch = Papa.parse<string[]>(texts[k], { delimiter: ',', newline: '\n' }).data;
    const t = performance.now();
    imp.pushRows(batch, k * BATCH);
    timed += performance.now() - t;
  }
  const t = performance.now();
  const { stats } = imp.finish();
  timed += performance.now() - t;
  walls.push(timed);
  console.log(`importer: ${n.toLocaleString('en-US')} rows in ${timed.toFixed(0)} ms; imported ${stats.imported}, rejected ${stats.rejected}`);
}
walls.sort((a, b) => a - b);
console.log(`importer: best ${walls[0].toFixed(0)} ms, median ${walls[2].toFixed(0)} ms`);

const bytes = new TextEncoder().encode(SYNTHETIC_HEADERS.join(',') + '\n' + texts.join('\n'));
texts.length = 0;
for (let round = 0; round < 2; round++) {
  const t = performance.now();
  const { stats } = await importAccountsCsv(byteSourceFromBytes(bytes), { mapping: SYNTHETIC_MAPPING, zips });
  console.log(`file: ${(bytes.length / 1e6).toFixed(0)} MB, ${stats.imported.toLocaleString('en-US')} rows in ${(performance.now() - t).toFixed(0)} ms`);
}
