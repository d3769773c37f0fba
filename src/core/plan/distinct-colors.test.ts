import { describe, expect, it } from 'vitest';
import { distinctColors, territoryNeighbours } from './distinct-colors';

// Units in a row 0-1-2-3, each touching the next.
const row = { adjStart: Uint32Array.from([0, 1, 3, 5, 6]), adj: Uint32Array.from([1, 0, 2, 1, 3, 2]) };
const P = ['red', 'green', 'blue'];

describe('distinct territory colours', () => {
  it('finds which territories touch', () => {
    const plan = { assignment: Int32Array.from([0, 0, 1, -1]), territories: [{}, {}] as never[] };
    expect(territoryNeighbours(row, plan).map((s) => [...s])).toEqual([[1], [0]]);
  });

  it('gives touching territories different colours, keeping colours that already differ', () => {
    // a triangle 0-1-2 plus 3 touching only 0
    const nb = [new Set([1, 2, 3]), new Set([0, 2]), new Set([0, 1]), new Set([0])];
    const out = distinctColors(nb, ['red', 'red', 'red', 'green'], P);
    expect(new Set([out[0], out[1], out[2]]).size).toBe(3);
    expect(out[3]).not.toBe(out[0]);
    expect(distinctColors([new Set([1]), new Set([0])], ['blue', 'green'], P)).toEqual(['blue', 'green']);
  });

  it('reuses the least-used colour when the palette is too small', () => {
    const k4 = [0, 1, 2, 3].map((i) => new Set([0, 1, 2, 3].filter((j) => j !== i)));
    const out = distinctColors(k4, ['red', 'red', 'red', 'red'], P);
    expect(new Set(out).size).toBe(3);
  });
});
