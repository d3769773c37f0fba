import type { MultiPolygon } from 'geojson';
import { merge } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { gridTopology } from './grid-fixture';
import { countiesLayerFromDisk } from './layers-node';
import { territoryOutlines, unitsOutline } from './outline';
import { haversineKm, ringAreaKm2 } from './sphere';
import { buildUnitLayer } from './unit-layer';

const l = buildUnitLayer(gridTopology(3, 3), { layerId: 'grid', objectName: 'cells' });
const ringLengthKm = (ring: number[][]) => ring.slice(1).reduce((s, p, i) => s + haversineKm(ring[i][1], ring[i][0], p[1], p[0]), 0);

describe('territory outlines by merging shared arcs', () => {
  it('merges two neighbouring cells into one ring with their area and outer perimeter', () => {
    const o = unitsOutline(l, [0, 1]); // c00 + c10: a 0.2° × 0.1° rectangle
    expect(o.coordinates).toHaveLength(1);
    expect(o.coordinates[0]).toHaveLength(1);
    const ring = o.coordinates[0][0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ringAreaKm2(ring)).toBeCloseTo(l.areaKm2[0] + l.areaKm2[1], 6);
    // the shared edge is gone: perimeter = both perimeters minus twice the shared edge
    const shared = haversineKm(0, 0.1, 0.1, 0.1);
    expect(ringLengthKm(ring)).toBeCloseTo(l.perimeterKm[0] + l.perimeterKm[1] - 2 * shared, 9);
  });

  it('keeps separate pieces as separate polygons and a hole as a hole', () => {
    expect(unitsOutline(l, [0, 8]).coordinates).toHaveLength(2);
    // everything but the centre: one polygon with a hole
    const ring = territoryOutlines(l, Int32Array.from([0, 0, 0, 0, -1, 0, 0, 0, 0]), 1)[0];
    expect(ring.coordinates).toHaveLength(1);
    expect(ring.coordinates[0]).toHaveLength(2);
    const [outer, hole] = ring.coordinates[0];
    expect(ringAreaKm2(outer) - ringAreaKm2(hole)).toBeCloseTo(l.areaKm2.reduce((s, a) => s + a, 0) - l.areaKm2[4], 6);
  });

  it('gives one outline per territory, empty for a territory without units', () => {
    const outlines = territoryOutlines(l, Int32Array.from([0, 0, 1, 0, 0, 1, 2, 2, 2]), 4);
    expect(outlines.map((o) => o.coordinates.length)).toEqual([1, 1, 1, 0]);
  });
});

const signed = (ring: number[][]) => ring.slice(1).reduce((s, p, i) => s + ring[i][0] * p[1] - p[0] * ring[i][1], 0);
const areaOf = (m: MultiPolygon) => m.coordinates.reduce((s, poly) => s + ringAreaKm2(poly[0]) - poly.slice(1).reduce((h, r) => h + ringAreaKm2(r), 0), 0);

describe('outlines on real counties', () => {
  const counties = countiesLayerFromDisk();
  // states as territories: the outline of each is the merge of its counties
  const states = [...new Set(counties.stateFips)].sort();
  const assignment = Int32Array.from(counties.stateFips, (s) => states.indexOf(s));
  const outlines = territoryOutlines(counties, assignment, states.length);

  it('match topojson-client merge: same area and same outline length', () => {
    const length = (m: MultiPolygon) => m.coordinates.flat().reduce((n, r) => n + (Math.abs(signed(r)) > 0 ? ringLengthKm(r) : 0), 0);
    states.forEach((s, t) => {
      const geoms = counties.geometries.filter((_, u) => assignment[u] === t);
      const ref = merge(counties.topology, geoms as Parameters<typeof merge>[1]);
      expect(areaOf(outlines[t]), s).toBeCloseTo(areaOf(ref), 3);
      // within one quantisation step (~0.1 km): where a third county spikes along a border step,
      // topojson-client drops that step from the outline, the arc-sides merge keeps it
      expect(Math.abs(length(outlines[t]) - length(ref)), s).toBeLessThan(0.2);
    });
  });

  it('equal the sum of the county areas, with RFC 7946 winding', () => {
    states.forEach((s, t) => {
      const sum = counties.areaKm2.reduce((acc, a, u) => (assignment[u] === t ? acc + a : acc), 0);
      expect(Math.abs(areaOf(outlines[t]) - sum) / sum, s).toBeLessThan(1e-9);
      for (const poly of outlines[t].coordinates) {
        expect(signed(poly[0])).toBeGreaterThan(0);
        for (const hole of poly.slice(1)) expect(signed(hole)).toBeLessThan(0);
      }
    });
  });
});
