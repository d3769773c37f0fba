import { describe, expect, it } from 'vitest';
import { accountAt } from '../accounts/table';
import { byteSourceFromBytes } from './byte-source';
import { isAbortError } from './errors';
import { importAccountsCsv } from './run-import';
import { tinyZips } from './test-support/tiny-zips';

const encode = (s: string) => new TextEncoder().encode(s);

describe('importAccountsCsv', () => {
  it('reads a whole file in small chunks with the spreadsheet row numbers', async () => {
    const text = 'ID,Name,Zip\r\nA,"Two\r\nlines",02139\r\n\r\nB,Bad,\r\nC,Café,10001\r\n';
    const result = await importAccountsCsv(byteSourceFromBytes(encode(text)), { mapping: { id: 0, name: 1, zip: 2 }, zips: tinyZips(), chunkSize: 3 });
    expect(result.stats).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
    // header row 1, A row 2 (its cell spans two lines), blank row 3, B row 4
    expect(result.issues.map((i) => [i.row, i.kind])).toEqual([[4, 'missing-location']]);
    expect(accountAt(result.table, 0).name).toBe('Two\r\nlines');
    expect(accountAt(result.table, 1).name).toBe('Café');
    expect(result.delimiter).toBe(',');
  });

  it('reports progress and can be cancelled', async () => {
    const text = 'ID,Zip\n' + Array.from({ length: 5000 }, (_, i) => `A${i},02139`).join('\n');
    const controller = new AbortController();
    const progress: number[] = [];
    const err = await importAccountsCsv(byteSourceFromBytes(encode(text)), {
      mapping: { id: 0, zip: 1 },
      zips: tinyZips(),
      chunkSize: 1024,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (progress.length === 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(progress).toEqual([1024, 2048, 3072]);
  });

  it('reads decimal commas in semicolon files', async () => {
    const text = 'ID;Zip;Revenue\nA;02139;1.250\nB;02139;1,5\n';
    const { table } = await importAccountsCsv(byteSourceFromBytes(encode(text)), { mapping: { id: 0, zip: 1, revenue: 2 }, zips: tinyZips() });
    expect([accountAt(table, 0).revenue, accountAt(table, 1).revenue]).toEqual([1250, 1.5]);
  });

  it('warns when bytes past the sniffed head are not valid in the encoding', async () => {
    const head = encode('ID,Name,Zip\n' + 'A,Plain,02139\n'.replace('A', 'A0') + Array.from({ length: 20000 }, (_, i) => `A${i + 1},Plain,02139`).join('\n') + '\n');
    const bytes = new Uint8Array([...head, ...encode('Z,Caf'), 0xe9, ...encode(',02139\n')]);
    const { issues, table } = await importAccountsCsv(byteSourceFromBytes(bytes), { mapping: { id: 0, name: 1, zip: 2 }, zips: tinyZips() });
    expect(issues).toEqual([expect.objectContaining({ row: 0, kind: 'bad-encoding', severity: 'warning' })]);
    expect(accountAt(table, table.count - 1).name).toBe('Caf\ufffd');
  });
});
