import type { AccountRole } from '../accounts/account';
import type { ZipLookup } from '../geo/zip-lookup';
import { createAccountImporter, type AccountImportResult } from './accounts-csv';
import type { ByteSource } from './byte-source';
import { streamCsv } from './csv-stream';
import { ImportError } from './errors';
import { decimalMarkFor, readFileHead, type FileHead } from './file-head';
import { createRepImporter, type RepImportResult } from './reps-csv';
import type { ColumnMapping, DetectedEncoding, ImportIssue, RepRole } from './types';

export interface RunOptions<R extends AccountRole | RepRole> {
  mapping: ColumnMapping<R>;
  zips: ZipLookup;
  swapRows?: readonly number[];
  signal?: AbortSignal;
  onProgress?(bytesRead: number, total: number): void;
  chunkSize?: number;
}

export interface HowRead {
  encoding: DetectedEncoding;
  delimiter: string;
}

/** What both importers offer the file reader. */
interface RowSink<T> {
  pushRows(rows: readonly string[][], firstDataRowIndex: number): void;
  addIssue(issue: ImportIssue): void;
  finish(): T;
}

/**
 * Reads a whole CSV file into `makeSink`'s importer: settles encoding and delimiter from the head,
 * takes the first non-blank record as the header and streams the rest. Records are counted from
 * the start of the file, so issue rows match what a spreadsheet shows even after blank lines.
 */
async function readCsvFile<T>(
  source: ByteSource,
  options: Pick<RunOptions<never>, 'signal' | 'onProgress' | 'chunkSize'>,
  makeSink: (headers: string[], headerRow: number, head: FileHead, expectedRows: number) => RowSink<T>,
): Promise<T & HowRead> {
  if (source.size === 0) throw new ImportError('empty-file', 'The file is empty.');
  const head = await readFileHead(source);
  const sampleRecords = Math.max(1, head.text.split(head.lineEnding).length - 1);
  const expectedRows = Math.ceil((source.size / Math.max(1, head.headBytes)) * sampleRecords * 1.05) + 16;

  let sink: RowSink<T> | null = null;
  let headerRecord = -1;
  let dataRows = 0;
  const quoteErrors: { record: number; message: string }[] = [];
  let undecodable = false;

  await streamCsv(source, {
    encoding: head.encoding,
    delimiter: head.delimiter,
    newline: head.lineEnding,
    chunkSize: options.chunkSize,
    signal: options.signal,
    onProgress: options.onProgress,
    onQuoteError: (record, message) => quoteErrors.push({ record, message }),
    onUndecodable: () => (undecodable = true),
    onRows: (rows, first) => {
      let skip = 0;
      if (sink === null) {
        // The header is the first record with text in it; whitespace-only lines before it are blank.
        const at = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
        if (at < 0) return;
        headerRecord = first + at;
        sink = makeSink(rows[at], headerRecord + 1, head, expectedRows);
        skip = at + 1;
      }
      if (rows.length > skip) {
        dataRows += rows.length - skip;
        sink.pushRows(skip ? rows.slice(skip) : rows, first + skip - headerRecord - 1);
      }
    },
  });

  const done = sink as RowSink<T> | null;
  if (done === null) throw new ImportError('empty-file', 'The file has no rows: it is empty or holds only blank lines.');
  if (dataRows === 0) throw new ImportError('header-only', 'The file has a header row but no data rows.');
  if (undecodable) {
    done.addIssue({
      row: 0,
      column: null,
      kind: 'bad-encoding',
      severity: 'warning',
      message: `Some characters could not be read as ${head.encoding.encoding.toUpperCase()} and show as “\ufffd”. Save the file as “CSV UTF-8” and import it again.`,
      value: '',
    });
  }
  for (const q of quoteErrors) {
    done.addIssue({
      row: q.record + 1,
      column: null,
      kind: 'bad-quotes',
      severity: 'warning',
      message: `${q.message}. A quote (") opens a cell that is never closed or is followed by stray text; the cells from here on may have run together.`,
      value: '',
    });
  }
  return { ...done.finish(), encoding: head.encoding, delimiter: head.delimiter };
}

/** A whole accounts file to an AccountTable with its issues, read in chunks. */
export function importAccountsCsv(source: ByteSource, options: RunOptions<AccountRole>): Promise<AccountImportResult & HowRead> {
  return readCsvFile(source, options, (headers, headerRow, head, expectedRows) =>
    createAccountImporter({
      headers,
      headerRow,
      expectedRows,
      mapping: options.mapping,
      zips: options.zips,
      swapRows: options.swapRows,
      decimal: decimalMarkFor(head.delimiter),
    }),
  );
}

/** A whole reps file to Rep[] with its issues. */
export function importRepsCsv(source: ByteSource, options: RunOptions<RepRole>): Promise<RepImportResult & HowRead> {
  return readCsvFile(source, options, (headers, headerRow, head) =>
    createRepImporter({
      headers,
      headerRow,
      mapping: options.mapping,
      zips: options.zips,
      swapRows: options.swapRows,
      decimal: decimalMarkFor(head.delimiter),
    }),
  );
}
