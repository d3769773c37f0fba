import type { Shape } from './value-shapes';
import type { ColumnGuess, ColumnMapping, ImportRole } from './types';

/**
 * Scored column-role detection, in the manner of Placemark's importer: every header gets a score
 * for every role from its normalised text, adjusted by how well the column's sample values fit
 * the role; then the best pairs win, one column per role and one role per column.
 */
export interface RoleRule<R extends ImportRole> {
  role: R;
  /** normalised headers that name the role outright, with their score (0..1) */
  exact: Record<string, number>;
  /** words or phrases that hint at the role anywhere in the header */
  words?: Record<string, number>;
  /** a word from this list anywhere in the header rules the role out ("Owner ID" is no account id) */
  not?: readonly string[];
  /** what the role's values look like */
  shape?: Shape;
  /** values should differ from row to row (ids) */
  unique?: boolean;
}

/** Leading words that qualify which address or record a header is about, with how much they count. */
const PREFIXES: Record<string, number> = {
  billing: 0.98,
  account: 0.98,
  company: 0.98,
  customer: 0.97,
  business: 0.96,
  primary: 0.96,
  physical: 0.96,
  mailing: 0.95,
  shipping: 0.93,
  main: 0.95,
  hq: 0.95,
  store: 0.95,
  site: 0.95,
  location: 0.95,
};

/** Header text reduced to lower-case words: "Billing Zip/Postal Code" -> "billing zip postal code". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/([a-z])([0-9])/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The header without its qualifying prefix words, and the weight that stripping costs. */
function stripPrefixes(words: string[]): { text: string; weight: number } | null {
  let i = 0;
  let weight = 1;
  while (i < words.length - 1 && PREFIXES[words[i]] !== undefined) {
    weight *= PREFIXES[words[i]];
    i++;
  }
  return i === 0 ? null : { text: words.slice(i).join(' '), weight };
}

function containsPhrase(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

export function headerScore<R extends ImportRole>(rule: RoleRule<R>, header: string): number {
  const text = normalizeHeader(header);
  if (text === '') return 0;
  const words = text.split(' ');
  if (rule.not?.some((w) => containsPhrase(text, w))) return 0;
  let score = rule.exact[text] ?? 0;
  const stripped = stripPrefixes(words);
  if (stripped) score = Math.max(score, (rule.exact[stripped.text] ?? 0) * stripped.weight);
  if (score === 0 && rule.words) {
    for (const [phrase, s] of Object.entries(rule.words)) if (containsPhrase(text, phrase)) score = Math.max(score, s);
  }
  // Among equally named columns ("Revenue 2024", "Revenue 2025") the latest year wins.
  const year = words.find((w) => /^(19|20)\d\d$/.test(w));
  if (score > 0 && year) score += Number(year) / 1e6;
  return score;
}

/** Share of the column's non-empty sample cells that fit the role; null when all are empty. */
function valueFit<R extends ImportRole>(rule: RoleRule<R>, column: number, rows: readonly string[][]): number | null {
  let filled = 0;
  let fit = 0;
  const seen = new Set<string>();
  let repeats = 0;
  for (const row of rows) {
    const cell = (row[column] ?? '').trim();
    if (cell === '') continue;
    filled++;
    if (!rule.shape || rule.shape(cell)) fit++;
    if (seen.has(cell)) repeats++;
    else seen.add(cell);
  }
  if (filled === 0) return null;
  let share = fit / filled;
  if (rule.unique && repeats > 0) share *= 1 - repeats / filled;
  return share;
}

export const MIN_SCORE = 0.35;

export function scoreColumn<R extends ImportRole>(rule: RoleRule<R>, header: string, column: number, rows: readonly string[][]): number {
  const h = headerScore(rule, header);
  if (h === 0) return 0;
  const fit = valueFit(rule, column, rows);
  // Values adjust but never replace the header: a header is what the user chose to call the column.
  return h * (fit === null ? 0.7 : 0.4 + 0.6 * fit);
}

export function guessColumns<R extends ImportRole>(
  rules: readonly RoleRule<R>[],
  headers: readonly string[],
  sampleRows: readonly string[][],
): { guesses: ColumnGuess<R>[]; mapping: ColumnMapping<R> } {
  const scores = rules.map((rule) => headers.map((h, c) => scoreColumn(rule, h, c, sampleRows)));
  const pairs: { r: number; c: number; s: number }[] = [];
  scores.forEach((row, r) => row.forEach((s, c) => s >= MIN_SCORE && pairs.push({ r, c, s })));
  pairs.sort((a, b) => b.s - a.s || a.r - b.r || a.c - b.c);

  const chosen = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (chosen.has(p.r) || taken.has(p.c)) continue;
    chosen.set(p.r, p.c);
    taken.add(p.c);
  }

  const mapping: ColumnMapping<R> = {};
  const guesses = rules.map((rule, r): ColumnGuess<R> => {
    const column = chosen.get(r) ?? null;
    if (column !== null) mapping[rule.role] = column;
    const alternatives = scores[r]
      .map((s, c) => ({ column: c, score: round(s) }))
      .filter((a) => a.score > 0 && a.column !== column)
      .sort((a, b) => b.score - a.score || a.column - b.column);
    return { role: rule.role, column, score: column === null ? 0 : round(scores[r][column]), alternatives };
  });
  return { guesses, mapping };
}

const round = (s: number) => Math.round(s * 1000) / 1000;
