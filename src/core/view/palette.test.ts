import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, SEGMENTS } from '../accounts/account';
import {
  CLASSIFICATION_COLORS,
  clusterRadius,
  colorOf,
  colorsByCode,
  EMPTY_COLOR,
  legendFor,
  OTHER_COLORS,
  radiusScale,
  revenueRadius,
  SEGMENT_COLORS,
  shortCount,
} from './palette';

/** Relative luminance (WCAG), to check that no colour is too pale for light grey land. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

describe('palette', () => {
  it('gives the demo vocabulary fixed, distinct colours', () => {
    const seg = SEGMENTS.map((s) => SEGMENT_COLORS[s]);
    const cls = CLASSIFICATIONS.map((c) => CLASSIFICATION_COLORS[c]);
    expect(new Set(seg).size).toBe(4);
    expect(new Set(cls).size).toBe(4);
    // Independent of the label's position in the file.
    expect(colorOf('segment', 4, 'High-Volume')).toBe(SEGMENT_COLORS['High-Volume']);
    expect(colorOf('segment', 1, 'High-Volume')).toBe(SEGMENT_COLORS['High-Volume']);
  });

  it('colours empty grey and other labels by index, stably', () => {
    expect(colorOf('owner', 0, '')).toBe(EMPTY_COLOR);
    expect(colorOf('segment', 0, '')).toBe(EMPTY_COLOR);
    expect(colorOf('owner', 1, 'Ann')).toBe(OTHER_COLORS[0]);
    expect(colorOf('owner', 1 + OTHER_COLORS.length, 'Zed')).toBe(OTHER_COLORS[0]);
    expect(colorsByCode('owner', ['', 'A', 'B'])).toEqual([EMPTY_COLOR, OTHER_COLORS[0], OTHER_COLORS[1]]);
    expect(colorOf('segment', 2, 'Bakery')).toBe(OTHER_COLORS[1]);
  });

  it('has no colour too pale to see on light grey land', () => {
    for (const c of [...Object.values(SEGMENT_COLORS), ...Object.values(CLASSIFICATION_COLORS), ...OTHER_COLORS, EMPTY_COLOR]) {
      expect(luminance(c), c).toBeLessThan(0.5);
    }
  });
});

describe('legendFor', () => {
  it('lists the occurring labels in the natural order with the empty code last', () => {
    const labels = ['', 'Small/Cafe', 'High-Volume', 'Bakery', 'Medium-Volume'];
    const legend = legendFor('segment', labels, [3, 10, 20, 0, 5]);
    expect(legend.map((e) => e.label)).toEqual(['High-Volume', 'Medium-Volume', 'Small/Cafe', '(none)']);
    expect(legend[0]).toEqual({ code: 2, label: 'High-Volume', color: SEGMENT_COLORS['High-Volume'], count: 20 });
  });

  it('sorts owners by name and calls the empty owner Unassigned', () => {
    const legend = legendFor('owner', ['', 'Zoe', 'Adam'], [1, 2, 3]);
    expect(legend.map((e) => e.label)).toEqual(['Adam', 'Zoe', 'Unassigned']);
  });

  it('lists every label when no counts are given', () => {
    expect(legendFor('classification', ['', 'Divest', 'Core'])).toHaveLength(3);
  });
});

describe('sizes', () => {
  it('scales dot area with revenue, between the min and max radius', () => {
    const s = radiusScale(10_000, { minPx: 2, maxPx: 12 });
    expect(revenueRadius(NaN, s)).toBe(2);
    expect(revenueRadius(0, s)).toBe(2);
    expect(revenueRadius(10_000, s)).toBe(12);
    expect(revenueRadius(1e9, s)).toBe(12);
    expect(revenueRadius(2_500, s)).toBeCloseTo(7, 9); // √¼ = ½ of the way
    expect(radiusScale(0).maxRevenue).toBe(1);
  });

  it('grows clusters with the log of their count', () => {
    expect(clusterRadius(2)).toBe(11);
    expect(clusterRadius(100)).toBe(17);
    expect(clusterRadius(1e7)).toBe(32);
    expect(clusterRadius(30)).toBeGreaterThan(clusterRadius(20));
  });

  it('abbreviates counts', () => {
    expect([5, 999, 1234, 45_678, 1_250_000].map(shortCount)).toEqual(['5', '999', '1.2k', '45k', '1.2M']);
  });
});
