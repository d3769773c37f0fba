import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findOverlaps } from './overlaps';
import { repairShape } from './repair';
import { toGeometry, type DrawnShape } from './shape-types';

/**
 * Fixtures in, fixtures out (as turf does): fixtures/geometry/shapes/in/<name>.geojson goes
 * through the operation, the result must equal out/<name>.geojson, which a reviewer can open in
 * any GIS viewer. REGEN=1 rewrites the out files; review the diff.
 */
const root = join(__dirname, '../../../fixtures/geometry/shapes');
const read = (name: string) => JSON.parse(readFileSync(join(root, 'in', name), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;

function check(name: string, out: unknown) {
  const text = `${JSON.stringify(out, null, 2).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]')}\n`;
  const path = join(root, 'out', name);
  if (process.env.REGEN) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

const km2 = (v: number) => Number(v.toFixed(3));

describe('fixtures/geometry/shapes', () => {
  it('drawings.geojson: repairShape', () => {
    const fc = read('drawings.geojson');
    check('drawings.geojson', {
      type: 'FeatureCollection',
      features: fc.features.map((f): Feature | object => {
        const r = repairShape(f.geometry);
        return r.ok
          ? { type: 'Feature', properties: { name: f.properties?.name, notes: r.notes }, geometry: r.value }
          : { type: 'Feature', properties: { name: f.properties?.name, refused: r.error }, geometry: null };
      }),
    });
  });

  it('overlaps.geojson: findOverlaps', () => {
    const fc = read('overlaps.geojson');
    const shapes: DrawnShape[] = fc.features.map((f) => ({ id: String(f.properties?.shapeId), territoryId: String(f.properties?.territoryId), geometry: f.geometry }));
    const territories = [...new Set(shapes.map((s) => s.territoryId))].map((id) => ({ id }));
    const r = findOverlaps({ shapes, territories });
    check('overlaps.geojson', {
      type: 'FeatureCollection',
      candidatePairs: r.candidatePairs,
      features: r.overlaps.map((o) => ({ type: 'Feature', properties: { a: o.a.shapeId, b: o.b.shapeId, areaKm2: km2(o.areaKm2) }, geometry: toGeometry(o.geometry) })),
    });
    expect(r.overlaps.map((o) => `${o.a.shapeId}×${o.b.shapeId}`).sort()).toEqual(['a×d', 'b×c', 'b×e', 'c×e', 'd×a2']);
  });
});
