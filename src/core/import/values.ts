/**
 * Reading numbers the way people type them into spreadsheets. The result is a number, null for an
 * empty cell (never 0: an empty revenue is unknown, not zero) or 'invalid' for text that is not a
 * number, which the importer reports with the cell's text.
 */
export type CellNumber = number | null | 'invalid';

/** Which character separates decimals when a cell alone cannot tell ("1,250" or "1.250"). */
export type DecimalMark = '.' | ',';

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const SCIENTIFIC = /^[+-]?(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
// Spaces people and spreadsheets put in numbers: ordinary, no-break, narrow no-break, thin.
const SPACES = /[\s\u00a0\u202f\u2009]+/g;
const CURRENCY = /^(?:us\$|usd|eur|gbp|cad|aud|chf|[$€£¥])|(?:us\$|usd|eur|gbp|cad|aud|chf|[$€£¥])$/gi;
const SUFFIX = /(k|m|mm|mn|mio|b|bn)$/i;
const MULTIPLIER: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mio: 1e6, b: 1e9, bn: 1e9 };
const GROUPED = /^\d+(?:[.,']\d+)*$/;
// Regex literals inside a function make a new object on every call; these run per cell.
const LEADING_MINUS = /^[\u2212-]/;
const LEADING_PLUS = /^\+/;
const APOSTROPHES = /'/g;
const HEMISPHERE = /^([NSEW])\s*|\s*([NSEW])$/i;
const DEGREE_SIGN = /°$/;
const DECIMAL_COMMA = /^\d+,\d+$/;
/** Cells that say "no value" in words; read as empty rather than rejecting the row. */
const NO_VALUE = new Set(['-', '–', '—', 'n/a', 'na', '#n/a', 'null', 'none', 'nan']);

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * "-123.45"-style text read without a regex, NaN for anything else. With at most 15 digits the
 * digits form an exact integer and one division by an exact power of ten rounds correctly, so the
 * result equals Number(s) (Clinger's fast path). This is most cells of a big file.
 */
export function plainNumber(s: string): number {
  const n = s.length;
  let i = 0;
  let c = n > 0 ? s.charCodeAt(0) : 0;
  const negative = c === 45;
  if (negative || c === 43) i = 1;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || frac === 0) return NaN;
  const v = frac > 0 ? m / POW10[frac] : m;
  return negative ? -v : v;
}

/**
 * US money and grouped numbers without a regex: "$1,250,000.00", "-$12.50", "1,250", "$12"; NaN
 * for anything else (which parseNumberCell then reads the slow way). Same exactness argument as
 * plainNumber. Only for a decimal point: with a decimal comma "1,250" means 1.25.
 */
export function plainMoney(s: string): number {
  const n = s.length;
  let i = 0;
  const negative = n > 0 && s.charCodeAt(0) === 45;
  if (negative) i++;
  if (i < n && s.charCodeAt(i) === 36) i++;
  let m = 0;
  let digits = 0;
  let lead = 0; // digits before the first comma
  let group = -1; // digits since the last comma; -1 before any comma
  let frac = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
      else if (group >= 0) group++;
      else lead++;
    } else if (c === 44) {
      if (frac >= 0 || (group >= 0 ? group !== 3 : lead === 0 || lead > 3)) return NaN;
      group = 0;
    } else if (c === 46) {
      if (frac >= 0 || (group >= 0 && group !== 3)) return NaN;
      frac = 0;
    } else return NaN;
  }
  if (digits === 0 || digits > 15 || frac === 0 || (group >= 0 && frac < 0 && group !== 3)) return NaN;
  const v = frac > 0 ? m / POW10[frac] : m;
  return negative ? -v : v;
}

export function parseNumberCell(text: string, decimal: DecimalMark = '.'): CellNumber {
  // With a decimal comma, "1.250" means 1250, so only dot-free plain numbers take the fast path.
  const dotIsDecimal = decimal === '.';
  const quick = plainNumber(text);
  if (quick === quick && (dotIsDecimal || !text.includes('.'))) return quick;
  let s = text.trim();
  if (s === '') return null;
  if ((PLAIN.test(s) && (dotIsDecimal || !s.includes('.'))) || SCIENTIFIC.test(s)) return Number(s);
  if (NO_VALUE.has(s.toLowerCase())) return null;

  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(LEADING_MINUS, () => ((negative = !negative), ''));
  s = s.replace(LEADING_PLUS, '');
  const bare = s.replace(CURRENCY, '').trim();
  // The sign may also sit after the currency symbol: "$-12" or "€ -12".
  s = bare !== s ? bare.replace(LEADING_MINUS, () => ((negative = !negative), '')) : bare;
  let multiplier = 1;
  const suffix = SUFFIX.exec(s);
  if (suffix) {
    multiplier = MULTIPLIER[suffix[1].toLowerCase()];
    s = s.slice(0, -suffix[1].length).trim();
  }
  s = s.replace(SPACES, '');
  if (s === '' || !GROUPED.test(s)) return 'invalid';
  const value = readSeparators(s, decimal);
  if (value === null) return 'invalid';
  const out = value * multiplier;
  return negative ? -out : out;
}

