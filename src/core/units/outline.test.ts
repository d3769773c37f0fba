import { describe, expect, it } from 'vitest';
import { gridTopology } from './grid-fixture';
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
