import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { bridgeComponents, csrFromPairs, type Adjacency } from './adjacency';
import { arcIndex, decodeArcs, type DecodedArcs } from './arcs';
import { EARTH_RADIUS_KM, fromVector, polylineAreaTerm, toVector } from './sphere';
import { buildUnitRings, polygonCentroid, polygonLabelPoint, polygonsOf, type UnitRings } from './unit-rings';

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
  /** spherical area, km² (see sphere.ts: equal-area trapezoid rule, holes subtracted) */
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
   * The units on either side of each arc: arcLeft/arcRight are the first two units that use it,
   * -1 for "outside" (coast, national border or the layer's edge). A unit on both sides means the
   * arc lies inside that unit. An arc used by more than two units (overlapping input) keeps the
   * first two here; adjacency still links all of them.
   */
  arcLeft: Int32Array;
  arcRight: Int32Array;
  /** distinct arcs on each unit's outline (interior arcs left out), CSR: unitArcStart/unitArcs */
  unitArcStart: Uint32Array;
  unitArcs: Uint32Array;
  arcs: DecodedArcs;
  rings: UnitRings;
  /** the source topology and one geometry object per unit (for outline merging) */
  topology: Topology;
  geometries: GeometryObject[];
  /** arcs used by more than two units: a sign of overlapping input, reported, not fatal */
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

  // which units use each arc (counting sort by arc)
  const useCount = new Uint32Array(arcs.count + 1);
  geometries.forEach((g) => {
    for (const poly of polygonsOf(g)) for (const ring of poly) for (const ref of ring) useCount[arcIndex(ref)]++;
  });
  const useStart = new Uint32Array(arcs.count + 1);
  for (let a = 0; a < arcs.count; a++) useStart[a + 1] = useStart[a] + useCount[a];
  const fill = useStart.slice(0, arcs.count);
  const users = new Uint32Array(useStart[arcs.count]);
  geometries.forEach((g, u) => {
    for (const poly of polygonsOf(g)) for (const ring of poly) for (const ref of ring) users[fill[arcIndex(ref)]++] = u;
  });

  const arcLeft = new Int32Array(arcs.count).fill(-1);
  const arcRight = new Int32Array(arcs.count).fill(-1);
  const pairs: number[] = [];
  let overlappingArcs = 0;
  for (let a = 0; a < arcs.count; a++) {
    const s = useStart[a];
    const e = useStart[a + 1];
    if (e > s) arcLeft[a] = users[s];
    if (e > s + 1) arcRight[a] = users[s + 1];
    if (e > s + 2) overlappingArcs++;
    for (let i = s; i < e; i++) for (let j = i + 1; j < e; j++) if (users[i] !== users[j]) pairs.push(users[i], users[j]);
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
          // interior arc (the unit on both sides), or a third user of an overlapping arc
          if (arcLeft[a] === arcRight[a] || (arcLeft[a] !== u && arcRight[a] !== u)) continue;
          unitArcList.push(a);
          perimeterKm[u] += arcs.lengthKm[a];
        }
      }
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
