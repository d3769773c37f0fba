/**
 * The CSV import, for the data worker: preview a file, import accounts or reps, merge into stored
 * accounts, export the issues. Everything here runs in Node, a worker or the page.
 */
export { byteSourceFromBytes, byteSourceFromFile, type ByteSource } from './byte-source';
export { previewCsv } from './preview';
export { importAccountsCsv, importRepsCsv, type RunOptions, type HowRead } from './run-import';
export { createAccountImporter, type AccountImporter, type AccountImporterOptions, type AccountImportResult } from './accounts-csv';
export { createRepImporter, type RepImporter, type RepImportResult } from './reps-csv';
export { mergeById, type MergeOptions } from './merge';
export { issuesToCsv } from './issues-csv';
export { guessMapping, ACCOUNT_ROLE_RULES } from './column-roles';
export { guessRepMapping, REP_ROLE_RULES } from './rep-roles';
export { ImportError, isAbortError, type ImportErrorCode } from './errors';
export { detectEncoding, createDecoder } from './decode';
export { sniffCsv } from './sniff';
export { streamCsv } from './csv-stream';
export { parseNumberCell, parseCoordinateCell } from './values';
export * from './types';
