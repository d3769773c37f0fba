import { describe, expect, it } from 'vitest';
import { EMPTY, formatCoordinate, formatMoney, formatNumber, formatText } from './format';

describe('formatMoney', () => {
  it('writes whole dollars below a million', () => {
    expect(formatMoney(12_500)).toBe('$12,500');
    expect(formatMoney(850.4)).toBe('$850');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(-12_500)).toBe('-$12,500');
  });

  it('abbreviates millions and billions', () => {
    expect(formatMoney(1_250_000)).toBe('$1.25M');
    expect(formatMoney(1_000_000)).toBe('$1M');
    expect(formatMoney(12_345_678)).toBe('$12.35M');
    expect(formatMoney(999_999_999)).toBe('$1B');
    expect(formatMoney(3_400_000_000)).toBe('$3.4B');
    expect(formatMoney(-2_500_000)).toBe('-$2.5M');
  });

  it('can write the full amount', () => {
    expect(formatMoney(1_250_000, { compact: false })).toBe('$1,250,000');
  });

  it('shows empty values as a dash, never as 0', () => {
    expect(formatMoney(null)).toBe(EMPTY);
    expect(formatMoney(undefined)).toBe(EMPTY);
    expect(formatMoney(NaN)).toBe(EMPTY);
    expect(EMPTY).toBe('—');
  });
});

describe('other formats', () => {
  it('formats numbers, coordinates and text', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(12.345, 1)).toBe('12.3');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatCoordinate(40.7127753)).toBe('40.71278');
    expect(formatCoordinate(null)).toBe('—');
    expect(formatText('  ')).toBe('—');
    expect(formatText('Boston')).toBe('Boston');
  });
});
