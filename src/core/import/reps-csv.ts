import type { Rep } from '../accounts/account';
import type { ZipLookup } from '../geo/zip-lookup';
import { IssueLog } from './issue-log';
import { RowLocator } from './locate';
import type { ColumnMapping, ImportIssue, ImportStats, RepRole } from './types';
import { uniqueHeaders } from './unique-headers';
import { parseNumberCell, type DecimalMark } from './values';

export { guessRepMapping, REP_ROLE_RULES } from './rep-roles';

export interface RepImporterOptions {
  headers: readonly string[];
  mapping: ColumnMapping<RepRole>;
  zips: ZipLookup;
  swapRows?: readonly number[];
  decimal?: DecimalMark;
  headerRow?: number;
  maxIssues?: number;
}

export interface RepImportResult {
  reps: Rep[];
  issues: ImportIssue[];
  stats: ImportStats;
}

export interface RepImporter {
  pushRows(rows: readonly string[][], firstDataRowIndex: number): void;
  rowNumber(dataRowIndex: number): number;
  addIssue(issue: ImportIssue): void;
  finish(): RepImportResult;
}

/**
 * Reps files are small and typed by hand, so this builds plain Rep objects. A rep needs a name and
 * a place (latitude/longitude, else home ZIP), like accounts. Without an id column (or with an
 * empty id) the name is the id, which is what accounts files use in their owner column.
 * Rejected: no name ('missing-name'), an id seen before ('duplicate-id'), a quota that is not a
 * number ('bad-number'), no usable location (as for accounts). Warned: ragged rows, approximate ZIPs.
 */
export function createRepImporter(options: RepImporterOptions): RepImporter {
  const { headers, mapping, zips } = options;
  const width = headers.length;
  const names = uniqueHeaders(headers);
  const headerRow = options.headerRow ?? 1;
  const swap = new Set(options.swapRows ?? []);
  const col = (role: RepRole): number => {
    const c = mapping[role];
    return c !== undefined && c >= 0 && c < width ? c : -1;
  };
  const mapped = new Set(Object.values(mapping).filter((c): c is number => c !== undefined));
  const extraCols = names.map((_, i) => i).filter((i) => !mapped.has(i));
  const [idCol, nameCol, latCol, lonCol, zipCol, quotaCol] = (['id', 'name', 'lat', 'lon', 'zip', 'quota'] as const).map(col);
  const log = new IssueLog(options.maxIssues);
  const locator = new RowLocator(zips);
  const seen = new Map<string, number>();
  const reps: Rep[] = [];
  let rows = 0;
  let rejected = 0;

  const cell = (row: readonly string[], c: number) => (c >= 0 && c < row.length ? row[c] : '');
  const colName = (c: number) => (c >= 0 ? names[c] : null);

  function pushRow(row: readonly string[], rowNo: number): void {
    if (row.every((c) => c.trim() === '')) return;
    rows++;
    const problems: Omit<ImportIssue, 'row' | 'severity'>[] = [];
    const extraText = row.slice(width).some((c) => c.trim() !== '');
    if (row.length < width || extraText) {
      log.add(rowNo, null, 'ragged-row', 'warning', `This row has ${row.length} cells but the header has ${width}.`, row.slice(width).join(', '));
    }

    const name = cell(row, nameCol).trim();
    if (name === '') problems.push({ column: colName(nameCol), kind: 'missing-name', message: 'The rep has no name.', value: '' });
    const id = cell(row, idCol).trim() || name;
    const first = seen.get(id);
    if (id !== '' && first !== undefined) {
      problems.push({ column: colName(idCol >= 0 ? idCol : nameCol), kind: 'duplicate-id', message: `Rep “${id}” was already imported from row ${first}; the first row was kept.`, value: id });
    }

    const quotaText = cell(row, quotaCol);
    const quota = quotaText === '' ? null : parseNumberCell(quotaText, options.decimal);
    if (quota === 'invalid') problems.push({ column: names[quotaCol], kind: 'bad-number', message: `“${names[quotaCol]}” is not a number: “${quotaText.trim()}”.`, value: quotaText });

    const placed = locator.locate(cell(row, latCol), cell(row, lonCol), cell(row, zipCol), swap.has(rowNo));
    const columnOf = (f: string | null) => colName(f === 'lat' ? latCol : f === 'lon' ? lonCol : f === 'zip' ? zipCol : -1);
    if (!placed) for (const p of locator.issues) if (p.severity === 'rejected') problems.push({ column: columnOf(p.field), kind: p.kind, message: p.message, value: p.value });

    if (problems.length > 0) {
      rejected++;
      for (const p of problems) log.add(rowNo, p.column, p.kind, 'rejected', p.message, p.value);
      return;
    }
    for (const p of locator.issues) log.add(rowNo, columnOf(p.field), p.kind, 'warning', p.message, p.value);
    seen.set(id, rowNo);
    const extra: Record<string, string> = {};
    for (const c of extraCols) extra[names[c]] = cell(row, c);
    reps.push({
      id,
      name,
      lat: locator.lat,
      lon: locator.lon,
      location: locator.source,
      zip: locator.zip5 ?? cell(row, zipCol).trim(),
      quota: quota === 'invalid' ? null : quota,
      extra,
    });
  }

  return {
    pushRows(batch, firstDataRowIndex) {
      const base = headerRow + 1 + firstDataRowIndex;
      for (let k = 0; k < batch.length; k++) pushRow(batch[k], base + k);
    },
    rowNumber: (i) => headerRow + 1 + i,
    addIssue: (i) => log.add(i.row, i.column, i.kind, i.severity, i.message, i.value),
    finish: () => ({
      reps,
      issues: log.sorted(),
      stats: { rows, imported: reps.length, rejected, warnings: log.warnings, issuesOmitted: log.omitted },
    }),
  };
}
