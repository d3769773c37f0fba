import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer, type UnitLayer } from '../units/unit-layer';

/** An nx × ny grid layer for the generator's tests: unit j·nx + i is column i, row j; islands follow. */
export function gridLayer(nx: number, ny: number, islands: [number, number][] = []): UnitLayer {
  return buildUnitLayer(gridTopology(nx, ny, { islands }), { layerId: 'grid', objectName: 'cells' });
}

export const filled = (n: number, v: number): Float64Array => new Float64Array(n).fill(v);

/** Territories in more than one piece, checked independently of the optimizer's own code. */
export function piecesOf(layer: UnitLayer, assignment: Int32Array, t: number): number {
  const seen = new Uint8Array(layer.count);
  let pieces = 0;
  for (let s = 0; s < layer.count; s++) {
    if (assignment[s] !== t || seen[s]) continue;
    pieces++;
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const x = stack.pop()!;
      for (let e = layer.adjStart[x]; e < layer.adjStart[x + 1]; e++) {
        const v = layer.adj[e];
        if (!seen[v] && assignment[v] === t) (seen[v] = 1), stack.push(v);
      }
    }
  }
  return pieces;
}
