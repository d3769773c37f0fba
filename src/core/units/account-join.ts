import type { AccountTable } from '../accounts/table';
import type { UnitFinder } from './unit-finder';
import type { UnitLayer } from './unit-layer';

/** How an account found its unit. */
export const JoinMethod = {
  /** no unit: no usable ZIP or coordinates, or too far from every unit */
  None: 0,
  /** its 5-digit ZIP is a unit of the ZIP layer */
  Zip: 1,
  /** its coordinates lie inside the unit */
  Inside: 2,
  /** its coordinates lie outside every unit; the nearest unit edge within `maxNearestKm` — flagged as approximate */
  Nearest: 3,
} as const;
export type JoinMethod = (typeof JoinMethod)[keyof typeof JoinMethod];

export interface AccountJoin {
  /** unit index per account, -1 = none */
  unitOfAccount: Int32Array;
  /** JoinMethod per account */
  method: Uint8Array;
  /** accounts per method, indexed by JoinMethod */
  byMethod: [number, number, number, number];
}

export interface JoinOptions {
  /** how far outside every unit an account may be and still go to the nearest one; default 25 km */
  maxNearestKm?: number;
}

/** Far enough for points off a generalised coast or in a gap; short enough that Canada stays out. */
export const DEFAULT_MAX_NEAREST_KM = 25;

function byPoint(t: AccountTable, finder: UnitFinder, i: number, maxKm: number, out: AccountJoin): void {
  const lon = t.lon[i];
  const lat = t.lat[i];
  let u = finder.unitAt(lon, lat);
  let m: JoinMethod = JoinMethod.Inside;
  if (u < 0) {
    u = finder.nearestUnit(lon, lat, maxKm);
    m = u < 0 ? JoinMethod.None : JoinMethod.Nearest;
  }
  out.unitOfAccount[i] = u;
  out.method[i] = m;
  out.byMethod[m]++;
}

function emptyJoin(n: number): AccountJoin {
  return { unitOfAccount: new Int32Array(n).fill(-1), method: new Uint8Array(n), byMethod: [0, 0, 0, 0] };
}

/**
 * Counties and the user's own layers: each account goes to the unit its coordinates fall in
 * (R-tree over unit boxes, then an exact ring test), else to the nearest unit within maxNearestKm
 * (flagged Nearest), else none. Accounts without coordinates get none.
 */
export function joinAccountsByPoint(t: AccountTable, finder: UnitFinder, opts: JoinOptions = {}): AccountJoin {
  const maxKm = opts.maxNearestKm ?? DEFAULT_MAX_NEAREST_KM;
  const out = emptyJoin(t.count);
  for (let i = 0; i < t.count; i++) byPoint(t, finder, i, maxKm, out);
  return out;
}

/**
 * The 5-digit ZIP at the start of row i of the zip column as a number 0..99999, or -1. Read from
 * the packed bytes directly: decoding a million strings would cost more than the whole join.
 */
function zip5(bytes: Uint8Array, offsets: Uint32Array, i: number): number {
  const s = offsets[i];
  const e = offsets[i + 1];
  if (e - s < 5) return -1;
  // ZIP+4 ("12345-6789") still names its 5-digit ZIP; anything else after 5 digits does not
  if (e - s > 5 && !(e - s === 10 && bytes[s + 5] === 45)) return -1;
  let z = 0;
  for (let k = s; k < s + 5; k++) {
    const d = bytes[k] - 48;
    if (d < 0 || d > 9) return -1;
    z = z * 10 + d;
  }
  return z;
}

/**
 * The ZIP layer: an account goes to the area of its own 5-digit ZIP. When its ZIP has no area (a
 * PO-box or unique ZIP, a typo, no ZIP), its coordinates decide as in joinAccountsByPoint, and the
 * method says so.
 */
export function joinAccountsByZip(t: AccountTable, layer: UnitLayer, finder: UnitFinder, opts: JoinOptions = {}): AccountJoin {
  const maxKm = opts.maxNearestKm ?? DEFAULT_MAX_NEAREST_KM;
  const unitOfZip = new Int32Array(100_000).fill(-1);
  for (let u = 0; u < layer.count; u++) {
    const id = layer.ids[u];
    if (/^\d{5}$/.test(id)) unitOfZip[Number(id)] = u;
  }
  const out = emptyJoin(t.count);
  const { bytes, offsets } = t.zip;
  for (let i = 0; i < t.count; i++) {
    const z = zip5(bytes, offsets, i);
    const u = z >= 0 ? unitOfZip[z] : -1;
    if (u >= 0) {
      out.unitOfAccount[i] = u;
      out.method[i] = JoinMethod.Zip;
      out.byMethod[JoinMethod.Zip]++;
    } else byPoint(t, finder, i, maxKm, out);
  }
  return out;
}
