import type { UnitGraph } from './types';

/**
 * "Would territory A stay in one piece without unit u?" asked thousands of times per second, so
 * with preallocated buffers and a visit stamp instead of clearing arrays.
 *
 * Removing u can only split A if u's neighbours in A stop reaching each other, so a search from
 * one of them through A (never through u) that finds all the others settles it; it usually stops
 * after a few units because the neighbours are close to each other. The answer is also right for
 * a territory that is already in several pieces: the move never adds a piece.
 */
export class ContiguityGuard {
  private readonly stamp: Int32Array;
  private readonly queue: Int32Array;
  private readonly targets: Int32Array;
  private current = 0;

  constructor(private readonly g: UnitGraph) {
    this.stamp = new Int32Array(g.count);
    this.queue = new Int32Array(g.count);
    this.targets = new Int32Array(64);
  }

  canRemove(u: number, assign: Int32Array): boolean {
    const { adjStart, adj } = this.g;
    const A = assign[u];
    const stamp = ++this.current;
    if (stamp === 0x7fffffff) {
      this.stamp.fill(0);
      this.current = 1;
    }
    const s = this.current;
    let nt = 0;
    for (let e = adjStart[u]; e < adjStart[u + 1]; e++) {
      const v = adj[e];
      if (assign[v] === A && nt < this.targets.length) this.targets[nt++] = v;
    }
    if (nt <= 1) return true;
    // a unit with more than 64 neighbours in A is rare; checking the first 64 is then approximate,
    // so fall back to refusing (never breaks contiguity)
    if (adjStart[u + 1] - adjStart[u] > this.targets.length) return false;
    this.stamp[u] = s;
    let head = 0;
    let tail = 0;
    this.queue[tail++] = this.targets[0];
    this.stamp[this.targets[0]] = s;
    let found = 1;
    // mark targets so finding one is an O(1) check
    const mark = -s;
    for (let i = 1; i < nt; i++) this.stamp[this.targets[i]] = mark;
    while (head < tail) {
      const x = this.queue[head++];
      for (let e = adjStart[x]; e < adjStart[x + 1]; e++) {
        const v = adj[e];
        const sv = this.stamp[v];
        if (sv === s || assign[v] !== A) continue;
        if (sv === mark && ++found === nt) return true;
        this.stamp[v] = s;
        this.queue[tail++] = v;
      }
    }
    return false;
  }
}

/** Connected pieces of each territory (breadth-first over the graph), territories 0..k−1. */
export function partsPerTerritory(g: UnitGraph, assign: Int32Array, k: number): Int32Array {
  const parts = new Int32Array(k);
  const seen = new Uint8Array(g.count);
  const stack = new Int32Array(g.count);
  const { adjStart, adj } = g;
  for (let s = 0; s < g.count; s++) {
    const t = assign[s];
    if (t < 0 || t >= k || seen[s]) continue;
    parts[t]++;
    let top = 0;
    stack[top++] = s;
    seen[s] = 1;
    while (top > 0) {
      const x = stack[--top];
      for (let e = adjStart[x]; e < adjStart[x + 1]; e++) {
        const v = adj[e];
        if (!seen[v] && assign[v] === t) {
          seen[v] = 1;
          stack[top++] = v;
        }
      }
    }
  }
  return parts;
}
