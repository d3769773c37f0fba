import type { AccountRole } from '../accounts/account';
import { MAX_CATEGORIES } from '../accounts/categorical';
import { CATEGORY_COLUMNS, type AccountTable } from '../accounts/table';
import { AccountColumnsBuilder } from '../accounts/columns-builder';
import type { ZipLookup } from '../geo/zip-lookup';
import { hashId, IdIndex } from './id-index';
import { IssueLog } from './issue-log';
import { RowLocator, type LocateField } from './locate';
import type { ColumnMapping, ImportIssue, ImportStats } from './types';
import { uniqueHeaders } from './unique-headers';
import { readNumberInto, ReadStatus, type DecimalMark } from './values';

export interface AccountImporterOptions {
  /** the header row's cells as in the file */
  headers: readonly string[];
  mapping: ColumnMapping<AccountRole>;
  zips: ZipLookup;
  /** row numbers (as in ImportIssue.row) whose latitude and longitude are to be swapped */
  swapRows?: readonly number[];
  /** sizes the columns up front; a guess from the file size is plenty */
  expectedRows?: number;
  /** decimal mark for numbers a cell alone cannot settle ("1,250"); ',' suits semicolon files */
  decimal?: DecimalMark;
  /** the spreadsheet row number of the header, when blank lines precede it; default 1 */
  headerRow?: number;
  /** issues kept in the list (all are counted); default 100,000 */
  maxIssues?: number;
}

export interface AccountImportResult {
  table: AccountTable;
  issues: ImportIssue[];
  stats: ImportStats;
}

export interface AccountImporter {
  /**
   * Data rows in file order. `firstDataRowIndex` counts CSV records after the header from 0,
   * blank lines included, so rows[i] is spreadsheet row headerRow + 1 + firstDataRowIndex + i.
   */
  pushRows(rows: readonly string[][], firstDataRowIndex: number): void;
  /** The spreadsheet row number of a data record, for issues found outside pushRows. */
  rowNumber(dataRowIndex: number): number;
  addIssue(issue: ImportIssue): void;
  finish(): AccountImportResult;
}

const NUMBER_ROLES = ['revenue', 'potential', 'visits'] as const;

/**
 * Turns CSV rows into an AccountTable, row by row, keeping what it can and saying why for the rest.
 *
 * Rejected (not imported): empty id when an id column is mapped ('missing-id'); an id already
 * imported from an earlier row ('duplicate-id', the first is kept); a number cell that is not a
 * number ('bad-number'); a row that cannot be placed ('missing-location', 'unknown-zip',
 * 'lat-lon-swapped', or a bad/out-of-range coordinate with no usable ZIP).
 * Imported with a warning: ragged rows, bad coordinates replaced by the ZIP, ZIPs placed by their
 * 3-digit area ('approximate-zip').
 * Silently: empty number cells stay empty (never 0); rows whose cells are all empty are skipped.
 */
