import Flatbush from 'flatbush';
import { haversineKm } from './sphere';

/**
 * Unit adjacency as a CSR graph: the neighbours of unit u are adj[adjStart[u] .. adjStart[u + 1]),
 * sorted ascending, each pair listed from both ends. adjBridge[k] = 1 when edge k was added to join
 * separate pieces of land (see bridgeComponents), 0 when the two units share a boundary arc.
 */
export interface Adjacency {
  adjStart: Uint32Array;
  adj: Uint32Array;
  adjBridge: Uint8Array;
  /** the bridge edges once each, as pairs [u0, v0, u1, v1, ...] with u < v */
  bridges: Uint32Array;
}

/** Disjoint sets over 0..n-1 with path halving and union by size. */
export class UnionFind {
  readonly parent: Int32Array;
  readonly size: Uint32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Uint32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }
  union(a: number, b: number): boolean {
    a = this.find(a);
    b = this.find(b);
    if (a === b) return false;
    if (this.size[a] < this.size[b]) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a] += this.size[b];
    return true;
  }
}

/** CSR graph from undirected pairs (flat [u, v, ...]); duplicates and self-loops dropped. */
export function csrFromPairs(n: number, pairs: ArrayLike<number>, bridgePairs: ArrayLike<number> = []): Adjacency {
  const deg = new Uint32Array(n + 1);
  const all = [pairs, bridgePairs];
  for (const ps of all) for (let i = 0; i < ps.length; i += 2) if (ps[i] !== ps[i + 1]) deg[ps[i]]++, deg[ps[i + 1]]++;
  const start = new Uint32Array(n + 1);
  for (let u = 0; u < n; u++) start[u + 1] = start[u] + deg[u];
  const fill = start.slice(0, n);
  const raw = new Uint32Array(start[n]);
  const rawBridge = new Uint8Array(start[n]);
  all.forEach((ps, b) => {
    for (let i = 0; i < ps.length; i += 2) {
      const u = ps[i];
      const v = ps[i + 1];
      if (u === v) continue;
      rawBridge[fill[u]] = b;
      raw[fill[u]++] = v;
      rawBridge[fill[v]] = b;
      raw[fill[v]++] = u;
    }
  });
  // sort each row, drop repeats (an arc-sharing edge wins over a bridge for the same pair)
  const adjStart = new Uint32Array(n + 1);
  const adj: number[] = [];
  const adjBridge: number[] = [];
  const bridges: number[] = [];
  for (let u = 0; u < n; u++) {
    const row: [number, number][] = [];
    for (let k = start[u]; k < start[u + 1]; k++) row.push([raw[k], rawBridge[k]]);
    row.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let last = -1;
    for (const [v, b] of row) {
      if (v === last) continue;
      last = v;
      adj.push(v);
      adjBridge.push(b);
      if (b && u < v) bridges.push(u, v);
    }
    adjStart[u + 1] = adj.length;
  }
  return { adjStart, adj: Uint32Array.from(adj), adjBridge: Uint8Array.from(adjBridge), bridges: Uint32Array.from(bridges) };
}

/**
 * Bridges that join every connected piece of the graph into one, so "contiguous" means the same
 * thing on every layer: islands, island groups and separate land masses (Hawaii, Alaska, Puerto
 * Rico, a ZIP on an island) are each tied to the nearest unit of another piece.
 *
 * Borůvka's scheme: in each round every piece except the largest picks its shortest link to any
 * other piece, measured between unit centroids by great-circle distance; the picked links are
 * added and pieces merge. Each round at least halves the number of pieces other than the largest,
 * so there are O(log pieces) rounds. Candidates come from Flatbush k-nearest queries on centroids
 * in degrees, once at the point and once 360° over (so Guam finds Alaska across the antimeridian),
 * and are re-ranked by great-circle distance: the planar query only makes a shortlist.
 * Units without a centroid (empty geometry) stay unconnected: nothing can say where they are.
 *
 * Returns the bridge pairs [u0, v0, u1, v1, ...].
 */
export function bridgeComponents(n: number, adjStart: Uint32Array, adj: Uint32Array, centroid: Float64Array): number[] {
  const uf = new UnionFind(n);
  for (let u = 0; u < n; u++) for (let k = adjStart[u]; k < adjStart[u + 1]; k++) uf.union(u, adj[k]);
  const located: number[] = [];
  for (let u = 0; u < n; u++) if (!Number.isNaN(centroid[2 * u]) && !Number.isNaN(centroid[2 * u + 1])) located.push(u);
  if (located.length < 2) return [];
  const index = new Flatbush(located.length);
  for (const u of located) index.add(centroid[2 * u], centroid[2 * u + 1], centroid[2 * u], centroid[2 * u + 1]);
  index.finish();

  const bridges: number[] = [];
  const SHORTLIST = 8;
  for (;;) {
    const members = new Map<number, number[]>();
    for (const u of located) {
      const r = uf.find(u);
      const m = members.get(r);
      if (m) m.push(u);
      else members.set(r, [u]);
    }
    if (members.size < 2) return bridges;
    let largest = -1;
    for (const [r, m] of members) if (largest < 0 || m.length > members.get(largest)!.length) largest = r;
    const links: [number, number][] = [];
    for (const [r, m] of members) {
      if (r === largest) continue;
      let best = Infinity;
      let bu = -1;
      let bv = -1;
      for (const u of m) {
        const lon = centroid[2 * u];
        const lat = centroid[2 * u + 1];
        const other = (i: number) => uf.find(located[i]) !== r;
        // a second query 360° over finds the units just across the antimeridian
        const near = index.neighbors(lon, lat, SHORTLIST, Infinity, other);
        near.push(...index.neighbors(lon > 0 ? lon - 360 : lon + 360, lat, SHORTLIST, Infinity, other));
        for (const i of near) {
          const v = located[i];
          const d = haversineKm(lat, lon, centroid[2 * v + 1], centroid[2 * v]);
          if (d < best || (d === best && v < bv)) {
            best = d;
            bu = u;
            bv = v;
          }
        }
      }
      if (bu >= 0) links.push([bu, bv]);
    }
    let merged = false;
    for (const [u, v] of links) {
      if (uf.union(u, v)) {
        bridges.push(Math.min(u, v), Math.max(u, v));
        merged = true;
      }
    }
    if (!merged) return bridges;
  }
}
