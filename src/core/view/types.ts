import type { Hidden, ViewCategory } from './columns';

export type ColorBy = ViewCategory;

/** One thing to draw: a cluster of accounts or a single account. */
export interface ViewFeature {
  kind: 'cluster' | 'point';
  lon: number;
  lat: number;
  /** accounts it stands for (1 for a point) */
  count: number;
  /** sum of the known revenues for a cluster (0 if none known); the account's revenue for a point, NaN when empty */
  revenue: number;
  /** the most common code of the colorBy category among the cluster's accounts; the account's own code for a point */
  colorCode: number;
  /** row of the account in the table for a point, -1 for a cluster */
  index: number;
}

export interface ViewQuery {
  /** [west, south, east, north] in degrees; west > east or east > 180 means across the antimeridian */
  bbox: readonly [number, number, number, number];
  zoom: number;
  colorBy: ColorBy;
  /** codes hidden by the filters; omitted = nothing hidden */
  hidden?: Hidden;
  /** at most this many single accounts are returned before clustering starts (default 3000) */
  maxPoints?: number;
  /** grid cell in screen pixels at `zoom` (default 60) */
  cellPx?: number;
}

export interface ViewResult {
  features: ViewFeature[];
  /** accounts in the bbox that pass the filters: exactly the sum of `count` over `features` */
  total: number;
  /** accounts anywhere that pass the filters (with a location) */
  shown: number;
  mode: 'points' | 'clusters';
}

/** Counts per code (index = code), one array per category. */
export interface CategoryCounts {
  segment: number[];
  classification: number[];
  owner: number[];
}

export interface ViewSummary {
  /** rows given */
  count: number;
  /** rows with a usable latitude and longitude: the ones on the map */
  located: number;
  unlocated: number;
  /** sum of the known revenues of located accounts */
  revenue: number;
  /** accounts with a revenue */
  withRevenue: number;
  /** 95th percentile of known revenues: a robust top of the dot-size scale (0 when none) */
  revenueP95: number;
  revenueMax: number;
  /** [west, south, east, north] of the located accounts, or null when there are none */
  bounds: [number, number, number, number] | null;
}
