import { describe, expect, it } from 'vitest';
import { intersection } from 'polyclip-ts';
import { neighbors } from 'topojson-client';
import { countyCells } from './county-cells';
import { multiPolyArea, pointInMultiPoly, type Pt } from './geometry';
import { buildZipAreaFeatures, ZIP_AREAS_OBJECT } from './build';
import { buildTopology } from './topology';
import { box } from './test-support';

const county = box(-90, 40, -89, 41);

describe('countyCells', () => {
  const sites: Pt[] = [
    [-89.8, 40.2],
    [-89.2, 40.2],
    [-89.5, 40.8],
  ];
  const { cells, fallbacks } = countyCells(county, sites);

  it('tiles the county exactly with one cell per ZIP', () => {
    expect(cells).toHaveLength(3);
    expect(fallbacks).toBe(0);
    const total = cells.reduce((s, c) => s + multiPolyArea(c), 0);
    expect(total).toBeCloseTo(multiPolyArea(county), 12);
    cells.forEach((c, i) => expect(pointInMultiPoly(sites[i], c)).toBe(true));
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) expect(multiPolyArea(intersection(cells[i], cells[j]))).toBeCloseTo(0, 12);
    }
  });

  it('gives a lone ZIP the whole county', () => {
    expect(countyCells(county, [[-89.5, 40.5]]).cells).toEqual([county]);
  });

  it('gives coincident centroids a cell each', () => {
    const r = countyCells(county, [
      [-89.5, 40.5],
      [-89.5, 40.5],
      [-89.2, 40.7],
    ]);
    for (const c of r.cells) expect(multiPolyArea(c)).toBeGreaterThan(0);
  });

  it('moves a centroid lying off the coast onto the county border so it keeps some land', () => {
    const r = countyCells(county, [
      [-89.5, 40.5],
      [-88.99, 40.9], // just east of the county, nearer to the other site's cell than to any land of its own
    ]);
    expect(r.snapped).toBe(1);
    expect(multiPolyArea(r.cells[1])).toBeGreaterThan(0);
  });

  it('makes cells that share arcs in the topology, so each touching pair are neighbours', () => {
    const { features } = buildZipAreaFeatures(
      [{ fips: '17001', state: 'IL', polys: county }],
      sites.map(([lon, lat], i) => ({ zip: `6000${i}`, lon, lat })),
    );
    const { topology } = buildTopology(ZIP_AREAS_OBJECT, features, { quantization: 1e5, minWeight: 1e-9 });
    const nb = neighbors(topology.objects[ZIP_AREAS_OBJECT].geometries);
    expect(nb).toEqual([
      [1, 2],
      [0, 2],
      [0, 1],
    ]);
  });
});
