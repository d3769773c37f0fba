import type { Position } from 'geojson';
import { ringAreaKm2 } from '../units/sphere';
import { polygonsOf, type ShapeGeometry } from './shape-types';

/** Spherical area in km² of polygons given as rings (exterior minus holes), units/sphere.ts rule. */
export function polygonsAreaKm2(polys: Position[][][]): number {
  let a = 0;
  for (const poly of polys) {
    if (poly.length === 0) continue;
    a += ringAreaKm2(poly[0]);
    for (let i = 1; i < poly.length; i++) a -= ringAreaKm2(poly[i]);
  }
  return a;
}

export const shapeAreaKm2 = (g: ShapeGeometry): number => polygonsAreaKm2(polygonsOf(g));

/** Shoelace ×2 of a ring in degrees, counter-clockwise positive. */
export function signedArea2(ring: Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return a;
}
