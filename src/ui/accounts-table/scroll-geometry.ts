/**
 * Browsers cap an element's height (Firefox near 17.9 million px, Chromium and WebKit near 33.5
 * million), and a million 30 px rows would pass the first. Above MAX_SCROLL_PX the scroller gets a
 * shorter spacer and its scroll position is stretched: `ratio` virtual pixels per real one. Below
 * it the ratio is 1 and nothing changes.
 */
export const MAX_SCROLL_PX = 8_000_000;

export interface ScrollGeometry {
  /** height of the spacer the browser scrolls */
  realTotal: number;
  /** virtual px per real px of scrollTop */
  ratio: number;
}

export function scrollGeometry(count: number, rowHeight: number, viewport: number): ScrollGeometry {
  const virtualTotal = count * rowHeight;
  const realTotal = Math.min(virtualTotal, MAX_SCROLL_PX);
  const realMax = Math.max(realTotal - viewport, 0);
  const virtualMax = Math.max(virtualTotal - viewport, 0);
  return { realTotal, ratio: realMax > 0 ? virtualMax / realMax : 1 };
}

/** The virtual offset that brings row `index` fully into view, or `offset` when it already is. */
export function offsetToReveal(index: number, rowHeight: number, viewport: number, offset: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < offset) return top;
  if (bottom > offset + viewport) return Math.max(bottom - viewport, 0);
  return offset;
}
