import type { Topology } from 'topojson-specification';
import { polylineAreaTerm, polylineLengthKm } from './sphere';

/**
 * Every arc of a topology decoded once into absolute [lon, lat] degrees: arc i is points
 * start[i] .. start[i + 1] (exclusive) of `coords` (interleaved lon, lat). Quantised topologies
 * (with a `transform`) are delta-decoded here, so nothing downstream needs to know about quantisation.
 */
export interface DecodedArcs {
  count: number;
  coords: Float64Array;
  start: Uint32Array;
  /** great-circle length of each arc, km */
  lengthKm: Float64Array;
  /** spherical area term of each arc (see polylineAreaTerm), steradians; a reversed arc contributes minus this */
  areaTerm: Float64Array;
}

export function decodeArcs(topology: Topology): DecodedArcs {
  const arcs = topology.arcs;
  const count = arcs.length;
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) start[i + 1] = start[i] + arcs[i].length;
  const coords = new Float64Array(start[count] * 2);
  const t = topology.transform;
  let p = 0;
  for (const arc of arcs) {
    if (t) {
      const [sx, sy] = t.scale;
      const [tx, ty] = t.translate;
      let x = 0;
      let y = 0;
      for (const q of arc) {
        x += q[0];
        y += q[1];
        coords[p++] = x * sx + tx;
        coords[p++] = y * sy + ty;
      }
    } else {
      for (const q of arc) {
        coords[p++] = q[0];
        coords[p++] = q[1];
      }
    }
  }
  const lengthKm = new Float64Array(count);
  const areaTerm = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lengthKm[i] = polylineLengthKm(coords, start[i], start[i + 1]);
    areaTerm[i] = polylineAreaTerm(coords, start[i], start[i + 1]);
  }
  return { count, coords, start, lengthKm, areaTerm };
}

/** TopoJSON arc reference → arc index: a negative reference ~i means arc i walked backwards. */
export const arcIndex = (ref: number): number => (ref < 0 ? ~ref : ref);
