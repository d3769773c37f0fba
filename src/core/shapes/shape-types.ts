import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A territory's drawn shape: a polygon the user drew (or converted from units) that claims the
 * accounts inside it for its territory, whatever their units' territory (ownership rule:
 * pin > drawn shape > unit; see docs/DRAWN-SHAPES.md).
 *
 * Geometry is GeoJSON in WGS84 degrees, RFC 7946 winding (exterior counter-clockwise, holes
 * clockwise), rings closed, as repairShape leaves it. Longitudes are continuous along each ring:
 * a shape drawn across the antimeridian keeps going past 180 (e.g. 179 → 181) instead of jumping
 * to -179, so every planar operation (point-in-polygon, clipping, area) works unchanged; the point
 * index also tests a point at lon ± 360 when any shape extends past ±180.
 */
export interface DrawnShape {
  /** stable, never reused within a plan; survives edits, save/load */
  id: string;
  /** the territory (by id) the shape's accounts count for */
  territoryId: string;
  geometry: ShapeGeometry;
}

export type ShapeGeometry = Polygon | MultiPolygon;

/** Outcome of a geometry operation that may fail on bad input: never thrown, always returned. */
export type GeoResult<T> = { ok: true; value: T; notes: string[] } | { ok: false; error: string };

export const ok = <T>(value: T, notes: string[] = []): GeoResult<T> => ({ ok: true, value, notes });
export const fail = <T = never>(error: string): GeoResult<T> => ({ ok: false, error });

/** The polygons of a shape as arrays of rings (Polygon → one). */
export function polygonsOf(g: ShapeGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Polygon when there is one part, MultiPolygon otherwise (what mapbox-gl-draw edits best). */
export function toGeometry(polys: Position[][][]): ShapeGeometry {
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** [west, south, east, north] of a shape, degrees (continuous longitudes, may pass ±180). */
export function shapeBbox(g: ShapeGeometry): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const poly of polygonsOf(g)) {
    for (const p of poly[0] ?? []) {
      if (p[0] < w) w = p[0];
      if (p[0] > e) e = p[0];
      if (p[1] < s) s = p[1];
      if (p[1] > n) n = p[1];
    }
  }
  return [w, s, e, n];
}

/** A deep copy of a shape (geometry arrays included): commands never share arrays with the caller. */
export function cloneShape(s: DrawnShape): DrawnShape {
  return { id: s.id, territoryId: s.territoryId, geometry: cloneGeometry(s.geometry) };
}

export function cloneGeometry(g: ShapeGeometry): ShapeGeometry {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map((p) => [p[0], p[1]])) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map((p) => [p[0], p[1]]))) };
}
