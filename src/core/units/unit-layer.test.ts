import { neighbors } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { gridTopology } from './grid-fixture';
import { EARTH_RADIUS_KM, haversineKm } from './sphere';
import { buildUnitLayer, type UnitLayer } from './unit-layer';

const RAD = Math.PI / 180;
/** exact area of a lat/lon rectangle on the sphere: R² Δλ (sin φ₂ − sin φ₁) */
const rectKm2 = (dLon: number, lat1: number, lat2: number) => EARTH_RADIUS_KM ** 2 * dLon * RAD * (Math.sin(lat2 * RAD) - Math.sin(lat1 * RAD));

const grid = (islands: [number, number][] = []) => buildUnitLayer(gridTopology(3, 3, { islands }), { layerId: 'grid', objectName: 'cells' });
const neighboursOf = (l: UnitLayer, id: string) => {
  const u = l.index.get(id)!;
  return [...l.adj.subarray(l.adjStart[u], l.adjStart[u + 1])].map((v) => l.ids[v]).sort();
};

describe('unit layer on a hand-built 3×3 grid', () => {
  const l = grid();

  it('keeps ids, names and order', () => {
    expect(l.count).toBe(9);
    expect(l.ids).toEqual(['c00', 'c10', 'c20', 'c01', 'c11', 'c21', 'c02', 'c12', 'c22']);
    expect(l.names[4]).toBe('Cell 1,1');
    expect(l.index.get('c21')).toBe(5);
  });

  it('links cells that share an edge, not corners', () => {
    expect(neighboursOf(l, 'c00')).toEqual(['c01', 'c10']);
    expect(neighboursOf(l, 'c11')).toEqual(['c01', 'c10', 'c12', 'c21']);
    expect(neighboursOf(l, 'c22')).toEqual(['c12', 'c21']);
    expect(l.adj.length).toBe(24); // 12 shared edges, both directions
    expect(l.bridges.length).toBe(0);
    expect([...l.adjBridge].every((b) => b === 0)).toBe(true);
  });

  it('agrees with topojson-client neighbors', () => {
    const geoms = (gridTopology(3, 3).objects.cells as GeometryCollection).geometries;
    const expected = neighbors(geoms);
    for (let u = 0; u < 9; u++) expect([...l.adj.subarray(l.adjStart[u], l.adjStart[u + 1])]).toEqual(expected[u]);
  });

  it('measures area, perimeter, centroid and box', () => {
    expect(l.areaKm2[0]).toBeCloseTo(rectKm2(0.1, 0, 0.1), 6);
    expect(l.areaKm2[8]).toBeCloseTo(rectKm2(0.1, 0.2, 0.3), 6);
    const side = haversineKm(0, 0, 0.1, 0); // a meridian edge of 0.1°
    const south = haversineKm(0, 0, 0, 0.1);
    const north = haversineKm(0.1, 0, 0.1, 0.1);
    expect(l.perimeterKm[0]).toBeCloseTo(2 * side + south + north, 9);
    expect(l.centroid[0]).toBeCloseTo(0.05, 6);
    expect(l.centroid[1]).toBeCloseTo(0.05, 6);
    expect(l.labelPoint[16]).toBeCloseTo(0.25, 6);
    expect(l.labelPoint[17]).toBeCloseTo(0.25, 6);
    expect([...l.bbox.subarray(4 * 4, 4 * 5)]).toEqual([0.1, 0.1, 0.2, 0.2].map((v) => expect.closeTo(v, 12)));
  });

  it('records the units on both sides of every arc', () => {
    // 12 inner edges have two sides, 12 outer edges have the outside (-1) on one
    let inner = 0;
    let outer = 0;
    for (let a = 0; a < l.arcLeft.length; a++) {
      if (l.arcRight[a] >= 0) inner++;
      else if (l.arcLeft[a] >= 0) outer++;
    }
    expect([inner, outer]).toEqual([12, 12]);
    expect(l.unitArcStart[9]).toBe(36);
  });
});

describe('islands', () => {
  it('joins an island to the nearest unit by a flagged bridge', () => {
    const l = grid([[1.0, 0.0]]);
    expect(l.count).toBe(10);
    expect(neighboursOf(l, 'island0')).toEqual(['c20']);
    expect([...l.bridges].map((u) => l.ids[u])).toEqual(['c20', 'island0']);
    const u = l.index.get('island0')!;
    expect(l.adjBridge[l.adjStart[u]]).toBe(1);
    const c20 = l.index.get('c20')!;
    const k = [...l.adj.subarray(l.adjStart[c20], l.adjStart[c20 + 1])].indexOf(u);
    expect(l.adjBridge[l.adjStart[c20] + k]).toBe(1);
  });

  it('connects island groups to each other and to the mainland in one graph', () => {
    // two islands close to each other, far from the grid: one joins the other, one joins the grid
    const l = grid([
      [5.0, 0.0],
      [5.2, 0.0],
    ]);
    expect(l.bridges.length / 2).toBe(2);
    const seen = new Set([0]);
    const queue = [0];
    while (queue.length) {
      const x = queue.pop()!;
      for (let k = l.adjStart[x]; k < l.adjStart[x + 1]; k++) if (!seen.has(l.adj[k])) seen.add(l.adj[k]), queue.push(l.adj[k]);
    }
    expect(seen.size).toBe(11);
    expect(neighboursOf(l, 'island1')).toEqual(['island0']);
    expect(neighboursOf(l, 'island0')).toEqual(['c20', 'island1']);
  });

  it('bridges across the antimeridian by great-circle distance', () => {
    // grid at 179.6..179.9 E; one island just west of 180 at -179.9, one far at 170 E
    const topo = gridTopology(3, 3, { lon0: 179.6, islands: [[-179.95, 0.1], [170, 0.1]] });
    const l = buildUnitLayer(topo, { layerId: 'g', objectName: 'cells' });
    expect(neighboursOf(l, 'island0')).toEqual(['c21']);
  });
});

describe('label point', () => {
  it('falls inside a U-shaped unit whose centroid is outside it', () => {
    // a U: 0..3 wide, 0..3 tall, with a notch 1..2 × 1..3 cut from the top
    const u = [[0, 0], [0, 3], [1, 3], [1, 1], [2, 1], [2, 3], [3, 3], [3, 0], [0, 0]];
    const topo = { type: 'Topology', arcs: [u], objects: { o: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: 'u' }] } } } as const;
    const l = buildUnitLayer(topo as unknown as Parameters<typeof buildUnitLayer>[0], { layerId: 'u', objectName: 'o' });
    const [cx, cy] = [l.centroid[0], l.centroid[1]];
    expect(cx).toBeCloseTo(1.5, 2);
    expect(cy).toBeGreaterThan(1); // in the notch: outside the U
    const [x, y] = [l.labelPoint[0], l.labelPoint[1]];
    const inU = (x > 0 && x < 1) || (x > 2 && x < 3) || (y > 0 && y < 1);
    expect(inU).toBe(true);
    expect(y).toBeCloseTo(cy, 9);
  });
});

describe('bad ids', () => {
  it('keeps every unit and reports missing or repeated ids', () => {
    const topo = gridTopology(2, 1);
    const gs = (topo.objects.cells as GeometryCollection).geometries;
    gs[1].id = 'c00';
    const l = buildUnitLayer(topo, { layerId: 'g', objectName: 'cells' });
    expect(l.ids).toEqual(['c00', 'c00#1']);
    expect(l.idProblems).toHaveLength(1);
    delete gs[0].id;
    expect(buildUnitLayer(topo, { layerId: 'g', objectName: 'cells' }).ids[0]).toBe('#0');
  });
});
