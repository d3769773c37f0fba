import { describe, expect, it } from 'vitest';
import { LocationSource, type AccountRecord } from './account';
import { accountAt, concatTables, sliceTable, tableFromRecords } from './table';
import { getString, packStrings, unpackStrings } from './packed-strings';

const rec = (id: string, over: Partial<AccountRecord> = {}): AccountRecord => ({
  id, name: `Café ${id}`, lat: 40, lon: -74, location: LocationSource.Given, zip: '02139', street: '', city: 'Boston', state: 'MA',
  revenue: null, potential: 1.5, visits: 12, segment: 'Small/Cafe', classification: 'Core', owner: 'Ann', extra: { Phone: `555-${id}` }, ...over,
});

describe('packed strings', () => {
  it('round-trips unicode and empty strings', () => {
    const values = ['', 'Zürich Kaffee ☕', 'a', '', '東京'];
    expect(unpackStrings(packStrings(values))).toEqual(values);
    expect(getString(packStrings(values), 4)).toBe('東京');
  });
});

describe('account table', () => {
  it('keeps an empty revenue empty rather than 0', () => {
    const t = tableFromRecords([rec('1'), rec('2', { revenue: 0 })], ['Phone']);
    expect(accountAt(t, 0).revenue).toBeNull();
    expect(accountAt(t, 1).revenue).toBe(0);
    expect(accountAt(t, 1).extra).toEqual({ Phone: '555-2' });
  });

  it('slices and concatenates back to the same rows', () => {
    const records = Array.from({ length: 50 }, (_, i) => rec(String(i), { segment: i % 3 ? 'Core' : 'High-Volume', revenue: i }));
    const t = tableFromRecords(records, ['Phone']);
    const back = concatTables([sliceTable(t, 0, 17), sliceTable(t, 17, 40), sliceTable(t, 40, 50)]);
    expect(back.count).toBe(50);
    for (let i = 0; i < 50; i++) expect(accountAt(back, i)).toEqual(records[i]);
  });
});
