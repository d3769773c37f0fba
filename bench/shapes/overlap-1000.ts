import Flatbush from 'flatbush';
import { polygonsAreaKm2 } from '../../src/core/shapes/area';
import { clipIntersection } from '../../src/core/shapes/clip';
import { findOverlaps, MIN_OVERLAP_KM2, type OverlapReport } from '../../src/core/shapes/overlaps';
import { polygonsOf, shapeBbox, type DrawnShape } from '../../src/core/shapes/shape-types';
import { zipAreasLayerFromDisk } from '../../src/core/units/layers-node';
import { BENCH_SEED, emit, log, median, round } from '../lib';
import { benchAccounts } from '../plan/bench-accounts';
import { drawnTerritories } from './drawn-territories';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const K = 1000;
const TARGET_S = 2;

/**
 * `overlap.1000`: every overlapping pair among 1,000 drawn territories (drawn-territories.ts: ZIP
 * outlines that touch along shared edges, about one in ten pushed over a neighbour), with the
 * overlap's area and the 1,000,000 benchmark accounts inside it (count and revenue). The whole
 * job per repeat: candidate pairs, exact interior tests, clipping, areas, the account grid and the
 * point-in-polygon counts; nothing is kept between repeats.
 *
 * Checked two ways. Against the construction: every pair it makes must be found. Against brute
 * force (not timed): polyclip intersection of every pair whose boxes meet, no prefilter; the pairs
 * found must equal that set exactly, with the same total area (to 0.01%). The two would differ if
 * territoryOutlines over the ZIP layer were not a perfect tiling: outlines overlapping a neighbour
 * before any enlargement (`base_overlap_pairs`, listed on stderr) should be 0 since buildUnitLayer
 * cuts the layer's overlapping slivers out of the units that cover them.
 */
export async function run(): Promise<void> {
  const layer = zipAreasLayerFromDisk();
  if (!layer) {
    log('overlap.1000: public/data/zip-areas.topo.json is not built; skipped');
    return;
  }
  const drawn = drawnTerritories(layer, K, BENCH_SEED);
  const { table } = benchAccounts();
  const input = { shapes: drawn.shapes, territories: drawn.territories, accounts: { lon: table.lon, lat: table.lat, revenue: table.revenue } };
  findOverlaps(input); // warm-up (JIT)
  const times: number[] = [];
  let report: OverlapReport | null = null;
  for (let r = 0; r < REPEATS; r++) {
    const s = performance.now();
    report = findOverlaps(input);
    times.push((performance.now() - s) / 1000);
  }
  const rep = report!;
  const tIndex = new Map(drawn.territories.map((t, i) => [t.id, i]));
  const found = new Set(
    rep.overlaps.map((o) => {
      const a = tIndex.get(o.a.territoryId)!;
      const b = tIndex.get(o.b.territoryId)!;
      return a < b ? `${a}|${b}` : `${b}|${a}`;
    }),
  );
  const missing = [...drawn.expectedPairs].filter((p) => !found.has(p)).length;
  const area = rep.overlaps.reduce((s, o) => s + o.areaKm2, 0);
  log('  brute force reference (every box-meeting pair clipped)…');
  const brute = bruteForce(drawn.shapes, tIndex);
  const bruteMissing = [...brute.pairs].filter((p) => !found.has(p)).length;
  const bruteExtra = [...found].filter((p) => !brute.pairs.has(p)).length;
  const base = [...brute.pairs].filter((p) => !drawn.expectedPairs.has(p));
  if (base.length > 0) log(`  overlaps not made by the construction (outline artifacts of the base tiling): ${base.join(', ')}`);
  const areaErrorPct = (Math.abs(area - brute.areaKm2) / brute.areaKm2) * 100;
  const value = median(times);
  emit({
    name: 'overlap.1000',
    value: round(value, 3),
    unit: 's',
    target: TARGET_S,
    ok: value < TARGET_S && missing === 0 && bruteMissing === 0 && bruteExtra === 0 && rep.failed.length === 0 && areaErrorPct < 0.01,
    repeats: REPEATS,
    max_s: round(Math.max(...times), 3),
    territories: drawn.shapes.length,
    vertices: drawn.shapes.reduce((n, s) => n + (s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates).flat().reduce((k, r) => k + r.length, 0), 0),
    enlarged: drawn.enlarged,
    candidate_pairs: rep.candidatePairs,
    pairs_found: rep.overlaps.length,
    expected_pairs: drawn.expectedPairs.size,
    missing_expected_pairs: missing,
    base_overlap_pairs: base.length,
    brute_force_pairs: brute.pairs.size,
    missing_vs_brute_force: bruteMissing,
    extra_vs_brute_force: bruteExtra,
    failed_pairs: rep.failed.length,
    overlap_area_km2: round(area, 1),
    expected_area_km2: round(drawn.expectedAreaKm2, 1),
    brute_force_area_km2: round(brute.areaKm2, 1),
    area_error_pct: Number(areaErrorPct.toExponential(2)),
    accounts: table.count,
    accounts_in_overlaps: rep.overlaps.reduce((s, o) => s + o.accounts, 0),
    revenue_in_overlaps: round(rep.overlaps.reduce((s, o) => s + o.revenue, 0), 0),
  });
}

/** Every pair of different territories whose boxes meet, intersected with polyclip: the reference. */
function bruteForce(shapes: DrawnShape[], tIndex: Map<string, number>): { pairs: Set<string>; areaKm2: number } {
  const tree = new Flatbush(shapes.length);
  const boxes = shapes.map((s) => shapeBbox(s.geometry));
  for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
  tree.finish();
  const pairs = new Set<string>();
  let areaKm2 = 0;
  shapes.forEach((s, i) => {
    for (const j of tree.search(...boxes[i])) {
      if (j <= i || shapes[j].territoryId === s.territoryId) continue;
      const x = clipIntersection(polygonsOf(s.geometry), polygonsOf(shapes[j].geometry));
      if (!x.ok) continue;
      const a = polygonsAreaKm2(x.value);
      if (!(a >= MIN_OVERLAP_KM2)) continue;
      const ti = tIndex.get(s.territoryId)!;
      const tj = tIndex.get(shapes[j].territoryId)!;
      pairs.add(ti < tj ? `${ti}|${tj}` : `${tj}|${ti}`);
      areaKm2 += a;
    }
  });
  return { pairs, areaKm2 };
}
