import type { MultiPolygon } from 'geojson';
import { merge } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import { ringAreaKm2 } from '../../src/core/units/sphere';
import { zipAreasLayerFromDisk } from '../../src/core/units/layers-node';
import { territoryOutlines } from '../../src/core/units/outline';
import { BENCH_SEED, emit, log, median, round } from '../lib';
import { growPlan } from './grow-plan';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);
const K = 300;
const TARGET_MS = 200;

const areaKm2 = (m: MultiPolygon) => m.coordinates.reduce((s, p) => s + ringAreaKm2(p[0]) - p.slice(1).reduce((h, r) => h + ringAreaKm2(r), 0), 0);

/**
 * `outline.zip.k300`: the outlines of 300 territories over the ZIP layer, rebuilt from scratch on
 * every repeat (nothing is carried between repeats but the layer itself). The plan is a seeded BFS
 * growth (grow-plan.ts). Beside the headline: topojson-client `merge` per territory on the same
 * plan, and a check that the outlines cover the units' area (to rounding: < 1e-4 %).
 */
export async function run(): Promise<void> {
  const t0 = performance.now();
  const layer = zipAreasLayerFromDisk();
  if (!layer) {
    log('outline.zip.k300: public/data/zip-areas.topo.json is not built; skipped');
    return;
  }
  const layerMs = performance.now() - t0;
  const { plan } = growPlan(layer, K, BENCH_SEED);

  territoryOutlines(layer, plan.assignment, K); // warm-up (JIT)
  const times: number[] = [];
  let outlines: MultiPolygon[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const s = performance.now();
    outlines = territoryOutlines(layer, plan.assignment, K);
    times.push(performance.now() - s);
  }

  const polygons = outlines.reduce((n, m) => n + m.coordinates.length, 0);
  const rings = outlines.reduce((n, m) => n + m.coordinates.reduce((k, p) => k + p.length, 0), 0);
  const vertices = outlines.reduce((n, m) => n + m.coordinates.flat().reduce((k, r) => k + r.length, 0), 0);
  const unitArea = layer.areaKm2.reduce((s, a) => s + a, 0);
  const outlineArea = outlines.reduce((s, m) => s + areaKm2(m), 0);
  const areaErrorPct = (Math.abs(outlineArea - unitArea) / unitArea) * 100;

  const groups: GeometryObject[][] = Array.from({ length: K }, () => []);
  for (let u = 0; u < layer.count; u++) groups[plan.assignment[u]].push(layer.geometries[u]);
  const ref: number[] = [];
  for (let r = 0; r < 3; r++) {
    const s = performance.now();
    for (const g of groups) merge(layer.topology, g as Parameters<typeof merge>[1]);
    ref.push(performance.now() - s);
  }

  const ms = median(times);
  emit({
    name: 'outline.zip.k300',
    value: round(ms, 1),
    unit: 'ms',
    target: TARGET_MS,
    ok: ms < TARGET_MS && areaErrorPct < 1e-4,
    repeats: REPEATS,
    max_ms: round(Math.max(...times), 1),
    units: layer.count,
    territories: K,
    polygons,
    rings,
    vertices,
    area_error_pct: Number(areaErrorPct.toExponential(2)),
    topojson_merge_ms: round(median(ref), 1),
    layer_build_ms: round(layerMs, 0),
  });
}
