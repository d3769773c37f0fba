import Flatbush from 'flatbush';
import type { UnitLayer } from './unit-layer';
import { distanceToUnitKm, pointInUnit } from './unit-rings';

/**
 * Which unit a point falls in: a Flatbush R-tree over unit bounding boxes narrows a point to the
 * few units whose box holds it, then an exact crossing-number test over the unit's rings decides.
 * Units without geometry are left out of the tree.
 */
export class UnitFinder {
  private readonly tree: Flatbush;
  /** tree item → unit index */
  private readonly unitOf: Uint32Array;
  private hit = -1;
  private lon = 0;
  private lat = 0;
  private readonly test = (i: number): boolean => {
    const u = this.unitOf[i];
    if (!pointInUnit(this.layer.rings, u, this.lon, this.lat)) return false;
    this.hit = u;
    return true;
  };

  constructor(readonly layer: UnitLayer) {
    const located: number[] = [];
    for (let u = 0; u < layer.count; u++) if (!Number.isNaN(layer.bbox[4 * u])) located.push(u);
    this.unitOf = Uint32Array.from(located);
    this.tree = new Flatbush(Math.max(1, located.length));
    for (const u of located) this.tree.add(layer.bbox[4 * u], layer.bbox[4 * u + 1], layer.bbox[4 * u + 2], layer.bbox[4 * u + 3]);
    if (located.length === 0) this.tree.add(NaN, NaN, NaN, NaN);
    this.tree.finish();
  }

  /** The unit containing (lon, lat), or -1. A point on a shared edge goes to one of the two. */
  unitAt(lon: number, lat: number): number {
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) return -1;
    this.hit = -1;
    this.lon = lon;
    this.lat = lat;
    // collides() stops at the first box whose filter says yes, and allocates no result array
    this.tree.collides(lon, lat, lon, lat, this.test);
    return this.hit;
  }

  /**
   * The unit whose edge is nearest to (lon, lat), if within maxKm; -1 otherwise. For points just
   * off a generalised coastline or in a gap between approximate areas. The candidates are the
   * `shortlist` units with the nearest bounding boxes (planar, degrees), ranked by true edge distance.
   */
  nearestUnit(lon: number, lat: number, maxKm: number, shortlist = 8): number {
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) return -1;
    let best = -1;
    let bestKm = maxKm;
    for (const i of this.tree.neighbors(lon, lat, shortlist)) {
      const u = this.unitOf[i];
      const d = distanceToUnitKm(this.layer.rings, u, lon, lat);
      if (d <= bestKm) {
        bestKm = d;
        best = u;
      }
    }
    return best;
  }
}
