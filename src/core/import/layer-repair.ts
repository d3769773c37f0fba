import Flatbush from 'flatbush';
import type { Geometry } from 'geojson';
import { kinks, unkinkPolygon } from '@turf/turf';
import { union, type Geom } from 'polyclip-ts';
import type { GeometryProblem, LayerIssueKind, RepairedGeometry } from './layer-types';

/**
 * One feature's geometry → a clean Polygon / MultiPolygon (RFC 7946 winding), or null with the
 * reason. Repaired where the repair cannot change what the shape means; rejected otherwise:
 *
 *   null / empty geometry ........ rejected
 *   point, line .................. rejected (a GeometryCollection keeps its polygons)
 *   NaN / non-numeric coordinate . rejected (where the vertex should be is unknown)
 *   outside ±180 / ±90 ........... rejected (projected coordinates; layer-import decides the file)
 *   unclosed ring ................ closed
 *   ring of < 4 positions ........ left out (a hole), or the polygon left out (an exterior)
 *   ring with no area ............ the same
 *   wrong winding ................ rewound (exterior counter-clockwise, holes clockwise)
 *   self-intersection ............ rebuilt by polyclip-ts union when that keeps the area, else rejected
 *   self-touch, loops wound alike  kept as it is (its area is right and nothing overlaps)
 *   overlapping MultiPolygon parts merged by union (parts that only touch are kept)
 *
 * Not detected: a hole lying wholly outside its exterior, or one part wholly inside another
 * (no segments cross), and rings across the antimeridian (RFC 7946 wants them split).
 *
 * Self-intersections are found with turf `kinks` (segment crossings), not booleanValid, which
 * passes a bow-tie. kinks compares every segment with every other, O(n²): far too slow for a
 * 10,000-vertex ZIP area, so a Flatbush index over segment boxes picks the pairs first and kinks
 * checks only those. Boolean operations are guarded: they throw on degenerate input.
 */

type Pos = [number, number];
type Ring = Pos[];
type Poly = Ring[];

export interface RepairOptions {
  /** report clockwise exteriors (GeoJSON, where RFC 7946 says otherwise); other formats wind freely */
  reportWinding?: boolean;
}

/** Relative area change a self-intersection repair may make (overlapping loops counted twice vs once). */
export const SAFE_AREA_CHANGE = 0.01;

class Rejected {
  constructor(
    readonly kind: LayerIssueKind,
    readonly message: string,
  ) {}
}

export function repairGeometry(g: Geometry | null | undefined, opts: RepairOptions = {}): RepairedGeometry {
  const problems: GeometryProblem[] = [];
  const note = (kind: LayerIssueKind, message: string) => problems.push({ kind, message, severity: 'repaired' });
  try {
    const polys = repair(g, note, opts);
    const geometry = polys.length === 1 ? { type: 'Polygon' as const, coordinates: polys[0] } : { type: 'MultiPolygon' as const, coordinates: polys };
    return { geometry, problems };
  } catch (e) {
    if (!(e instanceof Rejected)) throw e;
    // what was repaired before the feature was given up on no longer matters
    return { geometry: null, problems: [{ kind: e.kind, message: e.message, severity: 'rejected' }] };
  }
}

