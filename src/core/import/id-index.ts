import type { PackedStringsBuilder } from '../accounts/packed-strings';

/**
 * FNV-1a over UTF-16 code units: cheap, and good enough to spread ids over the table. Returned as
 * a signed 32-bit integer, which V8 keeps unboxed.
 */
export function hashId(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Finds ids already imported, for duplicate detection over a million rows. A Map<string, number>
 * costs a third of the import's time and, because the parser's cells are slices of its chunk
 * strings, would keep the whole file's text alive; this open-addressing table stores only
 * integers and compares against the bytes already packed into the id column.
 *
 * Each slot is two adjacent ints, [hash, entry + 1], so a probe touches one cache line.
 */
export class IdIndex {
  private slots: Int32Array;
  private rows: Int32Array;
  private count = 0;

  /** `ids` is the id column; entry i of this index is string i of it. */
  constructor(
    private readonly ids: PackedStringsBuilder,
    expected = 1024,
  ) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.rows = new Int32Array(Math.max(expected, 16));
  }

  /** The row an earlier entry with this id came from, or -1. */
  find(id: string, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const h = hash | 0;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[2 * s + 1] - 1;
      if (e < 0) return -1;
      if (slots[2 * s] === h && this.ids.equalsAt(e, id)) return this.rows[e];
    }
  }

  /** Records the id just pushed onto the id column (entry number `count`). */
  add(hash: number, row: number): void {
    const e = this.count++;
    if (e >= this.rows.length) {
      const r = new Int32Array(this.rows.length * 2);
      r.set(this.rows);
      this.rows = r;
    }
    this.rows[e] = row;
    if (this.count * 2 > this.slots.length >> 1) this.grow();
    this.place(this.slots, hash | 0, e);
  }

  private place(slots: Int32Array, h: number, e: number): void {
    const mask = (slots.length >> 1) - 1;
    let s = h & mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = h;
    slots[2 * s + 1] = e + 1;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(slots, old[s], old[s + 1] - 1);
    this.slots = slots;
  }
}
