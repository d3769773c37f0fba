import type { Position } from 'geojson';
import Flatbush from 'flatbush';
import type { UnitLayer } from '../units/unit-layer';
import { polygonsAreaKm2 } from './area';
import { clipIntersection } from './clip';
import { fail, ok, polygonsOf, shapeBbox, type GeoResult, type ShapeGeometry } from './shape-types';

/**
 * Flatbush over the layer's unit boxes: the prefilter for "which units does this shape touch".
 * Build once per layer (a value to pass around, never a global).
 */
export class UnitBoxIndex {
  private readonly tree: Flatbush;
  private readonly unitOf: Int32Array;
  constructor(readonly layer: UnitLayer) {
    const located: number[] = [];
    for (let u = 0; u < layer.count; u++) if (!Number.isNaN(layer.bbox[4 * u])) located.push(u);
    this.unitOf = Int32Array.from(located);
    this.tree = new Flatbush(Math.max(1, located.length));
    for (const u of located) this.tree.add(layer.bbox[4 * u], layer.bbox[4 * u + 1], layer.bbox[4 * u + 2], layer.bbox[4 * u + 3]);
    if (located.length === 0) this.tree.add(0, 0, 0, 0);
    this.tree.finish();
  }

  /** Units whose box meets [w, s, e, n] (also searched 360° over when the box passes ±180). */
  search(w: number, s: number, e: number, n: number): number[] {
    const out = new Set<number>();
    const q = (a: number, b: number) => {
      if (this.unitOf.length > 0) for (const i of this.tree.search(a, s, b, n)) out.add(this.unitOf[i]);
    };
    q(w, e);
    if (e > 180) q(w - 360, e - 360);
    if (w < -180) q(w + 360, e + 360);
    return [...out].sort((a, b) => a - b);
  }
}

/** Unit u's polygons as GeoJSON-style rings, from the layer's flattened rings. */
export function unitPolygons(layer: UnitLayer, u: number): Position[][][] {
  const { coords, ringStart, polyStart, unitPolyStart } = layer.rings;
  const polys: Position[][][] = [];
  for (let p = unitPolyStart[u]; p < unitPolyStart[u + 1]; p++) {
    const rings: Position[][] = [];
    for (let r = polyStart[p]; r < polyStart[p + 1]; r++) {
      const ring: Position[] = [];
      for (let i = ringStart[r]; i < ringStart[r + 1]; i++) ring.push([coords[2 * i], coords[2 * i + 1]]);
      if (ring.length >= 4) rings.push(ring);
    }
    if (rings.length > 0) polys.push(rings);
  }
  return polys;
}

export interface UnitsInShape {
  /** unit indexes whose area lies more than minShare inside the shape, ascending */
  units: number[];
  /** every unit the shape touches with its share inside (0..1), for a preview */
  shares: { unit: number; share: number }[];
  /** units whose intersection could not be computed (left out) */
  failed: number;
}

/**
 * Converts a drawn shape into units: the units whose area lies mostly inside it (share > minShare,
 * default 0.5). Candidates come from the box index; each is intersected with the shape
 * (polyclip-ts) and the spherical area of the intersection compared with the unit's area. Paint
 * the result with `edit.paint(result.units, territoryId)`. Runs in a worker for big shapes (a
 * state-sized shape over ZIP areas: about a thousand intersections).
 */
export function unitsInShape(layer: UnitLayer, geometry: ShapeGeometry, opts: { minShare?: number; index?: UnitBoxIndex } = {}): GeoResult<UnitsInShape> {
  const minShare = opts.minShare ?? 0.5;
  const index = opts.index ?? new UnitBoxIndex(layer);
  const shape = polygonsOf(geometry);
  const [w, s, e, n] = shapeBbox(geometry);
  if (!(w <= e)) return fail('The shape is empty');
  const units: number[] = [];
  const shares: { unit: number; share: number }[] = [];
  let failed = 0;
  for (const u of index.search(w, s, e, n)) {
    if (!(layer.areaKm2[u] > 0)) continue;
    let polys = unitPolygons(layer, u);
    // a unit found 360° over is moved next to the shape
    const ub = layer.bbox;
    if (ub[4 * u + 2] < w) polys = shift(polys, 360);
    else if (ub[4 * u] > e) polys = shift(polys, -360);
    const x = clipIntersection(polys, shape);
    if (!x.ok) {
      failed++;
      continue;
    }
    const share = Math.min(1, polygonsAreaKm2(x.value) / layer.areaKm2[u]);
    if (share <= 0) continue;
    shares.push({ unit: u, share });
    if (share > minShare) units.push(u);
  }
  return ok({ units, shares, failed }, failed > 0 ? [`${failed} unit${failed === 1 ? '' : 's'} could not be intersected with the shape and ${failed === 1 ? 'was' : 'were'} left out`] : []);
}

const shift = (polys: Position[][][], dx: number): Position[][][] => polys.map((p) => p.map((r) => r.map((q) => [q[0] + dx, q[1]])));
