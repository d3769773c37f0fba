import type { AccountTable } from '../accounts/table';

/** The columns the map view needs: positions, the size of a dot and the three colourable categories. */
export interface ViewColumns {
  lon: Float64Array;
  lat: Float64Array;
  /** NaN = empty */
  revenue: Float64Array;
  segment: Uint16Array;
  classification: Uint16Array;
  owner: Uint16Array;
}

export const VIEW_CATEGORIES = ['segment', 'classification', 'owner'] as const;
export type ViewCategory = (typeof VIEW_CATEGORIES)[number];

/**
 * Codes hidden by the filters, per category (code 0 = empty is a code like any other).
 * Owner is optional because most screens only filter by segment and classification.
 */
export interface Hidden {
  segment: readonly number[];
  classification: readonly number[];
  owner?: readonly number[];
}

export const NOTHING_HIDDEN: Hidden = { segment: [], classification: [], owner: [] };

/**
 * Copies the view columns out of a table. The copies are what gets transferred to the view worker,
 * so the table itself stays usable on the main thread.
 */
export function viewColumns(t: AccountTable): ViewColumns {
  return {
    lon: t.lon.slice(),
    lat: t.lat.slice(),
    revenue: t.revenue.slice(),
    segment: t.segment.codes.slice(),
    classification: t.classification.codes.slice(),
    owner: t.owner.codes.slice(),
  };
}

export function viewColumnBuffers(c: ViewColumns): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of [c.lon, c.lat, c.revenue, c.segment, c.classification, c.owner]) out.add(a.buffer as ArrayBuffer);
  return [...out];
}
