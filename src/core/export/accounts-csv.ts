import type { Rep } from '../accounts/account';
import type { Categorical } from '../accounts/categorical';
import type { PackedStrings } from '../accounts/packed-strings';
import type { AccountTable } from '../accounts/table';
import { normalizeZip } from '../geo/zip-normalize';
import { uniqueHeaders } from '../import/unique-headers';
import type { Plan } from '../plan/plan';
import { csvRow, safeCell } from './csv-safe';
import type { Ownership } from './territory-of-account';

/**
 * Accounts with their territory and rep as a spreadsheet-safe CSV (csv-safe.ts: CRLF, UTF-8 BOM,
 * every cell through safeCell, so formula-looking text gets an apostrophe and plain numbers,
 * negative ones included, stay numbers).
 *
 * Produced as a generator of chunks of `rowsPerChunk` rows: a million accounts make ~150 MB of
 * text, which the page writes as `new Blob([...chunks])` (or into a WritableStream) without ever
 * holding one giant string, and a worker can post chunks as it goes.
 *
 * ZIP codes: written as the 5-digit text with its leading zeros ("02139"), normalised when the
 * table kept a damaged form ("2139", "2139.0", ZIP+4); anything that is not a US ZIP is written as
 * the file gave it. We deliberately write no `="02139"` or apostrophe trick: the first is a formula
 * (exactly what safeCell exists to prevent, and it breaks every non-spreadsheet reader), the
 * second shows up as data in GIS tools, databases and our own re-import. The file is correct text;
 * a spreadsheet that turns ZIP cells into numbers on a double-click open is told otherwise by
 * importing with that column as Text (Excel: Data › From Text/CSV), and our own importer repairs a
 * stripped ZIP anyway (zip-normalize.ts).
 *
 * Empty numbers (NaN in the table) are empty cells, never 0.
 */

export const ACCOUNT_CSV_COLUMNS = [
  'Account ID',
  'Name',
  'Street',
  'City',
  'State',
  'ZIP',
  'Latitude',
  'Longitude',
  'Segment',
  'Classification',
  'Last-year revenue',
  'Revenue potential',
  'Visits per year',
  'Territory',
  'Territory ID',
  'Rep',
] as const;

export interface AccountsCsvOptions {
  /** UTF-8 byte order mark first, so Excel reads the file as UTF-8; default true */
  bom?: boolean;
  /** rows per yielded chunk; default 8192 (~1 MB of text) */
  rowsPerChunk?: number;
}

/** The header row plus the table's extra columns, repeats renamed as the import does ("Territory (2)"). */
export function accountsCsvHeaders(table: AccountTable): string[] {
  return uniqueHeaders([...ACCOUNT_CSV_COLUMNS, ...table.extra.map((e) => e.header)]);
}

/**
 * The CSV as chunks; join them (or hand them to a Blob) for the file. The first chunk is the
 * header row (with the BOM); each chunk ends with CRLF. `owners` is territoryOfAccounts' result
 * for the same table and plan; `reps` names the territories' reps (a rep missing from the reps
 * file is written as its id).
 */
