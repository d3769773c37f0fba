/**
 * The Aleutians West census area (02016) has islands on both sides of the 180° meridian. A Voronoi
 * diagram over its raw longitudes would join +179° and -179° the long way round the world, so each
 * county is moved into a frame where its longitudes are continuous, cells are built there, and every
 * output part is moved back into [-180, 180] (the us-atlas convention and RFC 7946).
 */
import { intersection } from 'polyclip-ts';
import { bboxOf, bboxRing, type MultiPoly, type Poly } from './geometry';

/**
 * How many degrees were added to the eastern-hemisphere parts of a county (0 or -360). us-atlas
 * already splits rings at the meridian, so whole parts can be shifted and no ring needs cutting.
 */
export function unwrapShift(polys: MultiPoly): number {
  let hasEast = false;
  let hasWest = false;
  for (const poly of polys) {
    const b = bboxOf([poly]);
    if (b.minX > 0) hasEast = true;
    if (b.maxX < 0) hasWest = true;
  }
  return hasEast && hasWest ? -360 : 0;
}

const shiftPoly = (poly: Poly, dx: number): Poly => poly.map((ring) => ring.map(([x, y]) => [x + dx, y]));

/** Parts lying east of 0° move by `shift` so the county's longitudes are continuous. */
export function unwrapPolys(polys: MultiPoly, shift: number): MultiPoly {
  if (shift === 0) return polys;
  return polys.map((poly) => (bboxOf([poly]).minX > 0 ? shiftPoly(poly, shift) : poly));
}

export function unwrapLon(lon: number, shift: number): number {
  return shift !== 0 && lon > 0 ? lon + shift : lon;
}

/**
 * Back to [-180, 180]: parts wholly west of -180 move by +360; a part straddling -180 (only
 * possible for a fallback cell that was not clipped to the islands) is cut in two.
 */
export function rewrapPolys(polys: MultiPoly): MultiPoly {
  const out: MultiPoly = [];
  for (const poly of polys) {
    const b = bboxOf([poly]);
    if (b.minX >= -180) out.push(poly);
    else if (b.maxX <= -180) out.push(shiftPoly(poly, 360));
    else {
      const west = intersection(poly, [bboxRing({ minX: b.minX - 1, minY: b.minY - 1, maxX: -180, maxY: b.maxY + 1 })]);
      const east = intersection(poly, [bboxRing({ minX: -180, minY: b.minY - 1, maxX: b.maxX + 1, maxY: b.maxY + 1 })]);
      for (const p of west) out.push(shiftPoly(p, 360));
      out.push(...east);
    }
  }
  return out;
}