function repair(g: Geometry | null | undefined, note: (k: LayerIssueKind, m: string) => void, opts: RepairOptions): Poly[] {
  if (g === null || g === undefined) throw new Rejected('empty-geometry', 'No geometry (null).');
  const found = polygonsIn(g);
  if (found.polys.length === 0) {
    if (found.other.length === 0) throw new Rejected('empty-geometry', 'Empty geometry: it has no coordinates.');
    const what = g.type === 'GeometryCollection' ? `A GeometryCollection of ${listTypes(found.other)}` : `A ${g.type}`;
    throw new Rejected('not-polygon', `${what}, not a polygon: only areas can be units.`);
  }
  if (found.other.length > 0) note('not-polygon', `Left out the ${listTypes(found.other)} in the GeometryCollection; kept its polygons.`);

  let polys = readNumbers(found.polys);
  checkRange(polys);
  polys = fixRings(polys, note);

  const k = findKinks(polys);
  let wrongWinding = false;
  const out: Poly[] = [];
  const keep = (poly: Poly) => {
    wrongWinding ||= poly.some((r, i) => ringArea(r) < 0 === (i === 0));
    out.push(rewind(poly));
  };
  polys.forEach((poly, p) => {
    if (k.selfPoints[p].length === 0) return keep(poly);
    const fixed = repairSelfIntersection(poly, k.ringKinked[p]);
    const where = `${count(k.selfPoints[p].length, 'point')} (near ${fmt(k.selfPoints[p][0])})`;
    if (typeof fixed === 'string') throw new Rejected('self-intersection', `The outline crosses itself at ${where} and cannot be repaired safely: ${fixed}.`);
    const { pieces, expected } = fixed;
    // A ring that only touches itself at vertices, with its loops wound the same way (two lobes
    // pinched at a point, a hole meeting the exterior at one point, the spikes quantized data has
    // at tri-points) already has the right area and nothing overlaps: it stays as it is. Union
    // would take away its zero-width spikes, and with them borders its neighbours share.
    if (!k.crosses[p] && Math.abs(polyArea(poly) - expected) <= 1e-9 * expected) return keep(poly);
    if (sameShape(poly, pieces)) return keep(poly);
    const partLabel = polys.length > 1 ? `Part ${p + 1}'s outline` : 'The outline';
    note('self-intersection', `${partLabel} crosses itself at ${where}: rebuilt as ${count(pieces.length, 'polygon')} with the same area.`);
    out.push(...pieces);
  });
  if (wrongWinding && opts.reportWinding) {
    note('wrong-winding', 'Rings were wound the wrong way (RFC 7946: exteriors counter-clockwise, holes clockwise): rewound them.');
  }
  return k.partsCross ? mergeParts(out, note) : out;
}

/** Polygon coordinate arrays in the geometry, and the types of anything else it holds. */
function polygonsIn(g: Geometry): { polys: unknown[]; other: string[] } {
  const polys: unknown[] = [];
  const other: string[] = [];
  const visit = (x: Geometry) => {
    const c = (x as { coordinates?: unknown }).coordinates;
    if (x.type === 'Polygon') {
      if (Array.isArray(c) && c.length > 0) polys.push(c);
    } else if (x.type === 'MultiPolygon') {
      if (Array.isArray(c)) for (const p of c) if (!Array.isArray(p) || p.length > 0) polys.push(p);
    } else if (x.type === 'GeometryCollection') {
      for (const m of Array.isArray(x.geometries) ? x.geometries : []) if (m) visit(m);
    } else if (Array.isArray(c) && c.length > 0) {
      other.push(String(x.type));
    } else if (!['Point', 'MultiPoint', 'LineString', 'MultiLineString'].includes(x.type)) {
      other.push(String(x.type));
    }
  };
  visit(g);
  return { polys, other };
}

/** Checks every position is two finite numbers; drops z and m. */
function readNumbers(raw: unknown[]): Poly[] {
  return raw.map((p, pi) => {
    if (!Array.isArray(p)) throw new Rejected('bad-coordinate', `Malformed polygon ${pi + 1}: not a list of rings.`);
    return p.map((r, ri) => {
      if (!Array.isArray(r)) throw new Rejected('bad-coordinate', `Malformed ${ringLabel(pi, ri, raw.length)}: not a list of positions.`);
      return r.map((pos, k) => {
        const x = Array.isArray(pos) ? pos[0] : undefined;
        const y = Array.isArray(pos) ? pos[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          const shown = Array.isArray(pos) ? `[${pos.map(showValue).join(', ')}]` : showValue(pos);
          throw new Rejected('bad-coordinate', `A coordinate is not a number: ${ringLabel(pi, ri, raw.length)}, position ${k + 1} is ${shown}.`);
        }
        return [x, y] as Pos;
      });
    });
  });
}

