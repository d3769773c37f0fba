import type { MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LocationSource, type Rep } from '../accounts/account';
import { areaIn } from '../metrics/measures';
import { applyCommand, edit } from '../plan/commands';
import { createPlan, newTerritory, type Plan } from '../plan/plan';
import { TerritoryStats } from '../plan/territory-stats';
import { account, makeWorld } from '../plan/world-fixture';
import { countiesLayerFromDisk } from '../units/layers-node';
import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer, type UnitLayer } from '../units/unit-layer';
import { roundMultiPolygon, roundRing, territoriesToGeoJSON } from './territories-geojson';

// 2×2 grid of 0.1° cells whose corner has more than 6 decimals, so every vertex needs rounding:
// unit 0 = c00 (south-west), 1 = c10 (south-east), 2 = c01 (north-west), 3 = c11 (north-east)
const X0 = -71.12345678912;
const Y0 = 42.36012345678;
const layer = buildUnitLayer(gridTopology(2, 2, { lon0: X0, lat0: Y0 }), { layerId: 'grid', objectName: 'cells' });
const world = makeWorld(layer, [
  account('a1', X0 + 0.05, Y0 + 0.05, { revenue: 10, potential: 100, segment: 'High-Volume', classification: 'Core' }),
  account('a2', X0 + 0.15, Y0 + 0.05, { revenue: 20.1, potential: 200.2, segment: 'Small/Cafe', classification: 'Invest', visits: 6 }),
  account('a3', X0 + 0.05, Y0 + 0.15, { revenue: null, potential: 300, segment: '', classification: 'Divest' }),
]);
const reps: Rep[] = [{ id: 'south', name: 'Ann Lee', lat: Y0, lon: X0, location: LocationSource.Given, zip: '02139', quota: 500_000, extra: {} }];
const repHome = (id: string) => (id === 'south' ? { lat: Y0, lon: X0 } : null);
const ctx = { ...world.ctx, repHome };
const labels = { segmentLabels: world.table.segment.labels, classificationLabels: world.table.classification.labels };

function planOf(l: UnitLayer, groups: { id: string; units: number[]; repId?: string; quota?: number }[]): Plan {
  const plan = createPlan({ id: 'p', name: 'p', layerId: l.layerId, unitCount: l.count });
  for (const g of groups) {
    applyCommand(plan, edit.create(newTerritory(g.id, `Territory ${g.id}`, '#1f77b4', { repId: g.repId ?? null, quota: g.quota ?? null })));
    applyCommand(plan, edit.paint(g.units, g.id));
  }
  return plan;
}

/** Shoelace ×2 in lon/lat, counter-clockwise positive. */
function area2(ring: Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return a;
}

