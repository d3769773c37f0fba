/**
 * Builds public/data/zip-areas.topo.json, the approximate ZIP areas: Voronoi cells of the ZCTA
 * centroids of the ZIP table, built per us-atlas county and clipped to it, as one TopoJSON object
 * `zips` (id = ZIP, properties {county, state}). Method and limits: docs/ZIP-AREAS.md.
 *
 * Run: npm run build:zip-areas
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadZipTableFromDisk } from '../src/core/geo/zip-table-node';
import { loadCounties, usAtlasVersion } from './zip-areas/counties';
import { buildZipAreaFeatures, ZIP_AREAS_OBJECT } from './zip-areas/build';
import { buildTopology } from './zip-areas/topology';
import { neighbourStats, outerArcLength } from './zip-areas/topology-stats';
import { loadCountyTopology } from './zip-areas/county-topology';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'public/data/zip-areas.topo.json');

/**
 * A 1e6 grid (~36 m east-west, ~9 m north-south over the layer's span from Guam to the Virgin
 * Islands): at us-atlas's 1e5 (~300 m east-west) hundreds of small city ZIPs lose 5-80 % of their
 * area and ~550 neighbour pairs vanish, for 0.5 MB less. The minimum weight (triangle area,
 * degrees², ~1,000 m²) only drops points left nearly in line: us-atlas is already simplified and
 * Voronoi edges are straight. Both can be overridden to try other trade-offs (docs/ZIP-AREAS.md).
 */
const QUANTIZATION = Number(process.env.ZIP_AREAS_QUANTIZATION ?? 1e6);
const MIN_WEIGHT = Number(process.env.ZIP_AREAS_MIN_WEIGHT ?? 1e-7);

const t0 = performance.now();
const table = loadZipTableFromDisk();
const zctas = table.entries.filter((e) => e.zcta);
const counties = loadCounties();
const tRead = performance.now();

const { features, report } = buildZipAreaFeatures(
  counties,
  zctas.map((e) => ({ zip: e.zip, lon: e.lon, lat: e.lat })),
);
const tCells = performance.now();

const { topology: topo, flatRingsDropped } = buildTopology(ZIP_AREAS_OBJECT, features, { quantization: QUANTIZATION, minWeight: MIN_WEIGHT });
const json = JSON.stringify(topo);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, json);
const tDone = performance.now();

const stats = neighbourStats(topo, ZIP_AREAS_OBJECT);
const nullGeometries = topo.objects[ZIP_AREAS_OBJECT].geometries.filter((g) => g.type === null).map((g) => g.id);
const countyTopo = loadCountyTopology();
const outer = outerArcLength(topo, ZIP_AREAS_OBJECT);
const countyOuter = outerArcLength(countyTopo, 'counties');
const mismatchedState = features.filter((f) => table.get(f.id)?.state !== f.properties.state).length;
const bytes = Buffer.byteLength(json);
const gz = gzipSync(json, { level: 9 }).length;
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`source: ${table.source}; us-atlas@${usAtlasVersion()} counties-10m (${counties.length} counties)`);
console.log(`ZCTA ZIPs in the table:          ${report.zips} (of ${table.size} ZIPs; the rest are point-only)`);
console.log(`areas written:                   ${report.areas}`);
console.log(`ZCTA ZIPs without an area:       ${report.withoutArea.length}`);
for (const w of report.withoutArea) console.log(`  ${w.zip}: ${w.reason}`);
console.log(`centroids outside every county:  ${report.nearestCounty} (given to the nearest county; ${report.snappedSites} sites moved onto its border)`);
console.log(`clip fallbacks (unclipped cell): ${report.clipFallbacks}`);
console.log(`counties with no centroid:       ${report.orphanCounties.length} (merged into the nearest ZIP; ${report.orphanMergeFallbacks} union fallbacks)`);
console.log(`  ${report.orphanCounties.map((o) => `${o.fips}→${o.zip}`).join(' ')}`);
console.log(`T-junction vertices inserted:    ${report.nodedVertices}`);
console.log(`geometries left empty:           ${nullGeometries.length} ${nullGeometries.join(' ')}`);
console.log(`rings flattened by quantization: ${flatRingsDropped} (dropped: slivers narrower than one grid step)`);
console.log(`state differs from the table's:  ${mismatchedState} (property = state of the county the area lies in)`);
console.log(`neighbours: mean ${stats.meanNeighbours.toFixed(2)}, max ${stats.maxNeighbours}, none: ${stats.isolated} (${((100 * stats.isolated) / stats.geometries).toFixed(2)} %)`);
console.log(`  no neighbour: ${stats.isolatedIds.join(' ')}`);
console.log(`outline length (arcs used once): ${outer.toFixed(0)}° vs ${countyOuter.toFixed(0)}° for the counties`);
console.log(`arcs: ${topo.arcs.length}, quantization ${QUANTIZATION}, simplify min weight ${MIN_WEIGHT}`);
console.log(`time: ${s(tDone - t0)} (read ${s(tRead - t0)}, cells ${s(tCells - tRead)}, topology ${s(tDone - tCells)})`);
console.log(`wrote ${outFile}: ${mb(bytes)}, gzip ${mb(gz)}`);
