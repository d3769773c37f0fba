import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { generateTerritories } from './generate';
import { filled, gridLayer, piecesOf } from './test-grid';
import type { GenerateInput } from './types';

const counts = (a: Int32Array, k: number) => {
  const c = new Array(k).fill(0);
  for (const t of a) if (t >= 0) c[t]++;
  return c;
};

describe('generateTerritories', () => {
  it('splits a 4×4 grid of equal units into 4 exactly balanced contiguous territories', () => {
    const layer = gridLayer(4, 4);
    const o = generateTerritories({ graph: layer, metrics: [{ name: 'accounts', values: filled(16, 1), tolerancePct: 1 }], territories: { k: 4 } });
    expect(counts(o.assignment, 4)).toEqual([4, 4, 4, 4]);
    expect(o.maxDeviationPct[0]).toBe(0);
    expect(o.withinTolerance).toBe(true);
    expect(o.noncontiguous).toBe(0);
    expect(o.unassignedUnits).toBe(0);
    for (let t = 0; t < 4; t++) expect(piecesOf(layer, o.assignment, t)).toBe(1);
    expect(o.diagnoses).toEqual([]);
  });

  it('says by how much it misses when exact balance is impossible', () => {
    const layer = gridLayer(3, 1);
    const o = generateTerritories({ graph: layer, metrics: [{ name: 'revenue', values: filled(3, 1), tolerancePct: 5 }], territories: { k: 2 } });
    // best possible: 2 units and 1 unit against a mean of 1.5 → ±33.3 %
    expect(o.maxDeviationPct[0]).toBeCloseTo(100 / 3, 6);
    expect(o.withinTolerance).toBe(false);
    const miss = o.diagnoses.find((d) => d.kind === 'toleranceMissed');
    expect(miss).toMatchObject({ kind: 'toleranceMissed', metric: 'revenue', tolerancePct: 5 });
    expect(miss && 'overByPct' in miss ? miss.overByPct : NaN).toBeCloseTo(100 / 3 - 5, 6);
    expect(o.unassignedUnits).toBe(0);
  });

  it('never changes locked units or frozen territories', () => {
    const layer = gridLayer(6, 6);
    const n = layer.count;
    const current = new Int32Array(n).fill(-1);
    // territory 0 is frozen: the left column; unit 20 is locked in territory 2
    for (let j = 0; j < 6; j++) current[j * 6] = 0;
    current[20] = 2;
    const locked = new Uint8Array(n);
    locked[20] = 1;
    const values = Float64Array.from({ length: n }, (_, u) => 1 + (u % 5));
    const o = generateTerritories({
      graph: layer,
      metrics: [{ name: 'potential', values, tolerancePct: 10 }],
      territories: { k: 4 },
      current,
      lockedUnits: locked,
      frozenTerritories: [0],
    });
    for (let u = 0; u < n; u++) {
      if (u % 6 === 0) expect(o.assignment[u]).toBe(0);
      else expect(o.assignment[u]).not.toBe(0);
    }
    expect(o.assignment[20]).toBe(2);
    expect(o.territories[0].frozen).toBe(true);
    expect(o.unassignedUnits).toBe(0);
    for (let t = 1; t < 4; t++) expect(piecesOf(layer, o.assignment, t)).toBe(1);
  });

  it('assigns an island through its bridge and keeps territories contiguous', () => {
    const layer = gridLayer(3, 3, [[1.0, 0.0]]);
    expect(layer.bridges.length).toBeGreaterThan(0);
    const o = generateTerritories({ graph: layer, metrics: [{ name: 'accounts', values: filled(layer.count, 1), tolerancePct: 15 }], territories: { k: 2 } });
    expect(o.assignment[9]).toBeGreaterThanOrEqual(0);
    expect(o.unassignedUnits).toBe(0);
    expect(o.noncontiguous).toBe(0);
    expect(counts(o.assignment, 2)).toEqual([5, 5]);
  });

  it('diagnoses a unit heavier than a territory may be', () => {
    const layer = gridLayer(4, 4);
    const values = filled(16, 1);
    values[5] = 20; // target = 35 / 4 = 8.75
    const o = generateTerritories({ graph: layer, metrics: [{ name: 'potential', values, tolerancePct: 5 }], territories: { k: 4 } });
    expect(o.diagnoses).toContainEqual(expect.objectContaining({ kind: 'unitHeavierThanTarget', unit: 5, metric: 'potential' }));
    expect(o.withinTolerance).toBe(false);
    expect(o.unassignedUnits).toBe(0);
  });

  it('diagnoses too few units for k', () => {
    const layer = gridLayer(2, 1);
    const o = generateTerritories({ graph: layer, metrics: [{ name: 'accounts', values: filled(2, 1), tolerancePct: 5 }], territories: { k: 3 } });
    expect(o.diagnoses).toContainEqual(expect.objectContaining({ kind: 'tooFewUnits', units: 2, territories: 3 }));
    expect(o.unassignedUnits).toBe(0);
    expect(o.withinTolerance).toBe(false);
  });

  it('diagnoses a scope in separate pieces and still assigns every unit in it', () => {
    const layer = gridLayer(5, 1);
    const scope = Uint8Array.from([1, 1, 0, 1, 1]);
    const input: GenerateInput = { graph: layer, scope, metrics: [{ name: 'accounts', values: filled(5, 1), tolerancePct: 5 }], territories: { k: 2 } };
    const two = generateTerritories(input);
    expect(two.diagnoses).toContainEqual(expect.objectContaining({ kind: 'disconnectedScope', components: 2 }));
    expect(two.assignment[2]).toBe(-1);
    expect(two.noncontiguous).toBe(0);
    expect(two.withinTolerance).toBe(true);
    const one = generateTerritories({ ...input, territories: { k: 1 } });
    expect(one.unassignedUnits).toBe(0);
    expect(one.noncontiguous).toBe(1);
    expect(one.diagnoses).toContainEqual(expect.objectContaining({ kind: 'disconnectedScope' }));
  });

  it('is deterministic for a given seed', () => {
    const layer = gridLayer(8, 8);
    const rnd = mulberry32(9);
    const values = Float64Array.from({ length: 64 }, () => Math.round(rnd() * 100));
    const input: GenerateInput = { graph: layer, metrics: [{ name: 'revenue', values, tolerancePct: 5 }], territories: { k: 5 }, seed: 42 };
    const a = generateTerritories(input);
    const b = generateTerritories(input);
    expect(Array.from(b.assignment)).toEqual(Array.from(a.assignment));
    expect(a.noncontiguous).toBe(0);
  });

  it('stops when asked, reports it, and still returns a full plan', () => {
    const layer = gridLayer(8, 8);
    const input: GenerateInput = { graph: layer, metrics: [{ name: 'accounts', values: filled(64, 1), tolerancePct: 1 }], territories: { k: 6 } };
    const viaCallback = generateTerritories(input, { shouldStop: () => true });
    expect(viaCallback.stopped).toBe(true);
    expect(viaCallback.unassignedUnits).toBe(0);
    const controller = new AbortController();
    controller.abort();
    expect(generateTerritories(input, { signal: controller.signal }).stopped).toBe(true);
    expect(generateTerritories(input).stopped).toBe(false);
  });

  it('reports progress from 0 to 1 with phase labels', () => {
    const layer = gridLayer(6, 6);
    const seen: [number, string][] = [];
    generateTerritories({ graph: layer, metrics: [{ name: 'accounts', values: filled(36, 1), tolerancePct: 5 }], territories: { k: 3 } }, { onProgress: (f, phase) => seen.push([f, phase]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toEqual([1, 'done']);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });

  it('one per rep: each territory contains its rep home', () => {
    const layer = gridLayer(6, 6);
    const homes = Int32Array.from([0, 5, 30, 35]);
    const o = generateTerritories({ graph: layer, metrics: [{ name: 'accounts', values: filled(36, 1), tolerancePct: 10 }], territories: { repHomes: homes } });
    homes.forEach((h, t) => expect(o.assignment[h]).toBe(t));
    expect(o.withinTolerance).toBe(true);
    expect(o.noncontiguous).toBe(0);
  });

  it('as many territories as a capacity needs', () => {
    const layer = gridLayer(4, 4);
    const seen: number[] = [];
    const o = generateTerritories(
      { graph: layer, metrics: [{ name: 'workload', values: filled(16, 100), tolerancePct: 10 }], territories: { capacity: { metric: 0, max: 500 } } },
      { onProgress: (f) => seen.push(f) },
    );
    expect(o.k).toBe(4);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
    for (const t of o.territories) expect(t.values[0]).toBeLessThanOrEqual(500);
    expect(o.unassignedUnits).toBe(0);
  });

  it('says when no number of territories fits the capacity, with progress that never runs backwards', () => {
    const layer = gridLayer(4, 1);
    const seen: number[] = [];
    const o = generateTerritories(
      { graph: layer, metrics: [{ name: 'workload', values: Float64Array.from([3, 1, 1, 1]), tolerancePct: 10 }], territories: { capacity: { metric: 0, max: 2.5 } } },
      { onProgress: (f) => seen.push(f) },
    );
    // one unit alone is over the capacity: more territories cannot help
    expect(o.diagnoses).toContainEqual(expect.objectContaining({ kind: 'capacityExceeded', maxValue: 3, capacity: 2.5 }));
    expect(o.unassignedUnits).toBe(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('counts pinned accounts through the fixed offsets', () => {
    const layer = gridLayer(4, 4);
    // 4 units' worth pinned to territory 0: it should get 6 units, territory 1 ten (10 each)
    const o = generateTerritories({
      graph: layer,
      metrics: [{ name: 'accounts', values: filled(16, 1), tolerancePct: 1, fixedOffset: Float64Array.from([4, 0]) }],
      territories: { k: 2 },
    });
    expect(counts(o.assignment, 2)).toEqual([6, 10]);
    expect(o.territories[0].values[0]).toBe(10);
    expect(o.withinTolerance).toBe(true);
  });

  it('the compactness slider trades balance for rounder territories, within tolerance either way', () => {
    const layer = gridLayer(12, 12);
    const rnd = mulberry32(5);
    const values = Float64Array.from({ length: 144 }, () => 1 + Math.round(rnd() * 20));
    const run = (compactness: number) => generateTerritories({ graph: layer, metrics: [{ name: 'revenue', values, tolerancePct: 10 }], territories: { k: 6 }, compactness });
    const balanceFirst = run(0);
    const compactFirst = run(1);
    expect(balanceFirst.withinTolerance).toBe(true);
    expect(compactFirst.withinTolerance).toBe(true);
    expect(compactFirst.polsbyPopperMean).toBeGreaterThan(balanceFirst.polsbyPopperMean);
    expect(balanceFirst.maxDeviationPct[0]).toBeLessThan(compactFirst.maxDeviationPct[0]);
  });

  it('balances several figures with weights and reports the classification mix', () => {
    const layer = gridLayer(6, 6);
    const rnd = mulberry32(3);
    const revenue = Float64Array.from({ length: 36 }, () => 50 + Math.round(rnd() * 100));
    const accounts = filled(36, 10);
    // two classes; the left half all class 1, the right half all class 2
    const mixCounts = new Float64Array(36 * 3);
    for (let u = 0; u < 36; u++) mixCounts[u * 3 + (u % 6 < 3 ? 1 : 2)] = 10;
    const o = generateTerritories({
      graph: layer,
      metrics: [
        { name: 'revenue', values: revenue, tolerancePct: 15, weight: 2 },
        { name: 'accounts', values: accounts, tolerancePct: 15 },
      ],
      territories: { k: 2 },
      mix: { counts: mixCounts, classes: 3, ignore: [0], weight: 5 },
      compactness: 0.2,
    });
    expect(o.maxDeviationPct.length).toBe(2);
    expect(o.withinTolerance).toBe(true);
    // a vertical cut would give each territory one class only (similarity 0.5); the mix term avoids it
    expect(o.mixSimilarityMean).toBeGreaterThan(0.75);
  });
});
