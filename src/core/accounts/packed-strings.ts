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

/**
 * Appends strings into growing buffers; finish() trims them to size. Built for a million-row
 * import: ASCII is copied with a plain loop (no allocation per cell) and only the rest of a
 * string with other characters goes through encodeInto.
 */
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
