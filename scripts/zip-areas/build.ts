/**
 * From counties and ZIP centroids to one approximate area per ZIP, covering every county. Pure
 * (no files), so the tests can run it on hand-made counties.
 */
import { unwrapLon, unwrapPolys, unwrapShift, rewrapPolys } from './antimeridian';
import { CountyIndex } from './county-index';
import { countyCells } from './county-cells';
import { mergeCounty, nearestSite } from './orphans';
import { nodeRings } from './noding';
import { cleanPolys, rewind, type MultiPoly, type Pt } from './geometry';
import type { AreaFeature } from './topology';

export const ZIP_AREAS_OBJECT = 'zips';

// a type, not an interface, so it fits GeoJSON's index-signature properties
export type ZipAreaProperties = {
  /** 5-digit FIPS of the county the ZIP's centroid lies in (or, off the coast, is nearest to) */
  county: string;
  /** USPS abbreviation of that county's state */
  state: string;
};

export interface ZipSite {
  zip: string;
  lon: number;
  lat: number;
}

export interface CountyInput {
  fips: string;
  state: string;
  polys: MultiPoly;
}

export interface BuildReport {
  zips: number;
  areas: number;
  /** ZIPs left without an area, with the reason */
  withoutArea: { zip: string; reason: string }[];
  /** centroids in no county, given to the nearest county */
  nearestCounty: number;
  /** of those, sites moved onto their county's boundary for the diagram */
  snappedSites: number;
  clipFallbacks: number;
  /** counties with no centroid, merged whole into the nearest ZIP */
  orphanCounties: { fips: string; zip: string }[];
  orphanMergeFallbacks: number;
  nodedVertices: number;
}

export function buildZipAreaFeatures(counties: readonly CountyInput[], zips: readonly ZipSite[]): { features: AreaFeature<ZipAreaProperties>[]; report: BuildReport } {
  const index = new CountyIndex(counties);
  const byCounty: number[][] = counties.map(() => []);
  const withoutArea: BuildReport['withoutArea'] = [];
  let nearestCounty = 0;
  zips.forEach((z, i) => {
    const loc = index.locate([z.lon, z.lat]);
    if (!loc) {
      withoutArea.push({ zip: z.zip, reason: 'no county anywhere near its centroid' });
      return;
    }
    if (loc.nearest) nearestCounty++;
    byCounty[loc.county].push(i);
  });

  const geometry: (MultiPoly | undefined)[] = zips.map(() => undefined);
  const countyOf: number[] = zips.map(() => -1);
  let clipFallbacks = 0;
  let snappedSites = 0;
  counties.forEach((county, c) => {
    const members = byCounty[c];
    if (members.length === 0) return;
    const shift = unwrapShift(county.polys);
    const sites = members.map((i): Pt => [unwrapLon(zips[i].lon, shift), zips[i].lat]);
    const r = countyCells(unwrapPolys(county.polys, shift), sites);
    clipFallbacks += r.fallbacks;
    snappedSites += r.snapped;
    r.cells.forEach((cell, k) => {
      const i = members[k];
      countyOf[i] = c;
      if (cell.length === 0) withoutArea.push({ zip: zips[i].zip, reason: `its Voronoi cell lies wholly outside county ${county.fips}` });
      else geometry[i] = shift === 0 ? cell : rewrapPolys(cell);
    });
  });

  const withArea = zips.map((_, i) => i).filter((i) => geometry[i] !== undefined);
  const sitePoints = withArea.map((i): Pt => [zips[i].lon, zips[i].lat]);
  const orphans = counties
    .map((county, c) => ({ county, c }))
    .filter(({ c }) => byCounty[c].length === 0 && withArea.length > 0)
    .map(({ county }) => ({ county, polys: structuredClone(county.polys), zip: withArea[nearestSite(county.polys, sitePoints)] }));

  // First pass, orphan counties included: each merged county then meets its ZIP on identical
  // vertices and the union dissolves their border instead of leaving a 1e-15° sliver along it.
  let nodedVertices = nodeRings([...withArea.map((i) => geometry[i]!), ...orphans.map((o) => o.polys)]);

  const orphanCounties: BuildReport['orphanCounties'] = [];
  let orphanMergeFallbacks = 0;
  for (const o of orphans) {
    const m = mergeCounty(geometry[o.zip]!, o.polys);
    geometry[o.zip] = m.merged;
    if (m.fallback) orphanMergeFallbacks++;
    orphanCounties.push({ fips: o.county.fips, zip: zips[o.zip].zip });
  }

  // Second pass: the merged counties' new edges, and vertices the unions dropped as collinear.
  if (orphanCounties.length > 0) nodedVertices += nodeRings(withArea.map((i) => geometry[i]!));
  for (const i of withArea) {
    geometry[i] = rewind(cleanPolys(geometry[i]!));
    if (geometry[i]!.length === 0) withoutArea.push({ zip: zips[i].zip, reason: 'nothing but slivers was left of its cell' });
  }

  const features = withArea.filter((i) => geometry[i]!.length > 0).map((i) => {
    const county = counties[countyOf[i]];
    return { id: zips[i].zip, properties: { county: county.fips, state: county.state }, geometry: geometry[i]! };
  });
  return {
    features,
    report: {
      zips: zips.length,
      areas: features.length,
      withoutArea,
      nearestCounty,
      snappedSites,
      clipFallbacks,
      orphanCounties,
      orphanMergeFallbacks,
      nodedVertices,
    },
  };
}
