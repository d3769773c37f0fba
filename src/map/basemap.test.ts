import { validateStyleMin, expression as mlExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { loadCounties, loadStates, loadWorld } from './basemap-data';
import { basemapStyle, chooseStyle, isBasemapStyle, remoteStyle } from './basemap-style';
import { labelPoint } from './label-point';

describe('basemapStyle', () => {
  const style = basemapStyle({ citiesUrl: 'http://localhost/data/cities.json' });

  it('is a valid MapLibre style that needs no glyph server or tiles', () => {
    expect(validateStyleMin(style as Parameters<typeof validateStyleMin>[0])).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const s of Object.values(style.sources)) expect(s.type).toBe('geojson');
    // Every font named by a layer is pinned to a bundled file.
    const fonts = new Set(style.layers.flatMap((l) => ('layout' in l && l.layout && 'text-font' in l.layout ? (l.layout['text-font'] as string[]) : [])));
    for (const f of fonts) expect(style['font-faces']).toHaveProperty([f]);
  });

  it('shows county borders only from zoom 5', () => {
    expect(style.layers.find((l) => l.id === 'us-county-borders')).toMatchObject({ minzoom: 5 });
  });

  it('uses a remote style URL when one is given', () => {
    expect(chooseStyle('https://tiles.example.com/style.json')).toBe('https://tiles.example.com/style.json');
    expect(isBasemapStyle(chooseStyle('  '))).toBe(true);
    expect(isBasemapStyle(chooseStyle(null))).toBe(true);
    expect(() => remoteStyle('javascript:alert(1)')).toThrow(/https/);
  });

  it('evaluates its city tier filters as intended', () => {
    const major = style.layers.find((l) => l.id === 'city-labels-major') as { filter: unknown };
    const f = mlExpression.createExpression(major.filter, { type: 'boolean', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
    if (f.result !== 'success') throw new Error('bad filter');
    const at = (population: number) => f.value.evaluate({ zoom: 4 }, { type: 'Point', properties: { population } } as never);
    expect(at(2_000_000)).toBe(true);
    expect(at(500_000)).toBe(false);
  });
});

describe('base map data', () => {
  it('has the states, their shared borders once, and a label point inside each state', async () => {
    const s = await loadStates();
    expect(s.land.features.length).toBeGreaterThanOrEqual(51);
    expect(s.borders.features).toHaveLength(1);
    const florida = s.labels.features.find((f) => f.properties?.name === 'Florida')!;
    const [lon, lat] = florida.geometry.coordinates;
    expect(lon).toBeGreaterThan(-83.5);
    expect(lon).toBeLessThan(-80);
    expect(lat).toBeGreaterThan(26);
    expect(lat).toBeLessThan(30.5);
  });

  it('leaves the US out of the world layer (the Census outline draws it)', async () => {
    const w = await loadWorld();
    expect(w.land.features.some((f) => String(f.id) === '840')).toBe(false);
    expect(w.land.features.some((f) => String(f.id) === '124')).toBe(true);
  });

  it('draws county borders as one mesh', async () => {
    const c = await loadCounties();
    expect(c.borders.features).toHaveLength(1);
    expect(c.borders.features[0].geometry.coordinates.length).toBeGreaterThan(1000);
  }, 20_000);
});

describe('labelPoint', () => {
  it('finds a point inside a C-shaped polygon, where the centroid is outside', () => {
    const c = { type: 'Polygon' as const, coordinates: [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]] };
    const [x, y] = labelPoint(c);
    expect(x).toBeLessThan(2);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(10);
  });
});
