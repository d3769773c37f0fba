import type { AccountRole } from '../accounts/account';

/** Text encodings the importer recognises. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncoding;
  bom: boolean;
  /** shown to the user, e.g. "Not valid UTF-8: read as Windows-1252" */
  note?: string;
}

/** File column index for each role; a role missing from the object is left unmapped. */
export type ColumnMapping = Partial<Record<AccountRole, number>>;

export interface ColumnGuess {
  role: AccountRole;
  /** the chosen column, or null when no header scored high enough */
  column: number | null;
  score: number;
  /** other columns that scored for this role, best first */
  alternatives: { column: number; score: number }[];
}

/** What the first look at a file shows in the mapping step. */
export interface CsvPreview {
  fileName: string;
  fileSize: number;
  headers: string[];
  /** the first data rows (up to 20), as text */
  rows: string[][];
  encoding: DetectedEncoding;
  delimiter: string;
  lineEnding: '\n' | '\r\n' | '\r';
  guesses: ColumnGuess[];
  mapping: ColumnMapping;
  /** notes for the user about how the file was read */
  notes: string[];
}

export type IssueKind =
  | 'empty-file'
  | 'no-header'
  | 'ragged-row'
  | 'missing-id'
  | 'duplicate-id'
  | 'missing-location'
  | 'lat-out-of-range'
  | 'lon-out-of-range'
  | 'lat-lon-swapped'
  | 'bad-number'
  | 'unknown-zip'
  | 'approximate-zip'
  | 'too-many-categories';

/**
 * A problem with one row (or the file, row 0). `row` is the row number a spreadsheet shows:
 * the header is row 1, the first data row is row 2. Rejected rows are not imported; warnings are.
 */
export interface ImportIssue {
  row: number;
  /** header of the column at fault, or null for the whole row */
  column: string | null;
  kind: IssueKind;
  severity: 'rejected' | 'warning';
  message: string;
  /** the offending cell text, as text */
  value: string;
}

export interface ImportOptions {
  mapping: ColumnMapping;
  /** row numbers (as in ImportIssue.row) whose latitude and longitude are to be swapped */
  swapRows?: number[];
}

export interface ImportStats {
  /** data rows read from the file */
  rows: number;
  imported: number;
  rejected: number;
  warnings: number;
}

export interface MergeSummary {
  added: number;
  changed: number;
  unchanged: number;
  /** accounts already stored that this file did not mention; they are kept */
  kept: number;
}
