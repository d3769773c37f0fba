import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { Rep } from '../accounts/account';
import { areaIn, distanceIn } from '../metrics/measures';
import type { DistanceUnit } from '../metrics/workload';
import type { Plan } from '../plan/plan';
import type { TerritoryStats } from '../plan/territory-stats';
import { territoryOutlines } from '../units/outline';
import type { UnitLayer } from '../units/unit-layer';

/**
 * The plan's territories as one RFC 7946 FeatureCollection: one feature per territory, in plan
 * order, its outline as a MultiPolygon (null geometry for a territory with no units) and its
 * name, rep, colour, quota and every TerritoryStats figure as flat properties, so a GIS tool or a
 * spreadsheet shows them as an attribute table.
 *
 * Geometry: the layer's coordinates are WGS84 lon/lat already; outline.ts gives RFC 7946 winding.
 * Coordinates are rounded to 6 decimals (~0.1 m, RFC 7946 §11.2 recommends that precision), which
 * can merge neighbouring vertices and, for a sliver, collapse a ring or flip its orientation; see
 * roundRing. Longitudes stay within [-180, 180] because rounding is monotonic and ±180 round to
 * themselves: the layers split units at the antimeridian, so every polygon stays on its side and
 * never wraps the long way. No `bbox` is written (it is optional, and across the antimeridian it
 * would need the west > east form many readers get wrong).
 */

export interface TerritoriesGeoJSONOptions {
  /** km or mi for area, perimeter, density and travel; the key names say which (area_mi2, travel_mean_mi) */
  unit: DistanceUnit;
  /** the reps file, for rep names and for quotas of territories that have none of their own */
  reps?: readonly Rep[];
  /** the account table's dictionaries (table.segment.labels, table.classification.labels); code 0 = empty */
  segmentLabels: readonly string[];
  classificationLabels: readonly string[];
  /** outlines already built for this assignment (e.g. the map's); computed when left out */
  outlines?: readonly MultiPolygon[];
}

export type TerritoryProperties = Record<string, string | number | null>;

/** Label of the "empty cell" bucket in segment_… and classification_… keys. */
export const EMPTY_LABEL = '(empty)';

