import type { PackedStrings } from '../accounts/packed-strings';

/** FNV-1a over string i's UTF-8 bytes: ids are matched as bytes, never decoded. */
export function hashPacked(col: PackedStrings, i: number): number {
  const b = col.bytes;
  let h = 0x811c9dc5;
  for (let k = col.offsets[i], end = col.offsets[i + 1]; k < end; k++) h = Math.imul(h ^ b[k], 0x01000193);
  return h >>> 0;
}

export function packedEqual(a: PackedStrings, i: number, b: PackedStrings, j: number): boolean {
  const as = a.offsets[i];
  const bs = b.offsets[j];
  const n = a.offsets[i + 1] - as;
  if (b.offsets[j + 1] - bs !== n) return false;
  const ab = a.bytes;
  const bb = b.bytes;
  for (let k = 0; k < n; k++) if (ab[as + k] !== bb[bs + k]) return false;
  return true;
}

/** Index of a packed column's strings, for lookups by another packed column's strings. */
export class PackedIndex {
  private readonly slots: Int32Array;
  private readonly hashes: Uint32Array;

  constructor(private readonly col: PackedStrings) {
    const n = col.offsets.length - 1;
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.hashes = new Uint32Array(n);
    const mask = cap - 1;
    for (let i = 0; i < n; i++) {
      const h = hashPacked(col, i);
      this.hashes[i] = h;
      let s = h & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = i + 1;
    }
  }

  /** The first row of the indexed column equal to other's string j, or -1. */
  find(other: PackedStrings, j: number): number {
    const h = hashPacked(other, j);
    const mask = this.slots.length - 1;
    let best = -1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return best;
      if (this.hashes[e] === h && packedEqual(this.col, e, other, j) && (best < 0 || e < best)) best = e;
    }
  }
}
