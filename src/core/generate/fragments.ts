import { attachOrphans, load } from './grow';
import type { Partition } from './partition';

/**
 * Every adjustable territory in one piece: its largest piece (by units) is kept, the movable
 * units of its other pieces are released and handed to neighbours by fillUnassigned. Pieces that
 * hold fixed units (locked, out of scope) are kept too, since they cannot move.
 */
export function makeContiguous(part: Partition): void {
  const p = part.p;
  const { adjStart, adj } = p.g;
  const piece = new Int32Array(p.n).fill(-1);
  const size: number[] = [];
  const fixed: boolean[] = [];
  const owner: number[] = [];
  const stack: number[] = [];
  for (let s = 0; s < p.n; s++) {
    const t = part.assign[s];
    if (t < 0 || p.frozen[t] || piece[s] >= 0) continue;
    const id = size.length;
    let n = 0;
    let hasFixed = false;
    piece[s] = id;
    stack.push(s);
    while (stack.length > 0) {
      const x = stack.pop()!;
      n++;
      if (!p.movable[x]) hasFixed = true;
      for (let e = adjStart[x]; e < adjStart[x + 1]; e++) {
        const v = adj[e];
        if (piece[v] < 0 && part.assign[v] === t) {
          piece[v] = id;
          stack.push(v);
        }
      }
    }
    size.push(n);
    fixed.push(hasFixed);
    owner.push(t);
  }
  const keep = new Int32Array(p.k).fill(-1);
  for (let i = 0; i < size.length; i++) {
    const t = owner[i];
    if (keep[t] < 0 || size[i] > size[keep[t]]) keep[t] = i;
  }
  let released = 0;
  for (let u = 0; u < p.n; u++) {
    const i = piece[u];
    if (i < 0 || !p.movable[u] || i === keep[owner[i]] || fixed[i]) continue;
    part.move(u, -1);
    released++;
  }
  if (released > 0) fillUnassigned(part);
}

/**
 * Movable units with no territory join one: breadth-first from the assigned ones, each to its
 * lightest adjacent adjustable territory, so they land where they fit and stay contiguous;
 * whatever no territory reaches goes to the nearest (attachOrphans).
 */
export function fillUnassigned(part: Partition): void {
  const p = part.p;
  const { adjStart, adj } = p.g;
  let frontier: number[] = [];
  for (let u = 0; u < p.n; u++) if (p.movable[u] && part.assign[u] < 0) frontier.push(u);
  while (frontier.length > 0) {
    const rest: number[] = [];
    const take: number[] = [];
    for (const u of frontier) {
      let best = -1;
      let bestLoad = Infinity;
      for (let e = adjStart[u]; e < adjStart[u + 1]; e++) {
        const t = part.assign[adj[e]];
        if (t < 0 || p.frozen[t]) continue;
        const l = load(part, t);
        if (l < bestLoad) (bestLoad = l), (best = t);
      }
      if (best >= 0) take.push(u, best);
      else rest.push(u);
    }
    if (take.length === 0) break;
    for (let i = 0; i < take.length; i += 2) part.move(take[i], take[i + 1]);
    frontier = rest;
  }
  attachOrphans(part);
}
