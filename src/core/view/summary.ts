import { xToLon, yToLat } from './mercator';
import type { ViewSummary } from './types';

/** Enough revenues to place a percentile within a fraction of a percent, at a fixed cost. */
const PERCENTILE_SAMPLE = 100_000;

/** Totals over the located accounts; `coords` is interleaved world x, y and `revenue` matches it. */
export function computeSummary(count: number, coords: Float64Array, revenue: Float64Array): ViewSummary {
  const located = revenue.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let sum = 0;
  let withRevenue = 0;
  let max = 0;
  for (let p = 0; p < located; p++) {
    const x = coords[2 * p];
    const y = coords[2 * p + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    const r = revenue[p];
    if (r === r) {
      sum += r;
      withRevenue++;
      if (r > max) max = r;
    }
  }
  return {
    count,
    located,
    unlocated: count - located,
    revenue: sum,
    withRevenue,
    revenueP95: percentile(revenue, withRevenue, 0.95),
    revenueMax: max,
    bounds: located ? [xToLon(minX), yToLat(maxY), xToLon(maxX), yToLat(minY)] : null,
  };
}

/**
 * The q-th quantile of the known values, from an evenly spaced sample when there are many: the
 * size scale only needs a robust top, not an exact one.
 */
function percentile(values: Float64Array, known: number, q: number): number {
  if (known === 0) return 0;
  const step = Math.max(1, Math.floor(values.length / PERCENTILE_SAMPLE));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += step) if (values[i] === values[i]) sample.push(values[i]);
  if (sample.length === 0) for (const v of values) if (v === v) sample.push(v);
  const sorted = Float64Array.from(sample).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
}
