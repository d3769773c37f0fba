/**
 * The approximate ZIP areas of one county: Voronoi cells of its ZIP centroids, clipped to the
 * county. Everything here is in the county's own continuous-longitude frame (see antimeridian.ts).
 */
import { Delaunay } from 'd3-delaunay';
import Flatbush from 'flatbush';
import { intersection } from 'polyclip-ts';
import { bboxOf, closeRing, nearestOnBoundary, pointInMultiPoly, type BBox, type MultiPoly, type Pt, type Ring } from './geometry';

export interface CountyCells {
  /** one multipolygon per input site, in input order; empty when nothing of the county is left */
  cells: MultiPoly[];
  /** cells kept unclipped because polyclip-ts threw */
  fallbacks: number;
  /** sites outside the county that were moved onto its boundary before building the diagram */
  snapped: number;
}

const overlaps = (a: BBox, b: BBox) => a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;

/**
 * Bounding boxes of the county's border segments. A cell whose bbox meets none of them lies wholly
 * inside or wholly outside the county, so it needs no (slow, BigNumber-based) polyclip-ts call:
 * that is most cells of a county, and it leaves their Voronoi vertices exactly as computed.
 */
function borderIndex(county: MultiPoly): Flatbush {
  let n = 0;
  for (const poly of county) for (const ring of poly) n += ring.length - 1;
  const index = new Flatbush(Math.max(n, 1));
  for (const poly of county) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1];
        const [bx, by] = ring[i];
        index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      }
    }
  }
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

/**
 * Sites outside the county (coastal centroids assigned to their nearest county) move to the nearest
 * boundary point, so their cell always keeps a piece of the county next to them. Coincident sites
 * are nudged apart (≈ 0.1 m steps), because Delaunay gives a duplicate point no cell at all.
 */
function placeSites(county: MultiPoly, sites: readonly Pt[]): { placed: Pt[]; snapped: number } {
  let snapped = 0;
  const seen = new Set<string>();
  const placed = sites.map((p): Pt => {
    let q = p;
    if (!pointInMultiPoly(p, county)) {
      q = nearestOnBoundary(p, county).point;
      snapped++;
    }
    for (let step = 1; seen.has(`${q[0]},${q[1]}`); step++) q = [q[0] + step * 1e-6, q[1] + step * 1e-6];
    seen.add(`${q[0]},${q[1]}`);
    return q;
  });
  return { placed, snapped };
}

export function countyCells(county: MultiPoly, sites: readonly Pt[]): CountyCells {
  if (sites.length === 0) return { cells: [], fallbacks: 0, snapped: 0 };
  if (sites.length === 1) return { cells: [county], fallbacks: 0, snapped: 0 };

  const { placed, snapped } = placeSites(county, sites);
  const cb = bboxOf(county);
  // Voronoi distances in a locally true-to-scale frame: shrink longitude by cos(mid-latitude), so
  // cell borders sit halfway between centroids on the ground, not halfway in degrees.
  const k = Math.cos((((cb.minY + cb.maxY) / 2) * Math.PI) / 180);
  const pad = 1e-3;
  const bounds = {
    minX: Math.min(cb.minX, ...placed.map((p) => p[0])) - pad,
    minY: Math.min(cb.minY, ...placed.map((p) => p[1])) - pad,
    maxX: Math.max(cb.maxX, ...placed.map((p) => p[0])) + pad,
    maxY: Math.max(cb.maxY, ...placed.map((p) => p[1])) + pad,
  };
  const voronoi = Delaunay.from(placed.map(([x, y]) => [x * k, y] as Pt)).voronoi([bounds.minX * k, bounds.minY, bounds.maxX * k, bounds.maxY]);
  const parts = county.map((poly) => ({ poly, bbox: bboxOf([poly]) }));
  const border = borderIndex(county);

  let fallbacks = 0;
  const cells = placed.map((_, i): MultiPoly => {
    const raw = voronoi.cellPolygon(i);
    if (!raw) return [];
    // every cell sharing a Voronoi vertex divides the same number by the same k: identical coordinates
    const cell: Ring = closeRing(raw.map(([x, y]) => [x / k, y] as Pt));
    const cellBox = bboxOf([[cell]]);
    if (border.search(cellBox.minX, cellBox.minY, cellBox.maxX, cellBox.maxY).length === 0) {
      return pointInMultiPoly(cell[0], county) ? [[cell]] : [];
    }
    const near = parts.filter((p) => overlaps(p.bbox, cellBox)).map((p) => p.poly);
    if (near.length === 0) return [];
    try {
      return intersection([cell], near);
    } catch {
      fallbacks++;
      return [[cell]];
    }
  });
  return { cells, fallbacks, snapped };
}
