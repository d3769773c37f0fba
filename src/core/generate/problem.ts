import type { CommonInput, UnitGraph } from './types';

/**
 * The input brought into one shape both the generator and the rebalancer work on: which units the
 * optimizer may move, which are fixed to a territory, the per-unit figures in one unit-major
 * array, and the targets (mean over adjustable territories).
 */
export interface Problem {
  g: UnitGraph;
  n: number;
  k: number;
  /** metrics */
  M: number;
  names: string[];
  /** unitVal[u * M + m] */
  unitVal: Float64Array;
  /** offset[t * M + m]: pinned accounts counted to t */
  offset: Float64Array;
  weight: Float64Array;
  /** tolerance as a fraction (0.03 = ±3 %) */
  tol: Float64Array;
  /** 1 = the optimizer decides this unit's territory */
  movable: Uint8Array;
  /** territory of a unit the optimizer may not move (−1 = none: the unit counts for nobody) */
  fixedTo: Int32Array;
  inScope: Uint8Array;
  /** 1 = territory cannot change (locked or drawn-shape) */
  frozen: Uint8Array;
  /** adjustable territories */
  kAdj: number;
  /** per metric, mean over adjustable territories */
  target: Float64Array;
  /** unit vectors of the centroids (x, y, z), for distances that work anywhere on the globe */
  vec: Float64Array;
  /** 0 balance first … 1 compact first */
  compactness: number;
  mixC: number;
  /** mixVal[u * C + c], ignored classes zeroed */
  mixVal: Float64Array | null;
  /** share of each class over the whole scope */
  mixShare: Float64Array | null;
  mixWeight: number;
  seed: number;
  /** in-scope units locked while unassigned: they stay so */
  lockedUnassigned: number;
}

/**
 * `k` is the number of territories of the result; `homes` (one-per-rep mode) fixes each home unit to
 * its territory.
 */
export function buildProblem(input: CommonInput, k: number, homes?: Int32Array): Problem {
  const g = input.graph;
  const n = g.count;
  const M = input.metrics.length;
  if (M === 0) throw new Error('At least one figure to balance is needed');
  const scope = input.scope ?? new Uint8Array(n).fill(1);
  const current = input.current ?? new Int32Array(n).fill(-1);
  const locked = input.lockedUnits ?? new Uint8Array(n);
  const frozen = new Uint8Array(k);
  for (const t of Array.from(input.frozenTerritories ?? [])) if (t >= 0 && t < k) frozen[t] = 1;
  if (homes) for (let t = 0; t < homes.length; t++) if (homes[t] >= 0 && frozen[t]) throw new Error(`Territory ${t} is frozen and has a rep home to grow from`);

  const unitVal = new Float64Array(n * M);
  const offset = new Float64Array(k * M);
  const weight = new Float64Array(M);
  const tol = new Float64Array(M);
  input.metrics.forEach((m, i) => {
    if (m.values.length !== n) throw new Error(`Figure ${m.name} has ${m.values.length} values for ${n} units`);
    for (let u = 0; u < n; u++) unitVal[u * M + i] = m.values[u] > 0 ? m.values[u] : 0;
    if (m.fixedOffset) for (let t = 0; t < k; t++) offset[t * M + i] = m.fixedOffset[t] ?? 0;
    weight[i] = m.weight ?? 1;
    tol[i] = Math.max(1e-6, m.tolerancePct / 100);
  });

  const movable = new Uint8Array(n);
  const fixedTo = new Int32Array(n).fill(-1);
  const inScope = new Uint8Array(n);
  let lockedUnassigned = 0;
  for (let u = 0; u < n; u++) {
    const c = current[u] < k ? current[u] : -1;
    inScope[u] = scope[u] ? 1 : 0;
    if (!scope[u] || locked[u] || (c >= 0 && frozen[c])) {
      fixedTo[u] = c;
      if (scope[u] && locked[u] && c < 0) lockedUnassigned++;
    } else movable[u] = 1;
  }
  if (homes) {
    for (let t = 0; t < homes.length; t++) {
      const h = homes[t];
      if (h < 0) continue;
      if (!movable[h] && fixedTo[h] !== t) throw new Error(`The home unit of territory ${t} is fixed to another territory`);
      movable[h] = 0;
      fixedTo[h] = t;
    }
  }

  let kAdj = 0;
  for (let t = 0; t < k; t++) if (!frozen[t]) kAdj++;
  const target = new Float64Array(M);
  for (let u = 0; u < n; u++) {
    const t = fixedTo[u];
    if (!movable[u] && (t < 0 || frozen[t])) continue;
    for (let m = 0; m < M; m++) target[m] += unitVal[u * M + m];
  }
  for (let t = 0; t < k; t++) if (!frozen[t]) for (let m = 0; m < M; m++) target[m] += offset[t * M + m];
  for (let m = 0; m < M; m++) target[m] = kAdj > 0 ? target[m] / kAdj : 0;

  const vec = new Float64Array(3 * n);
  for (let u = 0; u < n; u++) {
    const lon = (g.centroid[2 * u] * Math.PI) / 180;
    const lat = (g.centroid[2 * u + 1] * Math.PI) / 180;
    const ok = Number.isFinite(lon) && Number.isFinite(lat);
    vec[3 * u] = ok ? Math.cos(lat) * Math.cos(lon) : 0;
    vec[3 * u + 1] = ok ? Math.cos(lat) * Math.sin(lon) : 0;
    vec[3 * u + 2] = ok ? Math.sin(lat) : 0;
  }

  let mixVal: Float64Array | null = null;
  let mixShare: Float64Array | null = null;
  const C = input.mix?.classes ?? 0;
  if (input.mix && C > 0) {
    const ignore = new Set(input.mix.ignore ?? []);
    mixVal = new Float64Array(n * C);
    mixShare = new Float64Array(C);
    let total = 0;
    for (let u = 0; u < n; u++) {
      for (let c = 0; c < C; c++) {
        if (ignore.has(c)) continue;
        const v = input.mix.counts[u * C + c];
        mixVal[u * C + c] = v;
        if (movable[u] || (fixedTo[u] >= 0 && !frozen[fixedTo[u]])) {
          mixShare[c] += v;
          total += v;
        }
      }
    }
    for (let c = 0; c < C; c++) mixShare[c] = total > 0 ? mixShare[c] / total : 0;
  }

  return {
    g,
    n,
    k,
    M,
    names: input.metrics.map((m) => m.name),
    unitVal,
    offset,
    weight,
    tol,
    movable,
    fixedTo,
    inScope,
    frozen,
    kAdj,
    target,
    vec,
    compactness: Math.min(1, Math.max(0, input.compactness ?? 0.5)),
    mixC: mixVal ? C : 0,
    mixVal,
    mixShare,
    mixWeight: input.mix?.weight ?? 0.2,
    seed: input.seed ?? 1,
    lockedUnassigned,
  };
}