export function createAccountImporter(options: AccountImporterOptions): AccountImporter {
  const { headers, mapping, zips } = options;
  const width = headers.length;
  const names = uniqueHeaders(headers);
  const headerRow = options.headerRow ?? 1;
  const decimal = options.decimal ?? '.';
  const swap = new Set(options.swapRows ?? []);
  const col = (role: AccountRole): number => {
    const c = mapping[role];
    return c !== undefined && c >= 0 && c < width ? c : -1;
  };
  const mapped = new Set(Object.values(mapping).filter((c): c is number => c !== undefined));
  const extraCols = names.map((_, i) => i).filter((i) => !mapped.has(i));
  const extraNames = extraCols.map((i) => names[i]);

  const idCol = col('id');
  const latCol = col('lat');
  const lonCol = col('lon');
  const zipCol = col('zip');
  const [nameCol, streetCol, cityCol, stateCol] = (['name', 'street', 'city', 'state'] as const).map(col);
  const catCols = CATEGORY_COLUMNS.map(col);
  const numberCols = NUMBER_ROLES.map(col);

  // Columns are written directly, so a million rows allocate no record objects.
  const builder = new AccountColumnsBuilder(extraNames, options.expectedRows ?? 1024);
  const cats = CATEGORY_COLUMNS.map((k) => builder[k]);
  /** rows per category column whose label did not fit (CategoricalBuilder holds 65,535) */
  const catOverflow = CATEGORY_COLUMNS.map(() => 0);
  const log = new IssueLog(options.maxIssues);
  const locator = new RowLocator(zips);
  const ids = new IdIndex(builder.id, options.expectedRows);
  let idHash = 0;
  let rows = 0;
  let rejected = 0;
  let emptyTailRows = 0;

  /** the row's lat, lon, revenue, potential, visits; NaN = empty. Typed, so no number is boxed per row. */
  const numbers = new Float64Array(5);
  const rejections: { column: string | null; kind: ImportIssue['kind']; message: string; value: string }[] = [];

  const cell = (row: readonly string[], c: number): string => (c >= 0 && c < row.length ? row[c] : '');
  const colName = (c: number): string | null => (c >= 0 ? names[c] : null);
  const fieldColumn = (f: LocateField): string | null => colName(f === 'lat' ? latCol : f === 'lon' ? lonCol : f === 'zip' ? zipCol : -1);

  function isEmptyRow(row: readonly string[]): boolean {
    for (let i = 0; i < row.length; i++) if (row[i] !== '' && row[i].trim() !== '') return false;
    return true;
  }

  function reject(column: string | null, kind: ImportIssue['kind'], message: string, value: string): void {
    rejections.push({ column, kind, message, value });
  }

  function pushRow(row: readonly string[], rowNo: number): void {
    if (isEmptyRow(row)) return;
    rows++;
    if (rejections.length > 0) rejections.length = 0;

    let ragged: string | null = null;
    if (row.length < width) {
      ragged = `This row has ${row.length} cells but the header has ${width}; the missing cells were read as empty.`;
    } else if (row.length > width) {
      let extraText = false;
      for (let i = width; i < row.length; i++) if (row[i].trim() !== '') extraText = true;
      if (extraText) ragged = `This row has ${row.length} cells but the header has ${width}; the cells past the last column were ignored.`;
      else emptyTailRows++;
    }

    let id: string;
    if (idCol >= 0) {
      id = cell(row, idCol).trim();
      if (id === '') reject(names[idCol], 'missing-id', 'The account ID is empty.', '');
      else {
        idHash = hashId(id);
        const first = ids.find(id, idHash);
        if (first >= 0) reject(names[idCol], 'duplicate-id', `Account ID “${id}” was already imported from row ${first}; the first row was kept.`, id);
      }
    } else {
      id = `ROW-${rowNo}`;
      idHash = 0;
    }

    for (let k = 0; k < numberCols.length; k++) {
      const c = numberCols[k];
      const text = cell(row, c);
      const status = readNumberInto(text, decimal, numbers, k + 2);
      if (status === ReadStatus.Number) continue;
      numbers[k + 2] = NaN;
      if (status === ReadStatus.Invalid) reject(names[c], 'bad-number', `“${names[c]}” is not a number: “${text.trim()}”.`, text);
    }

    const placed = locator.locate(cell(row, latCol), cell(row, lonCol), cell(row, zipCol), swap.size > 0 && swap.has(rowNo));
    const located = locator.issues;
    if (!placed) for (let k = 0; k < located.length; k++) if (located[k].severity === 'rejected') reject(fieldColumn(located[k].field), located[k].kind, located[k].message, located[k].value);

    if (ragged !== null) log.add(rowNo, null, 'ragged-row', 'warning', ragged, row.slice(width).join(', '));
    if (rejections.length > 0) {
      rejected++;
      for (let k = 0; k < rejections.length; k++) log.add(rowNo, rejections[k].column, rejections[k].kind, 'rejected', rejections[k].message, rejections[k].value);
      return;
    }
    for (let k = 0; k < located.length; k++) log.add(rowNo, fieldColumn(located[k].field), located[k].kind, 'warning', located[k].message, located[k].value);

    builder.id.push(id);
    // Generated ids cannot repeat, so only file ids need remembering.
    if (idCol >= 0) ids.add(idHash, rowNo);
    builder.name.push(cell(row, nameCol).trim());
    builder.zip.push(locator.zip5 ?? cell(row, zipCol).trim());
    builder.street.push(cell(row, streetCol).trim());
    builder.city.push(cell(row, cityCol).trim());
    builder.state.push(cell(row, stateCol).trim());
    for (let k = 0; k < cats.length; k++) if (cats[k].push(cell(row, catCols[k]).trim()) < 0) catOverflow[k]++;
    for (let k = 0; k < extraCols.length; k++) builder.extra[k].push(cell(row, extraCols[k]));
    numbers[0] = locator.at[0];
    numbers[1] = locator.at[1];
    builder.pushNumbers(locator.source, numbers);
  }

  return {
    pushRows(batch, firstDataRowIndex) {
      const base = headerRow + 1 + firstDataRowIndex;
      for (let k = 0; k < batch.length; k++) pushRow(batch[k], base + k);
    },
    rowNumber: (i) => headerRow + 1 + i,
    addIssue(issue) {
      log.add(issue.row, issue.column, issue.kind, issue.severity, issue.message, issue.value);
    },
    finish() {
      if (emptyTailRows > 0) {
        const rowsText = emptyTailRows === 1 ? '1 row' : `${emptyTailRows.toLocaleString('en-US')} rows`;
        log.add(0, null, 'ragged-row', 'warning', `${rowsText} had empty cells past the last column; they were ignored.`);
      }
      const table = dropBlankUnnamedColumns(builder.finish(), headers, extraCols);
      catOverflow.forEach((overflow, i) => {
        if (overflow === 0) return;
        const name = colName(catCols[i]);
        const rowsText = overflow === 1 ? '1 row' : `${overflow.toLocaleString('en-US')} rows`;
        log.add(0, name, 'too-many-categories', 'warning', `“${name}” has more than ${MAX_CATEGORIES.toLocaleString('en-US')} different values; on ${rowsText} it was left empty.`);
      });
      return {
        table,
        issues: log.sorted(),
        stats: { rows, imported: table.count, rejected, warnings: log.warnings, issuesOmitted: log.omitted },
      };
    },
  };
}

/**
 * Excel often saves a few columns past the data, with no header and nothing in them; keeping
 * them would show "Column 5" on every account. A column with a header, or any value, stays.
 */
function dropBlankUnnamedColumns(table: AccountTable, headers: readonly string[], extraCols: readonly number[]): AccountTable {
  const extra = table.extra.filter((e, k) => headers[extraCols[k]].trim() !== '' || e.values.bytes.length > 0);
  return extra.length === table.extra.length ? table : { ...table, extra };
}
