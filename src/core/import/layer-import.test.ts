import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import type { GeometryCollection } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { PRJ_WEB_MERCATOR, shapefileZip, square as ring, toWebMercator, type ShapeRecord } from '../../../fixtures/geometry/shapefile-zip';
import { countiesLayer } from '../units/layers';
import { buildUnitLayer, type UnitLayer } from '../units/unit-layer';
import { buildLayer, geometryIssues, importLayerFile, readLayerFile, sniffLayerBytes } from './layer-import';
import { FEATURE_ID_FIELD, LayerImportError } from './layer-types';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const squareFeature = (props: Record<string, unknown>, x: number, y: number, size = 1, id?: string): Feature<Polygon> => ({
  type: 'Feature',
  ...(id ? { id } : {}),
  properties: props,
  geometry: { type: 'Polygon', coordinates: [ring(x, y, size)] },
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const neighbours = (l: UnitLayer, id: string) => {
  const u = l.index.get(id)!;
  return [...l.adj.subarray(l.adjStart[u], l.adjStart[u + 1])].map((v) => l.ids[v]).sort();
};
async function errorOf(p: Promise<unknown>): Promise<LayerImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LayerImportError) return e;
    throw e;
  }
  throw new Error('expected a LayerImportError');
}

// two touching squares in Kansas sharing the edge at -97°
const twoSquares = fc(squareFeature({ GEOID: '20001', NAME: 'West' }, -98, 38), squareFeature({ GEOID: '20003', NAME: 'East' }, -97, 38));

describe('sniffLayerBytes', () => {
  it('goes by content, not by the name', () => {
    expect(sniffLayerBytes(shapefileZip([]), 'areas.json')).toBe('zip');
    expect(sniffLayerBytes(enc(twoSquares), 'areas.zip')).toBe('json');
    expect(sniffLayerBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(' \n[]')]), 'x.geojson')).toBe('json');
  });

  it('refuses what it cannot read with what to do instead', () => {
    const code = (b: Uint8Array, name: string) => {
      try {
        sniffLayerBytes(b, name);
      } catch (e) {
        return [(e as LayerImportError).code, (e as Error).message];
      }
    };
    expect(code(new Uint8Array(), 'a.geojson')).toEqual(['empty-file', 'a.geojson is empty.']);
    const shp = new Uint8Array(100);
    shp.set([0, 0, 0x27, 0x0a]);
    expect(code(shp, 'counties.dat')?.[0]).toBe('shapefile-not-zipped');
    expect(code(enc('PROJCS[...]'), 'counties.prj')?.[1]).toMatch(/one part of a Shapefile. Zip the .shp together with its .dbf and .prj/);
    expect(code(enc('<?xml version="1.0"?><kml>'), 'a.kml')?.[1]).toMatch(/looks like XML \(KML, GML or GPX\)/);
    expect(code(enc('id,name\n1,a'), 'a.csv')?.[0]).toBe('unknown-format');
  });
});

