import { describe, expect, it } from 'vitest';
import { LocationSource } from '../accounts/account';
import { accountAt } from '../accounts/table';
import { createAccountImporter, type AccountImporterOptions } from './accounts-csv';
import { tinyZips } from './test-support/tiny-zips';
import type { ColumnMapping } from './types';

const HEADERS = ['ID', 'Name', 'Lat', 'Lon', 'Zip', 'Revenue', 'Segment', 'Phone', 'Phone'];
const MAPPING: ColumnMapping = { id: 0, name: 1, lat: 2, lon: 3, zip: 4, revenue: 5, segment: 6 };

function run(rows: string[][], over: Partial<AccountImporterOptions> = {}) {
  const imp = createAccountImporter({ headers: HEADERS, mapping: MAPPING, zips: tinyZips(), ...over });
  imp.pushRows(rows, 0);
  return imp.finish();
}

const row = (id: string, lat: string, lon: string, zip = '', revenue = '', extra: Partial<Record<number, string>> = {}) => {
  const r = [id, `Name ${id}`, lat, lon, zip, revenue, 'Core', '555-1', '555-2'];
  for (const [i, v] of Object.entries(extra)) r[Number(i)] = v!;
  return r;
};

describe('createAccountImporter', () => {
  it('imports good rows with trimmed text, parsed numbers and extra columns made unique', () => {
    const { table, issues, stats } = run([row(' A1 ', '42.1', '-71.2', '02139', '$1,200', { 1: '  Café Luna ', 6: ' Core ' })]);
    expect(issues).toEqual([]);
    expect(stats).toMatchObject({ rows: 1, imported: 1, rejected: 0, warnings: 0 });
    expect(accountAt(table, 0)).toMatchObject({
      id: 'A1', name: 'Café Luna', lat: 42.1, lon: -71.2, location: LocationSource.Given, zip: '02139', revenue: 1200,
      potential: null, visits: null, segment: 'Core', extra: { Phone: '555-1', 'Phone (2)': '555-2' },
    });
  });

  it('numbers rows as a spreadsheet does, counting blank records', () => {
    const imp = createAccountImporter({ headers: HEADERS, mapping: MAPPING, zips: tinyZips() });
    imp.pushRows([row('A', '1', '1')], 0); // row 2
    imp.pushRows([row('', '1', '1')], 2); // a blank line was record 1 (row 3); this is row 4
    expect(imp.finish().issues[0]).toMatchObject({ row: 4, kind: 'missing-id', severity: 'rejected', column: 'ID' });
  });

  it('generates ROW-<n> ids when no id column is mapped', () => {
    const { table } = run([row('x', '1', '1'), row('x', '2', '2')], { mapping: { ...MAPPING, id: undefined } });
    expect(accountAt(table, 0).id).toBe('ROW-2');
    expect(accountAt(table, 1).id).toBe('ROW-3');
    expect(accountAt(table, 0).extra.ID).toBe('x');
  });

  it('rejects duplicate ids and keeps the first imported row', () => {
    const { table, issues } = run([row('A', '1', '1', '', '1'), row('A', '2', '2', '', '2'), row('B', '', ''), row('B', '3', '3')]);
    expect(table.count).toBe(2);
    expect(accountAt(table, 0).revenue).toBe(1);
    // B's first row could not be placed, so the second B is not a duplicate
    expect(accountAt(table, 1).lat).toBe(3);
    expect(issues.map((i) => [i.row, i.kind])).toEqual([[3, 'duplicate-id'], [4, 'missing-location']]);
    expect(issues[0].message).toContain('row 2');
  });

  it('rejects a number cell that is not a number, naming the column and value; empty stays null', () => {
    const { table, issues } = run([row('A', '1', '1', '', 'lots'), row('B', '1', '1', '', '  ')]);
    expect(issues).toEqual([expect.objectContaining({ row: 2, column: 'Revenue', kind: 'bad-number', value: 'lots', severity: 'rejected' })]);
    expect(issues[0].message).toContain('lots');
    expect(accountAt(table, 0).revenue).toBeNull();
  });

  it('treats 0,0 as missing: ZIP if there is one, else rejected', () => {
    const { table, issues } = run([row('A', '0', '0', '10001'), row('B', '0', '0')]);
    expect(accountAt(table, 0)).toMatchObject({ lat: 40.7484, lon: -73.9967, location: LocationSource.Zip });
    expect(issues).toEqual([expect.objectContaining({ row: 3, kind: 'missing-location', severity: 'rejected' })]);
    expect(issues[0].message).toContain('0,0');
  });

  it('spots swapped US coordinates, in or out of range, and swaps rows it is told to', () => {
    const rows = [row('A', '-122.41', '37.77', '94103'), row('B', '-74.0', '40.7'), row('C', '40.7', '-74.0')];
    const first = run(rows);
    expect(first.issues.map((i) => [i.row, i.kind, i.severity])).toEqual([[2, 'lat-lon-swapped', 'rejected'], [3, 'lat-lon-swapped', 'rejected']]);
    const second = run(rows, { swapRows: [2, 3] });
    expect(second.issues).toEqual([]);
    expect(accountAt(second.table, 0)).toMatchObject({ lat: 37.77, lon: -122.41, location: LocationSource.Given });
    expect(accountAt(second.table, 1)).toMatchObject({ lat: 40.7, lon: -74 });
  });

  it('falls back to the ZIP for out-of-range or unreadable coordinates, with a warning; rejects without one', () => {
    const { table, issues } = run([row('A', '95', '10', '60601'), row('B', '95', '10'), row('C', '40', '200'), row('D', 'north', '-71', '02139')]);
    expect(issues.map((i) => [i.row, i.kind, i.severity, i.column])).toEqual([
      [2, 'lat-out-of-range', 'warning', 'Lat'],
      [3, 'lat-out-of-range', 'rejected', 'Lat'],
      [4, 'lon-out-of-range', 'rejected', 'Lon'],
      [5, 'bad-number', 'warning', 'Lat'],
    ]);
    expect(accountAt(table, 0).location).toBe(LocationSource.Zip);
    expect(table.count).toBe(2);
  });

  it('places ZIP-only rows: ZIP+4, lost leading zeros, 3-digit areas, unknown ZIPs', () => {
    const rows = [row('A', '', '', '02139-4307'), row('B', '', '', '2139'), row('C', '', '', '501'), row('D', '', '', '02199'), row('E', '', '', '99999'), row('F', '', '', 'M5V 2T6'), row('G', '', '')];
    const { table, issues } = run(rows);
    expect(table.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => accountAt(table, i).zip)).toEqual(['02139', '02139', '00501', '02199']);
    expect(accountAt(table, 3)).toMatchObject({ lat: 42.36, lon: -71.08, location: LocationSource.Zip3 });
    expect(issues.map((i) => [i.row, i.kind, i.severity])).toEqual([
      [5, 'approximate-zip', 'warning'],
      [6, 'unknown-zip', 'rejected'],
      [7, 'unknown-zip', 'rejected'],
      [8, 'missing-location', 'rejected'],
    ]);
  });

  it('uses the coordinates when both are given and keeps the ZIP text as it was when it is not a US ZIP', () => {
    const { table, issues } = run([row('A', '43.65', '-79.38', 'M5V 2T6')]);
    expect(issues).toEqual([]);
    expect(accountAt(table, 0).zip).toBe('M5V 2T6');
  });

  it('warns about ragged rows and imports what maps', () => {
    const short = ['A', 'Short', '42', '-71'];
    const long = [...row('B', '42', '-71'), 'surprise'];
    const padded = [...row('C', '42', '-71'), '', ''];
    const { table, issues } = run([short, long, padded, [...row('D', '42', '-71'), '']]);
    expect(table.count).toBe(4);
    expect(accountAt(table, 0)).toMatchObject({ id: 'A', name: 'Short', segment: '', extra: { Phone: '' } });
    expect(issues.map((i) => [i.row, i.kind, i.severity])).toEqual([
      [0, 'ragged-row', 'warning'],
      [2, 'ragged-row', 'warning'],
      [3, 'ragged-row', 'warning'],
    ]);
    expect(issues[0].message).toMatch(/^2 rows/);
    expect(issues[2].value).toBe('surprise');
  });

  it('skips rows whose cells are all empty without counting them', () => {
    const { stats } = run([row('A', '1', '1'), ['', '', ' '], ['']]);
    expect(stats.rows).toBe(1);
  });

  it('keeps every count exact when it stops listing issues', () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(`R${i}`, '', ''));
    const { issues, stats } = run(rows, { maxIssues: 10 });
    expect(issues.length).toBe(10);
    expect(stats).toMatchObject({ rows: 50, rejected: 50, imported: 0, issuesOmitted: 40 });
  });

  it('reads ambiguous numbers with the decimal mark it is given', () => {
    const { table } = run([row('A', '1', '1', '', '1.250,5'), row('B', '1', '1', '', '1,250')], { decimal: ',' });
    expect(accountAt(table, 0).revenue).toBe(1250.5);
    expect(accountAt(table, 1).revenue).toBe(1.25);
  });
});
