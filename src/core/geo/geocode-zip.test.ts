import { describe, expect, it } from 'vitest';
import { LocationSource } from '../accounts/account';
import { geocodeZip } from './geocode-zip';
import { loadZipTableFromDisk } from './zip-table-node';

const table = loadZipTableFromDisk();

describe('geocodeZip on the real table', () => {
  it('finds a PO-box ZIP', () => {
    expect(geocodeZip(table, '10008')).toMatchObject({ zip5: '10008', source: LocationSource.Zip });
  });

  it('places 02139 near Cambridge, MA, whatever the spreadsheet did to it', () => {
    for (const raw of ['02139', '2139', '02139-4307', '2139-4307', '021394307', '2139.0', "'02139"]) {
      const g = geocodeZip(table, raw);
      expect(g, raw).not.toBeNull();
      expect(g!.zip5).toBe('02139');
      expect(g!.source).toBe(LocationSource.Zip);
      expect(Math.abs(g!.lat - 42.365)).toBeLessThan(0.02);
      expect(Math.abs(g!.lon - -71.104)).toBeLessThan(0.02);
    }
  });

  it('falls back to the 3-digit area for an unknown ZIP in a known area', () => {
    expect(table.get('02198')).toBeUndefined();
    const g = geocodeZip(table, '02198')!;
    expect(g.source).toBe(LocationSource.Zip3);
    expect(g.zip5).toBe('02198');
    expect(g).toMatchObject(table.getZip3('021')!);
  });

  it('returns null when the 3-digit area does not exist', () => {
    expect(geocodeZip(table, '00100')).toBeNull();
    expect(geocodeZip(table, '21300')).toBeNull();
  });

  it('returns null for cells that are not ZIPs', () => {
    expect(geocodeZip(table, '')).toBeNull();
    expect(geocodeZip(table, 'K1A 0B1')).toBeNull();
  });
});
