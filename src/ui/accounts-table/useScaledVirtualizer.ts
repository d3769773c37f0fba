import { useCallback, useRef, useState, type RefObject } from 'react';
import { observeElementRect, useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { offsetToReveal, scrollGeometry } from './scroll-geometry';

export interface ScaledVirtualizerOptions {
  count: number;
  rowHeight: number;
  /** height of the sticky header inside the scroller, not available to rows */
  headerHeight: number;
  /** size used until (or where, as in jsdom) the scroller has a measured size */
  initialRect: { width: number; height: number };
  overscan?: number;
}

export interface ScaledVirtualizer {
  scrollRef: RefObject<HTMLDivElement | null>;
  items: VirtualItem[];
  /** height of the rows' spacer element */
  bodyHeight: number;
  /** where to place an item inside the spacer */
  top(item: VirtualItem): number;
  /** scrolls so that row position `index` is fully visible */
  reveal(index: number): void;
  /** rows that fit in the viewport, for Page Up/Down */
  pageSize(): number;
  scrollToTop(): void;
}

/**
 * @tanstack/react-virtual over fixed-height rows, fed a stretched scroll offset (see
 * scroll-geometry.ts) so a million rows stay reachable in every browser. The virtualizer only
 * ever sees virtual offsets; this hook converts to and from the element's real scrollTop.
 */
export function useScaledVirtualizer({ count, rowHeight, headerHeight, initialRect, overscan = 8 }: ScaledVirtualizerOptions): ScaledVirtualizer {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const live = useRef({ count, viewport: Math.max(initialRect.height - headerHeight, rowHeight) });
  live.current.count = count;
  // Rows are placed relative to the real scrollTop, which changes on every scroll even when the
  // virtualizer's visible range does not; this state re-renders them then.
  const [scrollTop, setScrollTop] = useState(0);
  const ratio = () => scrollGeometry(live.current.count, rowHeight, live.current.viewport).ratio;

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: initialRect.width, height: live.current.viewport },
    getScrollElement: () => scrollRef.current,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => {
        const height = rect.height > 0 ? rect.height : initialRect.height;
        live.current.viewport = Math.max(height - headerHeight, rowHeight);
        cb({ width: rect.width > 0 ? rect.width : initialRect.width, height: live.current.viewport });
      }),
    observeElementOffset: (instance, cb) => {
      const el = instance.scrollElement;
      if (!el) return;
      const report = () => {
        setScrollTop(el.scrollTop);
        cb(el.scrollTop * ratio(), false);
      };
      report();
      el.addEventListener('scroll', report, { passive: true });
      return () => el.removeEventListener('scroll', report);
    },
    scrollToFn: (offset, _options, instance) => {
      if (instance.scrollElement) instance.scrollElement.scrollTop = offset / ratio();
    },
  });

  const { realTotal } = scrollGeometry(count, rowHeight, live.current.viewport);
  const virtualOffset = virtualizer.scrollOffset ?? 0;

  const reveal = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const r = scrollGeometry(live.current.count, rowHeight, live.current.viewport).ratio;
      const current = el.scrollTop * r;
      const target = offsetToReveal(index, rowHeight, live.current.viewport, current);
      if (target !== current) el.scrollTop = target / r;
    },
    [rowHeight],
  );

  const scrollToTop = useCallback(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, []);

  return {
    scrollRef,
    items: virtualizer.getVirtualItems(),
    bodyHeight: realTotal,
    top: (item) => item.start - virtualOffset + scrollTop,
    reveal,
    pageSize: () => Math.max(1, Math.floor(live.current.viewport / rowHeight) - 1),
    scrollToTop,
  };
}
