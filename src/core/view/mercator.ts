/**
 * Web Mercator in "world units": x and y run from 0 to 1 across the square world that MapLibre
 * draws at zoom 0, y downwards. Screen pixels at zoom z are world units × 512 × 2^z, the same tile
 * size MapLibre uses, so a cell size in pixels means what it says on screen.
 */

/** Mercator is undefined at the poles; MapLibre clamps to the same latitude. */
export const MAX_LAT = 85.051129;
export const TILE_PX = 512;

export function lonToX(lon: number): number {
  return (lon + 180) / 360;
}

export function latToY(lat: number): number {
  const clamped = lat > MAX_LAT ? MAX_LAT : lat < -MAX_LAT ? -MAX_LAT : lat;
  const s = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
}

export function xToLon(x: number): number {
  return x * 360 - 180;
}

export function yToLat(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp((1 - 2 * y) * Math.PI)) - 90;
}

/** Longitude folded into [-180, 180), for output that must not depend on which world copy was asked for. */
export function wrapLon(lon: number): number {
  const w = ((((lon + 180) % 360) + 360) % 360) - 180;
  return w === -180 && lon > 0 ? 180 : w;
}

/** A bbox in world units; `shift` (0 or 1) is added to x of the points found so a view across the antimeridian stays continuous. */
export interface WorldRange {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  shift: number;
}

/**
 * Turns a lon/lat bbox [west, south, east, north] into one or two ranges of world x.
 * Accepts both ways of writing a view across the antimeridian: west > east (170, …, -170) and
 * unwrapped longitudes from map.getBounds() (170, …, 190). A view 360° or wider is the whole world.
 */
export function bboxToRanges(bbox: readonly [number, number, number, number]): WorldRange[] {
  const [w, s, e, n] = bbox;
  const minY = latToY(Math.max(s, n));
  const maxY = latToY(Math.min(s, n));
  let width = e - w;
  if (width < 0) width += 360;
  if (!(width < 360)) return [{ minX: 0, minY, maxX: 1, maxY, shift: 0 }];
  const west = wrapLon(w);
  const east = west + width;
  if (east <= 180) return [{ minX: lonToX(west), minY, maxX: lonToX(east), maxY, shift: 0 }];
  // The part east of the antimeridian continues the view to the right: x beyond 1.
  return [
    { minX: lonToX(west), minY, maxX: 1, maxY, shift: 0 },
    { minX: 0, minY, maxX: lonToX(east - 360), maxY, shift: 1 },
  ];
}
