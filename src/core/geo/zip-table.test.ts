import { describe, expect, it } from 'vitest';
import { loadZipTableFromDisk } from './zip-table-node';
import { parseZipTable } from './zip-table';

const table = loadZipTableFromDisk();

describe('the committed ZIP table', () => {
  it('covers more than 40,000 ZIPs, most of them ZCTAs', () => {
    expect(table.size).toBeGreaterThan(40_000);
    const zctas = table.entries.filter((e) => e.zcta).length;
    expect(zctas).toBeGreaterThan(33_000);
    expect(table.size - zctas).toBeGreaterThan(5_000);
  });

  it('has PO-box ZIPs as point-only entries', () => {
    const po = table.get('10008');
    expect(po).toMatchObject({ city: 'New York', state: 'NY', zcta: false });
    expect(po!.lat).toBeCloseTo(40.71, 1);
  });

  it('places 02139 in Cambridge, MA with ZCTA coordinates', () => {
    const e = table.get('02139')!;
    expect(e).toMatchObject({ city: 'Cambridge', state: 'MA', zcta: true });
    expect(Math.abs(e.lat - 42.3624)).toBeLessThan(0.01);
    expect(Math.abs(e.lon - -71.1023)).toBeLessThan(0.01);
  });

  it('leaves out military mail codes and zero coordinates', () => {
    expect(table.get('09007')).toBeUndefined();
    expect(table.entries.every((e) => e.lat !== 0 && e.lon !== 0)).toBe(true);
    expect(table.entries.some((e) => ['AA', 'AE', 'AP'].includes(e.state))).toBe(false);
  });

  it('gives 3-digit area centres inside their area', () => {
    const boston = table.getZip3('021')!;
    expect(Math.abs(boston.lat - 42.35)).toBeLessThan(0.3);
    expect(Math.abs(boston.lon - -71.1)).toBeLessThan(0.3);
    expect(table.getZip3('001')).toBeUndefined();
  });

  it('keeps every entry sorted and unique', () => {
    for (let i = 1; i < table.entries.length; i++) expect(table.entries[i - 1].zip < table.entries[i].zip).toBe(true);
  });
});

describe('parseZipTable', () => {
  const good = { version: 1, source: 't', count: 2, states: ['MA', 'NY'], zip: ['02139', '10008'], lat: [42.36, 40.71], lon: [-71.1, -74], city: ['Cambridge', 'New York'], state: [0, 1], zcta: [1, 0] };

  it('indexes a small table', () => {
    const t = parseZipTable(good);
    expect(t.size).toBe(2);
    expect(t.get('10008')).toEqual({ zip: '10008', lat: 40.71, lon: -74, city: 'New York', state: 'NY', zcta: false });
    expect(t.getZip3('100')).toEqual({ lat: 40.71, lon: -74 });
  });

  it('rejects malformed or stale assets', () => {
    expect(() => parseZipTable(null)).toThrow();
    expect(() => parseZipTable({ ...good, version: 0 })).toThrow(/version/);
    expect(() => parseZipTable({ ...good, lat: [42.36] })).toThrow(/lat/);
    expect(() => parseZipTable({ ...good, zip: ['2139', '10008'] })).toThrow(/zip/);
    expect(() => parseZipTable({ ...good, state: [0, 5] })).toThrow(/state/);
  });
});
