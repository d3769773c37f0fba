import type { UnitLayer } from '../units/unit-layer';
import type { Plan } from './plan';

/** Pairs of territories that share a border: some unit of one touches some unit of the other. */
export function territoryNeighbours(layer: Pick<UnitLayer, 'adjStart' | 'adj'>, plan: Pick<Plan, 'assignment' | 'territories'>): Set<number>[] {
  const out = plan.territories.map(() => new Set<number>());
  const a = plan.assignment;
  for (let u = 0; u < a.length; u++) {
    const t = a[u];
    if (t < 0) continue;
    for (let k = layer.adjStart[u]; k < layer.adjStart[u + 1]; k++) {
      const s = a[layer.adj[k]];
      if (s >= 0 && s !== t) out[t].add(s);
    }
  }
  return out;
}

/**
 * A colour per territory such that touching territories differ whenever the palette allows:
 * greedy colouring, most-connected territories first (Welsh–Powell), keeping a territory's
 * current colour when it already differs from its neighbours' so a plan does not reshuffle.
 * With more mutual neighbours than palette colours, the least-used neighbour colour is reused.
 */
export function distinctColors(neighbours: readonly Set<number>[], current: readonly string[], palette: readonly string[]): string[] {
  const n = neighbours.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => neighbours[y].size - neighbours[x].size || x - y);
  const out: (string | null)[] = new Array(n).fill(null);
  for (const t of order) {
    const taken = new Map<string, number>();
    for (const s of neighbours[t]) {
      const c = out[s];
      if (c) taken.set(c, (taken.get(c) ?? 0) + 1);
    }
    if (!taken.has(current[t]) && palette.includes(current[t])) {
      out[t] = current[t];
      continue;
    }
    const free = palette.find((c) => !taken.has(c));
    out[t] = free ?? [...taken].sort((x, y) => x[1] - y[1])[0][0];
  }
  return out as string[];
}
