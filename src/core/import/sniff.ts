/** Delimiters the importer recognises, in the order preferred when two fit equally well. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type LineEnding = '\n' | '\r\n' | '\r';

export interface SniffResult {
  delimiter: Delimiter;
  lineEnding: LineEnding;
}

const MAX_RECORDS = 100;

/**
 * Guesses the delimiter and line ending from the start of a decoded file. Characters inside
 * quoted cells are ignored, so "Acme, Inc." or an address with line breaks does not count.
 * The delimiter is the one whose count per record matches the header's most often; a file with a
 * single column falls back to comma. `complete` says `text` is the whole file, so its last record
 * is not cut off.
 */
export function sniffCsv(text: string, complete = false): SniffResult {
  const counts: number[][] = DELIMITERS.map(() => []);
  const current = DELIMITERS.map(() => 0);
  let lineEnding: LineEnding | null = null;
  let inQuotes = false;
  let recordHasText = false;
  let records = 0;

  const endRecord = () => {
    if (recordHasText) {
      for (let d = 0; d < DELIMITERS.length; d++) counts[d].push(current[d]);
      records++;
    }
    current.fill(0);
    recordHasText = false;
  };

  const n = text.length;
  for (let i = 0; i < n && records < MAX_RECORDS; i++) {
    const c = text[i];
    if (c === '"') {
      // A quote opens a quoted cell only at the start of a cell; "" inside one is an escaped quote.
      if (inQuotes) {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else inQuotes = true;
      recordHasText = true;
      continue;
    }
    if (inQuotes) continue;
    if (c === '\n' || c === '\r') {
      const crlf = c === '\r' && text[i + 1] === '\n';
      lineEnding ??= crlf ? '\r\n' : c;
      if (crlf) i++;
      endRecord();
      continue;
    }
    const d = DELIMITERS.indexOf(c as Delimiter);
    if (d >= 0) current[d]++;
    recordHasText = true;
  }
  if (complete && !inQuotes) endRecord();

  return { delimiter: pickDelimiter(counts), lineEnding: lineEnding ?? '\n' };
}

function pickDelimiter(counts: number[][]): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  let bestWidth = 0;
  for (let d = 0; d < DELIMITERS.length; d++) {
    const perRecord = counts[d];
    const header = perRecord[0] ?? 0;
    if (header === 0) continue;
    let same = 0;
    for (const k of perRecord) if (k === header) same++;
    const score = same / perRecord.length;
    // Ties go to the wider header, then to the earlier delimiter in DELIMITERS.
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && header > bestWidth)) {
      best = DELIMITERS[d];
      bestScore = score;
      bestWidth = header;
    }
  }
  return best;
}
