import type { MultiPoly, Ring } from './geometry';

/** An axis-aligned box as a one-part county, counter-clockwise. */
export function box(x0: number, y0: number, x1: number, y1: number): MultiPoly {
  const ring: Ring = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  return [[ring]];
}
