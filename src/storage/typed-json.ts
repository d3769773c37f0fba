/**
 * JSON for the values IndexedDB stores and JSON cannot say: typed arrays and ArrayBuffers (as
 * base64 of their bytes, with the type name), NaN/±Infinity/-0, undefined and Dates. Tagged
 * objects use keys starting with "$"; a stored object that has such keys itself is wrapped in
 * {"$object": …} so it can never be mistaken for a tag. Bytes are kept in the platform's order,
 * which is little-endian on every browser we run on.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

export function toJson(value: unknown): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value === undefined) return { $undefined: true };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $number: 'NaN' };
    if (value === Infinity) return { $number: 'Infinity' };
    if (value === -Infinity) return { $number: '-Infinity' };
    if (Object.is(value, -0)) return { $number: '-0' };
    return value;
  }
  if (value instanceof ArrayBuffer) return { $typed: 'ArrayBuffer', base64: toBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    const type = value.constructor.name;
    if (!(type in TYPED_ARRAYS)) throw new TypeError(`Cannot dump a ${type}`);
    return { $typed: type, base64: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (value instanceof Date) return { $date: value.getTime() };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: Json } = {};
    let tagLike = false;
    for (const [k, v] of Object.entries(value)) {
      out[k] = toJson(v);
      if (k.startsWith('$')) tagLike = true;
    }
    return tagLike ? { $object: out } : out;
  }
  throw new TypeError(`Cannot dump a value of type ${Object.prototype.toString.call(value)}`);
}

export function fromJson(json: Json): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(fromJson);
  if ('$undefined' in json) return undefined;
  if (typeof json.$number === 'string') return Number(json.$number);
  if (typeof json.$date === 'number') return new Date(json.$date);
  if (typeof json.$typed === 'string' && typeof json.base64 === 'string') {
    const bytes = fromBase64(json.base64);
    if (json.$typed === 'ArrayBuffer') return bytes.buffer;
    const C = TYPED_ARRAYS[json.$typed as TypedArrayName];
    if (!C) throw new TypeError(`Unknown typed array ${json.$typed}`);
    return new C(bytes.buffer);
  }
  const fields = '$object' in json ? (json.$object as { [key: string]: Json }) : json;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = fromJson(v);
  return out;
}

// btoa/atob exist in pages, workers and Node alike; Buffer would not run in the browser.
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
