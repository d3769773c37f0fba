import { describe, expect, it } from 'vitest';
import { AccountView, POINT_ZOOM } from './aggregate';
import type { ViewColumns } from './columns';
import { gridCluster } from './grid-cluster';
import { bboxToRanges, latToY, lonToX, xToLon, yToLat } from './mercator';
import { randomAccounts, seeded } from './test-data';
import type { ViewFeature, ViewQuery } from './types';

const US: ViewQuery['bbox'] = [-130, 22, -60, 51];
const sumCounts = (fs: ViewFeature[]) => fs.reduce((s, f) => s + f.count, 0);

function columns(points: [number, number][], codes: Partial<Record<'segment' | 'classification' | 'owner', number[]>> = {}): ViewColumns {
  const n = points.length;
  const col = (k: 'segment' | 'classification' | 'owner') => Uint16Array.from(codes[k] ?? new Array(n).fill(1));
  return {
    lon: Float64Array.from(points.map((p) => p[0])),
    lat: Float64Array.from(points.map((p) => p[1])),
    revenue: Float64Array.from(points.map((_, i) => 100 * (i + 1))),
    segment: col('segment'),
    classification: col('classification'),
    owner: col('owner'),
  };
}

/** The accounts a filter lets through in a bbox, counted the slow, obvious way. */
function bruteCount(c: ViewColumns, bbox: ViewQuery['bbox'], hidden: { segment: number[]; classification: number[]; owner?: number[] }) {
  const [w, s, e, n] = bbox;
  let count = 0;
  for (let i = 0; i < c.lat.length; i++) {
    const lon = c.lon[i];
    const lat = c.lat[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const inLon = w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
    if (!inLon || lat < s || lat > n) continue;
    if (hidden.segment.includes(c.segment[i]) || hidden.classification.includes(c.classification[i])) continue;
    if (hidden.owner?.includes(c.owner[i])) continue;
    count++;
  }
  return count;
}

describe('AccountView counts', () => {
  const cols = randomAccounts(50_000, { seed: 7, unlocated: 0.01, emptyRevenue: 0.1 });
  const view = new AccountView(cols);

  it('adds up exactly to the visible accounts, at every zoom and under random filters', () => {
    const rnd = seeded(3);
    for (let trial = 0; trial < 40; trial++) {
      const zoom = rnd() * 14;
      const w = -128 + rnd() * 50;
      const s = 23 + rnd() * 20;
      const span = 60 / 2 ** (zoom / 2);
      const bbox: ViewQuery['bbox'] = [w, s, w + span, Math.min(s + span / 2, 84)];
      const hidden = {
        segment: [0, 1, 2, 3, 4].filter(() => rnd() < 0.3),
        classification: [0, 1, 2, 3, 4].filter(() => rnd() < 0.3),
        owner: Array.from({ length: 40 }, (_, i) => i).filter(() => rnd() < 0.2),
      };
      const r = view.query({ bbox, zoom, colorBy: 'owner', hidden });
      expect(r.total).toBe(bruteCount(cols, bbox, hidden));
      expect(sumCounts(r.features)).toBe(r.total);
    }
  });

  it('counts every imported account when zoomed out to the whole US', () => {
    const r = view.query({ bbox: US, zoom: 3, colorBy: 'segment' });
    expect(r.mode).toBe('clusters');
    expect(r.total).toBe(view.located);
    expect(sumCounts(r.features)).toBe(view.located);
    expect(r.shown).toBe(view.located);
    expect(view.located + view.summary.unlocated).toBe(50_000);
    expect(r.features.length).toBeLessThan(3000);
  });

  it('reports accounts passing the filters anywhere as shown', () => {
    const hidden = { segment: [2], classification: [0] };
    const r = view.query({ bbox: [-100, 30, -99, 31], zoom: 9, colorBy: 'segment', hidden });
    expect(r.shown).toBe(bruteCount(cols, [-180, -90, 180, 90], hidden));
  });

  it('sums cluster revenue over the known values only', () => {
    const r = view.query({ bbox: US, zoom: 4, colorBy: 'segment' });
    let expected = 0;
    cols.revenue.forEach((v, i) => {
      if (!Number.isNaN(v) && !Number.isNaN(cols.lat[i])) expected += v;
    });
    const got = r.features.reduce((s, f) => s + (Number.isNaN(f.revenue) ? 0 : f.revenue), 0);
    expect(got).toBeCloseTo(expected, 0);
  });
});

describe('AccountView modes', () => {
  it('returns single accounts with their rows when few are in view', () => {
    const c = columns([
      [-100, 40],
      [-90, 35],
      [-80, 30],
    ], { segment: [1, 2, 3] });
    const r = new AccountView(c).query({ bbox: US, zoom: 3, colorBy: 'segment' });
    expect(r.mode).toBe('points');
    expect(r.features.map((f) => [f.index, f.colorCode, f.kind]).sort()).toEqual([
      [0, 1, 'point'],
      [1, 2, 'point'],
      [2, 3, 'point'],
    ]);
    const f = r.features.find((x) => x.index === 1)!;
    expect(f.lon).toBeCloseTo(-90, 9);
    expect(f.lat).toBeCloseTo(35, 9);
    expect(f.revenue).toBe(200);
  });

  it('clusters when there are more than maxPoints, and keeps points from zoom 12 up to 5× that', () => {
    const rnd = seeded(2);
    const v = new AccountView(columns(Array.from({ length: 2000 }, () => [-97.01 + rnd() * 0.01, 37 + rnd() * 0.01])));
    const bbox: ViewQuery['bbox'] = [-97.02, 36.99, -96.99, 37.02];
    expect(v.query({ bbox, zoom: 11, colorBy: 'segment', maxPoints: 500 }).mode).toBe('clusters');
    const near = v.query({ bbox, zoom: POINT_ZOOM, colorBy: 'segment', maxPoints: 500 });
    expect(near.mode).toBe('points');
    expect(near.features).toHaveLength(2000);
    expect(v.query({ bbox, zoom: POINT_ZOOM, colorBy: 'segment', maxPoints: 300 }).mode).toBe('clusters');
  });

  it('puts a cluster at the mean position of its accounts, and a lone account in a cell as a point', () => {
    const c = columns([
      [-100, 40],
      [-100.02, 40.02],
      [-99.98, 39.98],
      [-80, 30],
    ]);
    const r = new AccountView(c).query({ bbox: US, zoom: 3, colorBy: 'segment', maxPoints: 1 });
    const cluster = r.features.find((f) => f.kind === 'cluster')!;
    expect(cluster.count).toBe(3);
    expect(cluster.index).toBe(-1);
    expect(cluster.lon).toBeCloseTo(-100, 6);
    expect(cluster.lat).toBeCloseTo(yToLat((latToY(40) + latToY(40.02) + latToY(39.98)) / 3), 9);
    expect(cluster.revenue).toBe(600);
    const single = r.features.find((f) => f.kind === 'point')!;
    expect(single).toMatchObject({ index: 3, count: 1, revenue: 400 });
  });

  it('merges the two halves of a group that a cell border cuts in two', () => {
    // At zoom 3 with 60 px cells a cell is 1/68.27 of the world wide; put a border between two groups a pixel apart.
    const border = xToLon(20 / ((512 * 8) / 60));
    const pts: [number, number][] = [];
    for (let i = 0; i < 5; i++) pts.push([border - 0.05, 40 + i * 0.01], [border + 0.05, 40 + i * 0.01]);
    const v = new AccountView(columns(pts));
    const merged = v.query({ bbox: US, zoom: 3, colorBy: 'segment', maxPoints: 0 });
    expect(merged.features).toMatchObject([{ kind: 'cluster', count: 10 }]);
    expect(merged.features[0].lon).toBeCloseTo(border, 6);
  });

  it('ignores accounts without a position', () => {
    const c = columns([
      [-100, 40],
      [NaN, 40],
      [-90, NaN],
    ]);
    const v = new AccountView(c);
    expect(v.located).toBe(1);
    expect(v.summary).toMatchObject({ count: 3, located: 1, unlocated: 2 });
    expect(v.query({ bbox: [-180, -90, 180, 90], zoom: 0, colorBy: 'segment' }).total).toBe(1);
  });
});

describe('colour of a cluster', () => {
  it('is the most common code among the visible accounts of the cluster', () => {
    const pts: [number, number][] = Array.from({ length: 10 }, (_, i) => [-100 + i * 0.001, 40]);
    const segment = [1, 2, 2, 3, 2, 3, 3, 3, 2, 3]; // 3 ×5, 2 ×4
    const v = new AccountView(columns(pts, { segment }));
    const q = { bbox: US, zoom: 3, colorBy: 'segment', maxPoints: 1 } as const;
    expect(v.query(q).features).toMatchObject([{ kind: 'cluster', count: 10, colorCode: 3 }]);
    // Hiding segment 3 leaves segment 2 as the majority.
    expect(v.query({ ...q, hidden: { segment: [3], classification: [] } }).features).toMatchObject([
      { kind: 'cluster', count: 5, colorCode: 2 },
    ]);
  });

  it('is the same whether found with a dense histogram or by sorting', () => {
    const cols = randomAccounts(20_000, { seed: 9, owners: 300 });
    const v = new AccountView(cols);
    const r = v.query({ bbox: US, zoom: 4, colorBy: 'owner' });
    // Recompute with the sorting path forced (denseLimit 0) on the same grid.
    const internals = v as unknown as { coords: Float64Array; revenue: Float64Array; codes: { owner: Uint16Array }; row: Uint32Array; positions: Uint32Array; cellOf: Int32Array };
    const [range] = bboxToRanges(US);
    const scale = (512 * 2 ** 4) / 60;
    const gx0 = Math.floor(range.minX * scale);
    const gy0 = Math.floor(range.minY * scale);
    const sorted = gridCluster(
      {
        coords: internals.coords,
        revenue: internals.revenue,
        codes: internals.codes.owner,
        labelCount: 300,
        row: internals.row,
        positions: internals.positions,
        length: r.total,
        shiftFrom: r.total,
        scale,
        gx0,
        gy0,
        nx: Math.floor(range.maxX * scale) - gx0 + 1,
        ny: Math.floor(range.maxY * scale) - gy0 + 1,
      },
      internals.cellOf,
      0,
    );
    expect(sorted).toEqual(r.features);
  });
});

describe('antimeridian and whole world', () => {
  // Accounts on both sides of the date line: Fiji-ish and Samoa-ish, plus one far away.
  const c = columns(
    [
      [178, -17],
      [179.5, -17.5],
      [-179.5, -16],
      [-178, -17],
      [10, 50],
    ],
    { segment: [1, 1, 2, 2, 3] },
  );
  const v = new AccountView(c);

  it('finds accounts on both sides when west > east', () => {
    const r = v.query({ bbox: [170, -30, -170, 0], zoom: 4, colorBy: 'segment' });
    expect(r.total).toBe(4);
    expect(r.features.map((f) => f.index).sort()).toEqual([0, 1, 2, 3]);
    for (const f of r.features) expect(f.lon).toBeGreaterThanOrEqual(-180);
  });

  it('finds the same accounts with unwrapped longitudes (170 … 190)', () => {
    const r = v.query({ bbox: [170, -30, 190, 0], zoom: 4, colorBy: 'segment' });
    expect(r.total).toBe(4);
    const w = v.query({ bbox: [-190, -30, -170, 0], zoom: 4, colorBy: 'segment' });
    expect(w.total).toBe(4);
  });

  it('clusters across the date line into one cluster at the mean position', () => {
    // Cells of 400 px at zoom 1 are 0.39 world units wide, so x = 0.994 … 1.005 falls in one cell.
    const r = v.query({ bbox: [150, -40, 210, 10], zoom: 1, colorBy: 'segment', maxPoints: 0, cellPx: 400 });
    expect(r.features).toHaveLength(1);
    const [f] = r.features;
    expect(f.count).toBe(4);
    // mean of 178, 179.5, 180.5, 182 = 180: right on the date line, not at 0° longitude
    expect(Math.abs(f.lon)).toBeCloseTo(180, 6);
  });

  it('treats a bbox 360° wide or wider as the whole world', () => {
    for (const bbox of [
      [-180, -85, 180, 85],
      [-540, -85, 540, 85],
    ] as const) {
      const r = v.query({ bbox, zoom: 0, colorBy: 'segment', maxPoints: 0 });
      expect(r.total).toBe(5);
      expect(sumCounts(r.features)).toBe(5);
    }
  });

  it('splits ranges at the date line', () => {
    expect(bboxToRanges([170, -10, -170, 10])).toHaveLength(2);
    expect(bboxToRanges([-10, -10, 10, 10])).toEqual([
      { minX: lonToX(-10), minY: latToY(10), maxX: lonToX(10), maxY: latToY(-10), shift: 0 },
    ]);
  });
});

describe('filterCounts', () => {
  const c = columns(
    [
      [-100, 40],
      [-100, 41],
      [-90, 40],
      [-80, 40],
    ],
    { segment: [1, 1, 2, 0], classification: [1, 2, 2, 1], owner: [0, 1, 1, 2] },
  );
  const v = new AccountView(c);

  it('counts every code when nothing is hidden', () => {
    expect(v.filterCounts()).toEqual({ segment: [1, 2, 1], classification: [0, 2, 2], owner: [1, 2, 1] });
  });

  it("ignores a category's own filter but honours the others", () => {
    const counts = v.filterCounts({ segment: [1], classification: [] });
    expect(counts.segment).toEqual([1, 2, 1]);
    expect(counts.classification).toEqual([0, 1, 1]);
    expect(counts.owner).toEqual([0, 1, 1]);
  });

  it('can count only a bbox', () => {
    expect(v.filterCounts(undefined, [-101, 39, -95, 42]).segment).toEqual([0, 2, 0]);
  });

  it('follows new codes after setCategory', () => {
    const w = new AccountView(c);
    w.setCategory('owner', Uint16Array.from([3, 3, 3, 3]));
    expect(w.filterCounts().owner).toEqual([0, 0, 0, 4]);
    const r = w.query({ bbox: US, zoom: 3, colorBy: 'owner', hidden: { segment: [], classification: [], owner: [3] } });
    expect(r.total).toBe(0);
  });

  it('lists the rows in a bbox', () => {
    expect([...v.rowsIn([-101, 39, -95, 42])].sort()).toEqual([0, 1]);
  });
});

describe('showOnlyRows', () => {
  const cols = randomAccounts(20_000, { seed: 11, unlocated: 0.02, emptyRevenue: 0.1 });

  it('shows only the marked rows, under the filters too, and everything again when cleared', () => {
    const view = new AccountView(cols);
    const rnd = seeded(5);
    const mask = Uint8Array.from({ length: cols.lat.length }, () => (rnd() < 0.1 ? 1 : 0));
    const hidden = { segment: [1], classification: [] };
    const expected = (withMask: boolean) => {
      let n = 0;
      for (let i = 0; i < cols.lat.length; i++) {
        if (!Number.isFinite(cols.lat[i]) || !Number.isFinite(cols.lon[i]) || cols.segment[i] === 1) continue;
        if (withMask && !mask[i]) continue;
        n++;
      }
      return n;
    };
    view.showOnlyRows(mask);
    const r = view.query({ bbox: [-180, -85, 180, 85], zoom: 3, colorBy: 'segment', hidden });
    expect(r.shown).toBe(expected(true));
    expect(sumCounts(r.features)).toBe(r.total);
    expect(r.total).toBe(bruteCount({ ...cols, lat: cols.lat.map((v, i) => (mask[i] ? v : NaN)) }, [-180, -85, 180, 85], hidden));
    // every row drawn at point zoom is a marked one
    const points = view.query({ bbox: [-180, -85, 180, 85], zoom: 15, colorBy: 'segment', hidden: { segment: [], classification: [] } });
    expect(points.features.every((f) => f.index !== undefined && mask[f.index] === 1)).toBe(true);
    view.showOnlyRows(null);
    expect(view.shownWith(hidden)).toBe(expected(false));
  });

  it('refuses a mask of the wrong length', () => {
    const view = new AccountView(cols);
    expect(() => view.showOnlyRows(new Uint8Array(3))).toThrow(/3 rows/);
  });
});
