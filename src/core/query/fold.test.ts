import { describe, expect, it } from 'vitest';
import { foldedWords, foldText } from './fold';
import { encodeWeights, maxWeights } from './collation-key';

describe('foldText', () => {
  it('lowercases and strips accents, spelling out letters NFD keeps whole', () => {
    expect(foldText('Crème BRÛLÉE')).toBe('creme brulee');
    expect(foldText('Straße Øresund Łódź')).toBe('strasse oresund lodz');
    expect(foldText('東京 Café')).toBe('東京 cafe');
  });

  it('splits words on anything but letters and digits', () => {
    expect(foldedWords("Joe's Café–Bar #12")).toEqual(['joe', 's', 'cafe', 'bar', '12']);
  });
});

describe('encodeWeights', () => {
  const weights = (s: string) => {
    const bytes = new TextEncoder().encode(s);
    const out = new Uint8Array(maxWeights(bytes.length));
    return Array.from(out.subarray(0, encodeWeights(bytes, 0, bytes.length, out, 0)));
  };
  const cmp = (a: string, b: string) => {
    const x = weights(a);
    const y = weights(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return Math.sign(x[i] - y[i]);
    return Math.sign(x.length - y.length);
  };

  it('gives the same key to case and accent variants', () => {
    expect(weights('Café')).toEqual(weights('cafe'));
  });

  it('orders digit runs by value, ignoring leading zeros', () => {
    expect(cmp('Store 9', 'Store 10')).toBe(-1);
    expect(cmp('007', '7')).toBe(0);
    expect(cmp('a2b', 'a10')).toBe(-1);
  });

  it('keeps every weight within 1..254', () => {
    for (const w of weights('Zürich 東京 ½ 😀 ~$ 0123456789')) {
      expect(w).toBeGreaterThanOrEqual(1);
      expect(w).toBeLessThanOrEqual(254);
    }
  });
});
