import type { AccountRole } from '../accounts/account';

/** Text encodings the importer recognises. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncoding;
  bom: boolean;
  /** shown to the user, e.g. "Not valid UTF-8: read as Windows-1252" */
  note?: string;
}

/** The fields a reps file can fill; the reps import has its own, smaller role list. */
export const REP_ROLES = ['id', 'name', 'lat', 'lon', 'zip', 'quota'] as const;
export type RepRole = (typeof REP_ROLES)[number];

export const REP_ROLE_LABEL: Record<RepRole, string> = {
  id: 'Rep ID',
  name: 'Name',
  lat: 'Latitude',
  lon: 'Longitude',
  zip: 'Home ZIP code',
  quota: 'Quota',
};

/** Any role a file column can be mapped to, by either import. */
export type ImportRole = AccountRole | RepRole;

/**
 * File column index for each role; a role missing from the object is left unmapped.
 * Generic so the reps import can use its own roles; the default is the accounts import.
 */
export type ColumnMapping<R extends ImportRole = AccountRole> = Partial<Record<R, number>>;

export interface ColumnGuess<R extends ImportRole = AccountRole> {
  role: R;
  /** the chosen column, or null when no header scored high enough */
  column: number | null;
  score: number;
  /** other columns that scored for this role, best first */
  alternatives: { column: number; score: number }[];
}

/** What the first look at a file shows in the mapping step. */
export interface CsvPreview<R extends ImportRole = AccountRole> {
  fileName: string;
  fileSize: number;
  headers: string[];
  /** the first data rows (up to 20), as text */
  rows: string[][];
  encoding: DetectedEncoding;
  delimiter: string;
  lineEnding: '\n' | '\r\n' | '\r';
  guesses: ColumnGuess<R>[];
  mapping: ColumnMapping<R>;
  /** notes for the user about how the file was read */
  notes: string[];
}

export type IssueKind =
  | 'empty-file'
  | 'no-header'
  | 'ragged-row'
  | 'missing-id'
  | 'missing-name'
  | 'duplicate-id'
  | 'missing-location'
  | 'lat-out-of-range'
  | 'lon-out-of-range'
  | 'lat-lon-swapped'
  | 'bad-number'
  | 'unknown-zip'
  | 'approximate-zip'
  | 'too-many-categories'
  | 'bad-quotes'
  | 'bad-encoding';

/**
 * A problem with one row (or the file, row 0). `row` is the row number a spreadsheet shows:
 * the header is row 1, the first data row is row 2. Rows are counted as CSV records, so a quoted
 * cell holding line breaks is still one row (as Excel shows it), and blank lines count as rows
 * (as Excel shows them) although nothing is imported from them. Rejected rows are not imported;
 * warnings are.
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

export interface ImportOptions<R extends ImportRole = AccountRole> {
  mapping: ColumnMapping<R>;
  /** row numbers (as in ImportIssue.row) whose latitude and longitude are to be swapped */
  swapRows?: number[];
}

export interface ImportStats {
  /** data rows read from the file (blank lines not counted) */
  rows: number;
  imported: number;
  rejected: number;
  warnings: number;
  /** issues counted in `rejected`/`warnings` but left out of the issue list to bound memory */
  issuesOmitted?: number;
}

export interface MergeSummary {
  added: number;
  changed: number;
  unchanged: number;
  /** accounts already stored that this file did not mention; they are kept */
  kept: number;
}
