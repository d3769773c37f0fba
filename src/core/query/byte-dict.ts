import { LOWER } from './fold';

const decoder = new TextDecoder();

/** FNV-1a over ASCII-lowercased bytes. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let p = start; p < end; p++) h = Math.imul(h ^ LOWER[bytes[p]], 0x01000193);
  return h >>> 0;
}

/** Whether a[as..ae) and b[bs..be) are equal once ASCII-lowercased. */
export function sameBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) if (LOWER[a[as + i]] !== LOWER[b[bs + i]]) return false;
  return true;
}

/**
 * Interns byte strings (ASCII case ignored) as dense ids 0, 1, 2… without making a JS string per
 * lookup: a million name tokens become a few thousand distinct words here, and only those are
 * ever decoded.
 */
export class ByteDict {
  private slots = new Int32Array(1024);
  private keys = new Uint8Array(4096);
  private keyOff = new Uint32Array(513);
  private hashes = new Uint32Array(512);
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** The id of bytes[start..end), added if new. Stored lowercased. */
  idOf(bytes: Uint8Array, start: number, end: number): number {
    const h = hashBytes(bytes, start, end);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s];
      if (v === 0) return this.add(bytes, start, end, h, s);
      const id = v - 1;
      if (this.hashes[id] === h && sameBytes(this.keys, this.keyOff[id], this.keyOff[id + 1], bytes, start, end)) return id;
    }
  }

  keyString(id: number): string {
    return decoder.decode(this.keys.subarray(this.keyOff[id], this.keyOff[id + 1]));
  }

  private add(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const id = this.n++;
    if (id + 1 >= this.keyOff.length) {
      this.keyOff = grow(this.keyOff, this.keyOff.length * 2);
      this.hashes = grow(this.hashes, this.hashes.length * 2);
    }
    const at = this.keyOff[id];
    const len = end - start;
    if (at + len > this.keys.length) this.keys = grow(this.keys, Math.max(this.keys.length * 2, at + len));
    for (let i = 0; i < len; i++) this.keys[at + i] = LOWER[bytes[start + i]];
    this.keyOff[id + 1] = at + len;
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if (this.n * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.n; id++) {
      let s = this.hashes[id] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
  }
}

export function grow<T extends Uint8Array | Uint32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
