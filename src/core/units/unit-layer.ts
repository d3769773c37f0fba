import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { bridgeComponents, csrFromPairs, type Adjacency } from './adjacency';
import { arcIndex, decodeArcs, type DecodedArcs } from './arcs';
import { EARTH_RADIUS_KM, fromVector, polylineAreaTerm, toVector } from './sphere';
import { buildUnitRings, pointInUnit, polygonCentroid, polygonLabelPoint, polygonsOf, type UnitRings } from './unit-rings';

/**
 * A set of geographic units (counties, ZIP areas, the user's own regions) as a topology: the
 * shapes share their boundary arcs, which gives adjacency, perimeters and merged territory outlines
 * without any polygon clipping.
 *
 * Per-unit data is indexed by unit index 0..count-1 (the order of the TopoJSON object's geometries);
 * unit ids are what plans store, so a plan survives a rebuild of the layer.
 */
export interface UnitLayer extends Adjacency {
  /** stable layer id a plan refers to, e.g. "us-counties" */
  layerId: string;
  count: number;
  ids: string[];
  names: string[];
  /** unit id → unit index */
  index: Map<string, number>;
  /** 2-digit state FIPS code of each unit, '' when the layer does not say */
  stateFips: string[];
  /**
   * spherical area, km² (see sphere.ts: equal-area trapezoid rule, holes subtracted; a sliver of
   * another unit lying inside this one, overlapping input, is subtracted too: see cutOverlappingSlivers)
   */
  areaKm2: Float64Array;
  /** length of the unit's outline, km: arcs it shares with another unit or the outside, not arcs inside it */
  perimeterKm: Float64Array;
  /** area-weighted centroid [lon, lat] per unit (NaN for a unit with no geometry); may fall outside the unit */
  centroid: Float64Array;
  /** a point inside the unit's largest polygon [lon, lat], for labels and pins */
  labelPoint: Float64Array;
  /** [west, south, east, north] per unit, degrees; NaN for no geometry */
  bbox: Float64Array;
  /**
   * The units on either side of each arc, -1 for "outside" (coast, national border, the layer's
   * edge; also both -1 for an arc no unit has on its outline). A unit is on a side when its
   * references to the arc do not cancel out: walking an arc there and back (a spike at a
   * tri-point in quantised data, a slit inside a unit) puts a unit on neither side. An arc with
   * more than two sides (overlapping input) keeps the first two and counts in overlappingArcs; a
   * sliver polygon lying inside other units is cut out of them first (they become its other side);
   * adjacency links every unit that uses an arc, as topojson-client `neighbors` does.
   */
  arcLeft: Int32Array;
  arcRight: Int32Array;
  /**
   * Direction in which the unit on each side walks the arc once every unit's rings are wound the
   * RFC 7946 way (exterior counter-clockwise, holes clockwise, in the lon/lat plane): +1 forward,
   * -1 backwards, 0 no unit on that side. With winding normalised, the boundary arcs of any set of
   * units, each walked as its own unit walks it, chain into that set's rings (outline.ts).
   */
  arcLeftDir: Int8Array;
  arcRightDir: Int8Array;
  /** the node (shared endpoint) each arc starts and ends at; equal coordinates = same node */
  arcStartNode: Uint32Array;
  arcEndNode: Uint32Array;
  nodeCount: number;
  /** distinct arcs on each unit's outline (interior arcs left out), CSR: unitArcStart/unitArcs */
  unitArcStart: Uint32Array;
  unitArcs: Uint32Array;
  arcs: DecodedArcs;
  rings: UnitRings;
  /** the source topology and one geometry object per unit (for outline merging) */
  topology: Topology;
  geometries: GeometryObject[];
  /**
   * arcs with more than two sides, or with both sides walking it the same way (two units on the
   * same side of it): signs of overlapping input, reported, not fatal. Counted after the slivers
   * that buildUnitLayer cuts out of their neighbours (see cutOverlappingSlivers) are resolved.
   */
  overlappingArcs: number;
  /** ids that were missing (replaced by "#index") or repeated (later copies suffixed "#index") */
  idProblems: string[];
}

