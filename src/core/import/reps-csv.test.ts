import { describe, expect, it } from 'vitest';
import { LocationSource } from '../accounts/account';
import { createRepImporter, guessRepMapping } from './reps-csv';
import { tinyZips } from './test-support/tiny-zips';

describe('guessRepMapping', () => {
  it.each([
    ['Rep Name', 'name'],
    ['Sales Rep', 'name'],
    ['Name', 'name'],
    ['Rep ID', 'id'],
    ['Employee ID', 'id'],
    ['Home Zip', 'zip'],
    ['Zip Code', 'zip'],
    ['Quota', 'quota'],
    ['Annual Quota', 'quota'],
    ['Sales Target', 'quota'],
    ['Latitude', 'lat'],
    ['Lng', 'lon'],
  ])('%s -> %s', (header, role) => {
    const { mapping } = guessRepMapping([header], []);
    expect(Object.entries(mapping).find(([, c]) => c === 0)?.[0]).toBe(role);
  });

  it('does not take "Email" or "Manager" for the name', () => {
    const { mapping } = guessRepMapping(['Email', 'Manager', 'Rep Name'], [['a@b.c', 'Boss', 'Ana']]);
    expect(mapping.name).toBe(2);
  });
});

describe('createRepImporter', () => {
  const headers = ['Rep ID', 'Rep Name', 'Home Zip', 'Lat', 'Lng', 'Annual Quota', 'Email'];
  const mapping = { id: 0, name: 1, zip: 2, lat: 3, lon: 4, quota: 5 };

  it('places reps by coordinates or home ZIP and reads quotas', () => {
    const imp = createRepImporter({ headers, mapping, zips: tinyZips() });
    imp.pushRows([
      ['R1', 'Ana', '02139', '42.1', '-71.2', '$1,500,000', 'ana@x'],
      ['R2', 'Ben', '10001', '', '', '', 'ben@x'],
    ], 0);
    const { reps, issues, stats } = imp.finish();
    expect(issues).toEqual([]);
    expect(stats).toMatchObject({ rows: 2, imported: 2 });
    expect(reps[0]).toEqual({ id: 'R1', name: 'Ana', lat: 42.1, lon: -71.2, location: LocationSource.Given, zip: '02139', quota: 1500000, extra: { Email: 'ana@x' } });
    expect(reps[1]).toMatchObject({ location: LocationSource.Zip, lat: 40.7484, quota: null });
  });

  it('rejects reps without a name, a place, a numeric quota, or with a repeated id', () => {
    const imp = createRepImporter({ headers, mapping, zips: tinyZips() });
    imp.pushRows([
      ['R1', '', '02139', '', '', '', ''],
      ['R2', 'Bo', '', '', '', '', ''],
      ['R3', 'Cy', '60601', '', '', 'lots', ''],
      ['R4', 'Di', '60601', '', '', '', ''],
      ['R4', 'Di again', '60601', '', '', '', ''],
    ], 0);
    const { reps, issues } = imp.finish();
    expect(reps.map((r) => r.id)).toEqual(['R4']);
    expect(issues.map((i) => [i.row, i.kind])).toEqual([[2, 'missing-name'], [3, 'missing-location'], [4, 'bad-number'], [6, 'duplicate-id']]);
  });

  it('uses the name as the id when there is no id column', () => {
    const imp = createRepImporter({ headers: ['Sales Rep', 'Zip'], mapping: { name: 0, zip: 1 }, zips: tinyZips() });
    imp.pushRows([['Ana Ortiz', '02139'], ['Ana Ortiz', '10001']], 0);
    const { reps, issues } = imp.finish();
    expect(reps.map((r) => r.id)).toEqual(['Ana Ortiz']);
    expect(issues[0]).toMatchObject({ row: 3, kind: 'duplicate-id', column: 'Sales Rep' });
  });

  it('swaps the rows it is told to', () => {
    const imp = createRepImporter({ headers, mapping, zips: tinyZips(), swapRows: [2] });
    imp.pushRows([['R1', 'Ana', '', '-71.1', '42.3', '', '']], 0);
    expect(imp.finish().reps[0]).toMatchObject({ lat: 42.3, lon: -71.1 });
  });
});
