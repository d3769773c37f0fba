import { describe, expect, it } from 'vitest';
import { rewrapPolys, unwrapPolys, unwrapShift } from './antimeridian';
import { CountyIndex } from './county-index';
import { cleanPolys, multiPolyArea, rewind, ringArea, type MultiPoly } from './geometry';
import { nodeRings } from './noding';
import { box } from './test-support';

describe('nodeRings', () => {
  it('adds a vertex lying on a neighbour’s edge to that edge, and nothing else', () => {
    const left: MultiPoly = [[[[0, 0], [1, 0], [1, 0.5], [1, 1], [0, 1], [0, 0]]]];
    const right = box(1, 0, 2, 1);
    expect(nodeRings([left, right])).toBe(1);
    expect(right[0][0]).toEqual([[1, 0], [2, 0], [2, 1], [1, 1], [1, 0.5], [1, 0]]);
    expect(left[0][0]).toHaveLength(6);
  });
});

describe('antimeridian', () => {
  const aleutians = [...box(179, 51, 180, 52), ...box(-180, 51, -179, 52)];

  it('shifts the eastern-hemisphere parts of a county that spans 180° and back again', () => {
    const shift = unwrapShift(aleutians);
    expect(shift).toBe(-360);
    const unwrapped = unwrapPolys(aleutians, shift);
    expect(unwrapped[0][0][0]).toEqual([-181, 51]);
    expect(rewrapPolys(unwrapped)).toEqual(aleutians);
  });

  it('leaves ordinary counties alone', () => {
    expect(unwrapShift(box(-90, 40, -89, 41))).toBe(0);
  });

  it('cuts a part straddling -180 in two', () => {
    const out = rewrapPolys(box(-180.5, 51, -179.5, 52));
    expect(out).toHaveLength(2);
    expect(multiPolyArea(out)).toBeCloseTo(1, 12);
    for (const p of out) for (const [x] of p[0]) expect(Math.abs(x)).toBeLessThanOrEqual(180);
  });
});

describe('CountyIndex', () => {
  const index = new CountyIndex([{ polys: box(-90, 40, -89, 41) }, { polys: box(-89, 40, -88, 41) }, { polys: box(170, 50, 171, 51) }]);

  it('finds the county containing a point', () => {
    expect(index.locate([-88.5, 40.5])).toEqual({ county: 1, nearest: false });
    expect(index.locate([170.5, 50.5])).toEqual({ county: 2, nearest: false });
  });

  it('gives a point in the water the nearest county', () => {
    expect(index.locate([-87.9, 40.5])).toEqual({ county: 1, nearest: true });
    expect(index.locate([-90.3, 40.5])).toEqual({ county: 0, nearest: true });
  });
});

describe('rewind', () => {
  it('makes exteriors counter-clockwise and holes clockwise (RFC 7946)', () => {
    const outer = [...box(0, 0, 4, 4)[0][0]].reverse();
    const hole = box(1, 1, 2, 2)[0][0];
    const [[o, h]] = rewind([[outer, hole]]);
    expect(ringArea(o)).toBeGreaterThan(0);
    expect(ringArea(h)).toBeLessThan(0);
  });
});

describe('cleanPolys', () => {
  it('removes an edge walked out and back, also across the seam where the ring closes', () => {
    const spiked: MultiPoly = [[[[0, 2], [0, 1], [0, 0], [1, 0], [1, 1], [0, 1], [0, 2]]]];
    expect(cleanPolys(spiked)).toEqual([[[[0, 1], [0, 0], [1, 0], [1, 1], [0, 1]]]]);
  });

  it('drops repeated points, flat holes, and polygons with a flat exterior', () => {
    const out = cleanPolys([
      [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.1], [0.5, 0.1], [0.2, 0.1]]],
      [[[5, 5], [6, 6], [5, 5]]],
    ]);
    expect(out).toEqual([[[[0, 0], [1, 0], [1, 1], [0, 0]]]]);
  });
});
