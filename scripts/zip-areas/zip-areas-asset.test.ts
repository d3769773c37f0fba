/**
 * Checks the committed public/data/zip-areas.topo.json against the committed ZIP table: the app
 * relies on every ZCTA having an area and on neighbours sharing arcs (adjacency, outline merging).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { loadZipTableFromDisk } from '../../src/core/geo/zip-table-node';
import { ZIP_AREAS_OBJECT } from './build';
import { loadCountyTopology } from './county-topology';
import { outerArcLength } from './topology-stats';

const path = fileURLToPath(new URL('../../public/data/zip-areas.topo.json', import.meta.url));
const topo = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ zips: GeometryCollection<{ county: string; state: string }> }>;
const geoms = topo.objects[ZIP_AREAS_OBJECT].geometries;
const index = new Map(geoms.map((g, i) => [String(g.id), i]));
const nb = neighbors(geoms);

describe('the committed ZIP areas', () => {
  it('is a quantized topology with one object of more than 33,000 ZIP areas', () => {
    expect(topo.type).toBe('Topology');
    expect(topo.transform).toBeDefined();
    expect(Object.keys(topo.objects)).toEqual([ZIP_AREAS_OBJECT]);
    expect(geoms.length).toBeGreaterThan(33_000);
    expect(index.size).toBe(geoms.length);
  });

  it('has an area for every ZCTA of the ZIP table, and nothing else', () => {
    const zctas = loadZipTableFromDisk().entries.filter((e) => e.zcta);
    const missing = zctas.filter((e) => {
      const i = index.get(e.zip);
      return i === undefined || (geoms[i].type !== 'Polygon' && geoms[i].type !== 'MultiPolygon');
    });
    expect(missing.map((e) => e.zip)).toEqual([]);
    expect(geoms.length).toBe(zctas.length);
  });

  it('labels every area with a 5-digit ZIP, its county FIPS and state', () => {
    for (const g of geoms) {
      const p = g.properties as { county?: string; state?: string } | undefined;
      expect(g.id).toMatch(/^\d{5}$/);
      expect(p?.county).toMatch(/^\d{5}$/);
      expect(p?.state).toMatch(/^[A-Z]{2}$/);
    }
    expect(geoms[index.get('02139')!].properties).toEqual({ county: '25017', state: 'MA' });
  });

  it('makes neighbouring ZIPs share arcs', () => {
    const cambridge = index.get('02139')!;
    expect(nb[cambridge]).toContain(index.get('02138'));
    // across a county line, the Charles River: Cambridge (Middlesex) faces Boston's Fenway (Suffolk)
    expect(nb[cambridge]).toContain(index.get('02215'));
  });

  it('leaves only islands without neighbours', () => {
    const isolated = nb.filter((list, i) => list.every((j) => j === i)).length;
    expect(isolated / geoms.length).toBeLessThan(0.002);
  });

  it('shares every inner edge: its outline is as long as the county layer’s', () => {
    const outline = outerArcLength(topo, ZIP_AREAS_OBJECT);
    const counties = outerArcLength(loadCountyTopology(), 'counties');
    expect(Math.abs(outline - counties) / counties).toBeLessThan(0.01);
  });
});
