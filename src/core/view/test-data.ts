import type { ViewColumns } from './columns';
import { mulberry32 as seeded } from '../random';

export { seeded };


export interface RandomAccountsOptions {
  seed?: number;
  /** [west, south, east, north] the accounts are scattered over (default: contiguous US) */
  bbox?: [number, number, number, number];
  /** codes are 0..n-1 (0 = empty) */
  segments?: number;
  classifications?: number;
  owners?: number;
  /** share of rows with NaN revenue */
  emptyRevenue?: number;
  /** share of rows with no position */
  unlocated?: number;
}

/**
 * Random accounts for tests and benchmarks: half spread evenly, half crowded around a few "cities",
 * so clusters vary in size the way real customers do.
 */
export function randomAccounts(n: number, o: RandomAccountsOptions = {}): ViewColumns {
  const rnd = seeded(o.seed ?? 1);
  const [w, s, e, nth] = o.bbox ?? [-124, 25, -67, 49];
  const cities = Array.from({ length: 40 }, () => [w + rnd() * (e - w), s + rnd() * (nth - s)]);
  const cols: ViewColumns = {
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    revenue: new Float64Array(n),
    segment: new Uint16Array(n),
    classification: new Uint16Array(n),
    owner: new Uint16Array(n),
  };
  for (let i = 0; i < n; i++) {
    if (rnd() < (o.unlocated ?? 0)) {
      cols.lon[i] = NaN;
      cols.lat[i] = NaN;
    } else if (rnd() < 0.5) {
      cols.lon[i] = w + rnd() * (e - w);
      cols.lat[i] = s + rnd() * (nth - s);
    } else {
      const c = cities[Math.floor(rnd() * cities.length)];
      cols.lon[i] = c[0] + (rnd() - 0.5) * (rnd() - 0.5) * 2;
      cols.lat[i] = c[1] + (rnd() - 0.5) * (rnd() - 0.5) * 2;
    }
    cols.revenue[i] = rnd() < (o.emptyRevenue ?? 0) ? NaN : Math.round(1000 + 200_000 * rnd() ** 3);
    cols.segment[i] = Math.floor(rnd() * (o.segments ?? 5));
    cols.classification[i] = Math.floor(rnd() * (o.classifications ?? 5));
    cols.owner[i] = Math.floor(rnd() * (o.owners ?? 40));
  }
  return cols;
}
