/**
 * From counties and ZIP centroids to one approximate area per ZIP, covering every county. Pure
 * (no files), so the tests can run it on hand-made counties.
 */
import { unwrapLon, unwrapPolys, unwrapShift, rewrapPolys } from './antimeridian';
import { CountyIndex } from './county-index';
import { countyCells } from './county-cells';
import { mergeCounty, nearestSite } from './orphans';
import { nodeRings } from './noding';
import { rewind, type MultiPoly, type Pt } from './geometry';
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
  const orphanCounties: BuildReport['orphanCounties'] = [];
  let orphanMergeFallbacks = 0;
  counties.forEach((county, c) => {
    if (byCounty[c].length > 0 || withArea.length === 0) return;
    const i = withArea[nearestSite(county.polys, sitePoints)];
    const m = mergeCounty(geometry[i]!, county.polys);
    geometry[i] = m.merged;
    if (m.fallback) orphanMergeFallbacks++;
    orphanCounties.push({ fips: county.fips, zip: zips[i].zip });
  });

  for (const i of withArea) geometry[i] = rewind(geometry[i]!);
  const geoms = withArea.map((i) => geometry[i]!);
  const nodedVertices = nodeRings(geoms);
  const features = withArea.map((i) => {
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
