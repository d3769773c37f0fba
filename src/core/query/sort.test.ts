import { describe, expect, it } from 'vitest';
import { getString } from '../accounts/packed-strings';
import { sortPermutation } from './sort';
import { allRows, rec, table } from './test/records';

const names = (t: ReturnType<typeof table>, perm: Uint32Array) => Array.from(perm, (r) => getString(t.name, r));

describe('sortPermutation: numbers', () => {
  const t = table([
    rec('a', { revenue: 50 }),
    rec('b', { revenue: null }),
    rec('c', { revenue: -3.5 }),
    rec('d', { revenue: 1e9 }),
    rec('e', { revenue: 50 }),
    rec('f', { revenue: 0 }),
    rec('g', { revenue: null }),
  ]);

  it('sorts ascending with empty cells last and ties in input order', () => {
    expect(Array.from(sortPermutation(t, allRows(t), 'revenue', 'asc'))).toEqual([2, 5, 0, 4, 3, 1, 6]);
  });

  it('sorts descending with empty cells still last', () => {
    expect(Array.from(sortPermutation(t, allRows(t), 'revenue', 'desc'))).toEqual([3, 0, 4, 5, 2, 1, 6]);
  });

  it('sorts only the rows it is given, in the order given for ties', () => {
    expect(Array.from(sortPermutation(t, Uint32Array.from([4, 1, 0, 2]), 'revenue', 'asc'))).toEqual([2, 4, 0, 1]);
  });

  it('handles negative zero, Float32 visits and large inputs like a comparator sort', () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i % 17 === 0 ? null : Math.round(Math.sin(i) * 1e6) / 100));
    values[5] = -0;
    const big = table(values.map((v, i) => rec(String(i), { revenue: v, visits: v === null ? null : Math.abs(v) % 50 })));
    for (const key of ['revenue', 'visits'] as const) {
      const col = big[key];
      const expected = Array.from(allRows(big)).sort((a, b) => {
        const x = col[a];
        const y = col[b];
        if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y)) || a - b;
        return x - y || a - b;
      });
      expect(Array.from(sortPermutation(big, allRows(big), key, 'asc'))).toEqual(expected);
    }
  });
});

describe('sortPermutation: text', () => {
  it('ignores case and accents, orders numbers by value, keeps empties last', () => {
    const t = table(['banana', 'Äpfel', '', 'apple', 'Store 10', 'Store 9', 'cherry', 'Apple', 'store 9b'].map((name, i) => rec(String(i), { name })));
    expect(names(t, sortPermutation(t, allRows(t), 'name', 'asc'))).toEqual([
      'Äpfel', 'apple', 'Apple', 'banana', 'cherry', 'Store 9', 'store 9b', 'Store 10', '',
    ]);
    expect(names(t, sortPermutation(t, allRows(t), 'name', 'desc'))).toEqual([
      'Store 10', 'store 9b', 'Store 9', 'cherry', 'banana', 'Apple', 'apple', 'Äpfel', '',
    ]);
  });

  it('puts spaces and punctuation before digits before letters, shorter before longer', () => {
    const t = table(['ab', 'a b', 'a-b', 'a1', 'a', 'abc'].map((name, i) => rec(String(i), { name })));
    expect(names(t, sortPermutation(t, allRows(t), 'name', 'asc'))).toEqual(['a', 'a b', 'a-b', 'a1', 'ab', 'abc']);
  });

  it('agrees with Intl.Collator on many names sharing long prefixes (radix path)', () => {
    const words = ['Starbucks', 'Blue Bottle', 'Café Olé', 'café ole', 'Dunkin', 'Peet’s', 'Zürich Kaffee'];
    const list = Array.from({ length: 2000 }, (_, i) => `${words[i % words.length]} #${(i * 7919) % 1000}`);
    const t = table(list.map((name, i) => rec(String(i), { name })));
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const sorted = names(t, sortPermutation(t, allRows(t), 'name', 'asc'));
    // Primary order must match a base-sensitivity collator; ties are broken further but stay adjacent.
    for (let i = 1; i < sorted.length; i++) expect(collator.compare(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
    expect(sorted).toHaveLength(2000);
    const desc = names(t, sortPermutation(t, allRows(t), 'name', 'desc'));
    for (let i = 1; i < desc.length; i++) expect(collator.compare(desc[i - 1], desc[i])).toBeGreaterThanOrEqual(0);
  });

  it('keeps identical values in input order', () => {
    const t = table(['x', 'y', 'x', 'x'].map((name, i) => rec(String(i), { name })));
    expect(Array.from(sortPermutation(t, allRows(t), 'name', 'asc'))).toEqual([0, 2, 3, 1]);
    expect(Array.from(sortPermutation(t, allRows(t), 'name', 'desc'))).toEqual([1, 0, 2, 3]);
  });

  it('sorts ids and ZIPs', () => {
    const t = table([rec('A-10', { zip: '02139' }), rec('A-9', { zip: '' }), rec('a-100', { zip: '00501' })]);
    expect(Array.from(sortPermutation(t, allRows(t), 'id', 'asc'))).toEqual([1, 0, 2]);
    expect(Array.from(sortPermutation(t, allRows(t), 'zip', 'asc'))).toEqual([2, 0, 1]);
  });
});

describe('sortPermutation: categories', () => {
  it('orders by label, not by code, with the empty label last', () => {
    const t = table([
      rec('0', { segment: 'Small/Cafe' }),
      rec('1', { segment: '' }),
      rec('2', { segment: 'High-Volume' }),
      rec('3', { segment: 'Medium-Volume' }),
      rec('4', { segment: 'High-Volume' }),
    ]);
    expect(Array.from(sortPermutation(t, allRows(t), 'segment', 'asc'))).toEqual([2, 4, 3, 0, 1]);
    expect(Array.from(sortPermutation(t, allRows(t), 'segment', 'desc'))).toEqual([0, 3, 2, 4, 1]);
  });
});
