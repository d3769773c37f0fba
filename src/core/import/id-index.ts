import type { FastPackedBuilder } from './packed-builder';

/** FNV-1a over UTF-16 code units: cheap, and good enough to spread ids over the table. */
export function hashId(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Finds ids already imported, for duplicate detection over a million rows. A Map<string, number>
 * costs a third of the import's time and, because the parser's cells are slices of its chunk
 * strings, would keep the whole file's text alive; this open-addressing table stores only
 * integers and compares against the bytes already packed into the id column.
 */
export class IdIndex {
  private slots: Int32Array;
  private hashes: Uint32Array;
  private rows: Int32Array;
  private count = 0;

  /** `ids` is the id column; entry i of this index is string i of it. */
  constructor(
    private readonly ids: FastPackedBuilder,
    expected = 1024,
  ) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.hashes = new Uint32Array(Math.max(expected, 16));
    this.rows = new Int32Array(Math.max(expected, 16));
  }

  /** The row an earlier entry with this id came from, or -1. */
  find(id: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === hash && this.ids.equalsAt(e, id)) return this.rows[e];
    }
  }

  /** Records the id just pushed onto the id column (entry number `count`). */
  add(hash: number, row: number): void {
    const e = this.count++;
    if (e >= this.hashes.length) {
      const h = new Uint32Array(this.hashes.length * 2);
      h.set(this.hashes);
      this.hashes = h;
      const r = new Int32Array(this.rows.length * 2);
      r.set(this.rows);
      this.rows = r;
    }
    this.hashes[e] = hash;
    this.rows[e] = row;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(e);
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[e] & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.count; e++) this.place(e);
  }
}
