import type { Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { fail, ok, type GeoResult } from './shape-types';

/**
 * Polygon clipping (polyclip-ts, the BigNumber port of polygon-clipping) behind a guard: the
 * library throws on some degenerate inputs ("Unable to complete output ring", infinite-loop
 * guards), and a drawing tool must never crash on a user's scribble. Every operation returns a
 * GeoResult; on failure the message says which operation failed and why.
 *
 * Inputs and outputs are polygons as arrays of rings (MultiPolygon coordinates). Output winding is
 * polygon-clipping's: exterior counter-clockwise, holes clockwise (RFC 7946).
 */
export type Polys = Position[][][];

type Op = 'union' | 'intersection' | 'difference';

function run(op: Op, a: Polys, rest: Polys[]): GeoResult<Polys> {
  try {
    const geoms = [a, ...rest].map((g) => g as unknown as polyclip.Geom);
    const out = polyclip[op](geoms[0], ...geoms.slice(1)) as unknown as Polys;
    return ok(out);
  } catch (e) {
    return fail(`Polygon ${op} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Everything covered by any of the inputs. One input: the input made valid (self-intersections resolved). */
export const clipUnion = (a: Polys, ...rest: Polys[]): GeoResult<Polys> => run('union', a, rest);
export const clipIntersection = (a: Polys, ...rest: Polys[]): GeoResult<Polys> => run('intersection', a, rest);
/** a minus everything in rest */
export const clipDifference = (a: Polys, ...rest: Polys[]): GeoResult<Polys> => run('difference', a, rest);
