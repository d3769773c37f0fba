import { describe, expect, it } from 'vitest';
import { LocationSource, type AccountRecord } from '../accounts/account';
import { accountAt, tableFromRecords } from '../accounts/table';
import { mergeById } from './merge';

const rec = (id: string, over: Partial<AccountRecord> = {}): AccountRecord => ({
  id, name: `Name ${id}`, lat: 40, lon: -74, location: LocationSource.Given, zip: '10001', street: '1 Main St', city: 'New York', state: 'NY',
  revenue: 100, potential: null, visits: 12, segment: 'Core', classification: 'A', owner: 'Ann', extra: {}, ...over,
});

describe('mergeById', () => {
  it('updates by id, adds new ids at the end and keeps accounts the file does not mention', () => {
    const existing = tableFromRecords([rec('A'), rec('B'), rec('C')]);
    const incoming = tableFromRecords([rec('C', { revenue: 300, owner: 'Bo' }), rec('D'), rec('A')]);
    const { table, summary } = mergeById(existing, incoming);
    expect(summary).toEqual({ added: 1, changed: 1, unchanged: 1, kept: 1 });
    expect(table.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => accountAt(table, i).id)).toEqual(['A', 'B', 'C', 'D']);
    expect(accountAt(table, 2)).toMatchObject({ revenue: 300, owner: 'Bo' });
    expect(accountAt(table, 1)).toEqual(rec('B'));
  });

  it('counts a change in any field, empty vs value included', () => {
    const existing = tableFromRecords([rec('A'), rec('B'), rec('C'), rec('D')]);
    const incoming = tableFromRecords([rec('A', { revenue: null }), rec('B', { name: 'Café' }), rec('C', { lat: 40.5 }), rec('D', { segment: 'New' })]);
    expect(mergeById(existing, incoming).summary).toMatchObject({ changed: 4, unchanged: 0 });
  });

  it('unions extra columns and keeps stored extras the file lacks', () => {
    const existing = tableFromRecords([rec('A', { extra: { Phone: '1', Notes: 'vip' } }), rec('B', { extra: { Phone: '2', Notes: '' } })], ['Phone', 'Notes']);
    const incoming = tableFromRecords([rec('A', { extra: { Phone: '9', Web: 'a.com' } }), rec('C', { extra: { Phone: '3', Web: 'c.com' } })], ['Phone', 'Web']);
    const { table, summary } = mergeById(existing, incoming);
    expect(table.extra.map((e) => e.header)).toEqual(['Phone', 'Notes', 'Web']);
    expect(accountAt(table, 0).extra).toEqual({ Phone: '9', Notes: 'vip', Web: 'a.com' });
    expect(accountAt(table, 1).extra).toEqual({ Phone: '2', Notes: '', Web: '' });
    expect(accountAt(table, 2).extra).toEqual({ Phone: '3', Notes: '', Web: 'c.com' });
    expect(summary).toMatchObject({ added: 1, changed: 1, kept: 1 });
  });

  it('merges category dictionaries, keeping stored codes', () => {
    const existing = tableFromRecords([rec('A', { segment: 'Core' }), rec('B', { segment: 'Small' })]);
    const incoming = tableFromRecords([rec('B', { segment: 'Core' }), rec('C', { segment: 'Brand New' })]);
    const { table } = mergeById(existing, incoming);
    expect([0, 1, 2].map((i) => accountAt(table, i).segment)).toEqual(['Core', 'Core', 'Brand New']);
    expect(table.segment.codes[0]).toBe(existing.segment.codes[0]);
  });

  it('keeps stored values of roles the file did not map', () => {
    const existing = tableFromRecords([rec('A', { revenue: 100, owner: 'Ann' })]);
    const incoming = tableFromRecords([rec('A', { revenue: null, owner: '', name: 'New name', lat: 41 })]);
    const { table, summary } = mergeById(existing, incoming, { incomingRoles: ['id', 'name', 'lat', 'lon'] });
    expect(accountAt(table, 0)).toMatchObject({ revenue: 100, owner: 'Ann', name: 'New name', lat: 41 });
    expect(summary.changed).toBe(1);
  });

  it('matches ids byte for byte, unicode included', () => {
    const existing = tableFromRecords([rec('Zürich-1'), rec('zürich-1')]);
    const incoming = tableFromRecords([rec('zürich-1', { revenue: 5 })]);
    const { table, summary } = mergeById(existing, incoming);
    expect(summary).toEqual({ added: 0, changed: 1, unchanged: 0, kept: 1 });
    expect(accountAt(table, 1).revenue).toBe(5);
    expect(accountAt(table, 0).revenue).toBe(100);
  });

  it('merges into an empty table', () => {
    const incoming = tableFromRecords([rec('A'), rec('B')]);
    const { table, summary } = mergeById(tableFromRecords([]), incoming);
    expect(summary).toEqual({ added: 2, changed: 0, unchanged: 0, kept: 0 });
    expect(accountAt(table, 1)).toEqual(rec('B'));
  });

  it('merges a million by a million quickly', () => {
    const n = 1_000_000;
    const make = (offset: number, rev: number) => {
      const ids = new Array<string>(n);
      for (let i = 0; i < n; i++) ids[i] = `ID${i + offset}`;
      const t = tableFromRecords([]);
      // Build columns directly: tableFromRecords over a million objects would dominate the test.
      const enc = new TextEncoder();
      const joined = enc.encode(ids.join(''));
      const offsets = new Uint32Array(n + 1);
      for (let i = 0, at = 0; i < n; i++) offsets[i + 1] = at += ids[i].length;
      const num = (v: number) => new Float64Array(n).fill(v);
      const cat = { codes: new Uint16Array(n), labels: [''] };
      const empty = { bytes: new Uint8Array(0), offsets: new Uint32Array(n + 1) };
      return { ...t, count: n, id: { bytes: joined, offsets }, name: empty, zip: empty, street: empty, city: empty, state: empty,
        lat: num(40), lon: num(-74), location: new Uint8Array(n), revenue: num(rev), potential: num(NaN), visits: new Float32Array(n),
        segment: cat, classification: cat, owner: cat, extra: [] };
    };
    const existing = make(0, 1);
    const incoming = make(n / 2, 2);
    const t0 = performance.now();
    const { table, summary } = mergeById(existing, incoming);
    const ms = performance.now() - t0;
    expect(summary).toEqual({ added: n / 2, changed: n / 2, unchanged: 0, kept: n / 2 });
    expect(table.count).toBe(1.5 * n);
    expect(ms).toBeLessThan(5000);
  });
});