export interface UnitLayerOptions {
  layerId: string;
  objectName: string;
  /** unit id of a geometry; default: its TopoJSON `id` as a string */
  id?: (g: GeometryObject, i: number) => string | undefined;
  /** display name; default: properties.name, else the id */
  name?: (g: GeometryObject, id: string) => string;
  stateFips?: (g: GeometryObject, id: string) => string;
}

const defaultId = (g: GeometryObject): string | undefined => (g.id === undefined || g.id === null ? undefined : String(g.id));
const propName = (g: GeometryObject, id: string): string => {
  const n = (g.properties as Record<string, unknown> | undefined)?.name;
  return typeof n === 'string' && n !== '' ? n : id;
};

export function buildUnitLayer(topology: Topology, opts: UnitLayerOptions): UnitLayer {
  const object = topology.objects[opts.objectName];
  if (!object) throw new Error(`The topology has no object "${opts.objectName}"`);
  const geometries = (object.type === 'GeometryCollection' ? (object as GeometryCollection).geometries : [object]) as GeometryObject[];
  const count = geometries.length;

  // ids: every unit keeps its place; bad ids get a visible stand-in instead of dropping the unit
  const ids: string[] = new Array(count);
  const index = new Map<string, number>();
  const idProblems: string[] = [];
  geometries.forEach((g, i) => {
    let id = (opts.id ?? defaultId)(g, i);
    if (id === undefined || id === '') {
      id = `#${i}`;
      idProblems.push(`unit ${i} has no id; called it ${id}`);
    } else if (index.has(id)) {
      idProblems.push(`id ${id} is repeated; unit ${i} called ${id}#${i}`);
      id = `${id}#${i}`;
    }
    ids[i] = id;
    index.set(id, i);
  });
  const names = geometries.map((g, i) => (opts.name ?? propName)(g, ids[i]));
  const stateFips = geometries.map((g, i) => (opts.stateFips ? opts.stateFips(g, ids[i]) : ''));

  const arcs = decodeArcs(topology);
  const rings = buildUnitRings(geometries, arcs);
  const nodes = arcNodes(arcs);

  // every arc reference with its unit and its direction once rings are wound the RFC 7946 way,
  // bucketed by arc (counting sort), in geometry order
  const useCount = new Uint32Array(arcs.count + 1);
  geometries.forEach((g) => {
    for (const poly of polygonsOf(g)) for (const ring of poly) for (const ref of ring) useCount[arcIndex(ref)]++;
  });
  const useStart = new Uint32Array(arcs.count + 1);
  for (let a = 0; a < arcs.count; a++) useStart[a + 1] = useStart[a] + useCount[a];
  const fill = useStart.slice(0, arcs.count);
  const users = new Uint32Array(useStart[arcs.count]);
  const userDir = new Int8Array(useStart[arcs.count]);
  let ringNo = 0;
  geometries.forEach((g, u) => {
    for (const poly of polygonsOf(g)) {
      poly.forEach((ring, i) => {
        // exterior (i = 0) should run counter-clockwise, holes clockwise
        const flip = ringOrientation(rings, ringNo++) > 0 !== (i === 0) ? -1 : 1;
        for (const ref of ring) {
          const a = arcIndex(ref);
          userDir[fill[a]] = (ref < 0 ? -1 : 1) * flip;
          users[fill[a]++] = u;
        }
      });
    }
  });

  // The sides of an arc are the units whose references to it do not cancel out. A unit that walks
  // an arc there and back (a spike of quantised input at a tri-point, or a slit inside the unit)
  // is not on either side of it; real neighbours walk it once each, in opposite directions.
  const arcLeft = new Int32Array(arcs.count).fill(-1);
  const arcRight = new Int32Array(arcs.count).fill(-1);
  const arcLeftDir = new Int8Array(arcs.count);
  const arcRightDir = new Int8Array(arcs.count);
  /** sets the sides of arc a from its references (us[i], ds[i]) for s ≤ i < e; returns how many sides it has */
  const setSides = (a: number, us: ArrayLike<number>, ds: ArrayLike<number>, s: number, e: number): number => {
    arcLeft[a] = arcRight[a] = -1;
    arcLeftDir[a] = arcRightDir[a] = 0;
    let sides = 0;
    for (let i = s; i < e; i++) {
      const u = us[i];
      let first = true;
      for (let j = s; j < i; j++) if (us[j] === u) first = false;
      if (!first) continue;
      let net = 0;
      for (let j = i; j < e; j++) if (us[j] === u) net += ds[j];
      if (net === 0) continue;
      if (sides === 0) (arcLeft[a] = u), (arcLeftDir[a] = Math.sign(net));
      else if (sides === 1) (arcRight[a] = u), (arcRightDir[a] = Math.sign(net));
      sides++;
    }
    return sides;
  };
  const pairs: number[] = [];
  const sideCount = new Uint8Array(arcs.count);
  for (let a = 0; a < arcs.count; a++) {
    const s = useStart[a];
    const e = useStart[a + 1];
    for (let i = s; i < e; i++) {
      const u = users[i];
      let first = true;
      for (let j = s; j < i; j++) if (users[j] === u) first = false;
      if (first) for (let j = s; j < i; j++) if (users[j] !== u) pairs.push(users[j], u);
    }
    sideCount[a] = Math.min(255, setSides(a, users, userDir, s, e));
  }
  const overlapCut = cutOverlappingSlivers();
  let overlappingArcs = 0;
  for (let a = 0; a < arcs.count; a++) if (sideCount[a] > 2 || (arcRight[a] >= 0 && arcLeftDir[a] === arcRightDir[a])) overlappingArcs++;

  /**
   * Overlapping input that generalisation leaves behind: a sliver polygon (a stray triangle of a
   * ZIP area) lying inside its neighbours. Either they walk its arcs in the same direction as it
   * does (so the arc has both sides on the same side), or it touches a neighbour at a node only,
   * inside it. Left as it is, the sliver's area counts two or three times and no set of units has
   * a consistent outline (outline.ts). A one-ring polygon whose arcs are all of that kind (same
   * way as a neighbour, or its own alone) is cut out of every unit on its arcs or at its nodes that
   * holds its label point: the neighbour's references become its own minus the sliver's ring,
   * its areaKm2 drops by the sliver's area. Returns the area cut per unit and the arcs each unit gained.
   */
  function cutOverlappingSlivers(): { areaKm2: Map<number, number>; arcsOf: Map<number, number[]> } {
    const extra = new Map<number, { us: number[]; ds: number[] }>();
    const cut = new Map<number, number>();
    const arcsOf = new Map<number, number[]>();
    const R2 = EARTH_RADIUS_KM * EARTH_RADIUS_KM;
    // units on a side of an arc at each node, built on first need
    let atNode: Map<number, number[]> | undefined;
    const unitsAt = (n: number): number[] => {
      if (!atNode) {
        const m = new Map<number, number[]>();
        const add = (x: number, v: number) => (m.get(x) ?? m.set(x, []).get(x)!).push(v);
        for (let a = 0; a < arcs.count; a++) {
          for (const v of [arcLeft[a], arcRight[a]]) if (v >= 0) add(nodes.arcStartNode[a], v), add(nodes.arcEndNode[a], v);
        }
        atNode = m;
      }
      return atNode.get(n) ?? [];
    };
    // arc ends at each node: an island's own loop arc ends twice at its node, anything more touches it
    const nodeEnds = new Uint32Array(nodes.nodeCount);
    for (let a = 0; a < arcs.count; a++) nodeEnds[nodes.arcStartNode[a]]++, nodeEnds[nodes.arcEndNode[a]]++;
    let ringNo = 0;
    let polyNo = 0;
    geometries.forEach((g, u) => {
      for (const poly of polygonsOf(g)) {
        const k = ringNo;
        const p = polyNo++;
        ringNo += poly.length;
        if (poly.length !== 1 || poly[0].length === 0) continue;
        const ring = poly[0];
        const sliverLike = ring.every((ref) => {
          const a = arcIndex(ref);
          if (extra.has(a)) return false;
          if (arcLeft[a] === u && arcRight[a] < 0) return true;
          return arcRight[a] >= 0 && arcLeftDir[a] === arcRightDir[a] && (arcLeft[a] === u || arcRight[a] === u);
        });
        if (!sliverLike) continue;
        // the units it lies in: of those on its arcs or at its nodes, the ones holding a point inside it
        const covering = new Set<number>();
        const tried = new Set<number>([u]);
        let x = NaN;
        let y = NaN;
        const test = (v: number) => {
          if (tried.has(v)) return;
          tried.add(v);
          if (Number.isNaN(x)) [x, y] = polygonLabelPoint(rings, p);
          if (pointInUnit(rings, v, x, y)) covering.add(v);
        };
        for (const ref of ring) {
          const a = arcIndex(ref);
          if (arcRight[a] >= 0) test(otherSideOf(a, u));
          else for (const n of [nodes.arcStartNode[a], nodes.arcEndNode[a]]) if (nodeEnds[n] > 2) for (const v of unitsAt(n)) test(v);
        }
        if (covering.size === 0) continue;
        const area = Math.abs(polylineAreaTerm(rings.coords, rings.ringStart[k], rings.ringStart[k + 1])) * R2;
        for (const v of covering) {
          cut.set(v, (cut.get(v) ?? 0) + area);
          pairs.push(u, v);
          const gained = arcsOf.get(v) ?? arcsOf.set(v, []).get(v)!;
          for (const ref of ring) {
            const a = arcIndex(ref);
            const refs = extra.get(a) ?? extra.set(a, { us: [], ds: [] }).get(a)!;
            refs.us.push(v);
            refs.ds.push(-(arcLeft[a] === u ? arcLeftDir[a] : arcRightDir[a]));
            gained.push(a);
          }
        }
      }
    });
    for (const [a, refs] of extra) {
      const us = [...users.subarray(useStart[a], useStart[a + 1]), ...refs.us];
      const ds = [...userDir.subarray(useStart[a], useStart[a + 1]), ...refs.ds];
      sideCount[a] = Math.min(255, setSides(a, us, ds, 0, us.length));
    }
    return { areaKm2: cut, arcsOf };
  }
  function otherSideOf(a: number, u: number): number {
    return arcLeft[a] === u ? arcRight[a] : arcLeft[a];
  }

  // outline arcs per unit, each once; an arc with the unit on both sides is inside it
  const unitArcStart = new Uint32Array(count + 1);
  const unitArcList: number[] = [];
  const perimeterKm = new Float64Array(count);
  const seen = new Int32Array(arcs.count).fill(-1);
  geometries.forEach((g, u) => {
    for (const poly of polygonsOf(g)) {
      for (const ring of poly) {
        for (const ref of ring) {
          const a = arcIndex(ref);
          if (seen[a] === u) continue;
          seen[a] = u;
          // arcs inside the unit, spikes, and third users of overlapping arcs are not its outline
          if (arcLeft[a] !== u && arcRight[a] !== u) continue;
          unitArcList.push(a);
          perimeterKm[u] += arcs.lengthKm[a];
        }
      }
    }
    // arcs of a sliver cut out of this unit (cutOverlappingSlivers)
    for (const a of overlapCut.arcsOf.get(u) ?? []) {
      if (seen[a] === u) continue;
      seen[a] = u;
      if (arcLeft[a] !== u && arcRight[a] !== u) continue;
      unitArcList.push(a);
      perimeterKm[u] += arcs.lengthKm[a];
    }
    unitArcStart[u + 1] = unitArcList.length;
  });

  const areaKm2 = new Float64Array(count);
  const centroid = new Float64Array(2 * count).fill(NaN);
  const labelPoint = new Float64Array(2 * count).fill(NaN);
  const bbox = new Float64Array(4 * count).fill(NaN);
  const R2 = EARTH_RADIUS_KM * EARTH_RADIUS_KM;
  for (let u = 0; u < count; u++) {
    let vx = 0;
    let vy = 0;
    let vz = 0;
    let biggest = -1;
    let biggestArea = -1;
    for (let p = rings.unitPolyStart[u]; p < rings.unitPolyStart[u + 1]; p++) {
      let a = 0;
      for (let k = rings.polyStart[p]; k < rings.polyStart[p + 1]; k++) {
        const ra = Math.abs(polylineAreaTerm(rings.coords, rings.ringStart[k], rings.ringStart[k + 1])) * R2;
        a += k === rings.polyStart[p] ? ra : -ra;
      }
      a = Math.max(0, a);
      areaKm2[u] += a;
      const [clon, clat] = polygonCentroid(rings, p);
      if (!Number.isNaN(clon)) {
        // combine parts as area-weighted unit vectors: no trouble with parts on both sides of ±180°
        const [x, y, z] = toVector(clat, clon);
        const w = a > 0 ? a : 1e-9;
        vx += w * x;
        vy += w * y;
        vz += w * z;
      }
      if (a > biggestArea) {
        biggestArea = a;
        biggest = p;
      }
    }
    // a sliver of another unit lying inside this one is not this unit's area (cutOverlappingSlivers)
    const cut = overlapCut.areaKm2.get(u);
    if (cut !== undefined) areaKm2[u] = Math.max(0, areaKm2[u] - cut);
    if (vx !== 0 || vy !== 0 || vz !== 0) {
      const [lat, lon] = fromVector(vx, vy, vz);
      centroid[2 * u] = lon;
      centroid[2 * u + 1] = lat;
    }
    if (biggest >= 0) {
      const [lx, ly] = polygonLabelPoint(rings, biggest);
      labelPoint[2 * u] = lx;
      labelPoint[2 * u + 1] = ly;
    }
    const from = rings.ringStart[rings.polyStart[rings.unitPolyStart[u]]];
    const to = rings.ringStart[rings.polyStart[rings.unitPolyStart[u + 1]]];
    if (to > from) {
      let w = Infinity;
      let s = Infinity;
      let e = -Infinity;
      let n = -Infinity;
      for (let i = from; i < to; i++) {
        const x = rings.coords[2 * i];
        const y = rings.coords[2 * i + 1];
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
      bbox.set([w, s, e, n], 4 * u);
    }
  }

  const shared = csrFromPairs(count, pairs);
  const bridgePairs = bridgeComponents(count, shared.adjStart, shared.adj, centroid);
  const graph = csrFromPairs(count, pairs, bridgePairs);

  return {
    layerId: opts.layerId,
    count,
    ids,
    names,
    index,
    stateFips,
    areaKm2,
    perimeterKm,
    centroid,
    labelPoint,
    bbox,
    ...graph,
    arcLeft,
    arcRight,
    arcLeftDir,
    arcRightDir,
    ...nodes,
    unitArcStart,
    unitArcs: Uint32Array.from(unitArcList),
    arcs,
    rings,
    topology,
    geometries,
    overlappingArcs,
    idProblems,
  };
}

/** The unit on the other side of arc a from unit u: -1 for outside, u itself for an interior arc. */
export function otherSide(layer: UnitLayer, a: number, u: number): number {
  return layer.arcLeft[a] === u ? layer.arcRight[a] : layer.arcLeft[a];
}

/** Planar signed area ×2 of ring k (shoelace in degrees, counter-clockwise positive), longitudes unwrapped. */
function ringOrientation(r: UnitRings, k: number): number {
  const c = r.coords;
  const s = r.ringStart[k];
  const lon0 = c[2 * s];
  const x = (i: number) => {
    const d = c[2 * i] - lon0;
    return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
  };
  let a = 0;
  for (let i = s + 1; i < r.ringStart[k + 1]; i++) a += x(i - 1) * c[2 * i + 1] - x(i) * c[2 * i - 1];
  return a;
}

/** Node ids for arc endpoints: TopoJSON arcs meet at exactly equal coordinates. */
function arcNodes(arcs: DecodedArcs): { arcStartNode: Uint32Array; arcEndNode: Uint32Array; nodeCount: number } {
  const ids = new Map<string, number>();
  const node = (p: number): number => {
    const key = `${arcs.coords[2 * p]},${arcs.coords[2 * p + 1]}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const arcStartNode = new Uint32Array(arcs.count);
  const arcEndNode = new Uint32Array(arcs.count);
  for (let a = 0; a < arcs.count; a++) {
    arcStartNode[a] = node(arcs.start[a]);
    arcEndNode[a] = node(arcs.start[a + 1] - 1);
  }
  return { arcStartNode, arcEndNode, nodeCount: ids.size };
}