function checkRange(polys: Poly[]): void {
  for (const poly of polys) {
    for (const ring of poly) {
      for (const [x, y] of ring) {
        if (Math.abs(x) > 180 || Math.abs(y) > 90) {
          throw new Rejected(
            'not-wgs84',
            `Coordinates outside the longitude/latitude range (such as ${fmt([x, y])}): these look like projected coordinates (metres or feet), not WGS84 degrees.`,
          );
        }
      }
    }
  }
}

/** Drops repeated positions, closes rings, leaves out rings that enclose nothing. */
function fixRings(polys: Poly[], note: (k: LayerIssueKind, m: string) => void): Poly[] {
  let unclosed = 0;
  const dropped: { kind: LayerIssueKind; message: string }[] = [];
  const out: Poly[] = [];
  polys.forEach((poly, pi) => {
    const kept: Ring[] = [];
    for (let ri = 0; ri < poly.length; ri++) {
      // a repeated position is a zero-length segment: harmless, but kinks would call it a crossing
      const ring = poly[ri].filter((q, i, a) => i === 0 || q[0] !== a[i - 1][0] || q[1] !== a[i - 1][1]);
      const open = ring.length > 0 && !same(ring[0], ring[ring.length - 1]);
      if (open) ring.push(ring[0]);
      const label = cap(ringLabel(pi, ri, polys.length));
      const problem: { kind: LayerIssueKind; message: string } | null =
        ring.length < 4
          ? { kind: 'short-ring', message: `${label} has ${count(new Set(ring.map((q) => `${q[0]},${q[1]}`)).size, 'distinct position')} (a ring needs at least 3, plus the closing one)` }
          : onOneLine(ring)
            ? { kind: 'zero-area-ring', message: `${label} has no area (its positions are on one line)` }
            : null;
      if (problem === null) {
        kept.push(ring);
        if (open) unclosed++; // a ring that is left out anyway needs no word about its closing
        continue;
      }
      dropped.push(problem);
      // without its exterior, the polygon's holes are holes in nothing: the polygon goes
      if (ri === 0) return;
    }
    out.push(kept);
  });
  if (out.length === 0) {
    const d = dropped[0] ?? { kind: 'short-ring' as const, message: 'No ring' };
    throw new Rejected(d.kind, `${dropped.map((x) => x.message).join('; ') || d.message}: nothing with an area is left.`);
  }
  if (unclosed > 0) note('unclosed-ring', `${count(unclosed, 'ring')} did not end where ${unclosed === 1 ? 'it' : 'they'} started: closed ${unclosed === 1 ? 'it' : 'them'}.`);
  for (const d of dropped) note(d.kind, `${d.message}: left it out.`);
  return out;
}

interface Kinks {
  /** crossing points inside each polygon (its own rings, holes against exterior) */
  selfPoints: Pos[][];
  /** per polygon, per ring: the ring crosses or touches itself */
  ringKinked: boolean[][];
  /** per polygon: some of its segments properly cross (not just touch at a vertex) */
  crosses: boolean[];
  /** two polygons' rings cross or touch */
  partsCross: boolean;
}

/**
 * turf `kinks` on the segment pairs whose boxes meet. Neighbouring segments of a ring share a
 * vertex and are skipped, as kinks itself skips them; everything else that meets is a kink,
 * touching included (as kinks counts it).
 */
