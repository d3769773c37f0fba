/**
 * Plain planar helpers for the ZIP-area build. Coordinates are [lon, lat] degrees; distances are
 * measured after shrinking longitude by cos(latitude) so "nearest" means nearest on the ground,
 * which is close enough at county scale.
 */
export type Pt = [number, number];
export type Ring = Pt[];
export type Poly = Ring[];
export type MultiPoly = Poly[];

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function bboxOf(polys: MultiPoly): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polys) {
    // holes lie inside their exterior ring, so the exterior alone bounds the polygon
    for (const [x, y] of poly[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { minX, minY, maxX, maxY };
}

/** Signed shoelace area in degrees² (positive = counter-clockwise); only ever compared or summed. */
export function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

/** Area of a multipolygon in degrees², holes subtracted whatever their winding. */
export function multiPolyArea(polys: MultiPoly): number {
  let total = 0;
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** Even-odd rule over every ring, so holes and multiple parts need no special casing. */
export function pointInMultiPoly(p: Pt, polys: MultiPoly): boolean {
  const [x, y] = p;
  let inside = false;
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/** Nearest point of segment ab to p, in the frame where x is already scaled. */
function closestOnSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): [number, number, number] {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  return [cx, cy, (px - cx) ** 2 + (py - cy) ** 2];
}

/**
 * Nearest point on the boundary of `polys` to `p` and its squared ground-scaled distance (degrees of
 * latitude squared). Used for centroids that fall just outside every county (on the coast).
 */
export function nearestOnBoundary(p: Pt, polys: MultiPoly): { point: Pt; dist2: number } {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const px = p[0] * k;
  let best: Pt = p;
  let bestD = Infinity;
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const [cx, cy, d] = closestOnSegment(px, p[1], ring[i - 1][0] * k, ring[i - 1][1], ring[i][0] * k, ring[i][1]);
        if (d < bestD) {
          bestD = d;
          best = [cx / k, cy];
        }
      }
    }
  }
  return { point: best, dist2: bestD };
}

/** Closes the ring if needed; polyclip-ts and GeoJSON both expect first === last. */
export function closeRing(ring: Ring): Ring {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, [a[0], a[1]]];
}

export function bboxRing(b: BBox): Ring {
  return [
    [b.minX, b.minY],
    [b.maxX, b.minY],
    [b.maxX, b.maxY],
    [b.minX, b.maxY],
    [b.minX, b.minY],
  ];
}

/**
 * RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. MapLibre tells holes from
 * new parts by winding, so holes must at least oppose their exterior; this makes it uniform too.
 */
export function rewind(polys: MultiPoly): MultiPoly {
  return polys.map((poly) =>
    poly.map((ring, i) => {
      const ccw = ringArea(ring) > 0;
      return ccw === (i === 0) ? ring : [...ring].reverse();
    }),
  );
}

const same = (a: Pt, b: Pt) => a[0] === b[0] && a[1] === b[1];

/**
 * Removes repeated points and spikes (A → B → A, an edge walked out and back, which clipping can
 * leave where a ring touches itself); a ring left with fewer than three corners is dropped, and a
 * polygon whose exterior is dropped goes with it. A spike would otherwise become an arc that one
 * unit uses in both directions.
 */
export function cleanPolys(polys: MultiPoly): MultiPoly {
  const out: MultiPoly = [];
  for (const poly of polys) {
    const exterior = cleanRing(poly[0]);
    if (!exterior) continue;
    const holes = poly.slice(1).map(cleanRing).filter((r): r is Ring => r !== undefined);
    out.push([exterior, ...holes]);
  }
  return out;
}

function cleanRing(ring: Ring): Ring | undefined {
  const s: Pt[] = [];
  const open = same(ring[0], ring[ring.length - 1]) ? ring.slice(0, -1) : ring;
  for (const p of open) {
    if (s.length > 0 && same(s[s.length - 1], p)) continue;
    if (s.length > 1 && same(s[s.length - 2], p)) {
      s.pop();
      continue;
    }
    s.push(p);
  }
  // the same checks across the seam where the ring closes
  for (let changed = true; changed && s.length > 0; ) {
    changed = false;
    const n = s.length;
    if (n > 1 && same(s[0], s[n - 1])) s.pop();
    else if (n > 2 && same(s[n - 2], s[0])) s.pop();
    else if (n > 2 && same(s[n - 1], s[1])) s.shift();
    else continue;
    changed = true;
  }
  return s.length >= 3 ? [...s, [s[0][0], s[0][1]]] : undefined;
}
