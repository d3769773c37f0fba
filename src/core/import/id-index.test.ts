import { describe, expect, it } from 'vitest';
import { hashId, IdIndex } from './id-index';
import { PackedStringsBuilder } from '../accounts/packed-strings';

describe('IdIndex', () => {
  it('finds earlier ids, byte for byte, across growth and pending batches', () => {
    const ids = new PackedStringsBuilder(4, 4);
    const index = new IdIndex(ids, 4);
    const all = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `Zürich-${i}` : `A${i}`));
    all.forEach((id, i) => {
      expect(index.find(id, hashId(id))).toBe(-1);
      ids.push(id);
      index.add(hashId(id), i + 2);
    });
    expect(index.find('A1', hashId('A1'))).toBe(3);
    expect(index.find('Zürich-9999', hashId('Zürich-9999'))).toBe(10_001);
    expect(index.find('zürich-9999', hashId('zürich-9999'))).toBe(-1);
    expect(index.find('A', hashId('A'))).toBe(-1);
  });
});
