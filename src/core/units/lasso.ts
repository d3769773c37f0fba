/**
 * Lasso selection: the units whose label point (a point inside the unit, see UnitLayer.labelPoint)
 * lies inside a freehand ring drawn on screen. Works in screen pixels, so the caller projects with
 * whatever map it has; the ring need not be closed or simple (even-odd rule, as a canvas fills it).
 */
export function unitsInLasso(
  labelPoint: Float64Array,
  candidates: Iterable<number>,
  project: (lon: number, lat: number) => { x: number; y: number },
  ring: readonly { x: number; y: number }[],
): number[] {
  if (ring.length < 3) return [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  const out: number[] = [];
  for (const u of candidates) {
    const lon = labelPoint[2 * u];
    const lat = labelPoint[2 * u + 1];
    if (!(lon === lon && lat === lat)) continue;
    const { x, y } = project(lon, lat);
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    if (insideRing(x, y, ring)) out.push(u);
  }
  return out.sort((a, b) => a - b);
}

/** Even-odd crossing test; the ring is closed implicitly (last point back to the first). */
export function insideRing(x: number, y: number, ring: readonly { x: number; y: number }[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
