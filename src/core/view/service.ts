import { AccountView } from './aggregate';
import { NOTHING_HIDDEN, type Hidden, type ViewCategory, type ViewColumns } from './columns';
import type { CategoryCounts, ViewQuery, ViewResult, ViewSummary } from './types';

/**
 * What the view worker can be asked, as plain methods. The worker is a thin shell around this
 * class, so the whole protocol runs in Node tests without a Worker.
 */
export interface ViewMethods {
  /** Replaces the accounts; returns their summary. */
  load(columns: ViewColumns): ViewSummary;
  /** `hidden` in the query wins over the filters set with setHidden. */
  query(q: ViewQuery): ViewResult;
  /** Remembers the filters for later queries; returns how many accounts pass them. */
  setHidden(hidden: Hidden): number;
  setCategory(column: ViewCategory, codesByRow: Uint16Array): void;
  /** Shows only the rows marked 1 (null: all); returns how many accounts pass the filters then. */
  showOnlyRows(mask: Uint8Array | null): number;
  /** Per-code counts under the current filters (see AccountView.filterCounts). */
  filterCounts(bbox?: ViewQuery['bbox']): CategoryCounts;
  summary(): ViewSummary;
  rowsIn(bbox: ViewQuery['bbox']): Uint32Array;
}

export type ViewMethod = keyof ViewMethods;

export type ViewCall = {
  [K in ViewMethod]: { id: number; method: K; args: Parameters<ViewMethods[K]> };
}[ViewMethod];

export type ViewReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

const EMPTY: ViewColumns = {
  lon: new Float64Array(0),
  lat: new Float64Array(0),
  revenue: new Float64Array(0),
  segment: new Uint16Array(0),
  classification: new Uint16Array(0),
  owner: new Uint16Array(0),
};

export class ViewService implements ViewMethods {
  private view = new AccountView(EMPTY);
  private hidden: Hidden = NOTHING_HIDDEN;

  load(columns: ViewColumns): ViewSummary {
    this.view = new AccountView(columns);
    return this.view.summary;
  }

  query(q: ViewQuery): ViewResult {
    return this.view.query({ ...q, hidden: q.hidden ?? this.hidden });
  }

  setHidden(hidden: Hidden): number {
    this.hidden = hidden;
    return this.view.shownWith(hidden);
  }

  setCategory(column: ViewCategory, codesByRow: Uint16Array): void {
    this.view.setCategory(column, codesByRow);
  }

  showOnlyRows(mask: Uint8Array | null): number {
    this.view.showOnlyRows(mask);
    return this.view.shownWith(this.hidden);
  }

  filterCounts(bbox?: ViewQuery['bbox']): CategoryCounts {
    return this.view.filterCounts(this.hidden, bbox);
  }

  summary(): ViewSummary {
    return this.view.summary;
  }

  rowsIn(bbox: ViewQuery['bbox']): Uint32Array {
    return this.view.rowsIn(bbox, this.hidden);
  }

  /** Runs one call; the reply's typed arrays are listed for transfer back. */
  handle(call: ViewCall): { reply: ViewReply; transfer: ArrayBuffer[] } {
    try {
      const fn = this[call.method] as (...args: unknown[]) => unknown;
      const result = fn.apply(this, call.args);
      const transfer = result instanceof Uint32Array ? [result.buffer as ArrayBuffer] : [];
      return { reply: { id: call.id, ok: true, result }, transfer };
    } catch (e) {
      return { reply: { id: call.id, ok: false, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
    }
  }
}
