/**
 * US counties from us-atlas (Census cartographic boundaries, already a topology, so neighbouring
 * counties share their border vertices exactly — the ZIP cells inherit that).
 */
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { stateOfCounty } from './state-fips';
import type { MultiPoly } from './geometry';

export interface County {
  /** 5-digit FIPS */
  fips: string;
  name: string;
  /** USPS abbreviation of the county's state or territory */
  state: string;
  /** [lon, lat] in [-180, 180], as us-atlas has it */
  polys: MultiPoly;
}

const require = createRequire(import.meta.url);

export function usAtlasVersion(): string {
  return (require('us-atlas/package.json') as { version: string }).version;
}

export function loadCounties(): County[] {
  const topo = require('us-atlas/counties-10m.json') as Topology<{ counties: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.counties);
  const out: County[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const fips = String(f.id);
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as MultiPoly;
    out.push({ fips, name: f.properties?.name ?? fips, state: stateOfCounty(fips), polys });
  }
  return out;
}
