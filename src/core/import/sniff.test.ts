import { describe, expect, it } from 'vitest';
import { sniffCsv } from './sniff';

describe('sniffCsv', () => {
  it('finds each delimiter', () => {
    expect(sniffCsv('a,b,c\n1,2,3\n').delimiter).toBe(',');
    expect(sniffCsv('a;b;c\n1;2,5;3\n').delimiter).toBe(';');
    expect(sniffCsv('a\tb\tc\n1\t2\t3\n').delimiter).toBe('\t');
    expect(sniffCsv('a|b|c\n1|2|3\n').delimiter).toBe('|');
  });

  it('ignores delimiters inside quotes, including quoted line breaks', () => {
    const text = 'Name;City\n"Acme, Inc.; ""East""";"Boston,\nMA"\n"Foo, Bar";Paris\n';
    expect(sniffCsv(text).delimiter).toBe(';');
  });

  it('prefers the delimiter whose count stays the same on every row', () => {
    expect(sniffCsv('Name;Revenue\nAcme;1,5\nFoo;2,25\nBar;3\n').delimiter).toBe(';');
  });

  it('falls back to comma for a single column', () => {
    expect(sniffCsv('Name\nAcme\nFoo\n').delimiter).toBe(',');
  });

  it('detects the line ending outside quotes', () => {
    expect(sniffCsv('a,b\r\n1,2\r\n').lineEnding).toBe('\r\n');
    expect(sniffCsv('a,b\r1,2\r').lineEnding).toBe('\r');
    expect(sniffCsv('a,b\n1,2\n').lineEnding).toBe('\n');
    expect(sniffCsv('"a\r\nb",c\n1,2\n').lineEnding).toBe('\n');
    expect(sniffCsv('a,b').lineEnding).toBe('\n');
  });
});
