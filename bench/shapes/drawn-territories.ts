import { Rng } from '../../fixtures/generator/prng';
import { toGeometry, type DrawnShape } from '../../src/core/shapes/shape-types';
import { territoryOutlines, unitsOutline } from '../../src/core/units/outline';
import type { UnitLayer } from '../../src/core/units/unit-layer';
import { growPlan } from '../plan/grow-plan';

export interface DrawnTerritories {
  territories: { id: string }[];
  shapes: DrawnShape[];
  /** the overlapping pairs the construction makes, as "i|j" of territory indexes, i < j */
  expectedPairs: Set<string>;
  /** Σ area of the units pushed over a neighbour: the total overlap area the construction makes */
  expectedAreaKm2: number;
  enlarged: number;
}

/**
 * "The generator's" drawn territories, deterministic from the data and a seed: the ZIP layer grown
 * into k contiguous territories (grow-plan.ts), each drawn as its outline (territoryOutlines, so
 * neighbours share their edges exactly and touch without overlapping), then about one in ten
 * (seeded) enlarged over a neighbour: its outline is redrawn with one more ZIP area, taken from
 * the neighbouring territory across a shared edge. Each ZIP area is taken at most once, so every
 * enlargement makes exactly one overlapping pair (the two territories) whose overlap is exactly
 * that ZIP area: the expected pairs and area are known from the construction.
 */
export function drawnTerritories(layer: UnitLayer, k: number, seed: number, share = 0.1): DrawnTerritories {
  const { plan } = growPlan(layer, k, seed);
  const outlines = territoryOutlines(layer, plan.assignment, k);
  const rng = new Rng(seed + 101);
  const unitsOf: number[][] = Array.from({ length: k }, () => []);
  for (let u = 0; u < layer.count; u++) if (plan.assignment[u] >= 0) unitsOf[plan.assignment[u]].push(u);
  const taken = new Uint8Array(layer.count);
  const expectedPairs = new Set<string>();
  let expectedAreaKm2 = 0;
  let enlarged = 0;
  const shapes: DrawnShape[] = [];
  for (let t = 0; t < k; t++) {
    let geometry = outlines[t];
    if (rng.chance(share)) {
      const across: number[] = [];
      for (const u of unitsOf[t]) {
        for (let e = layer.adjStart[u]; e < layer.adjStart[u + 1]; e++) {
          const v = layer.adj[e];
          if (layer.adjBridge[e] || taken[v] || plan.assignment[v] < 0 || plan.assignment[v] === t) continue;
          across.push(v);
        }
      }
      if (across.length > 0) {
        const v = across[rng.int(across.length)];
        taken[v] = 1;
        const n = plan.assignment[v];
        expectedPairs.add(t < n ? `${t}|${n}` : `${n}|${t}`);
        expectedAreaKm2 += layer.areaKm2[v];
        geometry = unitsOutline(layer, [...unitsOf[t], v]);
        enlarged++;
      }
    }
    if (geometry.coordinates.length === 0) continue;
    shapes.push({ id: `d${t}`, territoryId: plan.territories[t].id, geometry: toGeometry(geometry.coordinates) });
  }
  return { territories: plan.territories.map((x) => ({ id: x.id })), shapes, expectedPairs, expectedAreaKm2, enlarged };
}
