import type { ZipLookup, ZipPlace } from './zip-lookup';

export const ZIP_TABLE_VERSION = 1;

/**
 * public/data/zips.json as written by scripts/build-zip-table.ts: one array per column, sorted by
 * ZIP, so the asset stays small and parses without per-row keys.
 */
export interface ZipTableJson {
  version: number;
  /** where the data came from, for the about box */
  source: string;
  count: number;
  /** state/territory codes; `state` holds indexes into this */
  states: string[];
  zip: string[];
  lat: number[];
  lon: number[];
  city: string[];
  state: number[];
  /** 1 = Census ZCTA (the ZIP has an area), 0 = point-only ZIP (PO box, unique ZIP) */
  zcta: number[];
}

export interface ZipEntry extends ZipPlace {
  /** whether the ZIP is a ZCTA; only those get approximate areas */
  zcta: boolean;
}

export interface ZipTable extends ZipLookup {
  /** every ZIP, sorted by ZIP */
  readonly entries: readonly ZipEntry[];
  readonly source: string;
  get(zip5: string): ZipEntry | undefined;
}

function column<T>(json: Record<string, unknown>, key: string, count: number, ok: (v: unknown) => v is T): T[] {
  const v = json[key];
  if (!Array.isArray(v) || v.length !== count) throw new Error(`ZIP table: column "${key}" missing or not ${count} long`);
  for (let i = 0; i < v.length; i++) {
    if (!ok(v[i])) throw new Error(`ZIP table: bad value in "${key}" at row ${i}`);
  }
  return v as T[];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Validates the asset (it may be stale or truncated by a proxy) and indexes it. */
export function parseZipTable(input: unknown): ZipTable {
  if (typeof input !== 'object' || input === null) throw new Error('ZIP table: not a JSON object');
  const json = input as Record<string, unknown>;
  if (json.version !== ZIP_TABLE_VERSION) throw new Error(`ZIP table: version ${String(json.version)}, expected ${ZIP_TABLE_VERSION}`);
  const count = json.count;
  if (!isNumber(count)) throw new Error('ZIP table: count missing');
  const states = column(json, 'states', (json.states as unknown[] | undefined)?.length ?? -1, isString);
  const zip = column(json, 'zip', count, (v): v is string => isString(v) && /^\d{5}$/.test(v));
  const lat = column(json, 'lat', count, isNumber);
  const lon = column(json, 'lon', count, isNumber);
  const city = column(json, 'city', count, isString);
  const state = column(json, 'state', count, (v): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < states.length);
  const zcta = column(json, 'zcta', count, (v): v is number => v === 0 || v === 1);

  const entries: ZipEntry[] = new Array(count);
  const byZip = new Map<string, ZipEntry>();
  // 3-digit area centre = plain mean of its ZIPs; areas are small enough that the mean of
  // degrees is fine, and no area straddles the antimeridian.
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (let i = 0; i < count; i++) {
    const e: ZipEntry = { zip: zip[i], lat: lat[i], lon: lon[i], city: city[i], state: states[state[i]], zcta: zcta[i] === 1 };
    entries[i] = e;
    byZip.set(e.zip, e);
    const key = e.zip.slice(0, 3);
    const s = sums.get(key);
    if (s) {
      s.lat += e.lat;
      s.lon += e.lon;
      s.n++;
    } else sums.set(key, { lat: e.lat, lon: e.lon, n: 1 });
  }
  const zip3 = new Map<string, { lat: number; lon: number }>();
  for (const [key, s] of sums) zip3.set(key, { lat: s.lat / s.n, lon: s.lon / s.n });

  return {
    size: byZip.size,
    entries,
    source: isString(json.source) ? json.source : '',
    get: (zip5) => byZip.get(zip5),
    getZip3: (z3) => zip3.get(z3),
  };
}
