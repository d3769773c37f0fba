import type { MultiPolygon } from 'geojson';
import { merge } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import type { UnitLayer } from './unit-layer';

/**
 * Territory outlines by merging units along their shared arcs (topojson-client `merge`): an arc
 * used by two units of the same territory is dropped, the remaining arcs are stitched into rings.
 * No polygon clipping is involved, so it is exact with respect to the layer, linear in the number
 * of arcs, and the outlines of neighbouring territories share their vertices exactly (no slivers,
 * no gaps on the map).
 *
 * Rings come out as the layer stores them; RFC 7946 winding for export is the exporter's job.
 */

/**
 * One MultiPolygon per territory (index t of `territoryCount`), from `assignment` (unit → territory
 * index, -1 = unassigned). A territory without units gets an empty MultiPolygon.
 */
export function territoryOutlines(layer: UnitLayer, assignment: Int32Array, territoryCount: number): MultiPolygon[] {
  const groups: GeometryObject[][] = Array.from({ length: territoryCount }, () => []);
  for (let u = 0; u < layer.count; u++) {
    const t = assignment[u];
    if (t >= 0 && t < territoryCount) groups[t].push(layer.geometries[u]);
  }
  return groups.map((g) => outlineOf(layer, g));
}

/** The outline of any set of units (a selection, one territory after an edit). */
export function unitsOutline(layer: UnitLayer, units: ArrayLike<number>): MultiPolygon {
  const g: GeometryObject[] = [];
  for (let i = 0; i < units.length; i++) g.push(layer.geometries[units[i]]);
  return outlineOf(layer, g);
}

function outlineOf(layer: UnitLayer, geometries: GeometryObject[]): MultiPolygon {
  if (geometries.length === 0) return { type: 'MultiPolygon', coordinates: [] };
  // topojson-client's types want Polygon | MultiPolygon objects; null geometries are ignored by merge
  return merge(layer.topology, geometries as Parameters<typeof merge>[1]);
}
