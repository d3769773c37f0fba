import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, offsetToReveal, scrollGeometry } from './scroll-geometry';

describe('scrollGeometry', () => {
  it('leaves small lists alone', () => {
    expect(scrollGeometry(1000, 32, 600)).toEqual({ realTotal: 32_000, ratio: 1 });
    expect(scrollGeometry(0, 32, 600)).toEqual({ realTotal: 0, ratio: 1 });
  });

  it('stretches a million rows over a spacer browsers can scroll, ends aligned', () => {
    const viewport = 600;
    const { realTotal, ratio } = scrollGeometry(1_000_000, 32, viewport);
    expect(realTotal).toBe(MAX_SCROLL_PX);
    // The real bottom maps to the virtual bottom: the last row is reachable.
    expect((realTotal - viewport) * ratio).toBeCloseTo(32_000_000 - viewport);
  });
});

describe('offsetToReveal', () => {
  it('scrolls only as far as needed', () => {
    expect(offsetToReveal(10, 32, 320, 0)).toBe(32); // row 10 ends at 352
    expect(offsetToReveal(5, 32, 320, 0)).toBe(0);
    expect(offsetToReveal(2, 32, 320, 200)).toBe(64);
  });
});
