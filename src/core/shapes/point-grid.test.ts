import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { PointGrid } from './point-grid';

describe('PointGrid', () => {
  it('finds exactly the points in a box (edges included), whatever the cell size', () => {
    const rnd = mulberry32(3);
    const n = 5000;
    const lon = Float64Array.from({ length: n }, () => rnd() * 100 - 50);
    const lat = Float64Array.from({ length: n }, () => rnd() * 60);
    lon[7] = NaN;
    lon[8] = 10;
    lat[8] = 20;
    for (const cells of [1, 7, 256]) {
      const g = new PointGrid(lon, lat, cells);
      const got: number[] = [];
      g.forEachInBox(10, 20, 30, 35, (i) => got.push(i));
      const want: number[] = [];
      for (let i = 0; i < n; i++) if (lon[i] >= 10 && lon[i] <= 30 && lat[i] >= 20 && lat[i] <= 35) want.push(i);
      expect(got.sort((a, b) => a - b)).toEqual(want);
      expect(got).toContain(8);
    }
  });

  it('searches a box past 180° on the other side of the antimeridian too', () => {
    const g = new PointGrid(Float64Array.from([-179.5, 179.5, 0]), Float64Array.from([50, 50, 50]));
    const got: number[] = [];
    g.forEachInBox(179, 49, 181, 51, (i) => got.push(i));
    expect(got.sort()).toEqual([0, 1]);
  });
});
