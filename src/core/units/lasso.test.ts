import { describe, expect, it } from 'vitest';
import { insideRing, unitsInLasso } from './lasso';

// Screen = lon/lat scaled by 10, y down, as a map projection would flip it.
const project = (lon: number, lat: number) => ({ x: lon * 10, y: -lat * 10 });
const labels = new Float64Array([1, -1, 6, -6, 8, -1, NaN, NaN, 1, -8]);

describe('unitsInLasso', () => {
  it('takes the units whose label point is inside the drawn ring, not those merely in its box', () => {
    // a triangle over the top-left half of a 100×100 px box: (0,0) (100,0) (0,100)
    const ring = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
    ];
    // units 0 (10,10), 2 (80,10) and 4 (10,80) are inside; 1 (60,60) is in the box but past the diagonal; 3 has no geometry
    expect(unitsInLasso(labels, [0, 1, 2, 3, 4], project, ring)).toEqual([0, 2, 4]);
  });

  it('only looks at the candidates it is given', () => {
    const box = [
      { x: -1, y: -1 },
      { x: 101, y: -1 },
      { x: 101, y: 101 },
      { x: -1, y: 101 },
    ];
    expect(unitsInLasso(labels, [4, 1], project, box)).toEqual([1, 4]);
  });

  it('selects nothing for a click or a line (fewer than three points)', () => {
    expect(unitsInLasso(labels, [0, 1, 2], project, [{ x: 0, y: 0 }, { x: 100, y: 100 }])).toEqual([]);
  });

  it('uses the even-odd rule for a ring that crosses itself', () => {
    // a figure eight: two lobes, the point in each lobe is inside
    const eight = [
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 10, y: 0 },
      { x: 0, y: 10 },
    ];
    expect(insideRing(2, 5, eight)).toBe(true);
    expect(insideRing(8, 5, eight)).toBe(true);
    expect(insideRing(5, 1, eight)).toBe(false);
  });
});
