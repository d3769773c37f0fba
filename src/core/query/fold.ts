/**
 * Case- and accent-folding shared by the filter, the search index and the sort, so "cafe" finds
 * "Café" everywhere the same way. Works on strings for short things (queries, labels) and on UTF-8
 * bytes for columns, where decoding a million values just to lowercase them would be the slow part.
 */

/** Letters that NFD does not split into base + mark, written as the ASCII a reader would type. */
const SPECIAL: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l',
  đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ĸ: 'k', ŀ: 'l', Ŀ: 'l', ŉ: 'n',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');
const MARKS_RE = /\p{M}+/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;

/** Lowercase, without diacritics: "Crème Brûlée" → "creme brulee". */
export function foldText(s: string): string {
  if (!NON_ASCII_RE.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS_RE, '').replace(SPECIAL_RE, (c) => SPECIAL[c]).toLowerCase().normalize('NFC');
}

const WORD_SPLIT_RE = /[^\p{L}\p{N}]+/u;

/** The words of a text as search sees them: folded, split on anything not a letter or digit. */
export function foldedWords(s: string): string[] {
  return foldText(s).split(WORD_SPLIT_RE).filter((w) => w.length > 0);
}

/** ASCII lowercase of a byte; bytes >= 0x80 pass through. */
export const LOWER = /* @__PURE__ */ (() => {
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) t[i] = i >= 65 && i <= 90 ? i + 32 : i;
  return t;
})();

/** True when bytes[start..end) holds only ASCII, so byte-level folding is exact. */
export function isAsciiRange(bytes: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (bytes[p] >= 0x80) return false;
  return true;
}

/** True for an ASCII letter or digit byte: the word characters of the byte-level tokenizers. */
export function isAsciiWordByte(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 97 && b <= 122) || (b >= 65 && b <= 90);
}
