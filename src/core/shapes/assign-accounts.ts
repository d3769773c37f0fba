import { PolygonPointIndex } from './point-index';
import { polygonsOf, type ShapeGeometry } from './shape-types';

/**
 * Accounts → drawn shapes, the job a Web Worker runs (everything in and out is transferable or
 * structured-cloneable: two Float64Arrays and plain GeoJSON in, one Int32Array out):
 *
 *   const shapeOfAccount = assignAccountsToShapes(table.lon, table.lat, plan.shapes.map((s) => s.geometry));
 *
 * Result: account row → index into `shapes` (plan order), -1 = in no shape. Where shapes overlap
 * the first in order wins; a point on a shape's edge is inside it (turf's rule). Accounts without
 * coordinates are in no shape. 1,000,000 accounts against 500 territory outlines: ~0.3 s in Node.
 */
export function assignAccountsToShapes(lon: Float64Array, lat: Float64Array, shapes: readonly ShapeGeometry[]): Int32Array {
  if (lon.length !== lat.length) throw new Error('lon and lat differ in length');
  const out = new Int32Array(lon.length).fill(-1);
  if (shapes.length === 0) return out;
  return new PolygonPointIndex(shapes.map(polygonsOf)).locateAll(lon, lat, out);
}

/**
 * Shape indexes → territory indexes of the plan (the `shapeOwner` of territory-of-account and
 * of TerritoryStats): account row → territory index, -1 = in no shape (or a shape of a territory
 * that no longer exists).
 */
export function territoriesOfShapes(shapeOfAccount: Int32Array, shapes: readonly { territoryId: string }[], territories: readonly { id: string }[]): Int32Array {
  const tIndex = new Map(territories.map((t, i) => [t.id, i]));
  const tOfShape = Int32Array.from(shapes, (s) => tIndex.get(s.territoryId) ?? -1);
  const out = new Int32Array(shapeOfAccount.length);
  for (let a = 0; a < out.length; a++) {
    const s = shapeOfAccount[a];
    out[a] = s >= 0 && s < tOfShape.length ? tOfShape[s] : -1;
  }
  return out;
}
