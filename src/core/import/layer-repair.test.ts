import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kinks } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readLayerFile, selectUnits } from './layer-import';
import { repairGeometry, ringArea } from './layer-repair';
import { LayerImportError, type LayerIssueKind } from './layer-types';

const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const kindsOf = (g: Geometry | null, reportWinding = true) =>
  repairGeometry(g, { reportWinding }).problems.map((p) => `${p.severity} ${p.kind}`);
const polygonsOf = (g: Polygon | MultiPolygon): number[][][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const area = (g: Polygon | MultiPolygon) => polygonsOf(g).reduce((s, p) => s + p.reduce((t, r, i) => t + (i === 0 ? 1 : -1) * Math.abs(ringArea(r as [number, number][])), 0), 0);

/** RFC 7946 and what the topology builder needs: closed rings of ≥ 4, exterior CCW, holes CW, no kinks */
function expectClean(g: Polygon | MultiPolygon | null) {
  expect(g).not.toBeNull();
  for (const p of polygonsOf(g!)) {
    p.forEach((r, i) => {
      expect(r.length).toBeGreaterThanOrEqual(4);
      expect(r[0]).toEqual(r[r.length - 1]);
      expect(ringArea(r as [number, number][]) > 0).toBe(i === 0);
    });
  }
  // each polygon on its own: the parts of a split bow-tie touch at the crossing, as they should
  for (const p of polygonsOf(g!)) expect(kinks({ type: 'Polygon', coordinates: p }).features).toHaveLength(0);
}

describe('repairGeometry', () => {
  it('splits a bow-tie into its two triangles (booleanValid would pass it as it is)', () => {
    const r = repairGeometry(poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]));
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'self-intersection', severity: 'repaired' })]);
    expect(r.problems[0].message).toContain('near 1, 1');
    expect(r.geometry!.type).toBe('MultiPolygon');
    expect(polygonsOf(r.geometry!)).toHaveLength(2);
    expect(area(r.geometry!)).toBeCloseTo(2, 12);
    expectClean(r.geometry);
  });

  it('rejects a self-intersection whose repair would change the area (a loop over itself)', () => {
    const r = repairGeometry(poly([[0, 0], [10, 0], [10, 10], [0, 10], [0, 5], [5, 5], [5, 7], [3, 7], [3, 3], [0, 3], [0, 0]]));
    expect(r.geometry).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'self-intersection', severity: 'rejected' })]);
    expect(r.problems[0].message).toMatch(/change its area by 4%/);
  });

  it('rejects a ring that runs round twice', () => {
    expect(kindsOf(poly([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]))).toEqual(['rejected self-intersection']);
  });

  it('keeps two lobes pinched at one vertex as they are: wound the same way, their area is right', () => {
    const g = poly([[0, 0], [2, 0], [2, 2], [4, 2], [4, 4], [2, 4], [2, 2], [0, 2], [0, 0]]);
    expect(repairGeometry(g)).toEqual({ geometry: g, problems: [] });
  });

  it('splits a bow-tie that crosses at a vertex (lobes wound opposite ways: the shoelace area would be 0)', () => {
    const r = repairGeometry(poly([[0, 0], [1, 1], [2, 2], [2, 0], [1, 1], [0, 2], [0, 0]]));
    expect(r.problems.map((p) => p.kind)).toEqual(['self-intersection']);
    expect(polygonsOf(r.geometry!)).toHaveLength(2);
    expect(area(r.geometry!)).toBeCloseTo(2, 12);
    expectClean(r.geometry);
  });

  it('closes an unclosed ring', () => {
    const r = repairGeometry(poly([[0, 0], [1, 0], [1, 1], [0, 1]]));
    expect(r.problems.map((p) => `${p.severity} ${p.kind}`)).toEqual(['repaired unclosed-ring']);
    expect(r.geometry).toEqual(poly([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]));
  });

  it('rewinds a clockwise exterior and a counter-clockwise hole; reports it only where RFC 7946 applies', () => {
    const g = poly(
      [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]],
      [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]],
    );
    const r = repairGeometry(g, { reportWinding: true });
    expect(r.problems.map((p) => p.kind)).toEqual(['wrong-winding']);
    expectClean(r.geometry);
    expect(repairGeometry(g, { reportWinding: false }).problems).toEqual([]);
    expectClean(repairGeometry(g, { reportWinding: false }).geometry);
  });

  it.each<[string, Geometry | null, LayerIssueKind]>([
    ['null', null, 'empty-geometry'],
    ['a Polygon with no rings', poly(), 'empty-geometry'],
    ['a MultiPolygon with no parts', { type: 'MultiPolygon', coordinates: [] }, 'empty-geometry'],
    ['an empty GeometryCollection', { type: 'GeometryCollection', geometries: [] }, 'empty-geometry'],
    ['a Point', { type: 'Point', coordinates: [1, 2] }, 'not-polygon'],
    ['a LineString', { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, 'not-polygon'],
    ['NaN', poly([[0, 0], [1, 0], [NaN, 1], [0, 0]]), 'bad-coordinate'],
    ['null in a position', poly([[0, 0], [1, 0], [null as unknown as number, 1], [0, 0]]), 'bad-coordinate'],
    ['a position with one number', poly([[0, 0], [1, 0], [1], [0, 0]]), 'bad-coordinate'],
    ['EPSG:3857 metres', poly([[-10909310, 4579425], [-10798990, 4579425], [-10798990, 4721671], [-10909310, 4579425]]), 'not-wgs84'],
    ['latitude 95', poly([[0, 89], [1, 89], [1, 95], [0, 89]]), 'not-wgs84'],
    ['an exterior of 3 positions', poly([[0, 0], [1, 0], [0, 0]]), 'short-ring'],
    ['an exterior on one line', poly([[0, 0], [1, 0], [2, 0], [0, 0]]), 'zero-area-ring'],
  ])('rejects %s', (_, g, kind) => {
    const r = repairGeometry(g);
    expect(r.geometry).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining({ kind, severity: 'rejected' })]);
  });

  it('leaves out a short hole and a short part, keeping the rest', () => {
    const holed = repairGeometry(poly([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [2, 1], [1, 1]]));
    expect(holed.problems.map((p) => `${p.severity} ${p.kind}`)).toEqual(['repaired short-ring']);
    expect(holed.geometry!.coordinates).toHaveLength(1);
    const parts = repairGeometry({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5]]]] });
    expect(parts.problems.map((p) => p.kind)).toEqual(['short-ring']);
    expect(parts.problems[0].message).toMatch(/of part 2/);
    expect(parts.geometry!.type).toBe('Polygon');
  });

  it('keeps the polygons of a GeometryCollection and says what it left out', () => {
    const r = repairGeometry({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }, poly([[0, 0], [1, 0], [1, 1], [0, 0]])] });
    expect(r.problems.map((p) => `${p.severity} ${p.kind}`)).toEqual(['repaired not-polygon']);
    expect(r.geometry!.type).toBe('Polygon');
  });

  it('merges overlapping MultiPolygon parts, keeps parts that only share an edge', () => {
    const overlap = repairGeometry({ type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]]] });
    expect(overlap.problems.map((p) => p.kind)).toEqual(['overlapping-parts']);
    expect(area(overlap.geometry!)).toBeCloseTo(7, 12);
    expectClean(overlap.geometry);
    const touch = { type: 'MultiPolygon' as const, coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], [[[2, 0], [4, 0], [4, 2], [2, 2], [2, 0]]]] };
    expect(repairGeometry(touch)).toEqual({ geometry: touch, problems: [] });
  });

  it('keeps a hole that touches its exterior at one vertex as it is', () => {
    const g = poly([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 2], [2, 3], [2, 1], [0, 2]]);
    expect(repairGeometry(g)).toEqual({ geometry: g, problems: [] });
  });

  it('drops z values and repeated positions without calling them problems', () => {
    const r = repairGeometry(poly([[0, 0, 5], [1, 0, 5], [1, 0, 5], [1, 1, 5], [0, 1, 5], [0, 0, 5]]));
    expect(r).toEqual({ geometry: poly([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]), problems: [] });
  });

  it('checks a large ring quickly (kinks only on the segment pairs whose boxes meet, not all n² pairs)', () => {
    const circle = (n: number) => {
      const ring = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
      ring.push(ring[0]);
      return ring;
    };
    // 50,000 vertices: all-pairs kinks would be 1.25 billion segment tests
    const t = performance.now();
    expect(repairGeometry(poly(circle(50000))).problems).toEqual([]);
    expect(performance.now() - t).toBeLessThan(3000);
    // and the pairs it does test find the one crossing made by swapping two vertices
    const swapped = circle(2000);
    [swapped[1000], swapped[1001]] = [swapped[1001], swapped[1000]];
    const r = repairGeometry(poly(swapped));
    expect(r.problems.map((p) => p.kind)).toEqual(['self-intersection']);
    expectClean(r.geometry);
  });
});

