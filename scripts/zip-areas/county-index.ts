/**
 * Which county a ZIP centroid belongs to: point-in-polygon over a bounding-box index, and for the
 * few centroids that fall outside every county (on the water side of a simplified coastline) the
 * county whose boundary is nearest.
 */
import Flatbush from 'flatbush';
import { bboxOf, nearestOnBoundary, pointInMultiPoly, type MultiPoly, type Pt } from './geometry';

export interface Located {
  county: number;
  /** true when the centroid is in no county and the nearest one was taken */
  nearest: boolean;
}

export class CountyIndex {
  private readonly index: Flatbush;
  /** county of each indexed part */
  private readonly partCounty: number[] = [];
  private readonly parts: MultiPoly[] = [];

  /** Parts, not whole counties, are indexed: the Aleutians' bbox would otherwise span the globe. */
  constructor(counties: readonly { polys: MultiPoly }[]) {
    counties.forEach((c, i) => {
      for (const poly of c.polys) {
        this.parts.push([poly]);
        this.partCounty.push(i);
      }
    });
    this.index = new Flatbush(this.parts.length);
    for (const part of this.parts) {
      const b = bboxOf(part);
      this.index.add(b.minX, b.minY, b.maxX, b.maxY);
    }
    this.index.finish();
  }

  locate(p: Pt): Located | undefined {
    for (const i of this.index.search(p[0], p[1], p[0], p[1])) {
      if (pointInMultiPoly(p, this.parts[i])) return { county: this.partCounty[i], nearest: false };
    }
    const n = this.nearestPart(p);
    return n === undefined ? undefined : { county: this.partCounty[n], nearest: true };
  }

  /** Grows a search box until it holds a part, then searches once more out to the best distance found. */
  private nearestPart(p: Pt): number | undefined {
    const k = Math.max(Math.cos((p[1] * Math.PI) / 180), 0.01);
    const within = (r: number) => this.index.search(p[0] - r / k, p[1] - r, p[0] + r / k, p[1] + r);
    let r = 0.05;
    let candidates = within(r);
    while (candidates.length === 0 && r < 90) candidates = within((r *= 2));
    if (candidates.length === 0) return undefined;
    const bestOf = (list: number[]) => {
      let best = -1;
      let bestD = Infinity;
      for (const i of list) {
        const d = nearestOnBoundary(p, this.parts[i]).dist2;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      return { best, bestD };
    };
    const first = bestOf(candidates);
    // a part whose bbox is in the first box is not necessarily the nearest one
    return bestOf(within(Math.sqrt(first.bestD) * 1.0001 + 1e-9)).best;
  }
}
