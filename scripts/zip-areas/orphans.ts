/**
 * Counties in which no ZIP centroid falls (small independent cities, islands, empty boroughs)
 * would leave holes in the ZIP layer. Each one is handed whole to the ZIP whose centroid is nearest
 * to it, so the layer covers every county.
 */
import { union } from 'polyclip-ts';
import { bboxOf, nearestOnBoundary, type MultiPoly, type Pt } from './geometry';

/** Index of the site nearest to the county's boundary (all sites lie outside an orphan county). */
export function nearestSite(county: MultiPoly, sites: readonly Pt[]): number {
  const b = bboxOf(county);
  // bbox distance (scaled like nearestOnBoundary) is a lower bound, so sites can be tried in its
  // order and the scan stopped once the bound passes the best exact distance
  const order = sites
    .map((p, i) => {
      const k = Math.cos((p[1] * Math.PI) / 180);
      const dx = Math.max(b.minX - p[0], 0, p[0] - b.maxX) * k;
      const dy = Math.max(b.minY - p[1], 0, p[1] - b.maxY);
      return { i, lower: dx * dx + dy * dy };
    })
    .sort((a, c) => a.lower - c.lower);
  let best = -1;
  let bestD = Infinity;
  for (const { i, lower } of order) {
    if (lower > bestD) break;
    const d = nearestOnBoundary(sites[i], county).dist2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/**
 * Adds the county to the ZIP's area. A real union, so a neighbouring county does not show up as a
 * second part touching the first (which would make the ZIP its own neighbour); if polyclip-ts
 * fails, the county is appended as an extra part instead.
 */
export function mergeCounty(cell: MultiPoly, county: MultiPoly): { merged: MultiPoly; fallback: boolean } {
  if (cell.length === 0) return { merged: county, fallback: false };
  try {
    return { merged: union(cell, county), fallback: false };
  } catch {
    return { merged: [...cell, ...county], fallback: true };
  }
}