function decimals(x: number): number {
  const s = String(x);
  return s.includes('.') ? s.split('.')[1].length : 0;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

describe('territoriesToGeoJSON on a 2×2 grid with two territories and an empty one', () => {
  // A: the south row with the rep; B: the north-west cell; C: nothing; the north-east cell unassigned
  const plan = planOf(layer, [{ id: 'A', units: [0, 1], repId: 'south' }, { id: 'B', units: [2], quota: 1234 }, { id: 'C', units: [] }]);
  const stats = new TerritoryStats(ctx, plan);
  const fc = territoriesToGeoJSON(layer, plan, stats, { unit: 'km', reps, ...labels });

  it('has one feature per territory, in plan order, with the territory id as feature id', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.id)).toEqual(['A', 'B', 'C']);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['A', 'B', 'C']);
    expect(fc).not.toHaveProperty('bbox');
  });

  it('outlines A as the rectangle of its two cells, counter-clockwise, rounded to 6 decimals', () => {
    const g = fc.features[0].geometry as MultiPolygon;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates).toHaveLength(1);
    expect(g.coordinates[0]).toHaveLength(1);
    const ring = g.coordinates[0][0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(area2(ring)).toBeGreaterThan(0);
    // the two cells' shared vertex in the middle of the south and north edges stays (collinear, not a duplicate)
    const corners = new Set(ring.map((p) => p.join(',')));
    for (const [x, y] of [[X0, Y0], [X0 + 0.2, Y0], [X0 + 0.2, Y0 + 0.1], [X0, Y0 + 0.1], [X0 + 0.1, Y0], [X0 + 0.1, Y0 + 0.1]]) {
      expect(corners.has(`${r6(x)},${r6(y)}`)).toBe(true);
    }
    expect(ring).toHaveLength(7);
    for (const p of ring) {
      expect(p).toHaveLength(2);
      expect(decimals(p[0])).toBeLessThanOrEqual(6);
      expect(decimals(p[1])).toBeLessThanOrEqual(6);
    }
    expect(r6(X0)).toBe(-71.123457);
    expect(ring.some((p) => p[0] === -71.123457 && p[1] === 42.360123)).toBe(true);
  });

  it('gives the empty territory a null geometry and still all its properties', () => {
    const c = fc.features[2];
    expect(c.geometry).toBeNull();
    expect(Object.keys(c.properties)).toEqual(Object.keys(fc.features[0].properties));
    expect(c.properties.accounts).toBe(0);
    expect(c.properties.polsby_popper).toBeNull(); // NaN is not JSON
    expect(c.properties.parts).toBe(0);
  });

  it('writes name, rep, colour, quota and every figure as flat properties', () => {
    const a = fc.features[0].properties;
    const f = stats.figures(0, 'km');
    expect(a).toMatchObject({
      id: 'A',
      name: 'Territory A',
      rep: 'Ann Lee',
      rep_id: 'south',
      color: '#1f77b4',
      fill: '#1f77b4',
      quota: 500_000, // none of its own: the rep's
      units: 2,
      accounts: 2,
      revenue: 30.1,
      potential: 300.2,
      visits_per_year: 12 + 6,
      parts: 1,
      balance_metric: 'potential',
      'segment_High-Volume': 1,
      'segment_Small/Cafe': 1,
      classification_Core: 1,
      classification_Invest: 1,
      classification_Divest: 0,
    });
    expect(a.workload_hours).toBeCloseTo(f.workloadHours, 5);
    expect(a.area_km2).toBeCloseTo(f.areaKm2, 5);
    expect(a.perimeter_km).toBeCloseTo(f.perimeterKm, 5);
    expect(a.density_per_km2).toBeCloseTo(2 / f.areaKm2, 5);
    expect(a.polsby_popper).toBeCloseTo(f.polsbyPopper, 5);
    expect(a.travel_mean_km).toBeCloseTo(f.travel!.meanKm, 5);
    expect(a.travel_max_km).toBeCloseTo(f.travel!.maxKm, 5);
    // potential: A 300.2, B 300, C 0 → mean 200.0667
    const mean = (300.2 + 300) / 3;
    expect(a.deviation_pct).toBeCloseTo(((300.2 - mean) / mean) * 100, 5);
    // a3 has an empty segment: the empty bucket is a key of its own, on every feature
    expect(fc.features[1].properties['segment_(empty)']).toBe(1);
    expect(a['segment_(empty)']).toBe(0);
  });

  it('gives no travel and no rep without one, and the territory quota when it has one', () => {
    const b = fc.features[1].properties;
    expect(b.rep).toBeNull();
    expect(b.rep_id).toBeNull();
    expect(b.travel_mean_km).toBeNull();
    expect(b.travel_max_km).toBeNull();
    expect(b.quota).toBe(1234);
  });

  it('names the unit in the keys and converts area, perimeter, density and travel', () => {
    const mi = territoriesToGeoJSON(layer, plan, stats, { unit: 'mi', reps, ...labels }).features[0].properties;
    const f = stats.figures(0, 'mi');
    expect(mi.area_km2).toBeUndefined();
    expect(mi.area_mi2).toBeCloseTo(areaIn(f.areaKm2, 'mi'), 5);
    expect(mi.density_per_mi2).toBeCloseTo(f.density, 5);
    expect(mi.travel_max_mi).toBeCloseTo(f.travel!.maxKm / 1.609344, 5);
    expect(mi.perimeter_mi).toBeCloseTo(f.perimeterKm / 1.609344, 5);
  });

  it('is valid JSON text (no NaN, no Infinity)', () => {
    const text = JSON.stringify(fc);
    expect(JSON.parse(text)).toEqual(fc);
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('refuses figures or a layer that belong to another plan', () => {
    const other = planOf(layer, [{ id: 'A', units: [0] }]);
    expect(() => territoriesToGeoJSON(layer, other, stats, { unit: 'km', ...labels })).toThrow(/territory counts/);
    expect(() => territoriesToGeoJSON({ ...layer, layerId: 'x' }, plan, stats, { unit: 'km', ...labels })).toThrow(/layer/);
  });
});

describe('winding', () => {
  it('keeps exteriors counter-clockwise and holes clockwise (a ring of cells around an unassigned one)', () => {
    const l = buildUnitLayer(gridTopology(3, 3, { lon0: 10.1234567, lat0: -33.7654321 }), { layerId: 'g3', objectName: 'cells' });
    const w = makeWorld(l, []);
    const plan = planOf(l, [{ id: 'ring', units: [0, 1, 2, 3, 5, 6, 7, 8] }, { id: 'middle', units: [4] }]);
    const fc = territoriesToGeoJSON(l, plan, new TerritoryStats(w.ctx, plan), { unit: 'km', segmentLabels: [''], classificationLabels: [''] });
    const ring = (fc.features[0].geometry as MultiPolygon).coordinates;
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(2);
    expect(area2(ring[0][0])).toBeGreaterThan(0);
    expect(area2(ring[0][1])).toBeLessThan(0);
    const middle = (fc.features[1].geometry as MultiPolygon).coordinates;
    expect(area2(middle[0][0])).toBeGreaterThan(0);
    // the hole and the middle cell's exterior are the same positions after rounding: no gap, no overlap
    expect(new Set(ring[0][1].map(String))).toEqual(new Set(middle[0][0].map(String)));
  });
});

