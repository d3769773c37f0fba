import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { statesLayer } from './layers';

const require = createRequire(import.meta.url);

describe('US states as units', () => {
  const layer = statesLayer(JSON.parse(readFileSync(require.resolve('us-atlas/states-10m.json'), 'utf8')) as Topology);

  it('has the states, DC and territories, named, with neighbours from shared borders', () => {
    expect(layer.count).toBeGreaterThanOrEqual(51);
    const il = layer.index.get('17')!;
    expect(layer.names[il]).toBe('Illinois');
    const neighbours = new Set(Array.from(layer.adj.subarray(layer.adjStart[il], layer.adjStart[il + 1]), (u) => layer.names[u]));
    for (const n of ['Indiana', 'Wisconsin', 'Iowa', 'Missouri', 'Kentucky']) expect(neighbours.has(n)).toBe(true);
  });
});
