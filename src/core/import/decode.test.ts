import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding, isValidUtf8 } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detectEncoding', () => {
  it('recognises byte order marks', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf-16be', bom: true });
  });

  it('takes valid UTF-8 without a BOM as UTF-8', () => {
    expect(detectEncoding(utf8('Name,City\nCafé,Zürich ☕\n'))).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('accepts a multibyte character cut off by the end of the sample', () => {
    const bytes = utf8('abc ☕');
    expect(isValidUtf8(bytes.subarray(0, bytes.length - 1))).toBe(true);
    expect(detectEncoding(bytes.subarray(0, bytes.length - 2)).encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252, with a note, for bytes that are not UTF-8', () => {
    const cafe = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]); // Café,Zürich
    const d = detectEncoding(cafe);
    expect(d.encoding).toBe('windows-1252');
    expect(d.note).toMatch(/Windows-1252/);
  });

  it('spots UTF-16 without a BOM by its zero bytes', () => {
    const text = 'Name,City\nCafé,Zürich\n';
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i);
      be[2 * i + 1] = text.charCodeAt(i);
    }
    expect(detectEncoding(le)).toMatchObject({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(be)).toMatchObject({ encoding: 'utf-16be', bom: false });
    expect(createDecoder('utf-16le').decode(le, true)).toBe(text);
  });

  it('rejects overlong encodings and surrogates', () => {
    expect(isValidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(false);
    expect(isValidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false);
    expect(isValidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(false);
  });
});

describe('createDecoder', () => {
  it('strips the UTF-8 BOM and keeps characters split across chunks whole', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Zürich ☕')]);
    const d = createDecoder('utf-8');
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += d.decode(bytes.subarray(i, i + 1));
    out += d.decode(new Uint8Array(0), true);
    expect(out).toBe('Zürich ☕');
  });

  it('decodes UTF-16LE and strips its BOM', () => {
    const text = 'Name\nCafé';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const d = createDecoder('utf-16le');
    expect(d.decode(bytes.subarray(0, 5)) + d.decode(bytes.subarray(5), true)).toBe(text);
  });

  it('decodes Windows-1252 including the 0x80–0x9F range Node gets wrong', () => {
    const d = createDecoder('windows-1252');
    expect(d.decode(new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x81]))).toBe('“Café” €5 –\u0081');
  });
});
