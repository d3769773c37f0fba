import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { shapeAreaKm2, signedArea2 } from './area';
import { repairShape } from './repair';
import { polygonsOf, type ShapeGeometry } from './shape-types';

const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const value = (g: unknown): ShapeGeometry => {
  const r = repairShape(g);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('repairShape', () => {
  it('keeps a valid counter-clockwise square as it is, with no notes', () => {
    const sq = poly([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    const r = repairShape(sq);
    expect(r).toEqual({ ok: true, value: sq, notes: [] });
  });

  it('rewinds a clockwise exterior and a counter-clockwise hole (RFC 7946)', () => {
    const g = value(poly([[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]));
    const [ext, hole] = polygonsOf(g)[0];
    expect(signedArea2(ext)).toBeGreaterThan(0);
    expect(signedArea2(hole)).toBeLessThan(0);
  });

  it('closes an open ring and drops repeated points, and says so', () => {
    const r = repairShape(poly([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.coordinates).toEqual([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]);
    expect(r.notes.join()).toMatch(/did not end where it started: closed it/);
  });

  it('splits a bow-tie into its two triangles', () => {
    const r = repairShape(poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.type).toBe('MultiPolygon');
    expect((r.value as MultiPolygon).coordinates).toHaveLength(2);
    expect(r.notes.join()).toMatch(/crosses itself.*rebuilt as 2 polygons/);
    // the two triangles are each a quarter of the 2×2 square
    expect(shapeAreaKm2(r.value)).toBeCloseTo(shapeAreaKm2(poly([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]])) / 2, -1);
  });

  it('merges overlapping parts of a MultiPolygon', () => {
    const r = repairShape({ type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]]] });
    expect(r.ok && r.value.type).toBe('Polygon');
    expect(r.ok && r.notes.join()).toMatch(/merged/i);
  });

  it('merges a part lying wholly inside another (no edges cross, so kinks cannot see it)', () => {
    const r = repairShape({ type: 'MultiPolygon', coordinates: [[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]], [[[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]] });
    expect(r.ok && r.value).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]] });
  });

  it('repairs a bow-tie drawn across the antimeridian and keeps its longitudes exact', () => {
    const r = repairShape(poly([[179.5, 0], [-179.5, 1], [-179.5, 0], [179.5, 1], [179.5, 0]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pts = polygonsOf(r.value).flat(2);
    expect(pts).toContainEqual([180.5, 1]);
    expect(pts).toContainEqual([179.5, 0]);
    expect(polygonsOf(r.value)).toHaveLength(2);
  });

  it('refuses degenerate drawings: two points, a line, zero area', () => {
    expect(repairShape(poly([[0, 0], [1, 1], [0, 0]]))).toMatchObject({ ok: false, error: expect.stringMatching(/2 distinct positions.*nothing with an area is left/) });
    expect(repairShape(poly([[0, 0], [1, 1], [2, 2], [0, 0]]))).toMatchObject({ ok: false, error: expect.stringMatching(/on one line/) });
    expect(repairShape(poly([[0, 0], [0, 0], [0, 0], [0, 0]]))).toMatchObject({ ok: false });
    // a tiny triangle, ~1 m²
    expect(repairShape(poly([[0, 0], [1e-5, 0], [0, 1e-5], [0, 0]]))).toMatchObject({ ok: false, error: 'The shape has no area' });
  });

  it('refuses a loop drawn over itself: which part is meant is ambiguous', () => {
    const r = repairShape(poly([[0, 0], [10, 0], [10, 10], [0, 10], [0, 5], [5, 5], [5, 7], [3, 7], [3, 3], [0, 3], [0, 0]]));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/crosses itself.*cannot be repaired safely/) });
  });

  it('drops a degenerate hole but keeps the shape', () => {
    const r = repairShape(poly([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [2, 2], [1, 1]]));
    expect(r.ok && r.value.coordinates).toHaveLength(1);
    expect(r.ok && r.notes.join()).toMatch(/Hole 1 has 2 distinct positions.*left it out/);
  });

  it('continues longitudes across the antimeridian instead of going the long way round', () => {
    const r = repairShape(poly([[179, 50], [-179, 50], [-179, 51], [179, 51], [179, 50]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lons = polygonsOf(r.value)[0][0].map((p) => p[0]);
    expect(Math.max(...lons) - Math.min(...lons)).toBe(2);
    expect(lons).toContain(181);
    // ~2° × 1° at 50°N, not 358° × 1°
    expect(shapeAreaKm2(r.value)).toBeLessThan(20_000);
    expect(r.notes.join()).toMatch(/antimeridian/);
  });

  it('moves a shape drawn entirely past 180 back so its west edge is within ±180', () => {
    const g = value(poly([[190, 0], [191, 0], [191, 1], [190, 1], [190, 0]]));
    expect(polygonsOf(g)[0][0][0][0]).toBe(-170);
  });

  it('never throws: refuses what is not a polygon with a message', () => {
    for (const bad of [null, 'x', 42, {}, { type: 'Point', coordinates: [0, 0] }, { type: 'Polygon', coordinates: 'no' }, { type: 'Polygon', coordinates: [[[0, 0], ['a', 1], [1, 1], [0, 0]]] }, { type: 'Polygon', coordinates: [[[0, 0], [1, 95], [1, 1], [0, 0]]] }, { type: 'Polygon', coordinates: [] }, { type: 'MultiPolygon', coordinates: [[null]] }]) {
      const r = repairShape(bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.length).toBeGreaterThan(5);
    }
  });

  it('accepts a Feature and is idempotent on its own output', () => {
    const once = value({ type: 'Feature', properties: {}, geometry: poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]) });
    expect(repairShape(once)).toEqual({ ok: true, value: once, notes: [] });
  });
});
