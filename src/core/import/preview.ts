import Papa from 'papaparse';
import type { AccountRole } from '../accounts/account';
import type { ByteSource } from './byte-source';
import { guessMapping } from './column-roles';
import { ImportError } from './errors';
import { readFileHead } from './file-head';
import { guessRepMapping } from './rep-roles';
import type { ColumnGuess, ColumnMapping, CsvPreview, RepRole } from './types';
import { uniqueHeaders } from './unique-headers';
import { plainNumber } from './values';

export const PREVIEW_ROWS = 20;
/** rows whose values the column guesser looks at */
const SAMPLE_ROWS = 200;

const DELIMITER_NAME: Record<string, string> = { ';': 'semicolons', '\t': 'tabs', '|': 'pipes (|)' };

/**
 * The first look at a file for the mapping step: reads about 256 KB from its start, settles the
 * encoding, delimiter and line ending, and guesses which column holds what. Throws ImportError
 * with a message for the user when the file is empty or has a header but no data.
 */
export async function previewCsv(source: ByteSource, fileName: string, kind?: 'accounts'): Promise<CsvPreview<AccountRole>>;
export async function previewCsv(source: ByteSource, fileName: string, kind: 'reps'): Promise<CsvPreview<RepRole>>;
export async function previewCsv(source: ByteSource, fileName: string, kind: 'accounts' | 'reps' = 'accounts'): Promise<CsvPreview<AccountRole> | CsvPreview<RepRole>> {
  if (source.size === 0) throw new ImportError('empty-file', `“${fileName}” is empty.`);
  const head = await readFileHead(source);
  const kindOfBinary = binaryKind(head.text);
  if (kindOfBinary) throw new ImportError('unreadable', `“${fileName}” is ${kindOfBinary}, not a CSV file. Save or export it as CSV (in Excel: File › Save As › CSV UTF-8) and import that.`);
  const parsed = Papa.parse<string[]>(head.text, { delimiter: head.delimiter, newline: head.lineEnding, header: false, skipEmptyLines: false });
  const records = parsed.data;
  // The sample ends mid-file, so its last record may be cut short.
  if (!head.complete && records.length > 1) records.pop();
  const nonBlank = records.filter((r) => !(r.length === 1 && r[0].trim() === '') && r.some((c) => c.trim() !== ''));
  if (nonBlank.length === 0) throw new ImportError('empty-file', `“${fileName}” has no rows: it is empty or holds only blank lines.`);
  const [rawHeaders, ...data] = nonBlank;
  if (data.length === 0) throw new ImportError('header-only', `“${fileName}” has a header row but no data rows.`);

  const headers = uniqueHeaders(rawHeaders);
  const sample = data.slice(0, SAMPLE_ROWS);
  const notes: string[] = [];
  if (head.encoding.note) notes.push(head.encoding.note);
  if (head.encoding.encoding.startsWith('utf-16')) notes.push('The file is UTF-16 text (as Excel’s “Unicode Text” saves it).');
  const delimiterName = DELIMITER_NAME[head.delimiter];
  if (delimiterName) notes.push(`Columns are separated by ${delimiterName}.`);
  if (head.delimiter === ';') notes.push('Numbers like “1.250,50” are read with a decimal comma.');
  if (rawHeaders.every((h) => h.trim() !== '' && plainNumber(h.trim()) === plainNumber(h.trim()))) {
    notes.push('The first row looks like data rather than column names; it is read as the header all the same.');
  }
  if (parsed.errors.some((e) => e.type === 'Quotes')) {
    notes.push('Some quotes (") in the file are not closed properly; cells near them may have run together.');
  }

  const base = {
    fileName,
    fileSize: source.size,
    headers,
    rows: data.slice(0, PREVIEW_ROWS),
    encoding: head.encoding,
    delimiter: head.delimiter,
    lineEnding: head.lineEnding,
    notes,
  };
  if (kind === 'reps') {
    const { guesses, mapping } = guessRepMapping(headers, sample);
    return { ...base, guesses, mapping } satisfies CsvPreview<RepRole>;
  }
  const { guesses, mapping }: { guesses: ColumnGuess<AccountRole>[]; mapping: ColumnMapping<AccountRole> } = guessMapping(headers, sample);
  return { ...base, guesses, mapping };
}

/** Files people pick by mistake: spreadsheets, archives and documents start with a signature no CSV has. */
function binaryKind(text: string): string | null {
  if (text.startsWith('PK\u0003\u0004')) return 'an Excel workbook (.xlsx) or another zipped file';
  if (text.startsWith('ÐÏ\u0011à')) return 'an old Excel workbook (.xls)';
  if (text.startsWith('%PDF')) return 'a PDF document';
  if (text.startsWith('‰PNG') || text.startsWith('\u0089PNG')) return 'a PNG image';
  return null;
}