function findKinks(polys: Poly[]): Kinks {
  const segs: { p: number; r: number; i: number; n: number; a: Pos; b: Pos }[] = [];
  polys.forEach((poly, p) => poly.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) segs.push({ p, r, i, n: ring.length - 1, a: ring[i], b: ring[i + 1] });
  }));
  const res: Kinks = { selfPoints: polys.map(() => []), ringKinked: polys.map((poly) => poly.map(() => false)), crosses: polys.map(() => false), partsCross: false };
  const index = new Flatbush(segs.length);
  for (const s of segs) index.add(Math.min(s.a[0], s.b[0]), Math.min(s.a[1], s.b[1]), Math.max(s.a[0], s.b[0]), Math.max(s.a[1], s.b[1]));
  index.finish();
  segs.forEach((s, si) => {
    for (const ti of index.search(Math.min(s.a[0], s.b[0]), Math.min(s.a[1], s.b[1]), Math.max(s.a[0], s.b[0]), Math.max(s.a[1], s.b[1]))) {
      if (ti <= si) continue;
      const t = segs[ti];
      const sameRing = s.p === t.p && s.r === t.r;
      if (sameRing && (Math.abs(s.i - t.i) === 1 || (Math.min(s.i, t.i) === 0 && Math.max(s.i, t.i) === s.n - 1))) continue;
      if (s.p !== t.p && res.partsCross) continue;
      const hit = kinks({ type: 'MultiLineString', coordinates: [[s.a, s.b], [t.a, t.b]] }).features[0];
      if (!hit) continue;
      if (s.p !== t.p) res.partsCross = true;
      else {
        const q = hit.geometry.coordinates as Pos;
        if (!res.selfPoints[s.p].some((o) => same(o, q))) res.selfPoints[s.p].push(q);
        if (sameRing) res.ringKinked[s.p][s.r] = true;
        if (properlyCross(s.a, s.b, t.a, t.b)) res.crosses[s.p] = true;
      }
    }
  });
  return res;
}

/**
 * A polygon whose rings cross: polyclip-ts union of the polygon with itself splits it where it
 * crosses (a bow-tie becomes two triangles). Safe when the result has the area the shape had
 * when each ring is cut into simple loops at its crossings (turf unkinkPolygon): then no lobe
 * was lost or swallowed. Loops that overlap each other or cancel out would change the area,
 * and the intended shape is anyone's guess: that is refused. Returns the pieces, or why not.
 */
function repairSelfIntersection(poly: Poly, ringKinked: boolean[]): { pieces: Poly[]; expected: number } | string {
  let expected: number;
  let loops: Ring[][];
  try {
    loops = poly.map((ring, i) =>
      ringKinked[i]
        ? splitAtRepeats(ring).flatMap((l) => unkinkPolygon({ type: 'Polygon', coordinates: [l] }).features.map((f) => f.geometry.coordinates[0] as Ring))
        : [ring],
    );
    expected = loops.reduce((s, ls, i) => s + (i === 0 ? 1 : -1) * ls.reduce((t, l) => t + Math.abs(ringArea(l)), 0), 0);
  } catch {
    return 'its loops cannot be told apart';
  }
  if (!(expected > 0)) return 'its holes are as large as its outline';
  let failure = 'the polygon operation failed on it';
  // first the polygon as it is; when union throws on that (degenerate for its sweep line) and the
  // polygon has no holes, the simple loops unkinkPolygon cut it into
  const attempts: Geom[][] = [[poly as Geom]];
  if (poly.length === 1) attempts.push(loops[0].map((l) => [l] as Geom));
  for (const geoms of attempts) {
    try {
      const u = union(geoms[0], ...geoms.slice(1)) as Poly[];
      const area = u.reduce((s, p) => s + polyArea(p), 0);
      const change = Math.abs(area - expected) / expected;
      if (u.length > 0 && change <= SAFE_AREA_CHANGE) return { pieces: u.map(rewind), expected };
      failure = u.length === 0 ? 'nothing would be left of it' : `that would change its area by ${Math.round(change * 100)}% (parts of it overlap or cancel each other out)`;
    } catch {
      /* try the next way, else refuse */
    }
  }
  return failure;
}

/**
 * A ring that passes through the same vertex twice (two lobes pinched at a point) as its simple
 * loops: unkinkPolygon refuses repeated vertices, and the loops are what it would return anyway.
 */
