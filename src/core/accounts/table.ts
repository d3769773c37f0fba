import type { AccountRecord, LocationSource } from './account';
import { categoryOf, type Categorical } from './categorical';
import { AccountColumnsBuilder } from './columns-builder';
import { concatPacked, getString, slicePacked, type PackedStrings } from './packed-strings';

/**
 * All accounts as columns. Numbers are typed arrays (NaN = empty cell), text is packed UTF-8,
 * repeated labels are dictionary-encoded. Built for a million rows: every buffer is transferable
 * to and from workers and stored in IndexedDB as-is, in chunks.
 */
export interface AccountTable {
  count: number;
  id: PackedStrings;
  name: PackedStrings;
  zip: PackedStrings;
  street: PackedStrings;
  city: PackedStrings;
  state: PackedStrings;
  lat: Float64Array;
  lon: Float64Array;
  location: Uint8Array;
  revenue: Float64Array;
  potential: Float64Array;
  visits: Float32Array;
  segment: Categorical;
  classification: Categorical;
  owner: Categorical;
  /** unmapped file columns, kept as text, in file order */
  extra: { header: string; values: PackedStrings }[];
}

export const TEXT_COLUMNS = ['id', 'name', 'zip', 'street', 'city', 'state'] as const;
export const NUMBER_COLUMNS = ['lat', 'lon', 'revenue', 'potential', 'visits'] as const;
export const CATEGORY_COLUMNS = ['segment', 'classification', 'owner'] as const;
export type CategoryColumn = (typeof CATEGORY_COLUMNS)[number];

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

export function accountAt(t: AccountTable, i: number): AccountRecord {
  const extra: Record<string, string> = {};
  for (const e of t.extra) extra[e.header] = getString(e.values, i);
  return {
    id: getString(t.id, i),
    name: getString(t.name, i),
    lat: t.lat[i],
    lon: t.lon[i],
    location: t.location[i] as LocationSource,
    zip: getString(t.zip, i),
    street: getString(t.street, i),
    city: getString(t.city, i),
    state: getString(t.state, i),
    revenue: orNull(t.revenue[i]),
    potential: orNull(t.potential[i]),
    visits: orNull(t.visits[i]),
    segment: categoryOf(t.segment, i),
    classification: categoryOf(t.classification, i),
    owner: categoryOf(t.owner, i),
    extra,
  };
}

/** Grows a table one record at a time; for the generator, merges and tests (the import writes columns). */
export class AccountTableBuilder extends AccountColumnsBuilder {
  private readonly numbers = new Float64Array(5);

  /** `extra` values are read by header; headers not given to the constructor are ignored. */
  push(a: AccountRecord): void {
    for (const k of TEXT_COLUMNS) this[k].push(a[k]);
    for (const k of CATEGORY_COLUMNS) this[k].push(a[k]);
    this.extraHeaders.forEach((header, j) => this.extra[j].push(a.extra[header] ?? ''));
    const v = this.numbers;
    v[0] = a.lat;
    v[1] = a.lon;
    v[2] = a.revenue ?? NaN;
    v[3] = a.potential ?? NaN;
    v[4] = a.visits ?? NaN;
    this.pushNumbers(a.location, v);
  }
}

export function emptyTable(): AccountTable {
  return new AccountTableBuilder([], 0).finish();
}

export function tableFromRecords(records: readonly AccountRecord[], extraHeaders: readonly string[] = []): AccountTable {
  const b = new AccountTableBuilder(extraHeaders, records.length);
  for (const r of records) b.push(r);
  return b.finish();
}

/** Rows start..end (exclusive); category dictionaries are shared by reference. */
export function sliceTable(t: AccountTable, start: number, end: number): AccountTable {
  const cat = (c: Categorical): Categorical => ({ codes: c.codes.slice(start, end), labels: c.labels });
  return {
    count: end - start,
    id: slicePacked(t.id, start, end),
    name: slicePacked(t.name, start, end),
    zip: slicePacked(t.zip, start, end),
    street: slicePacked(t.street, start, end),
    city: slicePacked(t.city, start, end),
    state: slicePacked(t.state, start, end),
    lat: t.lat.slice(start, end),
    lon: t.lon.slice(start, end),
    location: t.location.slice(start, end),
    revenue: t.revenue.slice(start, end),
    potential: t.potential.slice(start, end),
    visits: t.visits.slice(start, end),
    segment: cat(t.segment),
    classification: cat(t.classification),
    owner: cat(t.owner),
    extra: t.extra.map((e) => ({ header: e.header, values: slicePacked(e.values, start, end) })),
  };
}

/** Joins chunks that share one set of category dictionaries and extra headers (as stored chunks do). */
export function concatTables(parts: readonly AccountTable[]): AccountTable {
  if (parts.length === 0) return emptyTable();
  if (parts.length === 1) return parts[0];
  const first = parts[0];
  const count = parts.reduce((s, p) => s + p.count, 0);
  const cat = (k: CategoryColumn): Categorical => {
    const codes = new Uint16Array(count);
    let at = 0;
    for (const p of parts) {
      codes.set(p[k].codes, at);
      at += p.count;
    }
    return { codes, labels: first[k].labels };
  };
  const num = <T extends Float64Array | Float32Array | Uint8Array>(k: 'lat' | 'lon' | 'location' | 'revenue' | 'potential' | 'visits'): T => {
    const C = first[k].constructor as new (n: number) => T;
    const out = new C(count);
    let at = 0;
    for (const p of parts) {
      out.set(p[k] as T, at);
      at += p.count;
    }
    return out;
  };
  return {
    count,
    id: concatPacked(parts.map((p) => p.id)),
    name: concatPacked(parts.map((p) => p.name)),
    zip: concatPacked(parts.map((p) => p.zip)),
    street: concatPacked(parts.map((p) => p.street)),
    city: concatPacked(parts.map((p) => p.city)),
    state: concatPacked(parts.map((p) => p.state)),
    lat: num('lat'),
    lon: num('lon'),
    location: num('location'),
    revenue: num('revenue'),
    potential: num('potential'),
    visits: num('visits'),
    segment: cat('segment'),
    classification: cat('classification'),
    owner: cat('owner'),
    extra: first.extra.map((e, j) => ({ header: e.header, values: concatPacked(parts.map((p) => p.extra[j].values)) })),
  };
}

/** Every ArrayBuffer in the table, for postMessage's transfer list. */
export function tableBuffers(t: AccountTable): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => out.add(a.buffer as ArrayBuffer);
  for (const k of TEXT_COLUMNS) {
    add(t[k].bytes);
    add(t[k].offsets);
  }
  for (const k of CATEGORY_COLUMNS) add(t[k].codes);
  for (const a of [t.lat, t.lon, t.location, t.revenue, t.potential, t.visits]) add(a);
  for (const e of t.extra) {
    add(e.values.bytes);
    add(e.values.offsets);
  }
  return [...out];
}
