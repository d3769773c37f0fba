import type { AccountTable } from '../accounts/table';
import { getString } from '../accounts/packed-strings';
import { ByteDict, grow, hashBytes } from './byte-dict';
import { foldedWords, foldText, isAsciiRange, isAsciiWordByte } from './fold';

export { search, type SearchOptions } from './search';

export type SearchHitKind = 'account' | 'zip' | 'city';

/** Something the map can fly to. */
export interface SearchHit {
  kind: SearchHitKind;
  label: string;
  detail: string;
  lon: number;
  lat: number;
  zoom: number;
  /** the account's row, for account hits */
  row?: number;
}

/** A city or ZIP found in the accounts, placed at the mean position of its accounts. */
export interface Place {
  /** folded, for matching: "springfield" / "02139" */
  key: string;
  /** folded state, for cities */
  state: string;
  /** as written in the data: "Springfield, IL" / "02139" */
  label: string;
  /** where it is, for ZIPs: "Cambridge, MA" */
  where: string;
  lon: number;
  lat: number;
  count: number;
}

/**
 * Everything search needs, in typed arrays: name words are interned once (a few thousand distinct
 * words for a million names) with their rows in one postings array; account ids sit in an
 * open-addressing table over the id column's own bytes. Only cities and ZIPs (tens of thousands)
 * become objects.
 */
export interface SearchIndex {
  table: AccountTable;
  /** distinct folded name words, sorted by code unit so a prefix is a contiguous range */
  words: string[];
  /** rows of words[w] are postings[wordStart[w] .. wordStart[w + 1]), ascending */
  wordStart: Uint32Array;
  postings: Uint32Array;
  /** word number of each row's first name word, NO_WORD when the name has none */
  firstWord: Uint32Array;
  /** words in each row's name, capped at 255 */
  wordCount: Uint8Array;
  /** row + 1 per occupied slot, hashed by ASCII-lowercased id */
  idSlots: Int32Array;
  cities: Place[];
  zips: Place[];
  /** per-row scratch for intersecting query words; always zero between queries */
  marks: Uint8Array;
}

export const NO_WORD = 0xffffffff;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function buildSearchIndex(table: AccountTable): SearchIndex {
  return {
    table,
    ...indexNames(table),
    idSlots: indexIds(table),
    cities: indexCities(table),
    zips: indexZips(table),
    marks: new Uint8Array(table.count),
  };
}

function indexNames(table: AccountTable) {
  const n = table.count;
  const { bytes, offsets } = table.name;
  const dict = new ByteDict();
  let tokRow = new Uint32Array(Math.max(16, n * 3));
  let tokWord = new Uint32Array(tokRow.length);
  let tokens = 0;
  let lastRow = new Int32Array(1024).fill(-1);
  const firstWord = new Uint32Array(n).fill(NO_WORD);
  const wordCount = new Uint8Array(n);

  let row = 0;
  const add = (id: number) => {
    if (firstWord[row] === NO_WORD) firstWord[row] = id;
    if (wordCount[row] < 255) wordCount[row]++;
    if (id >= lastRow.length) {
      const g = new Int32Array(lastRow.length * 2).fill(-1);
      g.set(lastRow);
      lastRow = g;
    }
    if (lastRow[id] === row) return; // "Coffee & Coffee": one posting
    lastRow[id] = row;
    if (tokens === tokRow.length) {
      tokRow = grow(tokRow, tokens * 2);
      tokWord = grow(tokWord, tokens * 2);
    }
    tokRow[tokens] = row;
    tokWord[tokens++] = id;
  };

  for (row = 0; row < n; row++) {
    const e = offsets[row + 1];
    let p = offsets[row];
    while (p < e) {
      const b = bytes[p];
      if (b < 128 && !isAsciiWordByte(b)) {
        p++;
        continue;
      }
      let q = p;
      let ascii = true;
      for (; q < e; q++) {
        const c = bytes[q];
        if (c >= 128) ascii = false;
        else if (!isAsciiWordByte(c)) break;
      }
      if (ascii) add(dict.idOf(bytes, p, q));
      else {
        for (const w of foldedWords(decoder.decode(bytes.subarray(p, q)))) {
          const enc = encoder.encode(w);
          add(dict.idOf(enc, 0, enc.length));
        }
      }
      p = q;
    }
  }

  // Number the words in sorted order so a query prefix maps to one range of numbers.
  const strings = Array.from({ length: dict.size }, (_, id) => dict.keyString(id));
  const byRank = strings.map((_, id) => id).sort((a, b) => (strings[a] < strings[b] ? -1 : strings[a] > strings[b] ? 1 : 0));
  const rank = new Uint32Array(dict.size);
  byRank.forEach((id, r) => (rank[id] = r));
  const words = byRank.map((id) => strings[id]);

  const wordStart = new Uint32Array(dict.size + 1);
  for (let t = 0; t < tokens; t++) wordStart[rank[tokWord[t]] + 1]++;
  for (let w = 0; w < dict.size; w++) wordStart[w + 1] += wordStart[w];
  const cursor = wordStart.slice(0, dict.size);
  const postings = new Uint32Array(tokens);
  for (let t = 0; t < tokens; t++) postings[cursor[rank[tokWord[t]]]++] = tokRow[t];
  for (let r = 0; r < n; r++) if (firstWord[r] !== NO_WORD) firstWord[r] = rank[firstWord[r]];
  return { words, wordStart, postings, firstWord, wordCount };
}