/**
 * Digits with "," "." and "'" in them. When both "," and "." appear, the last one is the decimal
 * mark ("12.500,50", "1,250,000.00"); a mark that appears more than once groups thousands; a single
 * mark followed by other than three digits is a decimal mark ("12,5"); only a single mark followed
 * by exactly three digits is truly ambiguous and is read with `decimal`.
 */
function readSeparators(s: string, decimal: DecimalMark): number | null {
  s = s.replace(APOSTROPHES, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let dec: string | null = null;
  let group: string | null = null;
  if (lastComma >= 0 && lastDot >= 0) {
    dec = lastComma > lastDot ? ',' : '.';
    group = dec === ',' ? '.' : ',';
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const at = Math.max(lastComma, lastDot);
    const single = s.indexOf(mark) === at;
    if (single && (s.length - at - 1 !== 3 || mark === decimal)) dec = mark;
    else group = mark;
  }
  if (dec !== null && s.indexOf(dec) !== s.lastIndexOf(dec)) return null;
  let body = group === null ? s : s.split(group).join('');
  if (dec === ',') body = body.replace(',', '.');
  if (!PLAIN.test(body)) return null;
  return Number(body);
}


const DMS = /^(\d+(?:\.\d+)?)\s*°\s*(?:(\d+(?:\.\d+)?)\s*['′]\s*)?(?:(\d+(?:\.\d+)?)\s*(?:["″]|'')\s*)?$/;

/**
 * A latitude or longitude cell: "40.7128", "-74.006", "40.7128 N", "W 74.006", "40,7128",
 * "40° 42′ 46″ N". Compass letters set the sign (S and W are negative). Range is checked by the
 * importer, which needs the raw value to spot swapped columns.
 */
export function parseCoordinateCell(text: string): CellNumber {
  const quick = plainNumber(text);
  if (quick === quick) return quick;
  let s = text.trim();
  if (s === '') return null;
  if (PLAIN.test(s)) return Number(s);
  if (NO_VALUE.has(s.toLowerCase())) return null;
  let sign = 1;
  const hemi = HEMISPHERE.exec(s);
  if (hemi) {
    const letter = (hemi[1] ?? hemi[2]).toUpperCase();
    if (letter === 'S' || letter === 'W') sign = -1;
    s = (s.slice(0, hemi.index) + s.slice(hemi.index + hemi[0].length)).trim();
  }
  if (LEADING_MINUS.test(s)) {
    sign = -sign;
    s = s.slice(1).trim();
  }
  s = s.replace(DEGREE_SIGN, '').trim();
  if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  if (PLAIN.test(s) || SCIENTIFIC.test(s)) return sign * Number(s);
  const dms = DMS.exec(s);
  if (dms) {
    const deg = Number(dms[1]) + Number(dms[2] ?? 0) / 60 + Number(dms[3] ?? 0) / 3600;
    return sign * deg;
  }
  return 'invalid';
}

/** How reading a cell went: a number (written to the slot), an empty cell, or text that is no number. */
export const ReadStatus = { Number: 0, Empty: 1, Invalid: 2 } as const;
export type ReadStatus = (typeof ReadStatus)[keyof typeof ReadStatus];

/**
 * parseNumberCell for the import's hot path: the value goes to out[at] and the status is returned,
 * so a million rows do not allocate a boxed number per cell. Plain numbers never leave this
 * function; everything else goes through parseNumberCell.
 */
export function readNumberInto(text: string, decimal: DecimalMark, out: Float64Array, at: number): ReadStatus {
  if (text === '') return ReadStatus.Empty;
  const quick = plainNumber(text);
  if (quick === quick && (decimal === '.' || text.indexOf('.') < 0)) {
    out[at] = quick;
    return ReadStatus.Number;
  }
  if (decimal === '.') {
    const money = plainMoney(text);
    if (money === money) {
      out[at] = money;
      return ReadStatus.Number;
    }
  }
  return settle(parseNumberCell(text, decimal), out, at);
}

/** parseCoordinateCell for the hot path, as readNumberInto. */
export function readCoordinateInto(text: string, out: Float64Array, at: number): ReadStatus {
  if (text === '') return ReadStatus.Empty;
  const quick = plainNumber(text);
  if (quick === quick) {
    out[at] = quick;
    return ReadStatus.Number;
  }
  return settle(parseCoordinateCell(text), out, at);
}

function settle(v: CellNumber, out: Float64Array, at: number): ReadStatus {
  if (v === null) return ReadStatus.Empty;
  if (v === 'invalid') return ReadStatus.Invalid;
  out[at] = v;
  return ReadStatus.Number;
}
