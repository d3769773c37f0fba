/** Display formatting shared by the table, card and legend. Always en-US: the data is US sales. */

/** What an empty cell shows; an empty cell is never printed as 0. */
export const EMPTY = '—';

const isBlank = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || Number.isNaN(v);

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const upTo2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * "$12,500" below a million, "$1.25M" / "$3.4B" above (compact), or "$1,250,000" with
 * `compact: false`. Cents are dropped: revenue is read in dollars.
 */
export function formatMoney(v: number | null | undefined, { compact = true }: { compact?: boolean } = {}): string {
  if (isBlank(v)) return EMPTY;
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  if (compact && a >= 1e6) {
    // Choose the unit after rounding so 999,999,999 reads "$1B", not "$1,000M".
    const m = Number((a / 1e6).toFixed(2));
    if (m < 1000) return `${sign}$${upTo2.format(m)}M`;
    return `${sign}$${upTo2.format(a / 1e9)}B`;
  }
  return `${sign}$${whole.format(a)}`;
}

/** "1,234" (or "1,234.5" with fractionDigits) for counts and plain numbers. */
export function formatNumber(v: number | null | undefined, fractionDigits = 0): string {
  if (isBlank(v)) return EMPTY;
  return numberFormat(fractionDigits).format(v);
}

// toLocaleString with options builds a formatter on every call; hundreds of cards redraw per edit.
const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(fractionDigits: number): Intl.NumberFormat {
  let f = numberFormats.get(fractionDigits);
  if (!f) numberFormats.set(fractionDigits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: fractionDigits })));
  return f;
}

/** Latitude or longitude to about a metre. */
export function formatCoordinate(v: number | null | undefined): string {
  if (isBlank(v)) return EMPTY;
  return v.toFixed(5);
}

/** Text as given, or the empty mark when there is none. */
export function formatText(s: string | null | undefined): string {
  return s === null || s === undefined || s.trim() === '' ? EMPTY : s;
}
