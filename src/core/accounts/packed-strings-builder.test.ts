import { describe, expect, it } from 'vitest';
import { PackedStringsBuilder, unpackStrings } from './packed-strings';

describe('PackedStringsBuilder', () => {
  it('packs ASCII and non-ASCII batches into the shared format', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 1000 === 7 ? `Café ☕ ${i}` : i % 11 === 0 ? '' : `Shop ${i}`));
    const b = new PackedStringsBuilder(2, 1);
    for (const v of values) b.push(v);
    expect(b.length).toBe(5000);
    expect(unpackStrings(b.finish())).toEqual(values);
  });

  it('compares stored strings with equalsAt, before and after they are encoded', () => {
    const b = new PackedStringsBuilder();
    b.push('Zürich');
    expect(b.equalsAt(0, 'Zürich')).toBe(true); // still pending
    for (let i = 0; i < 3000; i++) b.push(`x${i}`);
    expect(b.equalsAt(0, 'Zürich')).toBe(true); // encoded
    expect(b.equalsAt(0, 'Zurich')).toBe(false);
    expect(b.equalsAt(0, 'Zürich!')).toBe(false);
    expect(b.equalsAt(5, 'x4')).toBe(true);
    expect(b.equalsAt(5, 'x')).toBe(false);
  });
});
