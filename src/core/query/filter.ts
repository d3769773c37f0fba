import type { AccountTable } from '../accounts/table';
import type { Categorical } from '../accounts/categorical';
import { getString, type PackedStrings } from '../accounts/packed-strings';
import { foldText, isAsciiRange, LOWER } from './fold';

export interface RowFilter {
  /** category codes switched off in the legend */
  hidden: { segment: Set<number>; classification: Set<number> };
  /** free text, matched case- and accent-insensitively against id/name/city/state/zip/owner */
  text?: string;
}

/** Indices (ascending) of the rows that pass the category switches and the text filter. */
export function visibleRows(table: AccountTable, filter: RowFilter): Uint32Array {
  const seg = hiddenCodes(table.segment, filter.hidden.segment);
  const cls = hiddenCodes(table.classification, filter.hidden.classification);
  const segCodes = table.segment.codes;
  const clsCodes = table.classification.codes;
  const out = new Uint32Array(table.count);
  let k = 0;
  for (let i = 0; i < table.count; i++) if (!seg[segCodes[i]] && !cls[clsCodes[i]]) out[k++] = i;
  const rows = k === table.count ? out : out.slice(0, k);
  return filter.text ? filterByText(table, rows, filter.text) : rows;
}

function hiddenCodes(col: Categorical, hidden: Set<number>): Uint8Array {
  const flags = new Uint8Array(col.labels.length);
  for (const code of hidden) if (code < flags.length) flags[code] = 1;
  return flags;
}

const SEARCHED_TEXT = ['id', 'name', 'city', 'state', 'zip'] as const;

/** The subset of `rows` (order kept) whose text columns contain `text`; blank text keeps all. */
export function filterByText(table: AccountTable, rows: Uint32Array, text: string): Uint32Array {
  const needle = foldText(text.trim());
  if (needle === '') return rows;
  const matcher = new NeedleMatcher(needle);
  const cols = SEARCHED_TEXT.map((k) => table[k]);
  // Owner is a dictionary: test each label once instead of each row.
  const owner = table.owner;
  const ownerHit = new Uint8Array(owner.labels.length);
  owner.labels.forEach((label, code) => (ownerHit[code] = foldText(label).includes(needle) ? 1 : 0));
  const out = new Uint32Array(rows.length);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let hit = ownerHit[owner.codes[r]] === 1;
    for (let c = 0; !hit && c < cols.length; c++) hit = matcher.matches(cols[c], r);
    if (hit) out[k++] = r;
  }
  return out.slice(0, k);
}

/**
 * Substring test against packed UTF-8 without decoding: ASCII values are compared byte by byte
 * through a lowercase table; only values holding non-ASCII bytes are decoded and folded.
 */
class NeedleMatcher {
  private readonly ascii: Uint8Array | null;

  constructor(private readonly needle: string) {
    const bytes = new TextEncoder().encode(needle);
    this.ascii = isAsciiRange(bytes, 0, bytes.length) ? bytes : null;
  }

  matches(col: PackedStrings, row: number): boolean {
    const { bytes, offsets } = col;
    const s = offsets[row];
    const e = offsets[row + 1];
    if (!isAsciiRange(bytes, s, e)) return foldText(getString(col, row)).includes(this.needle);
    // A folded non-ASCII needle cannot occur in pure ASCII text.
    const nb = this.ascii;
    if (nb === null) return false;
    const n = nb.length;
    const first = nb[0];
    for (let p = s, last = e - n; p <= last; p++) {
      if (LOWER[bytes[p]] !== first) continue;
      let j = 1;
      while (j < n && LOWER[bytes[p + j]] === nb[j]) j++;
      if (j === n) return true;
    }
    return false;
  }
}