function splitAtRepeats(ring: Ring): Ring[] {
  const loops: Ring[] = [];
  const stack: Pos[] = [];
  const at = new Map<string, number>();
  const key = (q: Pos) => `${q[0]},${q[1]}`;
  for (const q of ring.slice(0, -1)) {
    const j = at.get(key(q));
    if (j !== undefined) {
      const loop = stack.splice(j);
      for (const x of loop) at.delete(key(x));
      loops.push([...loop, loop[0]]);
    }
    at.set(key(q), stack.length);
    stack.push(q);
  }
  loops.push([...stack, stack[0]]);
  return loops.filter((l) => l.length >= 4);
}

/** Parts of a MultiPolygon that cross: merged by union when they overlap, kept when they only touch. */
function mergeParts(polys: Poly[], note: (k: LayerIssueKind, m: string) => void): Poly[] {
  let u: Poly[];
  try {
    u = union(polys[0] as Geom, ...(polys.slice(1) as Geom[])) as Poly[];
  } catch {
    throw new Rejected('overlapping-parts', 'Its parts cross each other and cannot be merged safely.');
  }
  const before = polys.reduce((s, p) => s + polyArea(p), 0);
  const after = u.reduce((s, p) => s + polyArea(p), 0);
  if (u.length === 0) throw new Rejected('overlapping-parts', 'Its parts cross each other and merging them leaves nothing.');
  // parts that only touch along an edge or at a corner lose no area: they are fine as they are
  if (Math.abs(before - after) <= 1e-9 * before) return polys;
  note('overlapping-parts', `Parts of the MultiPolygon overlap: merged them into ${count(u.length, 'polygon')}, so no area is counted twice.`);
  return u.map(rewind);
}

/** Shoelace ×½ in the lon/lat plane, counter-clockwise positive. */
export function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 1; i < r.length; i++) a += r[i - 1][0] * r[i][1] - r[i][0] * r[i - 1][1];
  return a / 2;
}

const polyArea = (p: Poly): number => p.reduce((s, r, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(r)), 0);

/** RFC 7946: exterior counter-clockwise, holes clockwise. */
function rewind(p: Poly): Poly {
  return p.map((r, i) => (ringArea(r) < 0 === (i === 0) ? [...r].reverse() : r));
}

/** The segments cross at a point inside both (not at an end of either, not along a shared line). */
function properlyCross(a: Pos, b: Pos, c: Pos, d: Pos): boolean {
  const orient = (p: Pos, q: Pos, r: Pos) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/** Every position on the line through the first two (a bow-tie has zero signed area, but not this). */
function onOneLine(r: Ring): boolean {
  const [x0, y0] = r[0];
  const [x1, y1] = r[1];
  return r.every(([x, y]) => (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) === 0);
}

/** The same rings, whatever their order and starting points: a repair that changed nothing. */
function sameShape(poly: Poly, pieces: Poly[]): boolean {
  if (pieces.length !== 1 || pieces[0].length !== poly.length) return false;
  const key = (p: Poly) => p.map((r) => [...new Set(r.map((q) => `${q[0]},${q[1]}`))].sort().join(' ')).sort().join('|');
  return key(poly) === key(pieces[0]);
}

const same = (a: Pos, b: Pos): boolean => a[0] === b[0] && a[1] === b[1];
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
const fmt = (p: Pos): string => `${+p[0].toFixed(6)}, ${+p[1].toFixed(6)}`;
const listTypes = (types: string[]): string => [...new Set(types)].join(', ');
const showValue = (v: unknown): string => (v === undefined ? 'missing' : typeof v === 'number' ? String(v) : JSON.stringify(v));

function ringLabel(pi: number, ri: number, polyCount: number): string {
  const ring = ri === 0 ? 'the exterior ring' : `hole ${ri}`;
  return polyCount > 1 ? `${ring} of part ${pi + 1}` : ring;
}
