import { describe, expect, it } from 'vitest';
import { filterByText, visibleRows } from './filter';
import { rec, table } from './test/records';

const t = table([
  rec('A-1', { name: 'Blue Bottle', city: 'Oakland', state: 'CA', zip: '94607', segment: 'High-Volume', classification: 'Core', owner: 'Ann Lee' }),
  rec('A-2', { name: 'Café Olé', city: 'Zürich', state: '', zip: '8001', segment: 'Small/Cafe', classification: 'Invest', owner: 'Bo Chen' }),
  rec('A-3', { name: 'Dunkin', city: 'Boston', state: 'MA', zip: '02139', segment: 'High-Volume', classification: 'Divest', owner: 'Bo Chen' }),
  rec('B-4', { name: 'blue moon', city: 'Denver', state: 'CO', zip: '80202', segment: '', classification: 'Core', owner: '' }),
]);
const none = { segment: new Set<number>(), classification: new Set<number>() };
const code = (col: 'segment' | 'classification', label: string) => t[col].labels.indexOf(label);
const rows = (filter: Parameters<typeof visibleRows>[1]) => Array.from(visibleRows(t, filter));

describe('visibleRows', () => {
  it('keeps every row when nothing is hidden', () => {
    expect(rows({ hidden: none })).toEqual([0, 1, 2, 3]);
  });

  it('drops rows whose segment or classification code is hidden', () => {
    expect(rows({ hidden: { segment: new Set([code('segment', 'High-Volume')]), classification: new Set() } })).toEqual([1, 3]);
    expect(rows({ hidden: { segment: new Set([0]), classification: new Set([code('classification', 'Invest')]) } })).toEqual([0, 2]);
  });

  it('matches text case-insensitively in id, name, city, state, zip and owner', () => {
    expect(rows({ hidden: none, text: 'BLUE' })).toEqual([0, 3]);
    expect(rows({ hidden: none, text: 'b-4' })).toEqual([3]);
    expect(rows({ hidden: none, text: 'oston' })).toEqual([2]);
    expect(rows({ hidden: none, text: 'ma' })).toEqual([2]);
    expect(rows({ hidden: none, text: '021' })).toEqual([2]);
    expect(rows({ hidden: none, text: 'bo chen' })).toEqual([1, 2]);
    expect(rows({ hidden: none, text: '   ' })).toEqual([0, 1, 2, 3]);
    expect(rows({ hidden: none, text: 'nowhere' })).toEqual([]);
  });

  it('ignores accents on either side', () => {
    expect(rows({ hidden: none, text: 'cafe ole' })).toEqual([1]);
    expect(rows({ hidden: none, text: 'ZÜRICH' })).toEqual([1]);
    expect(rows({ hidden: none, text: 'zurich' })).toEqual([1]);
  });

  it('combines categories and text', () => {
    expect(rows({ hidden: { segment: new Set([0]), classification: new Set() }, text: 'blue' })).toEqual([0]);
  });
});

describe('filterByText', () => {
  it('filters the rows given and keeps their order', () => {
    expect(Array.from(filterByText(t, Uint32Array.from([3, 2, 0]), 'blue'))).toEqual([3, 0]);
  });
});
