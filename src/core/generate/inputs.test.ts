import { describe, expect, it } from 'vitest';
import { generateTerritories } from './generate';
import { unitGraphOf, withPinsFixed } from './inputs';
import { gridLayer } from './test-grid';

describe('optimizer inputs', () => {
  it('takes pinned accounts out of their units and counts them for their territory', () => {
    // 4 accounts: two in unit 0 (one pinned to territory 1), one in unit 1, one with no unit but pinned to 0
    const r = withPinsFixed(Float64Array.from([5, 7, 11, NaN]), Int32Array.from([0, 0, 1, -1]), 2, 2, [
      { row: 1, territory: 1 },
      { row: 3, territory: 0 },
    ]);
    expect(Array.from(r.values)).toEqual([5, 11]);
    expect(Array.from(r.fixedOffset)).toEqual([0, 7]);
  });

  it('a unit graph of plain arrays gives the same plan as the layer', () => {
    const layer = gridLayer(5, 5);
    const values = Float64Array.from({ length: 25 }, (_, u) => 1 + (u % 3));
    const a = generateTerritories({ graph: layer, metrics: [{ name: 'revenue', values, tolerancePct: 5 }], territories: { k: 3 } });
    const g = structuredClone(unitGraphOf(layer));
    const b = generateTerritories({ graph: g, metrics: [{ name: 'revenue', values, tolerancePct: 5 }], territories: { k: 3 } });
    expect(Array.from(b.assignment)).toEqual(Array.from(a.assignment));
  });
});
