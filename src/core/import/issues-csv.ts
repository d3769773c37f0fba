import { toCsv } from '../export/csv-safe';
import type { ImportIssue } from './types';

export const ISSUE_CSV_HEADERS = ['Row', 'Column', 'Severity', 'Problem', 'Value'] as const;

/**
 * The import's issues as a CSV file the user can open next to their data. Cells are made
 * spreadsheet-safe (a name like "=HYPERLINK(...)" shows as text); problems with the whole file
 * (row 0) say "file" in the Row column.
 */
export function issuesToCsv(issues: readonly ImportIssue[]): string {
  const rows: string[][] = [[...ISSUE_CSV_HEADERS]];
  for (const i of issues) {
    rows.push([i.row === 0 ? 'file' : String(i.row), i.column ?? '', i.severity === 'rejected' ? 'Rejected' : 'Warning', i.message, i.value]);
  }
  return toCsv(rows);
}
