import type KDBush from 'kdbush';

/**
 * KDBush's range search, rewritten to append kd-order *positions* to a preallocated array and to
 * skip the per-point test where a whole subtree lies inside the query. At country zoom nearly
 * every subtree does, which makes a query over a million points a plain scan of a few runs.
 *
 * `keep` is a per-position 0/1 mask (the filters); returns the new length of `out`.
 */
export function rangeInto(
  index: KDBush,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  keep: Uint8Array,
  out: Uint32Array,
  start: number,
): number {
  const coords = index.coords;
  const nodeSize = index.nodeSize;
  const n = index.numItems;
  let k = start;
  if (n === 0) return k;
  // Each frame: left, right, axis and the node's region (x0, y0, x1, y1), inclusive.
  const stack: number[] = [0, n - 1, 0, -Infinity, -Infinity, Infinity, Infinity];
  while (stack.length > 0) {
    const ry1 = stack.pop()!;
    const rx1 = stack.pop()!;
    const ry0 = stack.pop()!;
    const rx0 = stack.pop()!;
    const axis = stack.pop()!;
    const right = stack.pop()!;
    const left = stack.pop()!;
    if (rx0 >= minX && rx1 <= maxX && ry0 >= minY && ry1 <= maxY) {
      for (let i = left; i <= right; i++) if (keep[i]) out[k++] = i;
      continue;
    }
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) {
        const x = coords[2 * i];
        const y = coords[2 * i + 1];
        if (keep[i] && x >= minX && x <= maxX && y >= minY && y <= maxY) out[k++] = i;
      }
      continue;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m];
    const y = coords[2 * m + 1];
    if (keep[m] && x >= minX && x <= maxX && y >= minY && y <= maxY) out[k++] = m;
    // Left half holds coordinates <= the split on this axis, right half >=.
    if (axis === 0) {
      if (minX <= x) stack.push(left, m - 1, 1, rx0, ry0, x, ry1);
      if (maxX >= x) stack.push(m + 1, right, 1, x, ry0, rx1, ry1);
    } else {
      if (minY <= y) stack.push(left, m - 1, 0, rx0, ry0, rx1, y);
      if (maxY >= y) stack.push(m + 1, right, 0, rx0, y, rx1, ry1);
    }
  }
  return k;
}
