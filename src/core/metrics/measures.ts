import { KM2_PER_MI2, KM_PER_MILE } from '../units/sphere';
import type { DistanceUnit } from './workload';

/**
 * Small derived measures of a territory. Inputs are km and km²; conversion to the user's unit
 * happens last, here, so sums stay in one unit.
 */

export function distanceIn(km: number, unit: DistanceUnit): number {
  return unit === 'mi' ? km / KM_PER_MILE : km;
}

export function areaIn(km2: number, unit: DistanceUnit): number {
  return unit === 'mi' ? km2 / KM2_PER_MI2 : km2;
}

/** Accounts per km² or per mi²; NaN when the area is 0 (no units). */
export function density(accounts: number, areaKm2: number, unit: DistanceUnit): number {
  const a = areaIn(areaKm2, unit);
  return a > 0 ? accounts / a : NaN;
}

/**
 * Polsby-Popper compactness 4πA / P²: 1 for a disc, π/4 ≈ 0.785 for a square, near 0 for a
 * snake. A and P must be in matching units (km², km). P is the length of the territory's outline:
 * boundary with other territories, unassigned units and the outside (coast, border), including the
 * outline of every hole and every separate part. NaN when P is 0 (empty territory).
 */
export function polsbyPopper(areaKm2: number, perimeterKm: number): number {
  return perimeterKm > 0 ? (4 * Math.PI * areaKm2) / (perimeterKm * perimeterKm) : NaN;
}

/**
 * Deviation of each value from the mean of all values, in percent: (v − mean) / mean × 100.
 * Every territory counts toward the mean, empty ones too (an empty territory is a real
 * imbalance). NaN for all when the mean is 0 (nothing to balance yet).
 */
export function deviationFromMeanPct(values: ArrayLike<number>): { mean: number; deviationPct: Float64Array } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = n > 0 ? sum / n : 0;
  const deviationPct = new Float64Array(n);
  for (let i = 0; i < n; i++) deviationPct[i] = mean !== 0 ? ((values[i] - mean) / mean) * 100 : NaN;
  return { mean, deviationPct };
}
