import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRow, defuseFormula, quoteCell, safeCell, toCsv } from './csv-safe';

describe('defuseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil","click")', `'=HYPERLINK("http://evil","click")`],
    ['+1 555 0100', `'+1 555 0100`],
    ['-cmd', `'-cmd`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1', `'\r=1`],
    ['\n=1+1', `'\n=1+1`],
    ['\0=1', `'\0=1`],
  ])('guards %j', (text, out) => {
    expect(defuseFormula(text)).toBe(out);
  });

  it.each(['-12.5', '+7', '-0.5e3', '42', 'Acme = best', 'a-b', '', "'already"])('leaves %j alone', (text) => {
    expect(defuseFormula(text)).toBe(text);
  });
});

describe('quoteCell and safeCell', () => {
  it('quotes commas, quotes and line breaks only', () => {
    expect(quoteCell('plain')).toBe('plain');
    expect(quoteCell('a,b')).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCell('two\nlines')).toBe('"two\nlines"');
    expect(quoteCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('guards before quoting, so the apostrophe ends up inside the quotes', () => {
    expect(safeCell('=1,2')).toBe(`"'=1,2"`);
    expect(safeCell('\n=1')).toBe(`"'\n=1"`);
  });

  it('round-trips through a CSV parser', () => {
    const rows = [['Row', 'Value'], ['2', '=HYPERLINK("x")'], ['3', 'a,"b"\nc'], ['4', '-12.5']];
    const csv = toCsv(rows, { bom: false });
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    expect(back).toEqual([['Row', 'Value'], ['2', `'=HYPERLINK("x")`], ['3', 'a,"b"\nc'], ['4', '-12.5']]);
    expect(csvRow(['a', '@b'])).toBe("a,'@b");
  });

  it('starts with a BOM by default for Excel', () => {
    expect(toCsv([['a']])).toBe('\ufeffa\r\n');
  });
});
