import type { Feature, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { isTopology, readTopoJson } from './layer-topojson';
import { LayerImportError } from './layer-types';

const square = (id: string, x: number, y: number): Feature<Polygon> => ({
  type: 'Feature',
  id,
  properties: { name: `unit ${id}` },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});

// two objects, as us-atlas has counties and states: "units" with two squares, "region" with one
const twoObjects = () =>
  topology(
    {
      units: { type: 'FeatureCollection', features: [square('a', -98, 38), square('b', -97, 38)] },
      region: { type: 'FeatureCollection', features: [square('r', -98, 39)] },
    } as Record<string, GeoJSON.GeoJsonObject>,
    1e5,
  );

describe('readTopoJson', () => {
  it('reads every object of the topology by default, and says so', () => {
    const raw = readTopoJson(twoObjects());
    expect(raw).toMatchObject({ format: 'topojson', parts: ['units', 'region'], partsRead: ['units', 'region'], crs: 'format' });
    expect(raw.features.map((f) => f.id)).toEqual(['a', 'b', 'r']);
    expect(raw.notes[0]).toMatch(/2 objects \("units", "region"\); all of them were read/);
  });

  it('reads only the chosen object', () => {
    const raw = readTopoJson(twoObjects(), 'region');
    expect(raw.partsRead).toEqual(['region']);
    expect(raw.features.map((f) => [f.id, f.properties?.name])).toEqual([['r', 'unit r']]);
    expect(raw.notes).toEqual([]);
  });

  it('undoes the quantization: coordinates come back in degrees', () => {
    const ring = (readTopoJson(twoObjects(), 'units').features[1].geometry as Polygon).coordinates[0];
    for (const [x, y] of ring) {
      expect([-97, -96]).toContainEqual(Math.round(x * 1e4) / 1e4);
      expect([38, 39]).toContainEqual(Math.round(y * 1e4) / 1e4);
    }
  });

  it('refuses a missing object, an incomplete topology and arcs that do not match', () => {
    expect(() => readTopoJson(twoObjects(), 'states')).toThrow(/no object "states"; it has "units", "region"/);
    expect(() => readTopoJson({ type: 'Topology', objects: {} } as never)).toThrow(LayerImportError);
    const broken = twoObjects();
    broken.arcs = [];
    expect(() => readTopoJson(broken)).toThrow(/cannot be decoded/);
  });

  it('tells a Topology from GeoJSON', () => {
    expect(isTopology(twoObjects())).toBe(true);
    expect(isTopology({ type: 'FeatureCollection', features: [] })).toBe(false);
  });
});
