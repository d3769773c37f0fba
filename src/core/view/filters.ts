import type { Hidden, ViewCategory } from './columns';

/** One byte per code: 1 = hidden. Codes the column does not use are ignored rather than grown into. */
export function hiddenMask(codes: readonly number[] | undefined, labelCount: number): Uint8Array {
  const mask = new Uint8Array(Math.max(labelCount, 1));
  for (const c of codes ?? []) if (Number.isInteger(c) && c >= 0 && c < mask.length) mask[c] = 1;
  return mask;
}

/** A stable key for a filter state, so the per-account visibility mask is rebuilt only when it changes. */
export function hiddenKey(h: Hidden): string {
  const norm = (a: readonly number[] | undefined) => [...new Set(a ?? [])].sort((x, y) => x - y).join(',');
  return `${norm(h.segment)}|${norm(h.classification)}|${norm(h.owner)}`;
}

export type HiddenMasks = Record<ViewCategory, Uint8Array>;

export function hiddenMasks(h: Hidden, labelCounts: Record<ViewCategory, number>): HiddenMasks {
  return {
    segment: hiddenMask(h.segment, labelCounts.segment),
    classification: hiddenMask(h.classification, labelCounts.classification),
    owner: hiddenMask(h.owner, labelCounts.owner),
  };
}
