import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { issuesToCsv } from './issues-csv';
import type { ImportIssue } from './types';

describe('issuesToCsv', () => {
  it('writes Row, Column, Severity, Problem, Value, spreadsheet-safe', () => {
    const issues: ImportIssue[] = [
      { row: 0, column: null, kind: 'ragged-row', severity: 'warning', message: '3 rows had empty cells past the last column; they were ignored.', value: '' },
      { row: 7, column: 'Annual Revenue', kind: 'bad-number', severity: 'rejected', message: '“Annual Revenue” is not a number: “=1+1”.', value: '=1+1' },
      { row: 9, column: 'Name', kind: 'missing-location', severity: 'rejected', message: 'No latitude/longitude and no ZIP code.', value: '+1 555, "x"\n' },
      { row: 12, column: 'Lat', kind: 'lat-out-of-range', severity: 'warning', message: 'Latitude 95 is outside −90…90.', value: '-95.5' },
    ];
    const csv = issuesToCsv(issues);
    expect(csv.startsWith('\ufeffRow,Column,Severity,Problem,Value\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(rows[1]).toEqual(['file', '', 'Warning', '3 rows had empty cells past the last column; they were ignored.', '']);
    expect(rows[2]).toEqual(['7', 'Annual Revenue', 'Rejected', '“Annual Revenue” is not a number: “=1+1”.', "'=1+1"]);
    expect(rows[3][4]).toBe(`'+1 555, "x"\n`);
    expect(rows[4][4]).toBe('-95.5');
  });

  it('writes only the header when there are no issues', () => {
    expect(issuesToCsv([])).toBe('\ufeffRow,Column,Severity,Problem,Value\r\n');
  });
});
