import { describe, expect, it } from 'vitest';
import { parseCoordinateCell, parseNumberCell, plainMoney, plainNumber, readNumberInto, ReadStatus } from './values';

describe('parseNumberCell', () => {
  it.each([
    ['42', 42],
    [' 42 ', 42],
    ['-12.5', -12.5],
    ['+7', 7],
    ['1e6', 1e6],
    ['2.5E-3', 0.0025],
    ['$1,250,000.00', 1250000],
    ['$ 1,250', 1250],
    ['USD 99.90', 99.9],
    ['99.90 USD', 99.9],
    ['1.2M', 1200000],
    ['$1.2M', 1200000],
    ['15k', 15000],
    ['2.5 bn', 2.5e9],
    ['3MM', 3e6],
    ['€ 12.500,50', 12500.5],
    ['12.500,50 €', 12500.5],
    ['1.250.000', 1250000],
    ['12,5', 12.5],
    ['0,75', 0.75],
    ['1,250', 1250],
    ['1 250 000', 1250000],
    ['1\u00a0250,50', 1250.5],
    ["1'250'000", 1250000],
    ['(1,200)', -1200],
    ['($1,200.50)', -1200.5],
    ['-$300', -300],
    ['$-300', -300],
    ['£7', 7],
    ['0', 0],
  ])('%j -> %d', (text, value) => {
    expect(parseNumberCell(text)).toBeCloseTo(value, 9);
  });

  it('reads an empty cell as null, never 0', () => {
    expect(parseNumberCell('')).toBeNull();
    expect(parseNumberCell('   ')).toBeNull();
    expect(parseNumberCell('N/A')).toBeNull();
    expect(parseNumberCell('-')).toBeNull();
  });

  it('resolves "1,250" and "1.250" with the decimal mark when told', () => {
    expect(parseNumberCell('1,250', ',')).toBe(1.25);
    expect(parseNumberCell('1.250', ',')).toBe(1250);
    expect(parseNumberCell('1.250', '.')).toBe(1.25);
  });

  it.each(['abc', '12abc', '1.2.3,4,5', '$', '12%', '0x1F', 'Infinity', '1,2,3.4.5', '--5', '1e'])('%j is invalid', (text) => {
    expect(parseNumberCell(text)).toBe('invalid');
  });
});

describe('parseCoordinateCell', () => {
  it.each([
    ['40.7128', 40.7128],
    ['-74.006', -74.006],
    ['40.7128 N', 40.7128],
    ['74.0060 W', -74.006],
    ['S 33.86', -33.86],
    ['40.7128°', 40.7128],
    ['40,7128', 40.7128],
    ['40° 42′ 46″ N', 40 + 42 / 60 + 46 / 3600],
    ["74°0'22\"W", -(74 + 22 / 3600)],
  ])('%j -> %d', (text, value) => {
    expect(parseCoordinateCell(text)).toBeCloseTo(value as number, 9);
  });

  it('keeps empty and bad cells apart', () => {
    expect(parseCoordinateCell(' ')).toBeNull();
    expect(parseCoordinateCell('north')).toBe('invalid');
  });
});

describe('plainNumber', () => {
  it('equals Number() on plain decimals and refuses everything else', () => {
    for (let i = 0; i < 20000; i++) {
      const s = ((i * 7919) % 100000 / (i % 7 === 0 ? 1 : 1000) - 50).toFixed(i % 8);
      expect(plainNumber(s)).toBe(Number(s));
    }
    expect(plainNumber('-0')).toBe(-0);
    expect(plainNumber('1234567890123456')).toBeNaN(); // 16 digits: left to Number()
    for (const s of ['', '-', '.', '1.', '1e3', '1,0', ' 1', '1.2.3', '+']) expect(plainNumber(s)).toBeNaN();
  });
});

describe('plainMoney and readNumberInto', () => {
  it('agrees with parseNumberCell on US money and refuses the rest', () => {
    const cases = ['$1,250,000.00', '-$12.50', '1,250', '$12', '12,345,678', '$0.99', '1,25', '12,3456', ',123', '1,,234', '$', '-', '1.234,5', '1,234.5.6', '$1,2345', '1234,567', '$-5', ' $5', '1,234.'];
    for (let i = 0; i < 3000; i++) cases.push(`${i % 3 ? '$' : ''}${(i * 7919 % 10_000_000).toLocaleString('en-US')}${i % 4 ? '.' + String(i % 100).padStart(2, '0') : ''}`);
    for (const c of cases) {
      const fast = plainMoney(c);
      if (fast === fast) expect(fast).toBe(parseNumberCell(c));
    }
    expect(plainMoney('$1,250,000.00')).toBe(1250000);
    for (const c of ['1,25', '12,3456', ',123', '1,,234', '$', '1.234,5', '$1,2345', '1234,567', '1,234.']) expect(plainMoney(c)).toBeNaN();
  });

  it('writes numbers to the slot and reports empty and invalid cells', () => {
    const out = new Float64Array(1);
    expect(readNumberInto('$1,200.50', '.', out, 0)).toBe(ReadStatus.Number);
    expect(out[0]).toBe(1200.5);
    expect(readNumberInto('1,5', ',', out, 0)).toBe(ReadStatus.Number);
    expect(out[0]).toBe(1.5);
    expect(readNumberInto('', '.', out, 0)).toBe(ReadStatus.Empty);
    expect(readNumberInto(' N/A ', '.', out, 0)).toBe(ReadStatus.Empty);
    expect(readNumberInto('abc', '.', out, 0)).toBe(ReadStatus.Invalid);
  });
});