function indexIds(table: AccountTable): Int32Array {
  const { bytes, offsets } = table.id;
  let size = 16;
  while (size < table.count * 2) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let r = 0; r < table.count; r++) {
    const s = offsets[r];
    const e = offsets[r + 1];
    if (s === e) continue;
    let slot = hashBytes(bytes, s, e) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = r + 1;
  }
  return slots;
}

/** Sums positions per key; keys are interned by a ByteDict so rows need no strings. */
class PlaceSums {
  readonly dict = new ByteDict();
  lat = new Float64Array(256);
  lon = new Float64Array(256);
  located = new Uint32Array(256);
  count = new Uint32Array(256);
  firstRow = new Uint32Array(256);

  add(key: Uint8Array, start: number, end: number, row: number, lat: number, lon: number): void {
    const id = this.dict.idOf(key, start, end);
    if (id >= this.count.length) {
      const size = this.count.length * 2;
      this.lat = grow(this.lat, size);
      this.lon = grow(this.lon, size);
      this.located = grow(this.located, size);
      this.count = grow(this.count, size);
      this.firstRow = grow(this.firstRow, size);
    }
    if (this.count[id]++ === 0) this.firstRow[id] = row;
    if (lat === lat && lon === lon) {
      this.lat[id] += lat;
      this.lon[id] += lon;
      this.located[id]++;
    }
  }

  places(describe: (key: string, firstRow: number) => { key: string; state: string; label: string; where: string }): Place[] {
    const out: Place[] = [];
    for (let id = 0; id < this.dict.size; id++) {
      const k = this.located[id];
      const d = describe(this.dict.keyString(id), this.firstRow[id]);
      out.push({
        key: d.key,
        state: d.state,
        label: d.label,
        where: d.where,
        lat: k ? this.lat[id] / k : NaN,
        lon: k ? this.lon[id] / k : NaN,
        count: this.count[id],
      });
    }
    return out.sort((a, b) => cmp(a.key, b.key) || cmp(a.state, b.state));
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "City, ST" of a row, for labels. */
export function cityLabel(table: AccountTable, row: number): string {
  const city = getString(table.city, row);
  const state = getString(table.state, row);
  return city && state ? `${city}, ${state}` : city || state;
}

function indexCities(table: AccountTable): Place[] {
  const sums = new PlaceSums();
  const { city, state } = table;
  let key = new Uint8Array(256);
  for (let r = 0; r < table.count; r++) {
    const cs = city.offsets[r];
    const ce = city.offsets[r + 1];
    if (cs === ce) continue;
    const ss = state.offsets[r];
    const se = state.offsets[r + 1];
    // Key: folded city, a 0 byte, state (the dictionary lowercases ASCII). Cities are mostly
    // ASCII, so copy bytes; only the others are decoded and folded.
    let src = city.bytes;
    let from = cs;
    let to = ce;
    if (!isAsciiRange(city.bytes, cs, ce)) {
      src = encoder.encode(foldText(getString(city, r)));
      from = 0;
      to = src.length;
    }
    const len = to - from + 1 + (se - ss);
    if (len > key.length) key = new Uint8Array(len * 2);
    let k = 0;
    for (let p = from; p < to; p++) key[k++] = src[p];
    key[k++] = 0;
    for (let p = ss; p < se; p++) key[k++] = state.bytes[p];
    sums.add(key, 0, k, r, table.lat[r], table.lon[r]);
  }
  return sums.places((k, row) => {
    const cut = k.indexOf('\0');
    // Matching ignores punctuation: "St. Louis" is found by "st louis".
    const words = (x: string) => foldedWords(x).join(' ');
    return { key: words(k.slice(0, cut)), state: words(k.slice(cut + 1)), label: cityLabel(table, row), where: '' };
  });
}

function indexZips(table: AccountTable): Place[] {
  const sums = new PlaceSums();
  const { bytes, offsets } = table.zip;
  for (let r = 0; r < table.count; r++) {
    const s = offsets[r];
    let e = offsets[r + 1];
    // ZIP+4 and 5-digit ZIPs are the same place.
    for (let p = s; p < e && p < s + 6; p++) if (bytes[p] === 45 /* - */) e = p;
    if (e - s > 5) e = s + 5;
    if (s === e) continue;
    sums.add(bytes, s, e, r, table.lat[r], table.lon[r]);
  }
  return sums.places((k, row) => ({ key: k, state: '', label: k, where: cityLabel(table, row) }));
}
