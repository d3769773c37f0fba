import { Rng } from '../../fixtures/generator/prng';
import { applyCommand, edit } from '../../src/core/plan/commands';
import { createPlan, newTerritory, type Plan } from '../../src/core/plan/plan';
import type { UnitLayer } from '../../src/core/units/unit-layer';

/**
 * A k-territory plan without the generator: k distinct seed units drawn with a seeded PRNG, then
 * a breadth-first growth over the unit graph, round-robin (each territory claims one unassigned
 * neighbour per turn), until every unit reachable from a seed is taken. Territories come out
 * contiguous and of similar unit counts; nothing is balanced. Returns the plan and the seeds.
 */
export function growPlan(layer: UnitLayer, k: number, seed: number): { plan: Plan; seeds: number[] } {
  const rng = new Rng(seed);
  const plan = createPlan({ id: `bfs-k${k}`, name: `BFS k=${k}`, layerId: layer.layerId, unitCount: layer.count });
  const seeds: number[] = [];
  const taken = new Int32Array(layer.count).fill(-1);
  while (seeds.length < Math.min(k, layer.count)) {
    const u = rng.int(layer.count);
    if (taken[u] >= 0) continue;
    taken[u] = seeds.length;
    seeds.push(u);
  }
  const queues = seeds.map((u) => [u]);
  const heads = new Int32Array(seeds.length);
  for (let active = true; active; ) {
    active = false;
    for (let t = 0; t < queues.length; t++) {
      const q = queues[t];
      // one claim per territory per turn keeps sizes comparable
      while (heads[t] < q.length) {
        const x = q[heads[t]];
        let claimed = false;
        for (let e = layer.adjStart[x]; e < layer.adjStart[x + 1]; e++) {
          const v = layer.adj[e];
          if (taken[v] < 0) {
            taken[v] = t;
            q.push(v);
            claimed = true;
            break;
          }
        }
        if (claimed) break;
        heads[t]++;
      }
      if (heads[t] < q.length) active = true;
    }
  }
  seeds.forEach((_, t) => applyCommand(plan, edit.create(newTerritory(`T${t + 1}`, `Territory ${t + 1}`, '#888888'))));
  const groups = new Map<number, number[]>();
  for (let u = 0; u < layer.count; u++) if (taken[u] >= 0) (groups.get(taken[u]) ?? groups.set(taken[u], []).get(taken[u])!).push(u);
  for (const [t, units] of groups) applyCommand(plan, edit.paint(units, `T${t + 1}`));
  return { plan, seeds };
}
