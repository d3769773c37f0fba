import { describe, expect, it } from 'vitest';
import { neighbors } from 'topojson-client';
import { buildZipAreaFeatures, ZIP_AREAS_OBJECT, type CountyInput, type ZipAreaProperties, type ZipSite } from './build';
import { multiPolyArea } from './geometry';
import { buildTopology, type AreaFeature } from './topology';
import { outerArcLength } from './topology-stats';
import { box } from './test-support';

const topo = (features: AreaFeature<ZipAreaProperties>[]) => buildTopology(ZIP_AREAS_OBJECT, features, { quantization: 1e5, minWeight: 1e-9 }).topology;

describe('buildZipAreaFeatures across county lines', () => {
  // Two counties sharing the border x = -89. Their ZIPs are placed so each county's Voronoi edges meet
  // that border at different latitudes: without noding the border would not be one shared arc.
  const counties: CountyInput[] = [
    { fips: '17001', state: 'IL', polys: box(-90, 40, -89, 41) },
    { fips: '18001', state: 'IN', polys: box(-89, 40, -88, 41) },
  ];
  const zips: ZipSite[] = [
    { zip: '60001', lon: -89.5, lat: 40.2 },
    { zip: '60002', lon: -89.5, lat: 40.6 },
    { zip: '46001', lon: -88.5, lat: 40.3 },
    { zip: '46002', lon: -88.5, lat: 40.9 },
  ];
  const { features, report } = buildZipAreaFeatures(counties, zips);

  it('labels each area with the county and state of its centroid', () => {
    expect(features.map((f) => [f.id, f.properties.county, f.properties.state])).toEqual([
      ['60001', '17001', 'IL'],
      ['60002', '17001', 'IL'],
      ['46001', '18001', 'IN'],
      ['46002', '18001', 'IN'],
    ]);
  });

  it('inserts the other side’s vertices into the shared border', () => {
    expect(report.nodedVertices).toBeGreaterThanOrEqual(2);
  });

  it('shares the whole county border: the layer outline is just the outer perimeter', () => {
    const t = topo(features);
    expect(outerArcLength(t, ZIP_AREAS_OBJECT)).toBeCloseTo(6, 3);
    const nb = neighbors(t.objects[ZIP_AREAS_OBJECT].geometries);
    // 60001 (south-west) touches 46001 across the border, 60002 touches both eastern ZIPs
    expect(nb[0]).toEqual([1, 2]);
    expect(nb[1]).toEqual([0, 2, 3]);
  });
});

describe('counties without a ZIP centroid', () => {
  const counties: CountyInput[] = [
    { fips: '51001', state: 'VA', polys: box(-78, 37, -77, 38) },
    { fips: '51002', state: 'VA', polys: box(-77, 37, -76.9, 38) }, // a small independent city
    { fips: '51003', state: 'VA', polys: box(-76.9, 37, -76, 38) },
  ];
  const zips: ZipSite[] = [
    { zip: '22001', lon: -77.5, lat: 37.5 },
    { zip: '22002', lon: -77.1, lat: 37.2 },
    { zip: '23001', lon: -76.5, lat: 37.5 },
  ];
  const { features, report } = buildZipAreaFeatures(counties, zips);

  it('is merged whole into the ZIP whose centroid is nearest, leaving no hole', () => {
    expect(report.orphanCounties).toEqual([{ fips: '51002', zip: '22002' }]);
    const total = features.reduce((s, f) => s + multiPolyArea(f.geometry), 0);
    expect(total).toBeCloseTo(1 + 0.1 + 0.9, 9);
    // a true union: one part, not the city glued on as a second polygon
    const z = features.find((f) => f.id === '22002')!;
    expect(z.geometry).toHaveLength(1);
    expect(z.properties.county).toBe('51001');
  });

  it('keeps the layer one connected piece', () => {
    const t = topo(features);
    expect(outerArcLength(t, ZIP_AREAS_OBJECT)).toBeCloseTo(2 * (2 + 1), 3);
    const nb = neighbors(t.objects[ZIP_AREAS_OBJECT].geometries);
    expect(nb.every((n) => n.length > 0)).toBe(true);
  });
});

describe('Aleutian-style counties on both sides of 180°', () => {
  const counties: CountyInput[] = [
    {
      fips: '02016',
      state: 'AK',
      polys: [...box(179, 51, 179.8, 52), ...box(-179.8, 51, -179, 52), ...box(-178, 51, -177, 52)],
    },
  ];
  const zips: ZipSite[] = [
    { zip: '99546', lon: -179.5, lat: 51.5 },
    { zip: '99547', lon: -177.5, lat: 51.5 },
  ];
  const { features } = buildZipAreaFeatures(counties, zips);

  it('builds cells across the meridian, not round the world, and keeps every part in [-180, 180]', () => {
    const adak = features.find((f) => f.id === '99546')!;
    const atka = features.find((f) => f.id === '99547')!;
    // the island at 179°E is nearest to 99546 across the meridian, so it is 99546's
    expect(adak.geometry).toHaveLength(2);
    expect(atka.geometry).toHaveLength(1);
    for (const f of features) {
      for (const poly of f.geometry) {
        const xs = poly[0].map((p) => p[0]);
        expect(Math.min(...xs)).toBeGreaterThanOrEqual(-180);
        expect(Math.max(...xs)).toBeLessThanOrEqual(180);
        expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(2);
      }
    }
    const total = features.reduce((s, f) => s + multiPolyArea(f.geometry), 0);
    expect(total).toBeCloseTo(0.8 + 0.8 + 1, 9);
  });
});
