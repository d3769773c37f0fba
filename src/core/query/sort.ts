import type { AccountTable } from '../accounts/table';
import type { Categorical } from '../accounts/categorical';
import { getString, type PackedStrings } from '../accounts/packed-strings';
import { encodeWeights, maxWeights } from './collation-key';
import { radixScratch, radixSort64, type RadixScratch } from './radix';

export const TEXT_SORT_KEYS = ['id', 'name', 'zip', 'street', 'city', 'state'] as const;
export const NUMBER_SORT_KEYS = ['revenue', 'potential', 'visits', 'lat', 'lon'] as const;
export const CATEGORY_SORT_KEYS = ['segment', 'classification', 'owner'] as const;
export type SortKey =
  | (typeof TEXT_SORT_KEYS)[number]
  | (typeof NUMBER_SORT_KEYS)[number]
  | (typeof CATEGORY_SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** Breaks ties between values that fold to the same key ("cafe" / "Café"), and orders labels. */
const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * `rows` reordered by one column. Empty cells (NaN, '') always come last, whichever the direction;
 * equal values keep their order in `rows`, so the result is deterministic. Never builds per-row
 * objects: numbers and folded text are radix-sorted as typed-array keys.
 */
export function sortPermutation(table: AccountTable, rows: Uint32Array, key: SortKey, dir: SortDir): Uint32Array {
  const desc = dir === 'desc';
  switch (key) {
    case 'revenue':
    case 'potential':
    case 'visits':
    case 'lat':
    case 'lon':
      return sortByNumber(table[key], rows, desc);
    case 'segment':
    case 'classification':
    case 'owner':
      return sortByCategory(table[key], rows, desc);
    default:
      return sortByText(table[key], rows, desc);
  }
}

const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);
// Typed arrays use the platform's byte order; find which word holds the sign.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function sortByNumber(col: Float64Array | Float32Array, rows: Uint32Array, desc: boolean): Uint32Array {
  const m = rows.length;
  const out = new Uint32Array(m);
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  let k = 0;
  let tail = m;
  // Empty cells fill the output from the back, then get reversed to keep their order.
  for (let i = 0; i < m; i++) {
    const r = rows[i];
    const v = col[r];
    if (v !== v) {
      out[--tail] = r;
      continue;
    }
    f64[0] = v + 0; // -0 → +0 so they tie
    let h = f64Words[HI];
    let l = f64Words[1 - HI];
    // IEEE order → unsigned order: flip everything for negatives, just the sign for positives.
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h |= 0x80000000;
    if (desc) {
      h = ~h;
      l = ~l;
    }
    out[k] = r;
    hi[k] = h >>> 0;
    lo[k] = l >>> 0;
    k++;
  }
  radixSort64(out, hi, lo, 0, k, radixScratch(k));
  out.subarray(k).reverse();
  return out;
}

function sortByCategory(col: Categorical, rows: Uint32Array, desc: boolean): Uint32Array {
  const labels = col.labels;
  const order = labels.map((_, code) => code).filter((code) => code !== 0);
  order.sort((a, b) => collator.compare(labels[a], labels[b]) || a - b);
  if (desc) order.reverse();
  // rank[code]: position among sorted labels; the empty label (code 0) goes last.
  const rank = new Uint32Array(labels.length);
  order.forEach((code, i) => (rank[code] = i));
  rank[0] = order.length;
  // Counting sort: stable, linear, a handful of buckets.
  const start = new Uint32Array(order.length + 2);
  const codes = col.codes;
  for (let i = 0; i < rows.length; i++) start[rank[codes[rows[i]]] + 1]++;
  for (let b = 1; b < start.length; b++) start[b] += start[b - 1];
  const out = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[start[rank[codes[rows[i]]]]++] = rows[i];
  return out;
}

/** Below this many rows a comparator sort beats setting up radix passes. */
const SMALL = 24;
/** Weights per radix key: eight bytes in two 32-bit words. */
const WINDOW = 8;

function sortByText(col: PackedStrings, rows: Uint32Array, desc: boolean): Uint32Array {
  const m = rows.length;
  const { bytes, offsets } = col;
  const out = new Uint32Array(m);
  // Non-empty rows, in input order; empties go to the back of `out`.
  const items = new Uint32Array(m);
  let k = 0;
  let tail = m;
  let totalBytes = 0;
  for (let i = 0; i < m; i++) {
    const r = rows[i];
    const len = offsets[r + 1] - offsets[r];
    if (len === 0) out[--tail] = r;
    else {
      items[k++] = r;
      totalBytes += len;
    }
  }
  out.subarray(k).reverse();

  // Folded weights of every non-empty value: the collation keys.
  const wOff = new Uint32Array(k + 1);
  let w = new Uint8Array(Math.max(totalBytes + (totalBytes >> 2), 64));
  let used = 0;
  for (let i = 0; i < k; i++) {
    const r = items[i];
    const s = offsets[r];
    const e = offsets[r + 1];
    const need = used + maxWeights(e - s);
    if (need > w.length) {
      const grown = new Uint8Array(Math.max(need, w.length * 2));
      grown.set(w.subarray(0, used));
      w = grown;
    }
    used = encodeWeights(bytes, s, e, w, used);
    wOff[i + 1] = used;
  }

  const sorter = new TextSorter(col, items, w, wOff, desc);
  for (let i = 0; i < k; i++) sorter.perm[i] = i;
  sorter.sortRange(0, k, 0);
  for (let i = 0; i < k; i++) out[i] = items[sorter.perm[i]];
  return out;
}

