import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PRJ_WEB_MERCATOR, PRJ_WGS84, shapefileParts, shapefileZip, square, toWebMercator, zipBytes, type ShapeRecord } from '../../../fixtures/geometry/shapefile-zip';
import { readShapefileZip } from './layer-shapefile';
import { LayerImportError } from './layer-types';
import { zipEntries } from './layer-zip';

// two touching squares in New Jersey / Pennsylvania, a null shape, as a county file would have them
const records: ShapeRecord[] = [
  { geometry: { type: 'Polygon', rings: [[square(-75, 40, 1)]] }, properties: { GEOID: '01001', NAME: 'West', POP: 1200 } },
  { geometry: { type: 'Polygon', rings: [[square(-74, 40, 1)]] }, properties: { GEOID: '01003', NAME: 'East', POP: 800 } },
  { geometry: null, properties: { GEOID: '01005', NAME: 'Nowhere', POP: 0 } },
];

async function errorOf(p: Promise<unknown>): Promise<LayerImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LayerImportError) return e;
    throw e;
  }
  throw new Error('expected a LayerImportError');
}

describe('readShapefileZip', () => {
  it('applies a .prj in EPSG:3857: metres come out as degrees', async () => {
    const raw = await readShapefileZip(shapefileZip(records, { prj: PRJ_WEB_MERCATOR, project: toWebMercator }));
    expect(raw).toMatchObject({ format: 'shapefile', crs: 'prj', parts: ['layer'], partsRead: ['layer'] });
    expect(raw.notes).toEqual(['The coordinates were converted from WGS_1984_Web_Mercator_Auxiliary_Sphere (.prj) to WGS84 longitude/latitude.']);
    const ring = (raw.features[0].geometry as Polygon).coordinates[0];
    expect(ring).toHaveLength(5);
    for (const [x, y] of ring) {
      expect([-75, -74]).toContainEqual(Math.round(x * 1e6) / 1e6);
      expect([40, 41]).toContainEqual(Math.round(y * 1e6) / 1e6);
    }
  });

  it('reads the .dbf fields as they are: text ids keep their leading zeros, numbers are numbers', async () => {
    const raw = await readShapefileZip(shapefileZip(records, { prj: PRJ_WGS84 }));
    expect(raw.features.map((f) => f.properties)).toEqual(records.map((r) => r.properties));
    expect(raw.notes).toEqual([]); // degrees in, degrees out: nothing to say
  });

  it('keeps a null shape in its place, with its fields', async () => {
    const raw = await readShapefileZip(shapefileZip(records, { prj: PRJ_WGS84 }));
    expect(raw.features.map((f) => f.geometry?.type ?? null)).toEqual(['Polygon', 'Polygon', null]);
    expect(raw.features[2].properties?.GEOID).toBe('01005');
  });

  it('without a .prj, takes coordinates that look like degrees as WGS84, with a note', async () => {
    const raw = await readShapefileZip(shapefileZip(records, { deflate: false }));
    expect(raw.crs).toBe('none');
    expect(raw.notes).toEqual(['The zip has no .prj file; the coordinates look like longitude/latitude degrees, so they were read as WGS84.']);
    expect((raw.features[0].geometry as Polygon).coordinates[0][0]).toEqual([-75, 40]);
  });

  it('without a .prj, refuses coordinates that are not degrees: the coordinate system cannot be told', async () => {
    const e = await errorOf(readShapefileZip(shapefileZip(records, { project: toWebMercator })));
    expect(e.code).toBe('no-prj');
    expect(e.message).toMatch(/^No \.prj in the zip: cannot tell the coordinate system\. The coordinates \(such as -8348961\.81, 4865942\.28\) are not longitude\/latitude degrees/);
  });

  it('refuses a .prj that proj4 cannot read, instead of letting metres pass as degrees', async () => {
    const e = await errorOf(readShapefileZip(shapefileZip(records, { prj: 'PROJCS["Local grid"]', project: toWebMercator })));
    expect(e.code).toBe('bad-prj');
    expect(e.message).toMatch(/layer\.prj does not describe a coordinate system this app can read \("PROJCS\["Local grid"\]"\)/);
  });

  it('reads a Shapefile without .dbf, and says its shapes have no fields', async () => {
    const { shp, shx } = shapefileParts(records);
    const raw = await readShapefileZip(zipBytes([{ name: 'bare.shp', bytes: shp }, { name: 'bare.shx', bytes: shx }, { name: 'bare.prj', bytes: new TextEncoder().encode(PRJ_WGS84) }]));
    expect(raw.features.map((f) => f.properties)).toEqual([null, null, null]);
    expect(raw.notes).toEqual(['The zip has no bare.dbf, so its shapes have no fields: ids have to be generated.']);
  });

  it('reads every Shapefile in the zip, or the chosen one; finds them in folders; ignores __MACOSX', async () => {
    const a = shapefileParts(records.slice(0, 1));
    const b = shapefileParts(records.slice(1, 2));
    const prj = new TextEncoder().encode(PRJ_WGS84);
    const zip = zipBytes([
      { name: 'data/counties.shp', bytes: a.shp },
      { name: 'data/counties.dbf', bytes: a.dbf },
      { name: 'data/counties.prj', bytes: prj },
      { name: 'data/zips.SHP', bytes: b.shp },
      { name: 'data/zips.DBF', bytes: b.dbf },
      { name: 'data/zips.PRJ', bytes: prj },
      { name: '__MACOSX/data/._zips.shp', bytes: new Uint8Array([0, 5, 22, 7]) },
    ]);
    const all = await readShapefileZip(zip);
    expect(all.parts).toEqual(['data/counties', 'data/zips']);
    expect(all.features.map((f) => f.properties?.GEOID)).toEqual(['01001', '01003']);
    expect(all.notes).toEqual(['The zip holds 2 Shapefiles (data/counties, data/zips); all of them were read into one layer. Choose one to import only it.']);
    const one = await readShapefileZip(zip, 'data/zips');
    expect(one.features.map((f) => f.properties?.GEOID)).toEqual(['01003']);
    expect((await errorOf(readShapefileZip(zip, 'states'))).code).toBe('no-such-part');
  });

  it('refuses a zip with no .shp, naming what it holds', async () => {
    const e = await errorOf(readShapefileZip(zipBytes([{ name: 'areas.geojson', bytes: new TextEncoder().encode('{}') }])));
    expect(e.code).toBe('no-shapefile');
    expect(e.message).toMatch(/holds no \.shp file \(it has areas\.geojson\)/);
  });

  it('reads Point shapefiles as points (the repair step rejects them)', async () => {
    const raw = await readShapefileZip(shapefileZip([{ geometry: { type: 'Point', point: [-75, 40] }, properties: { ID: 'p' } }], { prj: PRJ_WGS84 }));
    expect(raw.features[0].geometry).toEqual({ type: 'Point', coordinates: [-75, 40] });
  });
});

describe('zipEntries', () => {
  it('lists the names and sizes from the central directory', () => {
    const entries = zipEntries(zipBytes([{ name: 'a.txt', bytes: new Uint8Array(10) }, { name: 'b/c.txt', bytes: new Uint8Array(3) }], false));
    expect(entries.map((e) => [e.name, e.size, e.method])).toEqual([
      ['a.txt', 10, 0],
      ['b/c.txt', 3, 0],
    ]);
  });

  it('refuses a cut-off zip', () => {
    const zip = shapefileZip(records);
    expect(() => zipEntries(zip.subarray(0, zip.length - 30))).toThrow(/damaged or incomplete/);
  });
});
