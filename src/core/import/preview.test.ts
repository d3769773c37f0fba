import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from './byte-source';
import { ImportError } from './errors';
import { previewCsv } from './preview';

const src = (text: string) => byteSourceFromBytes(new TextEncoder().encode(text));

describe('previewCsv', () => {
  it('shows headers, up to 20 rows and the guessed mapping', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `A${i},Shop ${i},0213${i % 10},$${i}00`);
    const p = await previewCsv(src(['Account ID,Account Name,Zip,Annual Revenue', ...rows].join('\n')), 'accounts.csv');
    expect(p).toMatchObject({ fileName: 'accounts.csv', delimiter: ',', lineEnding: '\n', headers: ['Account ID', 'Account Name', 'Zip', 'Annual Revenue'] });
    expect(p.rows).toHaveLength(20);
    expect(p.rows[0]).toEqual(['A0', 'Shop 0', '02130', '$000']);
    expect(p.mapping).toEqual({ id: 0, name: 1, zip: 2, revenue: 3 });
    expect(p.guesses.find((g) => g.role === 'lat')?.column).toBeNull();
  });

  it('reads only the head of a big file and drops its cut-off last record', async () => {
    const row = 'X1,"Long, quoted name",02139\n';
    const text = 'ID,Name,Zip\n' + row.repeat(20_000); // ~560 KB
    const reads: [number, number][] = [];
    const inner = src(text);
    const p = await previewCsv({ size: inner.size, read: (s, e) => (reads.push([s, e]), inner.read(s, e)) }, 'big.csv');
    expect(reads).toEqual([[0, 256 * 1024]]);
    expect(p.fileSize).toBe(inner.size);
    expect(p.rows.every((r) => r.length === 3)).toBe(true);
  });

  it('names the file in clear errors for empty and header-only files', async () => {
    await expect(previewCsv(src(''), 'none.csv')).rejects.toThrow(/“none.csv” is empty/);
    await expect(previewCsv(src('a,b\n\n'), 'head.csv')).rejects.toMatchObject({ code: 'header-only' });
    await expect(previewCsv(src('\n \n'), 'blank.csv')).rejects.toBeInstanceOf(ImportError);
  });

  it('refuses a spreadsheet or PDF picked by mistake, saying what it is', async () => {
    const bytes = (...b: number[]) => byteSourceFromBytes(new Uint8Array([...b, ...new TextEncoder().encode('rest,of,file\n1,2,3\n')]));
    await expect(previewCsv(bytes(0x50, 0x4b, 0x03, 0x04), 'book.xlsx')).rejects.toThrow(/“book.xlsx” is an Excel workbook \(\.xlsx\).*Save As › CSV/);
    await expect(previewCsv(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), 'old.xls')).rejects.toThrow(/old Excel workbook/);
    await expect(previewCsv(src('%PDF-1.7\n1,2\n3,4\n'), 'report.pdf')).rejects.toThrow(/PDF document/);
  });

  it('notes a header that looks like data', async () => {
    const p = await previewCsv(src('1,2,3\n4,5,6\n'), 'numbers.csv');
    expect(p.notes.join(' ')).toMatch(/looks like data/);
  });

  it('guesses rep roles for a reps file', async () => {
    const p = await previewCsv(src('Sales Rep,Home Zip,Annual Quota\nAna,02139,"$1,000,000"\n'), 'reps.csv', 'reps');
    expect(p.mapping).toEqual({ name: 0, zip: 1, quota: 2 });
    expect(p.guesses.map((g) => g.role)).toEqual(['id', 'name', 'lat', 'lon', 'zip', 'quota']);
  });
});