export function territoriesToGeoJSON(
  layer: UnitLayer,
  plan: Plan,
  stats: TerritoryStats,
  opts: TerritoriesGeoJSONOptions,
): FeatureCollection<MultiPolygon | null, TerritoryProperties> {
  const k = plan.territories.length;
  if (plan.layerId !== layer.layerId) throw new Error(`The plan paints layer "${plan.layerId}", not "${layer.layerId}"`);
  if (stats.territoryCount !== k) throw new Error('The figures do not follow this plan (territory counts differ)');
  const outlines = opts.outlines ?? territoryOutlines(layer, plan.assignment, k);
  if (outlines.length !== k) throw new Error('One outline per territory expected');
  const u = opts.unit;
  const reps = new Map((opts.reps ?? []).map((r) => [r.id, r]));
  const metric = plan.balance.metric;
  const deviation = stats.balance(metric).deviationPct;
  const figures = plan.territories.map((_, t) => stats.figures(t, u));
  // the same keys on every feature (GIS attribute tables want one schema); the empty bucket only
  // when some territory has accounts in it
  const mixKeys = (prefix: string, labels: readonly string[], pick: (t: number) => Float64Array) => {
    const n = Math.max(labels.length, ...figures.map((_, t) => pick(t).length));
    const keys: (string | null)[] = [];
    for (let c = 0; c < n; c++) {
      const used = c !== 0 || figures.some((_, t) => (pick(t)[c] ?? 0) !== 0);
      const label = labels[c] ?? `#${c}`;
      keys.push(used ? `${prefix}${c === 0 || label === '' ? EMPTY_LABEL : label}` : null);
    }
    return keys;
  };
  const segKeys = mixKeys('segment_', opts.segmentLabels, (t) => figures[t].segments);
  const clsKeys = mixKeys('classification_', opts.classificationLabels, (t) => figures[t].classifications);

  const features = plan.territories.map((terr, t): Feature<MultiPolygon | null, TerritoryProperties> => {
    const f = figures[t];
    const rep = terr.repId === null ? undefined : reps.get(terr.repId);
    const p: TerritoryProperties = {
      id: terr.id,
      name: terr.name,
      rep: terr.repId === null ? null : (rep?.name ?? terr.repId),
      rep_id: terr.repId,
      color: terr.color,
      // simplestyle-spec keys, so geojson.io and GitHub's map preview paint the territory's colour
      fill: terr.color,
      stroke: terr.color,
      // null on the territory = the rep's quota from the reps file (plan.ts)
      quota: num(terr.quota ?? rep?.quota ?? null),
      units: f.units,
      accounts: f.accounts,
      revenue: num(f.revenue),
      potential: num(f.potential),
      visits_per_year: num(f.visits),
      workload_hours: num(f.workloadHours),
      [`area_${u}2`]: num(areaIn(f.areaKm2, u)),
      [`perimeter_${u}`]: num(distanceIn(f.perimeterKm, u)),
      [`density_per_${u}2`]: ratio(f.density),
      polsby_popper: ratio(f.polsbyPopper),
      parts: f.parts,
      // null = no rep (or a rep without a home), as the panel says "no rep"
      [`travel_mean_${u}`]: f.travel ? num(distanceIn(f.travel.meanKm, u)) : null,
      [`travel_max_${u}`]: f.travel ? num(distanceIn(f.travel.maxKm, u)) : null,
      balance_metric: metric,
      deviation_pct: num(deviation[t]),
    };
    segKeys.forEach((key, c) => key && (p[key] = f.segments[c] ?? 0));
    clsKeys.forEach((key, c) => key && (p[key] = f.classifications[c] ?? 0));
    return { type: 'Feature', id: terr.id, geometry: roundMultiPolygon(outlines[t]), properties: p };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * JSON has no NaN or Infinity: those (an empty territory's Polsby-Popper, a density without area)
 * become null. Figures are sums updated edit by edit, so they carry float noise
 * (1234.5600000000002); 6 decimals drop it without losing anything a planner reads.
 */
function num(v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  return Number.isInteger(v) ? v : Number(v.toFixed(6));
}

/**
 * Ratios (density, Polsby-Popper) to 9 significant digits instead: they carry no summation noise
 * of their own, and a sparse territory's 3e-7 accounts per km² must not print as 0.
 */
function ratio(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toPrecision(9)) : null;
}

/** lon/lat to 6 decimals; exact for |x| ≤ 180 (x × 1e6 < 2^53), and ±180 stay ±180. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The outline rounded, or null when it is empty or every ring collapsed. */
export function roundMultiPolygon(mp: MultiPolygon): MultiPolygon | null {
  const polys: Position[][][] = [];
  for (const poly of mp.coordinates) {
    const exterior = roundRing(poly[0], true);
    // a polygon whose exterior collapsed has nothing left for its holes to be holes of
    if (!exterior) continue;
    const rings = [exterior];
    for (let i = 1; i < poly.length; i++) {
      const hole = roundRing(poly[i], false);
      if (hole) rings.push(hole);
    }
    polys.push(rings);
  }
  return polys.length > 0 ? { type: 'MultiPolygon', coordinates: polys } : null;
}

/**
 * One ring rounded to 6 decimals: consecutive positions that became equal are merged, the ring
 * stays closed, and it is wound exterior counter-clockwise / hole clockwise again (a ring thinner
 * than the rounding can come out reversed). null when fewer than 4 positions or no area is left.
 */
export function roundRing(ring: readonly Position[], exterior: boolean): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const x = round6(p[0]);
    const y = round6(p[1]);
    const last = out[out.length - 1];
    if (last && last[0] === x && last[1] === y) continue;
    out.push([x, y]);
  }
  if (out.length === 0) return null;
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  if (out.length < 4) return null;
  const area = signedArea(out);
  if (area === 0) return null;
  if (area > 0 !== exterior) out.reverse();
  return out;
}

/**
 * Shoelace ×2 in the lon/lat plane, counter-clockwise positive (rings never cross ±180, see above).
 * Taken relative to the first vertex: with raw lon × lat products (~5,000) a ring a few 1e-6° across
 * would drown in rounding error.
 */
function signedArea(ring: readonly Position[]): number {
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += (ring[i - 1][0] - x0) * (ring[i][1] - y0) - (ring[i][0] - x0) * (ring[i - 1][1] - y0);
  return a;
}