/**
 * Turf-style fixtures: every file in fixtures/geometry/in is imported with the guessed fields (or
 * the id field its "fixture" member names), and
 * what comes out (the units as GeoJSON, each with the problems found in it, and every issue) must
 * equal fixtures/geometry/out/<same name>. REGEN=1 rewrites the out files; review the diff.
 */
describe('fixtures/geometry', () => {
  const root = join(__dirname, '../../../fixtures/geometry');
  const files = readdirSync(join(root, 'in')).filter((f) => f.endsWith('.geojson'));

  it.each(files)('%s', async (file) => {
    const bytes = readFileSync(join(root, 'in', file));
    let out: unknown;
    try {
      const preview = await readLayerFile(new Uint8Array(bytes), file);
      // a fixture may name its id field in a foreign member (GeoJSON readers ignore those)
      const named = (JSON.parse(bytes.toString('utf8')) as { fixture?: { idField?: string } }).fixture?.idField;
      const idField = named ?? preview.guess.id;
      const { features, indexes, issues, counts } = selectUnits(preview, { idField, nameField: preview.guess.name, keepFields: false });
      out = {
        type: 'FeatureCollection',
        fields: { id: idField, name: preview.guess.name },
        counts,
        notes: preview.notes,
        issues,
        features: features.map((f, k) => {
          const mine = issues.filter((x) => x.index === indexes[k]).map((x) => `${x.severity} ${x.kind}: ${x.message}`);
          return { type: 'Feature', id: f.id, properties: { name: f.properties.name, issues: mine }, geometry: f.geometry };
        }),
      };
    } catch (e) {
      if (!(e instanceof LayerImportError)) throw e;
      out = { type: 'FeatureCollection', error: { code: e.code, message: e.message }, issues: e.issues, features: [] };
    }
    const text = formatGeoJson(out);
    const outPath = join(root, 'out', file);
    if (process.env.REGEN) writeFileSync(outPath, text);
    expect(text).toBe(readFileSync(outPath, 'utf8'));
  });
});

/** JSON with two-space indents but each position on one line, so a reviewer can read the shapes. */
function formatGeoJson(v: unknown): string {
  return `${JSON.stringify(v, null, 2).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]')}\n`;
}
