import KDBush from 'kdbush';
import { NOTHING_HIDDEN, VIEW_CATEGORIES, type Hidden, type ViewCategory, type ViewColumns } from './columns';
import { hiddenKey, hiddenMasks } from './filters';
import { gridCluster } from './grid-cluster';
import { rangeInto } from './kd-range';
import { bboxToRanges, latToY, lonToX, TILE_PX, wrapLon, xToLon, yToLat } from './mercator';
import { computeSummary } from './summary';
import type { CategoryCounts, ViewFeature, ViewQuery, ViewResult, ViewSummary } from './types';

export type { CategoryCounts, ColorBy, ViewFeature, ViewQuery, ViewResult, ViewSummary } from './types';

export const DEFAULT_MAX_POINTS = 3000;
export const DEFAULT_CELL_PX = 60;
/** From this zoom on, single accounts are drawn even when there are more than maxPoints of them... */
export const POINT_ZOOM = 12;
/** ...up to this many times maxPoints, past which a dense downtown would stall the renderer. */
export const POINT_ZOOM_FACTOR = 5;
/** A grid larger than this (a whole-world bbox at street zoom) is coarsened instead. */
const MAX_CELLS = 1 << 18;

/**
 * A million accounts, ready to be looked at. Positions are projected once, indexed with KDBush, and
 * every per-account column is stored in the index's order, so the accounts of one view sit in a few
 * contiguous runs of memory. Each query returns at most a few thousand features: grid clusters
 * while there are many accounts in view, single accounts once there are few.
 */
export class AccountView {
  /** rows given, located or not */
  readonly count: number;
  private readonly index: KDBush;
  private readonly coords: Float64Array;
  /** kd-order position -> table row */
  private readonly row: Uint32Array;
  private readonly revenue: Float64Array;
  private readonly codes: Record<ViewCategory, Uint16Array>;
  private readonly labelCounts: Record<ViewCategory, number>;
  private readonly positions: Uint32Array;
  private readonly cellOf: Int32Array;
  private keep: Uint8Array;
  private keepKey = '';
  private shown = 0;
  /** by table row: 1 = may be shown; null = every row (see showOnlyRows) */
  private onlyRows: Uint8Array | null = null;
  private onlyVersion = 0;
  private cachedSummary: ViewSummary | null = null;

  constructor(cols: ViewColumns) {
    const n = cols.lat.length;
    this.count = n;
    for (const k of ['lon', 'revenue', ...VIEW_CATEGORIES] as const) {
      if (cols[k].length !== n) throw new Error(`view column ${k} has ${cols[k].length} rows, expected ${n}`);
    }
    let located = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(cols.lat[i]) && Number.isFinite(cols.lon[i])) located++;

    // KDBush ids are the order accounts were added in; keep the table row for each.
    const added = new Uint32Array(located);
    this.index = new KDBush(located, 64, Float64Array);
    for (let i = 0, j = 0; i < n; i++) {
      const lat = cols.lat[i];
      const lon = cols.lon[i];
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      added[j++] = i;
      this.index.add(lonToX(wrapLon(lon)), latToY(lat));
    }
    this.index.finish();
    this.coords = this.index.coords as Float64Array;

    const ids = this.index.ids;
    this.row = new Uint32Array(located);
    for (let p = 0; p < located; p++) this.row[p] = added[ids[p]];
    this.revenue = new Float64Array(located);
    for (let p = 0; p < located; p++) this.revenue[p] = cols.revenue[this.row[p]];
    this.codes = { segment: new Uint16Array(0), classification: new Uint16Array(0), owner: new Uint16Array(0) };
    this.labelCounts = { segment: 1, classification: 1, owner: 1 };
    for (const k of VIEW_CATEGORIES) this.storeCodes(k, cols[k]);

