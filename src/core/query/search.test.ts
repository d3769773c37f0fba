import { describe, expect, it } from 'vitest';
import type { ZipLookup } from '../geo/zip-lookup';
import { buildSearchIndex, search } from './search-index';
import { rec, table } from './test/records';

const t = table([
  rec('ACC-1', { name: 'Springfield Coffee', city: 'Springfield', state: 'IL', zip: '62701', lat: 39.8, lon: -89.6 }),
  rec('ACC-2', { name: 'Crème Brûlée Bakery', city: 'Springfield', state: 'IL', zip: '62701', lat: 39.6, lon: -89.8 }),
  rec('ACC-3', { name: 'Brew Lab', city: 'Springfield', state: 'MO', zip: '65801-1234', lat: 37.2, lon: -93.3 }),
  rec('ACC-4', { name: 'The Brew', city: 'St. Louis', state: 'MO', zip: '63101', lat: 38.6, lon: -90.2 }),
  rec('ACC-5', { name: 'Brewster Café', city: 'Boston', state: 'MA', zip: '02139', lat: 42.36, lon: -71.1 }),
  rec('brew', { name: 'Corner Shop', city: 'Boston', state: 'MA', zip: '02139', lat: 42.38, lon: -71.1 }),
  rec('ACC-7', { name: 'Brew', city: 'Austin', state: 'TX', zip: '73301', lat: 30.3, lon: -97.7 }),
]);
const index = buildSearchIndex(t);
const labels = (q: string, limit?: number) => search(index, q, limit).map((h) => `${h.kind}:${h.label}`);

describe('search: accounts', () => {
  it('ranks exact id, exact name, names starting with the word, then other words', () => {
    expect(labels('brew')).toEqual([
      'account:Corner Shop', // id "brew"
      'account:Brew', // exact name
      'account:Brew Lab', // first word is "brew"
      'account:Brewster Café', // first word starts with "brew"
      'account:The Brew', // a later word
    ]);
  });

  it('finds an account by id, ignoring case, with its row and position', () => {
    const [hit] = search(index, 'acc-3');
    expect(hit).toMatchObject({ kind: 'account', label: 'Brew Lab', detail: 'ACC-3 · Springfield, MO', row: 2, lat: 37.2, lon: -93.3 });
    expect(hit.zoom).toBeGreaterThan(12);
  });

  it('matches word prefixes in any order, ignoring case and accents', () => {
    expect(labels('creme bru')).toEqual(['account:Crème Brûlée Bakery']);
    expect(labels('BAKERY brûl')).toEqual(['account:Crème Brûlée Bakery']);
    expect(labels('brewster cafe')).toEqual(['account:Brewster Café']);
    expect(labels('xyz')).toEqual([]);
    expect(labels('')).toEqual([]);
  });
});

describe('search: cities', () => {
  it('finds "City, ST" at the mean of its accounts', () => {
    const hits = search(index, 'Springfield, IL');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'city', label: 'Springfield, IL', detail: '2 accounts' });
    expect(hits[0].lat).toBeCloseTo(39.7);
    expect(hits[0].lon).toBeCloseTo(-89.7);
  });

  it('puts accounts first and keeps room for cities', () => {
    expect(labels('springfield')).toEqual(['account:Springfield Coffee', 'city:Springfield, IL', 'city:Springfield, MO']);
    expect(labels('springfield', 2)).toEqual(['account:Springfield Coffee', 'city:Springfield, IL']);
    expect(labels('springfield mo')).toEqual(['city:Springfield, MO']);
  });

  it('ignores punctuation in city names', () => {
    expect(labels('st louis')).toEqual(['city:St. Louis, MO']);
  });
});

describe('search: ZIP codes', () => {
  it('finds a ZIP (or ZIP+4) at the mean of its accounts', () => {
    const [hit] = search(index, '02139');
    expect(hit).toMatchObject({ kind: 'zip', label: '02139', detail: 'Boston, MA · 2 accounts' });
    expect(hit.lat).toBeCloseTo(42.37);
    expect(labels('65801-1234')).toEqual(['zip:65801']);
    expect(labels('658011234')).toEqual(['zip:65801']);
  });

  it('lists ZIPs starting with three or four digits', () => {
    expect(labels('627')).toEqual(['zip:62701']);
    expect(labels('6')).toEqual([]);
  });

  it('falls back to the ZIP table for a ZIP no account has', () => {
    const zips: ZipLookup = {
      size: 1,
      get: (z) => (z === '10001' ? { zip: z, lat: 40.75, lon: -73.99, city: 'New York', state: 'NY' } : undefined),
      getZip3: () => undefined,
    };
    expect(search(index, '10001', 10, { zips })).toEqual([
      { kind: 'zip', label: '10001', detail: 'New York, NY · no accounts', lat: 40.75, lon: -73.99, zoom: 12 },
    ]);
    expect(search(index, '10001')).toEqual([]);
  });
});

describe('search index', () => {
  it('leaves its scratch marks clean between queries', () => {
    search(index, 'brew lab');
    search(index, 'b');
    expect(index.marks.every((m) => m === 0)).toBe(true);
  });

  it('handles an empty table', () => {
    expect(search(buildSearchIndex(table([])), 'anything')).toEqual([]);
  });
});
