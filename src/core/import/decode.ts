import type { DetectedEncoding, TextEncoding } from './types';

/**
 * Picks the text encoding of a file from its first bytes. A BOM decides outright; otherwise the
 * sample is checked as UTF-8, and anything that is not valid UTF-8 is taken as Windows-1252,
 * which is what Excel on Windows writes for "CSV" (not "CSV UTF-8").
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bom: false, note: 'The file has no byte order mark but looks like UTF-16 text, so it was read as such.' };
  if (isValidUtf8(head)) return { encoding: 'utf-8', bom: false };
  return {
    encoding: 'windows-1252',
    bom: false,
    note: 'The file is not UTF-8, so it was read as Windows-1252 (Excel’s “CSV” on Windows). If accented letters look wrong, save it as “CSV UTF-8” and import it again.',
  };
}

/**
 * UTF-16 without a BOM: mostly-ASCII text then has a zero byte in every other position, which
 * would otherwise pass as (valid, NUL-filled) UTF-8.
 */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF). A sequence cut off by
 * the end of the sample is accepted: the sample is an arbitrary slice of a larger file.
 */
export function isValidUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return true;
      const d = b[i + k];
      // Only the first continuation byte has the narrowed range.
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** A decoder fed chunk by chunk; characters split across chunks come out whole. */
export interface StreamDecoder {
  /** decodes one chunk; pass `final` with the last chunk (or an empty one) to flush */
  decode(chunk: Uint8Array, final?: boolean): string;
}

/**
 * Streaming decoder for `enc` that drops the BOM. Windows-1252 goes through the latin1 decoder and
 * then maps 0x80–0x9F itself, because Node before 22 decodes "windows-1252" as ISO-8859-1 and would
 * turn “smart quotes” and € into control characters.
 */
export function createDecoder(enc: TextEncoding | DetectedEncoding): StreamDecoder {
  const encoding = typeof enc === 'string' ? enc : enc.encoding;
  if (encoding === 'windows-1252') {
    const latin1 = new TextDecoder('latin1');
    return { decode: (chunk) => fixC1(latin1.decode(chunk)) };
  }
  // ignoreBOM: false (the default) means the BOM is consumed rather than returned.
  const td = new TextDecoder(encoding, { fatal: false });
  return { decode: (chunk, final = false) => td.decode(chunk, { stream: !final }) };
}

/** Windows-1252 0x80–0x9F; the five undefined bytes keep their C1 code point, as WHATWG specifies. */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const HAS_C1 = /[\u0080-\u009f]/;
const ALL_C1 = /[\u0080-\u009f]/g;

function fixC1(s: string): string {
  return HAS_C1.test(s) ? s.replace(ALL_C1, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]) : s;
}