    this.positions = new Uint32Array(located);
    this.cellOf = new Int32Array(located);
    this.keep = new Uint8Array(located);
    this.applyHidden(NOTHING_HIDDEN);
  }

  /** accounts with a usable position */
  get located(): number {
    return this.row.length;
  }

  get summary(): ViewSummary {
    this.cachedSummary ??= computeSummary(this.count, this.coords, this.revenue);
    return this.cachedSummary;
  }

  /** Replaces one category's codes (by table row), e.g. after accounts were assigned to other reps. */
  setCategory(column: ViewCategory, codesByRow: Uint16Array): void {
    if (codesByRow.length !== this.count) throw new Error(`${column} has ${codesByRow.length} rows, expected ${this.count}`);
    this.storeCodes(column, codesByRow);
    this.keepKey = '';
  }

  query(q: ViewQuery): ViewResult {
    this.applyHidden(q.hidden ?? NOTHING_HIDDEN);
    const maxPoints = q.maxPoints ?? DEFAULT_MAX_POINTS;
    const ranges = bboxToRanges(q.bbox);
    const { total, shiftFrom } = this.gather(q.bbox, this.keep);
    const pointCap = q.zoom >= POINT_ZOOM ? maxPoints * POINT_ZOOM_FACTOR : maxPoints;
    const codes = this.codes[q.colorBy];
    if (total <= pointCap) {
      return { features: this.points(total, shiftFrom, codes), total, shown: this.shown, mode: 'points' };
    }

    let scale = (TILE_PX * 2 ** q.zoom) / (q.cellPx ?? DEFAULT_CELL_PX);
    const last = ranges[ranges.length - 1];
    const minX = ranges[0].minX;
    const maxX = last.maxX + last.shift;
    const { minY, maxY } = ranges[0];
    let grid = gridExtent(minX, minY, maxX, maxY, scale);
    while (grid.nx * grid.ny > MAX_CELLS) {
      scale /= 2;
      grid = gridExtent(minX, minY, maxX, maxY, scale);
    }
    const features = gridCluster(
      {
        coords: this.coords,
        revenue: this.revenue,
        codes,
        labelCount: this.labelCounts[q.colorBy],
        row: this.row,
        positions: this.positions,
        length: total,
        shiftFrom,
        scale,
        ...grid,
      },
      this.cellOf,
    );
    return { features, total, shown: this.shown, mode: 'clusters' };
  }

  /**
   * Narrows what is shown to the rows marked 1 (by table row), on top of the category filters,
   * e.g. the accounts no territory owns; null shows every row again.
   */
  showOnlyRows(mask: Uint8Array | null): void {
    if (mask && mask.length !== this.count) throw new Error(`the row mask has ${mask.length} rows, expected ${this.count}`);
    this.onlyRows = mask;
    this.onlyVersion++;
    this.keepKey = '';
  }

  /** How many located accounts pass these filters (and makes them the current ones). */
  shownWith(hidden: Hidden): number {
    this.applyHidden(hidden);
    return this.shown;
  }

  /** Table rows of the accounts in a bbox that pass the filters, e.g. to list or select them. */
  rowsIn(bbox: ViewQuery['bbox'], hidden: Hidden = NOTHING_HIDDEN): Uint32Array {
    this.applyHidden(hidden);
    const { total } = this.gather(bbox, this.keep);
    const out = new Uint32Array(total);
    for (let k = 0; k < total; k++) out[k] = this.row[this.positions[k]];
    return out;
  }

  /**
   * Accounts per code of each category, for the legend and the filter lists. A category's counts
   * ignore its own filter but honour the others', so a hidden segment still shows how many it
   * would bring back. With a bbox, only accounts in it are counted.
   */
  filterCounts(hidden: Hidden = NOTHING_HIDDEN, bbox?: ViewQuery['bbox']): CategoryCounts {
    const masks = hiddenMasks(hidden, this.labelCounts);
    const { segment: seg, classification: cls, owner: own } = this.codes;
    const cs = new Array<number>(this.labelCounts.segment).fill(0);
    const cc = new Array<number>(this.labelCounts.classification).fill(0);
    const co = new Array<number>(this.labelCounts.owner).fill(0);
    const count = (p: number) => {
      const hs = masks.segment[seg[p]];
      const hc = masks.classification[cls[p]];
      const ho = masks.owner[own[p]];
      if (!hc && !ho) cs[seg[p]]++;
      if (!hs && !ho) cc[cls[p]]++;
      if (!hs && !hc) co[own[p]]++;
    };
    if (bbox) {
      const { total } = this.gather(bbox, new Uint8Array(this.located).fill(1));
      for (let k = 0; k < total; k++) count(this.positions[k]);
    } else {
      for (let p = 0; p < this.located; p++) count(p);
    }
    return { segment: cs, classification: cc, owner: co };
  }

  /** Fills `positions` with the accounts in the bbox that `keep` allows; the second range (east of the antimeridian) starts at shiftFrom. */
  private gather(bbox: ViewQuery['bbox'], keep: Uint8Array): { total: number; shiftFrom: number } {
    let total = 0;
    let shiftFrom = Infinity;
    for (const r of bboxToRanges(bbox)) {
      if (r.shift && shiftFrom === Infinity) shiftFrom = total;
      total = rangeInto(this.index, r.minX, r.minY, r.maxX, r.maxY, keep, this.positions, total);
    }
    return { total, shiftFrom: Math.min(shiftFrom, total) };
  }

  private points(total: number, shiftFrom: number, codes: Uint16Array): ViewFeature[] {
    const out: ViewFeature[] = new Array(total);
    for (let k = 0; k < total; k++) {
      const p = this.positions[k];
      out[k] = {
        kind: 'point',
        lon: wrapLon(xToLon(this.coords[2 * p] + (k >= shiftFrom ? 1 : 0))),
        lat: yToLat(this.coords[2 * p + 1]),
        count: 1,
        revenue: this.revenue[p],
        colorCode: codes[p],
        index: this.row[p],
      };
    }
    return out;
  }

  private storeCodes(column: ViewCategory, byRow: Uint16Array): void {
    const out = new Uint16Array(this.located);
    let max = 0;
    for (let p = 0; p < out.length; p++) {
      const c = byRow[this.row[p]];
      out[p] = c;
      if (c > max) max = c;
    }
    this.codes[column] = out;
    this.labelCounts[column] = max + 1;
  }

  /** Rebuilds the per-account visibility only when the filters changed. */
  private applyHidden(h: Hidden): void {
    const key = `${hiddenKey(h)}#${this.onlyRows ? this.onlyVersion : ''}`;
    if (key === this.keepKey) return;
    const masks = hiddenMasks(h, this.labelCounts);
    const { segment: seg, classification: cls, owner: own } = this.codes;
    const only = this.onlyRows;
    let shown = 0;
    for (let p = 0; p < this.located; p++) {
      const v = masks.segment[seg[p]] | masks.classification[cls[p]] | masks.owner[own[p]] || (only !== null && only[this.row[p]] === 0) ? 0 : 1;
      this.keep[p] = v;
      shown += v;
    }
    this.keepKey = key;
    this.shown = shown;
  }
}

function gridExtent(minX: number, minY: number, maxX: number, maxY: number, scale: number) {
  const gx0 = Math.floor(minX * scale);
  const gy0 = Math.floor(minY * scale);
  return { gx0, gy0, nx: Math.floor(maxX * scale) - gx0 + 1, ny: Math.floor(maxY * scale) - gy0 + 1 };
}
