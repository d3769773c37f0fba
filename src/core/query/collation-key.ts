import { foldText } from './fold';

/**
 * Turns a UTF-8 string into a byte sequence whose plain byte order is a good approximation of a
 * human, locale-style order: case and accents ignored (they only break ties later), whitespace <
 * punctuation < numbers < letters as in Unicode collation, and runs of digits compared by value so
 * "Store 9" < "Store 10". Produced straight from the packed bytes, so a million names need no
 * decoding. Every weight is in 1..254: 0 marks "string ended" in fixed-width keys, and 255 is
 * what 0 becomes when a descending sort complements them.
 */

const SPACE = 1;
const OTHER_PUNCT = 35;
const DIGITS = 40;
const LETTER_A = 60;
/** A character outside Latin folding: followed by its code point in three base-254 bytes. */
const OTHER = 100;

/** Weight of each ASCII byte; 0 = ignorable (control characters). Digits are handled as runs. */
const ASCII = /* @__PURE__ */ (() => {
  const w = new Uint8Array(128);
  w[9] = w[10] = w[11] = w[12] = w[13] = w[32] = SPACE;
  // Roughly the Unicode root collation order of ASCII punctuation and symbols.
  const punct = `_-,;:!?.'"()[]{}@*/\\&#%\`^+<=>|~$`;
  for (let i = 0; i < punct.length; i++) w[punct.charCodeAt(i)] = 2 + i;
  for (let c = 0; c < 26; c++) w[97 + c] = w[65 + c] = LETTER_A + c;
  return w;
})();

const cache = new Map<number, number[]>();

function weightsOfCodePoint(cp: number): number[] {
  let w = cache.get(cp);
  if (w) return w;
  w = [];
  for (const ch of foldText(String.fromCodePoint(cp))) {
    const c = ch.codePointAt(0)!;
    if (c < 128) {
      if (c >= 48 && c <= 57) w.push(DIGITS, 1, c - 47);
      else if (ASCII[c]) w.push(ASCII[c]);
    } else if (/\s/u.test(ch)) w.push(SPACE);
    else if (/[\p{P}\p{S}]/u.test(ch)) w.push(OTHER_PUNCT);
    else if (/\p{M}/u.test(ch)) continue;
    else w.push(OTHER, 1 + Math.floor(c / (254 * 254)), 1 + (Math.floor(c / 254) % 254), 1 + (c % 254));
  }
  cache.set(cp, w);
  return w;
}

/** Upper bound of weights written for `byteLength` bytes of input (a lone digit becomes 3). */
export function maxWeights(byteLength: number): number {
  return byteLength * 3 + 4;
}

/** Writes the weights of bytes[start..end) into out from `at`; returns the new end. */
export function encodeWeights(bytes: Uint8Array, start: number, end: number, out: Uint8Array, at: number): number {
  let p = start;
  while (p < end) {
    const b = bytes[p];
    if (b >= 48 && b <= 57) {
      let q = p;
      while (q < end && bytes[q] >= 48 && bytes[q] <= 57) q++;
      let first = p;
      while (first < q - 1 && bytes[first] === 48) first++;
      out[at++] = DIGITS;
      out[at++] = Math.min(q - first, 254);
      for (let k = first; k < q; k++) out[at++] = bytes[k] - 47;
      p = q;
    } else if (b < 128) {
      const w = ASCII[b];
      if (w) out[at++] = w;
      p++;
    } else {
      let cp: number;
      if (b < 0xe0) {
        cp = ((b & 0x1f) << 6) | (bytes[p + 1] & 0x3f);
        p += 2;
      } else if (b < 0xf0) {
        cp = ((b & 0x0f) << 12) | ((bytes[p + 1] & 0x3f) << 6) | (bytes[p + 2] & 0x3f);
        p += 3;
      } else {
        cp = ((b & 0x07) << 18) | ((bytes[p + 1] & 0x3f) << 12) | ((bytes[p + 2] & 0x3f) << 6) | (bytes[p + 3] & 0x3f);
        p += 4;
      }
      const w = weightsOfCodePoint(cp);
      for (let k = 0; k < w.length; k++) out[at++] = w[k];
    }
  }
  return at;
}