/**
 * Most-significant-first sort over the weight strings: radix-sort a range by the next eight
 * weights, then recurse into each run that still ties. Long shared prefixes ("Starbucks #…")
 * cost one extra pass per eight bytes instead of slow string comparisons.
 */
class TextSorter {
  readonly perm: Uint32Array;
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly scratch: RadixScratch;

  constructor(
    private readonly col: PackedStrings,
    private readonly items: Uint32Array,
    private readonly w: Uint8Array,
    private readonly wOff: Uint32Array,
    private readonly desc: boolean,
  ) {
    const k = items.length;
    this.perm = new Uint32Array(k);
    this.hi = new Uint32Array(k);
    this.lo = new Uint32Array(k);
    this.scratch = radixScratch(k);
  }

  sortRange(start: number, end: number, depth: number): void {
    if (end - start < 2) return;
    if (end - start <= SMALL) {
      this.smallSort(start, end, depth);
      return;
    }
    const { perm, hi, lo, w, wOff } = this;
    const flip = this.desc ? 0xffffffff : 0;
    for (let i = start; i < end; i++) {
      const item = perm[i];
      const s = wOff[item] + depth;
      const e = wOff[item + 1];
      let h = 0;
      let l = 0;
      for (let j = 0; j < 4; j++) h = (h << 8) | (s + j < e ? w[s + j] : 0);
      for (let j = 4; j < 8; j++) l = (l << 8) | (s + j < e ? w[s + j] : 0);
      hi[i] = (h ^ flip) >>> 0;
      lo[i] = (l ^ flip) >>> 0;
    }
    radixSort64(perm, hi, lo, start, end, this.scratch);
    const ended = this.desc ? 0xff : 0;
    let a = start;
    while (a < end) {
      let b = a + 1;
      while (b < end && hi[b] === hi[a] && lo[b] === lo[a]) b++;
      if (b - a > 1) {
        // A zero in the last byte means every string in the run ended inside this window.
        if ((lo[a] & 0xff) === ended) this.tieSort(a, b);
        else this.sortRange(a, b, depth + WINDOW);
      }
      a = b;
    }
  }

  /** Insertion sort: for the short runs left after radix passes it beats any setup cost. */
  private smallSort(start: number, end: number, depth: number): void {
    const perm = this.perm;
    for (let i = start + 1; i < end; i++) {
      const x = perm[i];
      let j = i - 1;
      while (j >= start && this.compare(perm[j], x, depth) > 0) {
        perm[j + 1] = perm[j];
        j--;
      }
      perm[j + 1] = x;
    }
  }

  /** Full order of two items whose first `depth` weights are known to be equal. */
  private compare(x: number, y: number, depth: number): number {
    const { w, wOff } = this;
    let p = wOff[x] + depth;
    let q = wOff[y] + depth;
    const pe = wOff[x + 1];
    const qe = wOff[y + 1];
    let d = 0;
    while (p < pe && q < qe) {
      d = w[p++] - w[q++];
      if (d !== 0) break;
    }
    if (d === 0) d = pe - p - (qe - q);
    if (d !== 0) return this.desc ? -d : d;
    return this.tieBreak(x, y) || x - y;
  }

  /** Values whose folded keys are equal: order by case and accents, then keep input order. */
  private tieSort(start: number, end: number): void {
    const slice = Array.from(this.perm.subarray(start, end));
    slice.sort((x, y) => this.tieBreak(x, y) || x - y);
    this.perm.set(slice, start);
  }

  private tieBreak(x: number, y: number): number {
    const { bytes, offsets } = this.col;
    const rx = this.items[x];
    const ry = this.items[y];
    const xs = offsets[rx];
    const ys = offsets[ry];
    const len = offsets[rx + 1] - xs;
    if (len === offsets[ry + 1] - ys) {
      let same = true;
      for (let i = 0; i < len && same; i++) same = bytes[xs + i] === bytes[ys + i];
      if (same) return 0;
    }
    const c = collator.compare(getString(this.col, rx), getString(this.col, ry));
    return this.desc ? -c : c;
  }
}