/** Weighted load of unit u in "targets": Σ_m w_m · value_m / target_m ÷ Σ w. */
export function unitLoad(p: Problem, u: number): number {
  let s = 0;
  let w = 0;
  for (let m = 0; m < p.M; m++) {
    if (p.target[m] > 0) s += (p.weight[m] * p.unitVal[u * p.M + m]) / p.target[m];
    w += p.weight[m];
  }
  return w > 0 ? s / w : 0;
}

/** Squared chord distance between the centroids of two units (monotone in great-circle distance). */
export function dist2(p: Problem, a: number, b: number): number {
  const v = p.vec;
  const dx = v[3 * a] - v[3 * b];
  const dy = v[3 * a + 1] - v[3 * b + 1];
  const dz = v[3 * a + 2] - v[3 * b + 2];
  return dx * dx + dy * dy + dz * dz;
}

/**
 * Connected pieces of the movable units (graph restricted to them); comp[u] = piece or −1 for
 * units that are not movable. Pieces are numbered from the lowest unit index, so deterministic.
 */
export function movableComponents(p: Problem): { comp: Int32Array; count: number; sizes: number[] } {
  const { adjStart, adj } = p.g;
  const comp = new Int32Array(p.n).fill(-1);
  const stack = new Int32Array(p.n);
  const sizes: number[] = [];
  let count = 0;
  for (let s = 0; s < p.n; s++) {
    if (!p.movable[s] || comp[s] >= 0) continue;
    let top = 0;
    stack[top++] = s;
    comp[s] = count;
    let size = 0;
    while (top > 0) {
      const x = stack[--top];
      size++;
      for (let e = adjStart[x]; e < adjStart[x + 1]; e++) {
        const v = adj[e];
        if (p.movable[v] && comp[v] < 0) {
          comp[v] = count;
          stack[top++] = v;
        }
      }
    }
    sizes.push(size);
    count++;
  }
  return { comp, count, sizes };
}
