/**
 * A column of strings packed as UTF-8 bytes plus offsets, so a million names travel between a
 * worker and the page, and into IndexedDB, as two transferable buffers instead of a million
 * objects. String i is bytes[offsets[i] .. offsets[i + 1]]; offsets.length === count + 1.
 */
export interface PackedStrings {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function packedCount(col: PackedStrings): number {
  return col.offsets.length - 1;
}

export function getString(col: PackedStrings, i: number): string {
  const start = col.offsets[i];
  const end = col.offsets[i + 1];
  if (start === end) return '';
  return decoder.decode(col.bytes.subarray(start, end));
}

export function packStrings(values: readonly string[]): PackedStrings {
  const b = new PackedStringsBuilder(values.length);
  for (const v of values) b.push(v);
  return b.finish();
}

export function unpackStrings(col: PackedStrings): string[] {
  const n = packedCount(col);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = getString(col, i);
  return out;
}

/** Rows start..end (exclusive) as a new, independent column. */
export function slicePacked(col: PackedStrings, start: number, end: number): PackedStrings {
  const base = col.offsets[start];
  const offsets = new Uint32Array(end - start + 1);
  for (let i = start; i <= end; i++) offsets[i - start] = col.offsets[i] - base;
  return { bytes: col.bytes.slice(base, col.offsets[end]), offsets };
}

export function concatPacked(parts: readonly PackedStrings[]): PackedStrings {
  let rows = 0;
  let bytes = 0;
  for (const p of parts) {
    rows += packedCount(p);
    bytes += p.bytes.length;
  }
  const out: PackedStrings = { bytes: new Uint8Array(bytes), offsets: new Uint32Array(rows + 1) };
  let row = 0;
  let byte = 0;
  for (const p of parts) {
    const n = packedCount(p);
    out.bytes.set(p.bytes.subarray(0, p.offsets[n]), byte);
    for (let i = 1; i <= n; i++) out.offsets[row + i] = byte + p.offsets[i];
    row += n;
    byte += p.offsets[n];
  }
  return out;
}

/** Appends strings into growing buffers; finish() trims them to size. */
export class PackedStringsBuilder {
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
    if (value.length > 0) {
      // UTF-8 needs at most 3 bytes per UTF-16 code unit.
      const need = this.used + value.length * 3;
      if (need > this.bytes.length) {
        const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
        grown.set(this.bytes.subarray(0, this.used));
        this.bytes = grown;
      }
      this.used += encoder.encodeInto(value, this.bytes.subarray(this.used)).written;
    }
    this.rows++;
    this.offsets[this.rows] = this.used;
  }

  finish(): PackedStrings {
    return { bytes: this.bytes.slice(0, this.used), offsets: this.offsets.slice(0, this.rows + 1) };
  }
}
