import { wrapLon, xToLon, yToLat } from './mercator';
import type { ViewFeature } from './types';

/** The accounts found in a view, as kd-order positions, and what the clustering reads of them. */
export interface GridInput {
  /** interleaved x, y in world units, by position */
  coords: Float64Array;
  revenue: Float64Array;
  /** codes of the colorBy category, by position */
  codes: Uint16Array;
  labelCount: number;
  /** position -> table row */
  row: Uint32Array;
  positions: Uint32Array;
  length: number;
  /** positions[shiftFrom..length) lie east of the antimeridian in this view: their x is moved by +1 */
  shiftFrom: number;
  /** cells per world unit */
  scale: number;
  /** clusters whose centres are closer than this many cells are merged (default MERGE_CELLS; 0 = never) */
  mergeCells?: number;
  /** grid origin and size in cells, covering every position given */
  gx0: number;
  gy0: number;
  nx: number;
  ny: number;
}

/** Two clusters closer than ¾ of a cell (45 px with the default cells) would overlap on screen. */
export const MERGE_CELLS = 0.75;

/** Above this many histogram slots (cells × labels) the dominant code is found by sorting instead. */
const DENSE_HISTOGRAM_LIMIT = 1 << 22;

/**
 * Screen-space grid clustering. Cells are aligned to the world, not to the view, so panning does
 * not reshuffle clusters; each cluster sits at the mean position of its accounts, which hides the
 * grid, and clusters that end up too close to each other are merged. A cell holding one account
 * comes back as that account.
 *
 * `cellOf` is scratch space of at least `length` entries.
 */
export function gridCluster(g: GridInput, cellOf: Int32Array, denseLimit = DENSE_HISTOGRAM_LIMIT): ViewFeature[] {
  const { coords, revenue, codes, positions, length, shiftFrom, scale, gx0, gy0, nx } = g;
  const cells = nx * g.ny;
  const count = new Uint32Array(cells);
  const sx = new Float64Array(cells);
  const sy = new Float64Array(cells);
  const rev = new Float64Array(cells);
  const first = new Uint32Array(cells);
  const L = g.labelCount;
  const dense = cells * L <= denseLimit;
  const hist = dense ? new Uint32Array(cells * L) : null;

  for (let k = 0; k < length; k++) {
    const p = positions[k];
    const x = coords[2 * p] + (k >= shiftFrom ? 1 : 0);
    const y = coords[2 * p + 1];
    let cx = Math.floor(x * scale) - gx0;
    let cy = Math.floor(y * scale) - gy0;
    // Points exactly on the far edge of the grid belong to its last cell.
    if (cx >= nx) cx = nx - 1;
    else if (cx < 0) cx = 0;
    if (cy >= g.ny) cy = g.ny - 1;
    else if (cy < 0) cy = 0;
    const c = cy * nx + cx;
    cellOf[k] = c;
    if (count[c]++ === 0) first[c] = p;
    sx[c] += x;
    sy[c] += y;
    const r = revenue[p];
    if (r === r) rev[c] += r;
    if (hist) hist[c * L + codes[p]]++;
  }

  // A city on a cell border would otherwise come out as two overlapping clusters.
  const root = mergeNeighbours(count, sx, sy, scale, gx0, gy0, nx, g.ny, g.mergeCells ?? MERGE_CELLS);
  for (let c = 0; c < cells; c++) {
    const r = root[c];
    if (r === c || count[c] === 0) continue;
    count[r] += count[c];
    sx[r] += sx[c];
    sy[r] += sy[c];
    rev[r] += rev[c];
    if (hist) for (let code = 0; code < L; code++) hist[r * L + code] += hist[c * L + code];
    count[c] = 0;
  }
  if (!hist) for (let k = 0; k < length; k++) cellOf[k] = root[cellOf[k]];

  const dominant = hist ? dominantDense(hist, count, L) : dominantSorted(g, cellOf, count);

  const out: ViewFeature[] = [];
  for (let c = 0; c < cells; c++) {
    const n = count[c];
    if (n === 0) continue;
    if (n === 1) {
      const p = first[c];
      out.push({
        kind: 'point',
        lon: wrapLon(xToLon(sx[c])),
        lat: yToLat(sy[c]),
        count: 1,
        revenue: revenue[p],
        colorCode: codes[p],
        index: g.row[p],
      });
      continue;
    }
    out.push({
      kind: 'cluster',
      lon: wrapLon(xToLon(sx[c] / n)),
      lat: yToLat(sy[c] / n),
      count: n,
      revenue: rev[c],
      colorCode: dominant[c],
      index: -1,
    });
  }
  return out;
}