export function* accountsToCsv(
  table: AccountTable,
  plan: Plan,
  owners: Ownership,
  reps: readonly Rep[],
  opts: AccountsCsvOptions = {},
): Generator<string, void, undefined> {
  const n = table.count;
  if (owners.territory.length !== n) throw new Error('The ownership does not match the account table');
  const chunkRows = Math.max(1, opts.rowsPerChunk ?? 8192);
  yield ((opts.bom ?? true) ? '\ufeff' : '') + csvRow(accountsCsvHeaders(table)) + '\r\n';

  // cells that repeat (territory, rep, dictionary labels) go through safeCell once each; a
  // territory's three cells are kept pre-joined as one entry of the row
  const repName = new Map(reps.map((r) => [r.id, r.name]));
  const tCells = plan.territories.map((t) => {
    const rep = t.repId === null ? '' : (repName.get(t.repId) ?? t.repId);
    return `${safeCell(t.name)},${safeCell(t.id)},${safeCell(rep)}`;
  });
  const noTerritory = ',,';
  const segment = labelCells(table.segment);
  const classification = labelCells(table.classification);
  const { territory } = owners;
  const nExtra = table.extra.length;
  // one reused array per row and Array#join: V8 builds the line as one flat string, where `+`
  // chains leave ~30 rope nodes per row for the GC (a million rows took 4 s that way, 2 s this way)
  const cells = new Array<string>(14 + nExtra);

  for (let s = 0; s < n; s += chunkRows) {
    const e = Math.min(n, s + chunkRows);
    const id = decodeRows(table.id, s, e);
    const name = decodeRows(table.name, s, e);
    const street = decodeRows(table.street, s, e);
    const city = decodeRows(table.city, s, e);
    const state = decodeRows(table.state, s, e);
    const zip = decodeRows(table.zip, s, e);
    const extra = table.extra.map((x) => decodeRows(x.values, s, e));
    // a trailing '' so the join ends the chunk with CRLF
    const lines = new Array<string>(e - s + 1);
    for (let a = s; a < e; a++) {
      const i = a - s;
      const t = territory[a];
      cells[0] = safeCell(id[i]);
      cells[1] = safeCell(name[i]);
      cells[2] = safeCell(street[i]);
      cells[3] = safeCell(city[i]);
      cells[4] = safeCell(state[i]);
      cells[5] = safeCell(zipText(zip[i]));
      cells[6] = safeCell(numberText(table.lat[a]));
      cells[7] = safeCell(numberText(table.lon[a]));
      cells[8] = segment[table.segment.codes[a]];
      cells[9] = classification[table.classification.codes[a]];
      cells[10] = safeCell(numberText(table.revenue[a]));
      cells[11] = safeCell(numberText(table.potential[a]));
      cells[12] = safeCell(float32Text(table.visits[a]));
      cells[13] = t >= 0 && t < tCells.length ? tCells[t] : noTerritory;
      for (let x = 0; x < nExtra; x++) cells[14 + x] = safeCell(extra[x][i]);
      lines[i] = cells.join(',');
    }
    lines[e - s] = '';
    yield lines.join('\r\n');
  }
}

function labelCells(c: Categorical): string[] {
  return c.labels.map((l) => safeCell(l));
}

const FIVE_DIGITS = /^\d{5}$/;

function zipText(raw: string): string {
  if (raw === '' || FIVE_DIGITS.test(raw)) return raw;
  return normalizeZip(raw) ?? raw;
}

/** Shortest text that reads back as the same double; '' for an empty cell (NaN). */
function numberText(v: number): string {
  return v === v ? String(v) : '';
}

/**
 * Visits are stored as float32: String(0.1f) would print 0.10000000149011612. The shortest
 * decimal that rounds to the same float32 is what the file said.
 */
function float32Text(v: number): string {
  if (v !== v) return '';
  if (Number.isInteger(v)) return String(v);
  for (let p = 1; p < 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(v);
}

const decoder = new TextDecoder();

/**
 * Strings of rows start..end of a packed column with one TextDecoder call for the whole range
 * instead of one per row (per-row decoding was most of the export's time). The row boundaries
 * are byte offsets; for pure-ASCII ranges they are also string offsets, otherwise they are
 * converted by counting UTF-8 lead bytes (4-byte sequences are two UTF-16 units).
 */
function decodeRows(col: PackedStrings, start: number, end: number): string[] {
  const { bytes, offsets } = col;
  const b0 = offsets[start];
  const b1 = offsets[end];
  const text = decoder.decode(bytes.subarray(b0, b1));
  const out = new Array<string>(end - start);
  if (text.length === b1 - b0) {
    for (let r = start; r < end; r++) out[r - start] = text.slice(offsets[r] - b0, offsets[r + 1] - b0);
    return out;
  }
  let pos = b0;
  let ch = 0;
  for (let r = start; r < end; r++) {
    const from = ch;
    const stop = offsets[r + 1];
    for (; pos < stop; pos++) {
      const b = bytes[pos];
      if ((b & 0xc0) !== 0x80) ch += b >= 0xf0 ? 2 : 1;
    }
    out[r - start] = text.slice(from, ch);
  }
  return out;
}
