import { describe, expect, it } from 'vitest';
import { parseJsonOrSeq, readGeoJson } from './layer-geojson';
import { LayerImportError } from './layer-types';

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
});
const feature = (id: string, x: number) => ({ type: 'Feature', id, properties: { NAME: `n${id}` }, geometry: square(x, 0) });

describe('readGeoJson', () => {
  it('reads a FeatureCollection, keeping ids, properties and order', () => {
    const raw = readGeoJson({ type: 'FeatureCollection', features: [feature('a', 0), feature('b', 1)] });
    expect(raw.format).toBe('geojson');
    expect(raw.crs).toBe('format');
    expect(raw.features.map((f) => [f.id, f.properties?.NAME, f.geometry?.type])).toEqual([
      ['a', 'na', 'Polygon'],
      ['b', 'nb', 'Polygon'],
    ]);
  });

  it('reads a single Feature, a bare geometry and a bare array of features', () => {
    expect(readGeoJson(feature('a', 0)).features).toHaveLength(1);
    const bare = readGeoJson(square(0, 0)).features;
    expect(bare).toEqual([{ type: 'Feature', geometry: square(0, 0), properties: null }]);
    expect(readGeoJson([feature('a', 0), feature('b', 1)]).features).toHaveLength(2);
  });

  it('keeps the place of an item that is not a feature (no geometry), so indexes match the file', () => {
    const raw = readGeoJson({ type: 'FeatureCollection', features: [42, feature('b', 1), square(2, 0)] });
    expect(raw.features.map((f) => f.geometry?.type ?? null)).toEqual([null, 'Polygon', 'Polygon']);
  });

  it('converts coordinates named by an old-style "crs" member (EPSG:3857 metres → degrees)', () => {
    const raw = readGeoJson({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-8348961.8, 4865942.3], [-8237642.3, 4865942.3], [-8237642.3, 5012341.7], [-8348961.8, 4865942.3]]] } }],
    });
    expect(raw.crs).toBe('crs-member');
    expect(raw.notes[0]).toMatch(/EPSG::3857.*converted/);
    const [x, y] = (raw.features[0].geometry as { coordinates: number[][][] }).coordinates[0][0];
    expect(x).toBeCloseTo(-75, 5);
    expect(y).toBeCloseTo(40, 5);
  });

  it('reads CRS84 and EPSG:4326 as they are, and says when it does not know a named system', () => {
    const fc = (name: string) => ({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [feature('a', 0)] });
    expect(readGeoJson(fc('urn:ogc:def:crs:OGC:1.3:CRS84'))).toMatchObject({ crs: 'format', notes: [] });
    expect(readGeoJson(fc('EPSG:4326'))).toMatchObject({ crs: 'format', notes: [] });
    const unknown = readGeoJson(fc('EPSG:2263'));
    expect(unknown.crs).toBe('format');
    expect(unknown.notes[0]).toMatch(/EPSG:2263, which this app does not know/);
    expect((unknown.features[0].geometry as { coordinates: number[][][] }).coordinates[0][0]).toEqual([0, 0]);
  });

  it('refuses JSON that is not GeoJSON', () => {
    expect(() => readGeoJson({ rows: [] })).toThrow(LayerImportError);
    expect(() => readGeoJson({ rows: [] })).toThrow(/not GeoJSON or TopoJSON/);
    expect(() => readGeoJson({ type: 'FeatureCollection' })).toThrow(/no "features" list/);
  });
});

describe('parseJsonOrSeq', () => {
  it('parses JSON, newline-delimited GeoJSON and RFC 8142 sequences', () => {
    expect(parseJsonOrSeq('{"a":1}')).toEqual({ a: 1 });
    const lines = [feature('a', 0), feature('b', 1)].map((f) => JSON.stringify(f));
    expect(parseJsonOrSeq(lines.join('\n'))).toHaveLength(2);
    expect(parseJsonOrSeq(lines.map((l) => `\u001e${l}\n`).join(''))).toHaveLength(2);
  });

  it('reports broken JSON as unreadable', () => {
    try {
      parseJsonOrSeq('{"type": "FeatureCollection", "features": [');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LayerImportError);
      expect((e as LayerImportError).code).toBe('unreadable');
      expect((e as Error).message).toMatch(/not valid JSON/);
    }
  });
});
