import type { AccountTable } from '../accounts/table';
import { KM_PER_MILE } from '../units/sphere';

/**
 * THE definition of workload. Every figure that says "workload" (territory panel, balance, the
 * generator, exports) comes from these functions.
 *
 *   workload (hours / year) = visits per year × (visit duration + travel time per visit)
 *
 * - visits per year: the account's own value (the "Visits per year" column) when it has one,
 *   else the default for its classification (Core 12, Invest 8, Opportunistic 4, Divest 2), else
 *   `defaultVisits` (4) for any other or empty classification. A negative value counts as 0.
 * - visit duration: `visitHours`, the same for every account (default 1 h).
 * - travel time per visit = trips × great-circle distance (rep's home → account) × road factor
 *   ÷ average speed. The road factor (default 1.3) turns the straight line into a typical road
 *   distance. `trip: 'round'` (default) counts home → account → home, i.e. every visit is its own
 *   trip (trips = 2): with no route data that is the one assumption that never undercounts the
 *   driving of a rural account. `trip: 'oneWay'` (trips = 1) approximates reps who chain visits.
 * - no rep (or a rep without a home location): travel time is 0, so workload is visit time only;
 *   the territory panel says "no rep" rather than showing a travel figure.
 *
 * Because the formula is linear, a territory's workload is computed from two sums over its
 * accounts, Σ visits and Σ visits × distance (see workloadFromSums), which is what makes it
 * incremental. Distances are km inside; `distanceUnit` only decides how speed is read (mph or
 * km/h) and how distances are shown.
 */

export type DistanceUnit = 'mi' | 'km';

export interface WorkloadSettings {
  /** hours spent at the account per visit */
  visitHours: number;
  /** visits per year by classification label, for accounts without their own value */
  visitsByClassification: Record<string, number>;
  /** visits per year for a classification not in the table (or empty) */
  defaultVisits: number;
  /** road distance ÷ great-circle distance */
  roadFactor: number;
  /** average driving speed in `distanceUnit` per hour */
  speed: number;
  distanceUnit: DistanceUnit;
  trip: 'round' | 'oneWay';
}

export const DEFAULT_WORKLOAD: Readonly<WorkloadSettings> = Object.freeze({
  visitHours: 1,
  visitsByClassification: Object.freeze({ Core: 12, Invest: 8, Opportunistic: 4, Divest: 2 }) as Record<string, number>,
  defaultVisits: 4,
  roadFactor: 1.3,
  speed: 35,
  distanceUnit: 'mi',
  trip: 'round',
});

/** Average speed in km/h whatever the unit setting. */
export function speedKmh(s: WorkloadSettings): number {
  return s.distanceUnit === 'mi' ? s.speed * KM_PER_MILE : s.speed;
}

/** Switching miles ↔ km converts the speed too, so no workload changes because of the display unit. */
export function withDistanceUnit(s: WorkloadSettings, unit: DistanceUnit): WorkloadSettings {
  if (unit === s.distanceUnit) return s;
  const speed = unit === 'km' ? s.speed * KM_PER_MILE : s.speed / KM_PER_MILE;
  return { ...s, distanceUnit: unit, speed };
}

/** Visits per year of one account: its own value (NaN = none) or its classification's default. */
export function visitsPerYear(ownVisits: number, classification: string, s: WorkloadSettings): number {
  if (!Number.isNaN(ownVisits)) return Math.max(0, ownVisits);
  return s.visitsByClassification[classification] ?? s.defaultVisits;
}

/**
 * Travel hours for one visit at great-circle distance `distanceKm` from the rep's home; null
 * (no rep) → 0. trips × km × roadFactor ÷ km/h. A speed of 0 or less would make travel infinite;
 * it is treated as "no travel estimate" (0) instead of poisoning every sum.
 */
export function travelHoursPerVisit(distanceKm: number | null, s: WorkloadSettings): number {
  if (distanceKm === null || Number.isNaN(distanceKm)) return 0;
  const v = speedKmh(s);
  if (!(v > 0)) return 0;
  return ((s.trip === 'round' ? 2 : 1) * distanceKm * s.roadFactor) / v;
}

/** Workload hours per year of one account. */
export function workloadHours(visits: number, distanceKm: number | null, s: WorkloadSettings): number {
  return visits * (s.visitHours + travelHoursPerVisit(distanceKm, s));
}

/**
 * Workload of a set of accounts from its sums: Σ visits × visitHours + travel hours for
 * Σ (visits × distance km). Equals Σ workloadHours over the accounts because travel time is
 * linear in distance. hasRep false → visit time only.
 */
export function workloadFromSums(visits: number, visitKm: number, hasRep: boolean, s: WorkloadSettings): number {
  return visits * s.visitHours + (hasRep ? travelHoursPerVisit(visitKm, s) : 0);
}

/** Visits per year of every account of the table (one label lookup per classification, not per row). */
export function accountVisits(t: AccountTable, s: WorkloadSettings): Float64Array {
  const byCode = t.classification.labels.map((label) => s.visitsByClassification[label] ?? s.defaultVisits);
  const out = new Float64Array(t.count);
  const codes = t.classification.codes;
  for (let i = 0; i < t.count; i++) {
    const own = t.visits[i];
    out[i] = Number.isNaN(own) ? byCode[codes[i]] : Math.max(0, own);
  }
  return out;
}
