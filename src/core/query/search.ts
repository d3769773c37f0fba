import { getString } from '../accounts/packed-strings';
import type { ZipLookup } from '../geo/zip-lookup';
import { hashBytes, sameBytes } from './byte-dict';
import { foldedWords } from './fold';
import { cityLabel, NO_WORD, type Place, type SearchHit, type SearchIndex } from './search-index';

export interface SearchOptions {
  /** the offline ZIP table: places a 5-digit ZIP that no account has */
  zips?: ZipLookup;
}

export const ACCOUNT_ZOOM = 14;
export const ZIP_ZOOM = 12;
export const CITY_ZOOM = 11;

/**
 * Up to this many slots (and at most half) go to cities and ZIPs when they match, so a query like "Springfield" still
 * offers the city even when more than `limit` accounts carry the word in their names. Order is
 * unaffected: accounts (exact id, exact name, name prefix) first, then cities, then ZIPs.
 */
const PLACE_SLOTS = 3;

const encoder = new TextEncoder();

/** Accounts, cities and ZIPs matching what a user typed, best first. */
export function search(index: SearchIndex, query: string, limit = 10, options: SearchOptions = {}): SearchHit[] {
  const q = query.trim();
  if (q === '' || limit <= 0) return [];
  const accountRows = idMatches(index, q);
  const seen = new Set(accountRows);
  for (const row of nameMatches(index, q, limit)) if (!seen.has(row)) accountRows.push(row);
  const places = [
    ...cityMatches(index, q, limit).map((p) => placeHit('city', p, CITY_ZOOM)),
    ...zipMatches(index, q, limit, options.zips),
  ];
  const reserved = Math.min(places.length, PLACE_SLOTS, Math.floor(limit / 2));
  const accountSlots = Math.min(accountRows.length, limit - reserved);
  return [
    ...accountRows.slice(0, accountSlots).map((row) => accountHit(index, row)),
    ...places.slice(0, limit - accountSlots),
  ];
}

function accountHit(index: SearchIndex, row: number): SearchHit {
  const t = index.table;
  const id = getString(t.id, row);
  const where = cityLabel(t, row);
  return {
    kind: 'account',
    label: getString(t.name, row) || id,
    detail: [id, where].filter(Boolean).join(' · '),
    lon: t.lon[row],
    lat: t.lat[row],
    zoom: ACCOUNT_ZOOM,
    row,
  };
}

const accounts = (n: number) => `${n.toLocaleString('en-US')} account${n === 1 ? '' : 's'}`;

function placeHit(kind: 'city' | 'zip', p: Place, zoom: number): SearchHit {
  return { kind, label: p.label, detail: [p.where, accounts(p.count)].filter(Boolean).join(' · '), lon: p.lon, lat: p.lat, zoom };
}

/** Rows whose id equals the query, ignoring ASCII case. */
function idMatches(index: SearchIndex, q: string): number[] {
  const key = encoder.encode(q);
  const { bytes, offsets } = index.table.id;
  const slots = index.idSlots;
  const mask = slots.length - 1;
  const rows: number[] = [];
  for (let s = hashBytes(key, 0, key.length) & mask; slots[s] !== 0; s = (s + 1) & mask) {
    const r = slots[s] - 1;
    if (sameBytes(bytes, offsets[r], offsets[r + 1], key, 0, key.length)) rows.push(r);
  }
  return rows.sort((a, b) => a - b);
}

/** First i in [0, n) with at(i) >= key, for keys sorted by code unit. */
function lowerBound(n: number, at: (i: number) => string, key: string): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [first, end) of the sorted keys starting with `prefix`. */
function prefixRange(n: number, at: (i: number) => string, prefix: string): [number, number] {
  return [lowerBound(n, at, prefix), lowerBound(n, at, prefix + '\uffff')];
}

const EXACT = 0;
const FIRST_WORD = 1;
const FIRST_PREFIX = 2;
const ANY_PREFIX = 3;

/**
 * Rows whose name has, for every query word, a word starting with it. Ranked: the whole name equal
 * to the query; then names whose first word is the first query word, then names whose first word
 * starts with it, then the rest; within a tier fewer words, shorter names, then alphabetical by
 * first word, then row.
 */
