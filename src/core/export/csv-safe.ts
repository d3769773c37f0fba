/**
 * Writing CSV that is safe to open in a spreadsheet. A cell starting with =, +, - or @ is run as a
 * formula by Excel, LibreOffice and Google Sheets ("CSV injection"), and so is one starting with a
 * tab, CR, LF or NUL after the application strips it; such cells get a leading apostrophe, which
 * spreadsheets show as text. Plain numbers such as "-12.5" are left alone. papaparse's
 * escapeFormulae misses leading LF and NUL, hence this.
 */

const RISKY_START = /^[=+\-@\t\r\n\0]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text with a leading apostrophe when a spreadsheet would take it for a formula. */
export function defuseFormula(text: string): string {
  return RISKY_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
export function quoteCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell ready for a CSV file: formula-safe, then quoted as needed. */
export function safeCell(text: string): string {
  return quoteCell(defuseFormula(text));
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(safeCell).join(',');
}

/**
 * A whole CSV file: CRLF line endings (RFC 4180) and a UTF-8 byte order mark, without which
 * Excel reads UTF-8 as the local code page and mangles "Zürich".
 */
export function toCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map(csvRow).join('\r\n') + '\r\n';
  return (options.bom ?? true) ? '\ufeff' + body : body;
}
