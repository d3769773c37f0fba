import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { mulberry32 } from '../random';
import { assignAccountsToShapes, territoriesOfShapes } from './assign-accounts';
import { PolygonPointIndex } from './point-index';

const sq = (x: number, y: number, w: number, h = w): Position[][] => [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]];

describe('PolygonPointIndex', () => {
  it('tells inside, outside and holes apart', () => {
    const idx = new PolygonPointIndex([[[...sq(0, 0, 4), sq(1, 1, 2)[0].slice().reverse()]]]);
    expect(idx.locate(0.5, 0.5)).toBe(0);
    expect(idx.locate(2, 2)).toBe(-1); // in the hole
    expect(idx.locate(5, 2)).toBe(-1);
    expect(idx.locate(NaN, 2)).toBe(-1);
  });

  it('counts the boundary as inside; on a shared edge the first item in order wins', () => {
    const idx = new PolygonPointIndex([[sq(0, 0, 1)], [sq(1, 0, 1)]]);
    expect(idx.locate(1, 0.5)).toBe(0);
    expect(idx.locate(0, 0)).toBe(0); // a vertex
    expect(idx.locate(2, 0.5)).toBe(1); // the far edge
    const swapped = new PolygonPointIndex([[sq(1, 0, 1)], [sq(0, 0, 1)]]);
    expect(swapped.locate(1, 0.5)).toBe(0);
  });

  it('nested and overlapping: the first in order that holds the point', () => {
    const idx = new PolygonPointIndex([[sq(1, 1, 1)], [sq(0, 0, 4)]]);
    expect(idx.locate(1.5, 1.5)).toBe(0);
    expect(idx.locate(3, 3)).toBe(1);
    const outerFirst = new PolygonPointIndex([[sq(0, 0, 4)], [sq(1, 1, 1)]]);
    expect(outerFirst.locate(1.5, 1.5)).toBe(0);
  });

  it('finds points at -179.x in a shape continued past 180', () => {
    const idx = new PolygonPointIndex([[sq(179, 50, 2)]]);
    expect(idx.locate(-179.5, 50.5)).toBe(0);
    expect(idx.locate(179.5, 50.5)).toBe(0);
    expect(idx.locate(-178.5, 50.5)).toBe(-1);
  });

  it('agrees with turf booleanPointInPolygon on random points, boundary points and vertices included', () => {
    const rnd = mulberry32(5);
    // a jagged star with a hole, and a neighbour sharing part of its edge
    const star: Position[] = [];
    for (let k = 0; k < 40; k++) {
      const r = k % 2 ? 1 : 0.45 + rnd() * 0.3;
      const a = (k / 40) * 2 * Math.PI;
      star.push([Math.round((2 + r * Math.cos(a)) * 1000) / 1000, Math.round((2 + r * Math.sin(a)) * 1000) / 1000]);
    }
    star.push(star[0]);
    const hole = sq(1.9, 1.9, 0.2)[0].slice().reverse();
    const items: Position[][][][] = [[[star, hole]], [sq(2.5, 1, 1)], [sq(0, 0, 1), sq(1, 0, 0.5)]];
    const idx = new PolygonPointIndex(items);
    const pts: Position[] = [];
    for (let i = 0; i < 3000; i++) pts.push([Math.round(rnd() * 4000) / 1000, Math.round(rnd() * 4000) / 1000]);
    for (const it of items) for (const p of it) for (const r of p) pts.push(...r, [(r[0][0] + r[1][0]) / 2, (r[0][1] + r[1][1]) / 2]);
    let mismatches = 0;
    let inside = 0;
    for (const p of pts) {
      let want = -1;
      for (let i = 0; i < items.length && want < 0; i++) if (booleanPointInPolygon(p, { type: 'MultiPolygon', coordinates: items[i] })) want = i;
      if (idx.locate(p[0], p[1]) !== want) mismatches++;
      if (want >= 0) inside++;
    }
    expect(inside).toBeGreaterThan(500);
    expect(mismatches).toBe(0);
  });

  it('assignAccountsToShapes and territoriesOfShapes: typed arrays in, territory per account out', () => {
    const lon = Float64Array.from([0.5, 1.5, 9, NaN]);
    const lat = Float64Array.from([0.5, 0.5, 9, 0]);
    const idx = assignAccountsToShapes(lon, lat, [{ type: 'Polygon', coordinates: sq(0, 0, 1) }, { type: 'Polygon', coordinates: sq(1, 0, 1) }]);
    expect([...idx]).toEqual([0, 1, -1, -1]);
    const t = territoriesOfShapes(idx, [{ territoryId: 'B' }, { territoryId: 'gone' }], [{ id: 'A' }, { id: 'B' }]);
    expect([...t]).toEqual([1, -1, -1, -1]);
  });
});