describe('importLayerFile', () => {
  it('GeoJSON: two touching squares become a topology buildUnitLayer takes, adjacent through a shared arc', async () => {
    const result = await importLayerFile(enc(twoSquares), 'kansas.geojson');
    expect(result.preview.guess).toEqual({ id: 'GEOID', name: 'NAME' });
    expect(result.counts).toEqual({ features: 2, imported: 2, repaired: 0, rejected: 0 });
    expect(result.issues).toEqual([]);
    expect(Object.keys(result.topology.objects)).toEqual(['units']);
    expect(result.topology.transform).toBeDefined(); // quantized

    const layer = buildUnitLayer(result.topology, { layerId: 'user:kansas', objectName: result.objectName });
    expect(layer.ids).toEqual(['20001', '20003']);
    expect(layer.names).toEqual(['West', 'East']);
    expect(layer.idProblems).toEqual([]);
    expect(neighbours(layer, '20001')).toEqual(['20003']);
    expect(layer.bridges.length).toBe(0); // a real shared border, not a bridge between pieces
    expect(Math.abs(layer.areaKm2[0] - layer.areaKm2[1])).toBeLessThan(0.1); // equal up to the quantization grid
    expect(layer.areaKm2[0]).toBeGreaterThan(9000); // 1° × 1° at 38°N ≈ 9,700 km²
    expect(layer.areaKm2[0]).toBeLessThan(10000);
    const shared = (result.topology.objects.units as GeometryCollection).geometries.map((g) => g.properties);
    expect(shared).toEqual([
      { name: 'West', fields: { GEOID: '20001', NAME: 'West' } },
      { name: 'East', fields: { GEOID: '20003', NAME: 'East' } },
    ]);
  });

  it('borders that differ in the last decimals still become one shared arc (quantization snaps them)', async () => {
    const west = squareFeature({ id: 'w' }, -98, 38);
    const east = squareFeature({ id: 'e' }, -97, 38);
    east.geometry.coordinates[0] = east.geometry.coordinates[0].map(([x, y]) => [x === -97 ? -97 + 1e-9 : x, y]);
    const layer = buildUnitLayer((await importLayerFile(enc(fc(west, east)), 'a.geojson')).topology, { layerId: 'l', objectName: 'units' });
    expect(neighbours(layer, 'w')).toEqual(['e']);
    expect(layer.bridges.length).toBe(0);
  });

  it('broken features are reported with their ids; the rest of the layer loads and is adjacent', async () => {
    const clockwise = squareFeature({ GEOID: '20003', NAME: 'Middle' }, -97, 38);
    clockwise.geometry.coordinates[0].reverse();
    const unclosed = squareFeature({ GEOID: '20005', NAME: 'East' }, -96, 38);
    unclosed.geometry.coordinates[0].pop();
    const file = fc(
      squareFeature({ GEOID: '20001', NAME: 'West' }, -98, 38),
      clockwise,
      unclosed,
      { type: 'Feature', properties: { GEOID: '20007', NAME: 'Point' }, geometry: { type: 'Point', coordinates: [-95, 38] } },
      { type: 'Feature', properties: { GEOID: '20009', NAME: 'Empty' }, geometry: null },
      squareFeature({ GEOID: '20001', NAME: 'Again' }, -95, 38),
      { type: 'Feature', properties: { GEOID: '20011', NAME: 'Bow-tie' }, geometry: { type: 'Polygon', coordinates: [[[-98, 37], [-97, 38], [-97, 37], [-98, 38], [-98, 37]]] } },
    );
    const result = await importLayerFile(enc(file), 'broken.geojson');
    expect(result.issues.map((i) => [i.featureId, i.index, i.severity, i.kind])).toEqual([
      ['20003', 1, 'repaired', 'wrong-winding'],
      ['20005', 2, 'repaired', 'unclosed-ring'],
      ['20007', 3, 'rejected', 'not-polygon'],
      ['20009', 4, 'rejected', 'empty-geometry'],
      ['20001', 5, 'rejected', 'duplicate-id'],
      ['20011', 6, 'repaired', 'self-intersection'],
    ]);
    expect(result.counts).toEqual({ features: 7, imported: 4, repaired: 3, rejected: 3 });
    const layer = buildUnitLayer(result.topology, { layerId: 'l', objectName: 'units' });
    expect(layer.ids).toEqual(['20001', '20003', '20005', '20011']);
    expect(neighbours(layer, '20003')).toEqual(['20001', '20005']);
    expect(layer.names[0]).toBe('West'); // the first 20001 kept, not "Again"
  });

  it('missing ids: rejected by default, given "#index" ids when the user chooses', async () => {
    const file = enc(fc(squareFeature({ GEOID: 'a' }, 0, 0), squareFeature({}, 1, 0), squareFeature({ GEOID: '' }, 2, 0)));
    const preview = await readLayerFile(file, 'ids.geojson');
    const strict = buildLayer(preview, { idField: 'GEOID' });
    expect(strict.issues.map((i) => [i.index, i.severity, i.kind])).toEqual([
      [1, 'rejected', 'missing-id'],
      [2, 'rejected', 'missing-id'],
    ]);
    expect(strict.issues[0].message).toBe('No id (no value in GEOID): left out. Choose to generate ids to keep it.');
    const generous = buildLayer(preview, { idField: 'GEOID', missingIds: 'generate' });
    expect(generous.issues.map((i) => [i.featureId, i.severity])).toEqual([
      ['#1', 'repaired'],
      ['#2', 'repaired'],
    ]);
    expect(buildUnitLayer(generous.topology, { layerId: 'l', objectName: 'units' }).ids).toEqual(['a', '#1', '#2']);
    // nothing has an id and none are generated: the whole file is refused, with the list
    const none = (() => {
      try {
        buildLayer(preview, { idField: null });
      } catch (e) {
        return e as LayerImportError;
      }
    })();
    expect(none?.code).toBe('no-features');
    expect(none?.issues).toHaveLength(3);
  });

  it('labels geometry problems with the id field the user picks', async () => {
    const file = enc(fc(squareFeature({ GEOID: 'g1', CODE: 'c1' }, 0, 0), { type: 'Feature', properties: { GEOID: 'g2', CODE: 'c2' }, geometry: null }));
    const preview = await readLayerFile(file, 'a.geojson');
    expect(preview.issues.map((i) => [i.featureId, i.index, i.kind])).toEqual([['g2', 1, 'empty-geometry']]); // guessed: GEOID
    expect(geometryIssues(preview, 'GEOID')[0].featureId).toBe('g2');
    expect(geometryIssues(preview, 'CODE')[0].featureId).toBe('c2');
    expect(buildLayer(preview, { idField: 'CODE' }).issues[0].featureId).toBe('c2');
  });

  it('the feature id can be the unit id; names default to the id', async () => {
    const file = enc(fc(squareFeature({}, 0, 0, 1, 'n'), squareFeature({}, 1, 0, 1, 's')));
    const result = await importLayerFile(file, 'a.geojson');
    expect(result.preview.guess.id).toBe(FEATURE_ID_FIELD);
    const layer = buildUnitLayer(result.topology, { layerId: 'l', objectName: result.objectName });
    expect([layer.ids, layer.names]).toEqual([['n', 's'], ['n', 's']]);
  });

  it('GeoJSON in EPSG:3857 metres without a crs: the whole file is refused, naming projected coordinates', async () => {
    const metres = (f: Feature<Polygon>) => ({ ...f, geometry: { type: 'Polygon', coordinates: [f.geometry.coordinates[0].map((p) => toWebMercator(p as [number, number]))] } });
    const e = await errorOf(importLayerFile(enc(fc(...twoSquares.features.map((f) => metres(f as Feature<Polygon>)))), 'mercator.geojson'));
    expect(e.code).toBe('projected-coordinates');
    expect(e.message).toMatch(/^The coordinates \(such as -10909310\.\d+, 4579425\.\d+\) are projected coordinates \(metres or feet\), not WGS84 longitude\/latitude degrees\. GeoJSON must be in WGS84/);
    expect(e.issues.map((i) => [i.featureId, i.kind])).toEqual([
      ['20001', 'not-wgs84'],
      ['20003', 'not-wgs84'],
    ]);
  });

  it('nothing but points: refused, saying why', async () => {
    const e = await errorOf(importLayerFile(enc(fc({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } })), 'pts.geojson'));
    expect(e.code).toBe('no-polygons');
    expect(e.message).toBe('Nothing in pts.geojson can be a unit (not polygons: 1).');
  });

  it('TopoJSON with two objects: all of them by default, or the chosen one', async () => {
    const topo = topology({
      counties: fc(squareFeature({ name: 'A' }, 0, 0, 1, 'a'), squareFeature({ name: 'B' }, 1, 0, 1, 'b')),
      states: fc(squareFeature({ name: 'S' }, 0, 0, 2, 's')),
    } as Record<string, GeoJSON.GeoJsonObject>);
    const all = await importLayerFile(enc(topo), 'atlas.topojson');
    expect(all.preview.parts).toEqual(['counties', 'states']);
    expect(all.notes[0]).toMatch(/2 objects/);
    expect(buildUnitLayer(all.topology, { layerId: 'l', objectName: 'units' }).ids).toEqual(['a', 'b', 's']);
    const states = await importLayerFile(enc(topo), 'atlas.topojson', { part: 'states' });
    expect(buildUnitLayer(states.topology, { layerId: 'l', objectName: 'units' }).ids).toEqual(['s']);
    const counties = buildUnitLayer((await importLayerFile(enc(topo), 'atlas.json', { part: 'counties' })).topology, { layerId: 'l', objectName: 'units' });
    expect(neighbours(counties, 'a')).toEqual(['b']);
  });

  it('TopoJSON and Shapefile winding conventions are not reported as problems', async () => {
    // d3 / us-atlas topologies wind exteriors clockwise; so does every Shapefile
    const cw = squareFeature({ name: 'A' }, 0, 0, 1, 'a');
    cw.geometry.coordinates[0].reverse();
    const topo = await importLayerFile(enc(topology({ u: fc(cw) } as Record<string, GeoJSON.GeoJsonObject>)), 't.json');
    expect(topo.issues).toEqual([]);
  });

  it('zipped Shapefile with a .prj in EPSG:3857: comes out in degrees, adjacent, ids from the .dbf', async () => {
    const records: ShapeRecord[] = [
      { geometry: { type: 'Polygon', rings: [[ring(-75, 40, 1)]] }, properties: { GEOID: '34001', NAME: 'West' } },
      { geometry: { type: 'Polygon', rings: [[ring(-74, 40, 1)]] }, properties: { GEOID: '34003', NAME: 'East' } },
      { geometry: null, properties: { GEOID: '34005', NAME: 'Null shape' } },
    ];
    const result = await importLayerFile(shapefileZip(records, { prj: PRJ_WEB_MERCATOR, project: toWebMercator }), 'nj.zip');
    expect(result.preview.format).toBe('shapefile');
    expect(result.notes[0]).toMatch(/converted from WGS_1984_Web_Mercator_Auxiliary_Sphere/);
    expect(result.issues.map((i) => [i.featureId, i.kind, i.severity])).toEqual([['34005', 'empty-geometry', 'rejected']]);
    const layer = buildUnitLayer(result.topology, { layerId: 'l', objectName: 'units' });
    expect(layer.ids).toEqual(['34001', '34003']);
    expect(layer.names).toEqual(['West', 'East']);
    const [w, s, e, n] = layer.bbox.subarray(0, 4);
    expect([w, s, e, n].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([-75, 40, -74, 41]);
    expect(neighbours(layer, '34001')).toEqual(['34003']);
  });

  it('zipped Shapefile without .prj in metres: "no .prj: cannot tell the coordinate system"', async () => {
    const records: ShapeRecord[] = [{ geometry: { type: 'Polygon', rings: [[ring(-75, 40, 1)]] }, properties: { GEOID: '34001' } }];
    const e = await errorOf(importLayerFile(shapefileZip(records, { project: toWebMercator }), 'nj.zip'));
    expect(e.code).toBe('no-prj');
    expect(e.message).toMatch(/No \.prj in the zip: cannot tell the coordinate system/);
  });

  it('us-atlas counties imported as a user TopoJSON: every county but one collapsed by quantization, same borders as the shipped layer', async () => {
    const bytes = readFileSync(createRequire(import.meta.url).resolve('us-atlas/counties-10m.json'));
    const result = await importLayerFile(new Uint8Array(bytes), 'counties-10m.json', { part: 'counties' });
    expect(result.preview.guess).toEqual({ id: FEATURE_ID_FIELD, name: 'name' });
    // Falls Church, VA is two distinct points in the 10m file: nothing with an area
    expect(result.issues.filter((i) => i.severity === 'rejected').map((i) => [i.featureId, i.kind])).toEqual([['51610', 'short-ring']]);
    expect(result.counts).toMatchObject({ features: 3231, imported: 3230, rejected: 1 });
    // rings that only touch themselves (tri-point spikes) are left alone, so borders survive
    const mine = buildUnitLayer(result.topology, { layerId: 'user', objectName: 'units' });
    const shipped = countiesLayer(JSON.parse(bytes.toString('utf8')));
    const sharedBorders = (l: UnitLayer, id: string) => {
      const u = l.index.get(id)!;
      const out: string[] = [];
      for (let k = l.adjStart[u]; k < l.adjStart[u + 1]; k++) if (!l.adjBridge[k] && l.ids[l.adj[k]] !== '51610') out.push(l.ids[l.adj[k]]);
      return out.sort().join(',');
    };
    const differ = mine.ids.filter((id) => sharedBorders(mine, id) !== sharedBorders(shipped, id));
    // San Francisco touches Alameda only through a part of zero area, which the repair leaves out
    expect(differ.sort()).toEqual(['06001', '06075']);
  });
});
