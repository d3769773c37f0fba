import type { PackedStrings } from '../accounts/packed-strings';

const encoder = new TextEncoder();

/**
 * A faster PackedStringsBuilder for the import's hot path (same output format). The shared builder
 * calls encodeInto once per string with a fresh subarray view, which allocates for every cell of a
 * million-row import; here ASCII is copied with a plain loop (no allocation at all) and only the
 * rest of a string with other characters goes through encodeInto.
 */
export class FastPackedBuilder {
  private bytes: Uint8Array;
  private offsets: Uint32Array;
  private rows = 0;
  private used = 0;

  constructor(expectedRows = 1024, expectedBytesPerRow = 16) {
    this.offsets = new Uint32Array(Math.max(expectedRows, 16) + 1);
    this.bytes = new Uint8Array(Math.max(expectedRows * expectedBytesPerRow, 1024));
  }

  get length(): number {
    return this.rows;
  }

  push(value: string): void {
    if (this.rows + 2 > this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const n = value.length;
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.used + n * 3 > this.bytes.length) this.growBytes(this.used + n * 3);
    const b = this.bytes;
    let u = this.used;
    let i = 0;
    for (; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) break;
      b[u++] = c;
    }
    if (i < n) u += encoder.encodeInto(value.slice(i), b.subarray(u)).written;
    this.used = u;
    this.offsets[++this.rows] = u;
  }

  /** Whether string i is `value`. */
  equalsAt(i: number, value: string): boolean {
    const start = this.offsets[i];
    const end = this.offsets[i + 1];
    const b = this.bytes;
    const n = value.length;
    if (end - start < n) return false;
    let k = 0;
    for (; k < n; k++) {
      const c = value.charCodeAt(k);
      if (c >= 0x80) break;
      if (b[start + k] !== c) return false;
    }
    if (k === n) return end - start === n;
    const rest = encoder.encode(value.slice(k));
    if (end - start - k !== rest.length) return false;
    for (let j = 0; j < rest.length; j++) if (b[start + k + j] !== rest[j]) return false;
    return true;
  }

  private growBytes(need: number): void {
    const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }

  finish(): PackedStrings {
    return { bytes: this.bytes.slice(0, this.used), offsets: this.offsets.slice(0, this.rows + 1) };
  }
}