function nameMatches(index: SearchIndex, q: string, limit: number): number[] {
  const terms = foldedWords(q).slice(0, 16);
  if (terms.length === 0) return [];
  const { words, wordStart, postings, marks, firstWord, wordCount, table } = index;
  const word = (i: number) => words[i];
  const ranges = terms.map((t) => prefixRange(words.length, word, t));
  const volume = ([lo, hi]: [number, number]) => wordStart[hi] - wordStart[lo];
  if (ranges.some((r) => volume(r) === 0)) return [];
  const order = ranges.slice().sort((a, b) => volume(a) - volume(b));

  // Intersect: rows of the rarest word are candidates; each further word advances their mark.
  const [lo0, hi0] = order[0];
  const candidates = new Uint32Array(volume(order[0]));
  let n = 0;
  for (let p = wordStart[lo0]; p < wordStart[hi0]; p++) {
    const r = postings[p];
    if (marks[r] === 0) {
      marks[r] = 1;
      candidates[n++] = r;
    }
  }
  for (let t = 1; t < order.length; t++) {
    const [lo, hi] = order[t];
    for (let p = wordStart[lo]; p < wordStart[hi]; p++) if (marks[postings[p]] === t) marks[postings[p]] = t + 1;
  }

  const [firstLo, firstHi] = ranges[0];
  const exactFirst = words[firstLo] === terms[0] ? firstLo : NO_WORD;
  const phrase = terms.join(' ');
  const best = new TopK(limit);
  const k = terms.length;
  const nameOff = table.name.offsets;
  for (let i = 0; i < n; i++) {
    const r = candidates[i];
    const passed = marks[r] === k;
    marks[r] = 0;
    if (!passed) continue;
    const fw = firstWord[r];
    let tier = fw === exactFirst ? FIRST_WORD : fw >= firstLo && fw < firstHi ? FIRST_PREFIX : ANY_PREFIX;
    // Only a name with the right word count and first word can equal the query: decode just those.
    if (tier === FIRST_WORD && wordCount[r] === k && foldedWords(getString(table.name, r)).join(' ') === phrase) tier = EXACT;
    // One number per candidate (tier, words, length, first word: 2+8+12+24 bits) keeps this loop
    // allocation-free when a one-letter query matches a few hundred thousand names.
    const score = ((tier * 256 + wordCount[r]) * 4096 + Math.min(nameOff[r + 1] - nameOff[r], 4095)) * 16777216 + Math.min(fw, 16777215);
    best.offer(r, score);
  }
  return best.rows();
}

/** The `size` best (lowest score, then lowest row) rows offered; size is small. */
class TopK {
  private readonly scores: number[] = [];
  private readonly items: number[] = [];
  constructor(private readonly size: number) {}

  offer(row: number, score: number): void {
    const { scores, items } = this;
    let i = scores.length;
    if (i === this.size && !TopK.before(score, row, scores[i - 1], items[i - 1])) return;
    while (i > 0 && TopK.before(score, row, scores[i - 1], items[i - 1])) i--;
    scores.splice(i, 0, score);
    items.splice(i, 0, row);
    if (scores.length > this.size) {
      scores.pop();
      items.pop();
    }
  }

  private static before(score: number, row: number, otherScore: number, otherRow: number): boolean {
    return score < otherScore || (score === otherScore && row < otherRow);
  }

  rows(): number[] {
    return this.items.slice();
  }
}

/** "Springfield", "Springfield, IL", "springfield il", "spring": cities by name prefix. */
function cityMatches(index: SearchIndex, q: string, limit: number): Place[] {
  const wanted: { city: string; state: string }[] = [];
  const comma = q.indexOf(',');
  if (comma >= 0) wanted.push({ city: foldedWords(q.slice(0, comma)).join(' '), state: foldedWords(q.slice(comma + 1)).join(' ') });
  else {
    const w = foldedWords(q);
    wanted.push({ city: w.join(' '), state: '' });
    // "springfield il": the last word may be a state code.
    if (w.length > 1 && w[w.length - 1].length === 2) wanted.push({ city: w.slice(0, -1).join(' '), state: w[w.length - 1] });
  }
  const cities = index.cities;
  const key = (i: number) => cities[i].key;
  const found: { place: Place; exact: boolean }[] = [];
  const seen = new Set<Place>();
  for (const { city, state } of wanted) {
    if (city === '') continue;
    const [lo, hi] = prefixRange(cities.length, key, city);
    for (let i = lo; i < hi; i++) {
      const place = cities[i];
      if (seen.has(place) || !place.state.startsWith(state)) continue;
      seen.add(place);
      found.push({ place, exact: place.key === city });
    }
  }
  // Exactly named cities first, then the ones with most accounts.
  found.sort((a, b) => Number(b.exact) - Number(a.exact) || b.place.count - a.place.count);
  return found.slice(0, limit).map((f) => f.place);
}

const ZIP_RE = /^(\d{5})(?:[-\s]?\d{4})?$/;
const ZIP_PREFIX_RE = /^\d{3,4}$/;

/** A 5-digit ZIP or ZIP+4 (from the accounts, else from the ZIP table), or ZIPs starting with 3-4 digits. */
function zipMatches(index: SearchIndex, q: string, limit: number, lookup?: ZipLookup): SearchHit[] {
  const zips = index.zips;
  const key = (i: number) => zips[i].key;
  const zip5 = ZIP_RE.exec(q)?.[1];
  const prefix = zip5 ?? (ZIP_PREFIX_RE.test(q) ? q : undefined);
  if (prefix === undefined) return [];
  const [lo, hi] = prefixRange(zips.length, key, prefix);
  const hits = zips.slice(lo, Math.min(hi, lo + limit)).map((p) => placeHit('zip', p, ZIP_ZOOM));
  if (zip5 && hits.length === 0) {
    const place = lookup?.get(zip5);
    if (place) {
      const where = place.city && place.state ? `${place.city}, ${place.state}` : place.city || place.state;
      hits.push({ kind: 'zip', label: zip5, detail: [where, 'no accounts'].filter(Boolean).join(' · '), lon: place.lon, lat: place.lat, zoom: ZIP_ZOOM });
    }
  }
  return hits;
}
