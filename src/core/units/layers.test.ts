import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countiesLayerFromDisk, ZIP_AREAS_PATH, zipAreasLayerFromDisk } from './layers-node';
import type { UnitLayer } from './unit-layer';

function components(l: UnitLayer, withBridges: boolean): number {
  const seen = new Uint8Array(l.count);
  let n = 0;
  for (let s = 0; s < l.count; s++) {
    if (seen[s]) continue;
    n++;
    seen[s] = 1;
    const stack = [s];
    while (stack.length) {
      const x = stack.pop()!;
      for (let k = l.adjStart[x]; k < l.adjStart[x + 1]; k++) {
        if (!withBridges && l.adjBridge[k]) continue;
        if (!seen[l.adj[k]]) (seen[l.adj[k]] = 1), stack.push(l.adj[k]);
      }
    }
  }
  return n;
}

describe('us-atlas counties layer', () => {
  const l = countiesLayerFromDisk();

  it('keeps every county with its FIPS id, name and state', () => {
    expect(l.count).toBe(3231);
    const la = l.index.get('06037')!;
    expect(l.names[la]).toBe('Los Angeles');
    expect(l.stateFips[la]).toBe('06');
    expect(l.idProblems).toEqual([]);
    // LA County: 10,510 km² of land, 12,308 km² with water; the 10m outline lies in between
    expect(l.areaKm2[la]).toBeGreaterThan(10_000);
    expect(l.areaKm2[la]).toBeLessThan(12_400);
  });

  it('is one connected graph once islands and other land masses are bridged', () => {
    expect(components(l, false)).toBeGreaterThan(1);
    expect(components(l, true)).toBe(1);
    const bridged = new Set([...l.bridges].map((u) => l.stateFips[u]));
    for (const s of ['15', '02', '72']) expect(bridged.has(s), `state ${s}`).toBe(true);
  });

  it('has no unit whose label point lies outside its bounding box', () => {
    for (let u = 0; u < l.count; u++) {
      const [w, s, e, n] = l.bbox.subarray(4 * u, 4 * u + 4);
      expect(l.labelPoint[2 * u] >= w && l.labelPoint[2 * u] <= e && l.labelPoint[2 * u + 1] >= s && l.labelPoint[2 * u + 1] <= n, l.ids[u]).toBe(true);
    }
  });
});

describe.skipIf(!existsSync(ZIP_AREAS_PATH))('approximate ZIP-area layer', () => {
  const l = zipAreasLayerFromDisk()!;

  it('has 5-digit ZIP ids, state FIPS from the county, and one connected graph', () => {
    expect(l.count).toBeGreaterThan(30_000);
    expect(l.ids.every((id) => /^\d{5}$/.test(id))).toBe(true);
    expect(l.stateFips[l.index.get('90012')!]).toBe('06');
    expect(l.countyOf[l.index.get('90012')!]).toBe('06037');
    expect(components(l, true)).toBe(1);
  });
});
