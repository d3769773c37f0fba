import { expression as mlExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { clusterRadius, EMPTY_COLOR, radiusScale, revenueRadius } from '../core/view/palette';
import type { ViewFeature } from '../core/view/types';
import { clusterRadiusExpression, colorExpression, featuresToGeoJSON, revenueRadiusExpression } from './account-layers';

const cluster: ViewFeature = { kind: 'cluster', lon: -100, lat: 40, count: 1234, revenue: 5e6, colorCode: 2, index: -1 };
const point: ViewFeature = { kind: 'point', lon: -90, lat: 35, count: 1, revenue: NaN, colorCode: 1, index: 42 };

/** Evaluates a MapLibre expression against feature properties, as the renderer would. */
function evaluate(expr: unknown, properties: Record<string, unknown>, zoom = 5): unknown {
  const parsed = mlExpression.createExpression(expr, { type: 'number', 'property-type': 'data-driven', expression: { interpolated: true, parameters: ['zoom', 'feature'] } } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom }, { type: 'Point', properties } as never);
}

describe('featuresToGeoJSON', () => {
  it('turns view features into GeoJSON points with ids for accounts', () => {
    const fc = featuresToGeoJSON([cluster, point]);
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0]).toMatchObject({ geometry: { coordinates: [-100, 40] }, properties: { kind: 'cluster', count: 1234, label: '1.2k', index: -1 } });
    expect(fc.features[0].id).toBeUndefined();
    expect(fc.features[1]).toMatchObject({ id: 42, properties: { kind: 'point', revenue: null, colorCode: 1, label: '' } });
    expect(fc.features[0].properties.wCount).toBe(1);
    expect(fc.features[1].properties.wRevenue).toBe(0);
    // Survives JSON: no NaN anywhere.
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });
});

describe('paint expressions', () => {
  it('colours by code with grey for unknown codes', () => {
    const e = colorExpression(['#111111', '#222222', '#333333']);
    const color = (code: number) => {
      const parsed = mlExpression.createExpression(e, { type: 'color', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
      if (parsed.result !== 'success') throw new Error('bad');
      return parsed.value.evaluate({ zoom: 5 }, { type: 'Point', properties: { colorCode: code } } as never).toString();
    };
    expect(color(2)).toBe('#333333');
    expect(color(0)).toBe('#111111');
    expect(color(9)).toBe(EMPTY_COLOR);
    expect(colorExpression([])).toBe(EMPTY_COLOR);
  });

  it('sizes points exactly like palette.revenueRadius', () => {
    const s = radiusScale(50_000);
    const e = revenueRadiusExpression(s);
    for (const revenue of [0, 1000, 12_500, 50_000, 1e7]) expect(evaluate(e, { revenue })).toBeCloseTo(revenueRadius(revenue, s), 9);
    expect(evaluate(e, { revenue: null })).toBe(s.minPx);
  });

  it('sizes clusters exactly like palette.clusterRadius', () => {
    const e = clusterRadiusExpression();
    for (const count of [2, 7, 100, 5000, 1e6]) expect(evaluate(e, { count })).toBeCloseTo(clusterRadius(count), 6);
  });
});