describe('roundRing and roundMultiPolygon', () => {
  it('merges positions that rounding made equal and keeps the ring closed', () => {
    const r = roundRing([[0, 0], [1, 0], [1.0000000001, 0.0000000001], [1, 1], [0, 1], [0, 0]], true)!;
    expect(r).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('drops a ring thinner than the rounding', () => {
    expect(roundRing([[5, 5], [5.0000002, 5], [5.0000002, 5.0000002], [5, 5.0000002], [5, 5]], true)).toBeNull();
    // a long sliver: its two long sides round onto one line
    expect(roundRing([[0, 0], [1, 0], [1, 0.0000001], [0, 0.0000001], [0, 0]], true)).toBeNull();
  });

  it('rewinds a ring that rounding turned inside out', () => {
    // a thin triangle, counter-clockwise before rounding: its apex (6.51, 6.4)e-6 lies left of the
    // edge (0, 0) → (10.4, 10)e-6 but rounds to (7, 6)e-6, right of the rounded edge (0, 0) → (10, 10)e-6
    const ccw: Position[] = [[0, 0], [10.4e-6, 10e-6], [6.51e-6, 6.4e-6], [0, 0]];
    expect(area2(ccw)).toBeGreaterThan(0);
    const r = roundRing(ccw, true)!;
    expect(r).toHaveLength(4);
    expect(new Set(r.map(String))).toEqual(new Set(['0,0', '0.00001,0.00001', '0.000007,0.000006']));
    expect(area2(r)).toBeGreaterThan(0);
    expect(area2(roundRing(ccw, false)!)).toBeLessThan(0);
  });

  it('drops the holes of a collapsed exterior and returns null when nothing is left', () => {
    const tiny: Position[] = [[1, 1], [1.0000001, 1], [1.0000001, 1.0000001], [1, 1], [1, 1]];
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [[tiny, tiny]] };
    expect(roundMultiPolygon(mp)).toBeNull();
    expect(roundMultiPolygon({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });

  it('keeps ±180 on their side: nothing rounds past the antimeridian', () => {
    const east = roundRing([[179.5, 51], [179.99999996, 51], [180, 52], [179.5, 52], [179.5, 51]], true)!;
    const west = roundRing([[-180, 51], [-179.5, 51], [-179.5, 52], [-179.99999996, 52], [-180, 51]], true)!;
    expect(east.map((p) => p[0])).toEqual([179.5, 180, 180, 179.5, 179.5]);
    expect(west.map((p) => p[0])).toEqual([-180, -179.5, -179.5, -180, -180]);
  });
});

describe('on the us-atlas counties', () => {
  it('exports Alaska with the Aleutians on both sides of the antimeridian without wrapping the long way', () => {
    const counties = countiesLayerFromDisk();
    const w = makeWorld(counties, []);
    const alaska: number[] = [];
    for (let u = 0; u < counties.count; u++) if (counties.stateFips[u] === '02') alaska.push(u);
    expect(alaska).toContain(counties.index.get('02016')); // Aleutians West
    const plan = planOf(counties, [{ id: 'AK', units: alaska }]);
    const fc = territoriesToGeoJSON(counties, plan, new TerritoryStats(w.ctx, plan), { unit: 'mi', segmentLabels: [''], classificationLabels: [''] });
    const polys = (fc.features[0].geometry as MultiPolygon).coordinates;
    let east = 0;
    let west = 0;
    for (const poly of polys) {
      const xs = poly.flat().map((p) => p[0]);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(-180);
      expect(Math.max(...xs)).toBeLessThanOrEqual(180);
      // one polygon never spans the globe: Alaska's widest piece is ~30° of longitude
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(60);
      if (Math.min(...xs) > 0) east++;
      else west++;
      expect(area2(poly[0])).toBeGreaterThan(0);
      for (const hole of poly.slice(1)) expect(area2(hole)).toBeLessThan(0);
      for (const ring of poly) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (let i = 1; i < ring.length; i++) expect(ring[i]).not.toEqual(ring[i - 1]);
      }
    }
    expect(east).toBeGreaterThan(0);
    expect(west).toBeGreaterThan(0);
  });
});
