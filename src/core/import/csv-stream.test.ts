import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes, byteSourceFromFile, type ByteSource } from './byte-source';
import { streamCsv, type CsvStreamOptions } from './csv-stream';
import { isAbortError } from './errors';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function parseAll(bytes: Uint8Array, opts: Partial<CsvStreamOptions> = {}) {
  const out: { index: number; row: string[] }[] = [];
  const quoteErrors: number[] = [];
  const result = await streamCsv(byteSourceFromBytes(bytes), {
    encoding: 'utf-8',
    delimiter: ',',
    ...opts,
    onRows: (rows, first) => rows.forEach((row, i) => out.push({ index: first + i, row })),
    onQuoteError: (i) => quoteErrors.push(i),
  });
  return { rows: out.map((r) => r.row), indexes: out.map((r) => r.index), result, quoteErrors };
}

describe('streamCsv', () => {
  it('handles quotes, embedded delimiters, quotes and newlines', async () => {
    const { rows } = await parseAll(utf8('a,b,c\n"x, y","say ""hi""","line1\nline2"\n1,2,3'));
    expect(rows).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'line1\nline2'], ['1', '2', '3']]);
  });

  it.each([['\n'], ['\r\n'], ['\r']] as const)('reads %j line endings and skips blank lines and the trailing one', async (nl) => {
    const text = ['a,b', '1,2', '', '3,4', ''].join(nl) + nl;
    const { rows, indexes } = await parseAll(utf8(text), { newline: nl, chunkSize: 3 });
    expect(rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    // the blank line keeps its record number
    expect(indexes).toEqual([0, 1, 3]);
  });

  it('keeps multibyte characters whole when a chunk boundary cuts them', async () => {
    const text = 'name,city\n☕ Café,Zürich\n東京,𝄞\n';
    const bytes = utf8(text);
    for (const chunkSize of [1, 2, 3, 5, 7]) {
      const { rows } = await parseAll(bytes, { chunkSize });
      expect(rows).toEqual([['name', 'city'], ['☕ Café', 'Zürich'], ['東京', '𝄞']]);
    }
  });

  it('cuts a character exactly at a chunk boundary without corrupting it', async () => {
    const head = 'x,y\nabc,';
    const bytes = utf8(head + '€,\n');
    // the chunk ends after the first byte of the 3-byte €
    const { rows } = await parseAll(bytes, { chunkSize: utf8(head).length + 1 });
    expect(rows[1]).toEqual(['abc', '€', '']);
  });

  it('reads UTF-16LE with a BOM', async () => {
    const text = 'name;city\nCafé;Zürich\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const { rows } = await parseAll(bytes, { encoding: 'utf-16le', delimiter: ';', chunkSize: 3 });
    expect(rows).toEqual([['name', 'city'], ['Café', 'Zürich']]);
  });

  it('reads Windows-1252', async () => {
    const bytes = new Uint8Array([...utf8('n\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x0a]);
    const { rows } = await parseAll(bytes, { encoding: 'windows-1252' });
    expect(rows).toEqual([['n'], ['Café'], ['Zürich']]);
  });

  it('reports quoting problems with their record index', async () => {
    const { quoteErrors } = await parseAll(utf8('a,b\n1,2\n3,"open\n'), { chunkSize: 4 });
    expect(quoteErrors).toContain(2);
  });

  it('resolves on an empty file with no rows', async () => {
    const { rows, result } = await parseAll(new Uint8Array(0));
    expect(rows).toEqual([]);
    expect(result.records).toBe(0);
  });

  it('reports progress up to the whole size', async () => {
    const bytes = utf8('a,b\n'.repeat(100));
    const progress: number[] = [];
    await streamCsv(byteSourceFromBytes(bytes), { encoding: 'utf-8', delimiter: ',', chunkSize: 64, onRows: () => {}, onProgress: (n) => progress.push(n) });
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress.length).toBe(Math.ceil(bytes.length / 64));
  });

  it('stops reading and rejects promptly when cancelled', async () => {
    const bytes = utf8('a,b\n' + '1,2\n'.repeat(10_000));
    const inner = byteSourceFromBytes(bytes);
    let reads = 0;
    let release: () => void = () => {};
    const slow: ByteSource = {
      size: inner.size,
      read: async (s, e) => {
        reads++;
        if (reads === 3) await new Promise<void>((r) => (release = r)); // hangs until released
        return inner.read(s, e);
      },
    };
    const controller = new AbortController();
    let rowsSeen = 0;
    const done = streamCsv(slow, {
      encoding: 'utf-8',
      delimiter: ',',
      chunkSize: 1024,
      signal: controller.signal,
      onRows: (rows) => (rowsSeen += rows.length),
    });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const err = await done.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    const seen = rowsSeen;
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(rowsSeen).toBe(seen);
    expect(reads).toBe(3);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const c = new AbortController();
    c.abort();
    await expect(streamCsv(byteSourceFromBytes(utf8('a\n')), { encoding: 'utf-8', delimiter: ',', signal: c.signal, onRows: () => {} })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('reads a Blob (a browser File) slice by slice', async () => {
    const blob = new Blob(['name\n', 'Café ☕\n', 'Zürich\n']);
    const rows: string[][] = [];
    await streamCsv(byteSourceFromFile(blob), { encoding: 'utf-8', delimiter: ',', chunkSize: 3, onRows: (r) => rows.push(...r) });
    expect(rows).toEqual([['name'], ['Café ☕'], ['Zürich']]);
  });
});