/**
 * Greedy, one level: biggest clusters first, each absorbs the not-yet-taken clusters of the eight
 * cells around it whose centre lies within `within` cells of its own. Returns each cell's root.
 */
function mergeNeighbours(
  count: Uint32Array,
  sx: Float64Array,
  sy: Float64Array,
  scale: number,
  gx0: number,
  gy0: number,
  nx: number,
  ny: number,
  within: number,
): Int32Array {
  const cells = count.length;
  const root = new Int32Array(cells);
  for (let c = 0; c < cells; c++) root[c] = c;
  if (within <= 0) return root;
  const used: number[] = [];
  for (let c = 0; c < cells; c++) if (count[c] > 0) used.push(c);
  used.sort((a, b) => count[b] - count[a] || a - b);
  const taken = new Uint8Array(cells);
  const cx = (c: number) => (sx[c] / count[c]) * scale - gx0;
  const cy = (c: number) => (sy[c] / count[c]) * scale - gy0;
  const w2 = within * within;
  for (const c of used) {
    if (taken[c]) continue;
    taken[c] = 1;
    const x = cx(c);
    const y = cy(c);
    const col = c % nx;
    const row = (c - col) / nx;
    for (let dy = -1; dy <= 1; dy++) {
      const r = row + dy;
      if (r < 0 || r >= ny) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const q = col + dx;
        if (q < 0 || q >= nx) continue;
        const n = r * nx + q;
        if (taken[n] || count[n] === 0) continue;
        const ddx = cx(n) - x;
        const ddy = cy(n) - y;
        if (ddx * ddx + ddy * ddy < w2) {
          root[n] = c;
          taken[n] = 1;
        }
      }
    }
  }
  return root;
}

/** Most frequent code per cell; ties go to the lowest code so the answer is deterministic. */
function dominantDense(hist: Uint32Array, count: Uint32Array, L: number): Uint16Array {
  const out = new Uint16Array(count.length);
  for (let c = 0; c < count.length; c++) {
    if (count[c] < 2) continue;
    let best = 0;
    let bestN = 0;
    const base = c * L;
    for (let code = 0; code < L; code++) {
      const v = hist[base + code];
      if (v > bestN) {
        bestN = v;
        best = code;
      }
    }
    out[c] = best;
  }
  return out;
}

/**
 * Same answer for many labels (hundreds of owners on a 4K screen): group the accounts by cell with
 * a counting sort, then count each cell's codes in one shared histogram that is reset per cell.
 */
function dominantSorted(g: GridInput, cellOf: Int32Array, count: Uint32Array): Uint16Array {
  const cells = count.length;
  const start = new Uint32Array(cells + 1);
  for (let c = 0; c < cells; c++) start[c + 1] = start[c] + count[c];
  const fill = start.slice(0, cells);
  const order = new Uint32Array(g.length);
  for (let k = 0; k < g.length; k++) order[fill[cellOf[k]]++] = g.positions[k];

  const out = new Uint16Array(cells);
  const hist = new Uint32Array(g.labelCount);
  for (let c = 0; c < cells; c++) {
    if (count[c] < 2) continue;
    let best = 0;
    let bestN = 0;
    for (let i = start[c]; i < start[c + 1]; i++) {
      const code = g.codes[order[i]];
      const v = ++hist[code];
      if (v > bestN || (v === bestN && code < best)) {
        bestN = v;
        best = code;
      }
    }
    for (let i = start[c]; i < start[c + 1]; i++) hist[g.codes[order[i]]] = 0;
    out[c] = best;
  }
  return out;
}
