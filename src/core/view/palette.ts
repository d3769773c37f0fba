import { CLASSIFICATIONS, SEGMENTS } from '../accounts/account';
import type { ColorBy } from './types';

/**
 * Colours for accounts on the map. The fixed ones come from the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies; the demo vocabulary always gets the
 * same colour, so a screenshot means the same thing next week. Pale colours are left out: dots are
 * drawn on light grey land and must stand out from it.
 */

/** code 0: the cell was empty */
export const EMPTY_COLOR = '#8e8e8e';

export const SEGMENT_COLORS: Readonly<Record<(typeof SEGMENTS)[number], string>> = {
  'High-Volume': '#0072B2', // blue: the accounts that matter most, darkest
  'Medium-Volume': '#56B4E9', // sky blue: same family, lighter
  'Small/Cafe': '#009E73', // bluish green
  'High-Potential New': '#E69F00', // orange: new and promising, stands apart from the volumes
};

export const CLASSIFICATION_COLORS: Readonly<Record<(typeof CLASSIFICATIONS)[number], string>> = {
  Core: '#0072B2', // blue
  Invest: '#009E73', // green: grow
  Opportunistic: '#E69F00', // orange
  Divest: '#D55E00', // vermillion: exit; far darker than the orange, so the two stay apart
};

/**
 * Everything else (imported vocabularies, owners), by label index. Mostly Paul Tol's "bright" and
 * "muted" schemes, without their pale and grey members; past 16 labels colours repeat, so with many reps
 * colour is a hint and the rep's name on hover is the answer.
 */
export const OTHER_COLORS: readonly string[] = [
  '#4477AA',
  '#EE6677',
  '#228833',
  '#CCBB44',
  '#9467BD',
  '#AA3377',
  '#332288',
  '#44AA99',
  '#882255',
  '#999933',
  '#CC6677',
  '#117733',
  '#DDAA33',
  '#0077BB',
  '#EE7733',
  '#009988',
];

const FIXED: Record<ColorBy, Readonly<Record<string, string>>> = {
  segment: SEGMENT_COLORS,
  classification: CLASSIFICATION_COLORS,
  owner: {},
};

const KNOWN_ORDER: Record<ColorBy, readonly string[]> = {
  segment: SEGMENTS,
  classification: CLASSIFICATIONS,
  owner: [],
};

/** The colour of one code of a category. Stable: depends only on the label and its index. */
export function colorOf(colorBy: ColorBy, code: number, label: string): string {
  if (code === 0 || label === '') return EMPTY_COLOR;
  return FIXED[colorBy][label] ?? OTHER_COLORS[(code - 1) % OTHER_COLORS.length];
}

/** Colours indexed by code, for a map expression or a canvas. */
export function colorsByCode(colorBy: ColorBy, labels: readonly string[]): string[] {
  return labels.map((label, code) => colorOf(colorBy, code, label));
}

export interface LegendEntry {
  code: number;
  /** what to print; the empty code gets a readable name */
  label: string;
  color: string;
  count: number;
}

export function emptyLabel(colorBy: ColorBy): string {
  return colorBy === 'owner' ? 'Unassigned' : '(none)';
}

/**
 * Legend rows for the labels that occur (count > 0; all of them when counts are not given):
 * the demo vocabulary in its natural order, other labels by index, owners alphabetically,
 * and the empty code last.
 */
export function legendFor(colorBy: ColorBy, labels: readonly string[], counts?: ArrayLike<number>): LegendEntry[] {
  const rows: LegendEntry[] = [];
  labels.forEach((label, code) => {
    const count = counts?.[code] ?? 0;
    if (counts && !(count > 0)) return;
    rows.push({ code, label: code === 0 ? emptyLabel(colorBy) : label, color: colorOf(colorBy, code, label), count });
  });
  const known = KNOWN_ORDER[colorBy];
  const rank = (e: LegendEntry) => {
    if (e.code === 0) return Number.MAX_SAFE_INTEGER;
    const k = known.indexOf(e.label);
    return k >= 0 ? k : known.length + e.code;
  };
  if (colorBy === 'owner') {
    return rows.sort((a, b) => (a.code === 0 ? 1 : b.code === 0 ? -1 : a.label.localeCompare(b.label)));
  }
  return rows.sort((a, b) => rank(a) - rank(b));
}

/**
 * Dot size by revenue: the dot's *area* grows with revenue (radius ∝ √revenue), because readers
 * compare areas; a linear radius would make a 4× account look 16× bigger. Revenue at or above
 * `maxRevenue` gets `maxPx`, none or empty gets `minPx`. Pick `maxRevenue` robustly (the 95th
 * percentile from the view summary), or one outlier would shrink every other dot to the minimum.
 */
export interface RadiusScale {
  maxRevenue: number;
  minPx: number;
  maxPx: number;
}

export const DEFAULT_RADIUS_PX = { minPx: 3.5, maxPx: 11 } as const;

export function radiusScale(maxRevenue: number, px: { minPx: number; maxPx: number } = DEFAULT_RADIUS_PX): RadiusScale {
  return { maxRevenue: maxRevenue > 0 ? maxRevenue : 1, ...px };
}

export function revenueRadius(revenue: number, s: RadiusScale): number {
  if (!(revenue > 0)) return s.minPx;
  const t = Math.min(1, Math.sqrt(revenue / s.maxRevenue));
  return s.minPx + (s.maxPx - s.minPx) * t;
}

/**
 * Cluster size by account count on a log scale, so a cluster of 10,000 is visibly bigger than one
 * of 100 without covering a state. Pairs of [count, radius px], interpolated on log10(count).
 */
export const CLUSTER_RADIUS_STOPS: readonly (readonly [number, number])[] = [
  [2, 11],
  [10, 13],
  [100, 17],
  [1_000, 21],
  [10_000, 26],
  [100_000, 32],
];

export function clusterRadius(count: number): number {
  const s = CLUSTER_RADIUS_STOPS;
  const l = Math.log10(Math.max(count, s[0][0]));
  for (let i = 1; i < s.length; i++) {
    const a = Math.log10(s[i - 1][0]);
    const b = Math.log10(s[i][0]);
    if (l <= b) return s[i - 1][1] + ((l - a) / (b - a)) * (s[i][1] - s[i - 1][1]);
  }
  return s[s.length - 1][1];
}

/** "987", "1.2k", "45k", "1.3M": short enough to fit inside a cluster dot. */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toString()}k`;
  if (n < 1_000_000) return `${Math.floor(n / 1000)}k`;
  return `${(Math.floor(n / 100_000) / 10).toString()}M`;
}
