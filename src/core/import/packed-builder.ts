import type { PackedStrings } from '../accounts/packed-strings';

const encoder = new TextEncoder();
const BATCH = 2048;

/**
 * A faster PackedStringsBuilder for the import's hot path (same output format). The shared builder
 * calls encodeInto once per string, with a fresh subarray view each time, which dominates a
 * million-row import. Here strings wait in a small batch that is joined and encoded in one call;
 * when the batch is all ASCII (the usual case) its offsets are just the string lengths.
 */
export class FastPackedBuilder {
  private bytes: Uint8Array;
  private offsets: Uint32Array;
  /** strings encoded so far */
  private rows = 0;
  private used = 0;
  private pending: string[] = [];

  constructor(expectedRows = 1024, expectedBytesPerRow = 16) {
    this.offsets = new Uint32Array(Math.max(expectedRows, 16) + 1);
    this.bytes = new Uint8Array(Math.max(expectedRows * expectedBytesPerRow, 1024));
  }

  get length(): number {
    return this.rows + this.pending.length;
  }

  push(value: string): void {
    if (this.pending.push(value) === BATCH) this.flush();
  }

  /** Whether string i is `value`. */
  equalsAt(i: number, value: string): boolean {
    if (i >= this.rows) return this.pending[i - this.rows] === value;
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

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    if (this.rows + batch.length + 1 > this.offsets.length) {
      const grown = new Uint32Array(Math.max(this.offsets.length * 2, this.rows + batch.length + 1));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const joined = batch.join('');
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.used + joined.length * 3 > this.bytes.length) this.growBytes(this.used + joined.length * 3);
    const { written } = encoder.encodeInto(joined, this.bytes.subarray(this.used));
    const offsets = this.offsets;
    let at = this.used;
    let row = this.rows;
    if (written === joined.length) {
      for (let k = 0; k < batch.length; k++) offsets[++row] = at += batch[k].length;
    } else {
      // Not all ASCII: encode string by string to learn where each one ends.
      for (let k = 0; k < batch.length; k++) offsets[++row] = at += encoder.encodeInto(batch[k], this.bytes.subarray(at)).written;
    }
    this.rows = row;
    this.used = at;
  }

  private growBytes(need: number): void {
    const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }

  finish(): PackedStrings {
    this.flush();
    return { bytes: this.bytes.slice(0, this.used), offsets: this.offsets.slice(0, this.rows + 1) };
  }
}
