/** robust-predicates (a dependency of turf's point-in-polygon-hao) ships no types; the one function used here. */
declare module 'robust-predicates' {
  /** Exact sign of the orientation determinant (ay − cy)(bx − cx) − (ax − cx)(by − cy); 0 = collinear. */
  export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number;
}
