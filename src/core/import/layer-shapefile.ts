import type { Geometry } from 'geojson';
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { LayerImportError, type RawFeature, type RawLayer } from './layer-types';
import { readZipEntry, zipEntries, type ZipEntry } from './layer-zip';

/**
 * A zipped Shapefile → features as found. shpjs parses the .shp and .dbf and, given the .prj,
 * unprojects every coordinate to WGS84 with proj4. We check the .prj ourselves first because
 * shpjs silently ignores one proj4 cannot read, which would hand on metres as if they were
 * degrees. Without a .prj the coordinate system is unknown: coordinates that look like degrees
 * are taken as WGS84 (with a note), anything else is refused with a clear message.
 *
 * A zip may hold several Shapefiles; all are read unless one is chosen (by its base name).
 */

interface ShapefileSet {
  base: string;
  shp?: ZipEntry;
  dbf?: ZipEntry;
  prj?: ZipEntry;
  cpg?: ZipEntry;
}

export async function readShapefileZip(bytes: Uint8Array, part?: string): Promise<RawLayer> {
  const entries = zipEntries(bytes).filter((e) => !e.name.startsWith('__MACOSX/') && !/(^|\/)\._/.test(e.name) && !e.name.endsWith('/'));
  const sets = new Map<string, ShapefileSet>();
  for (const e of entries) {
    const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(e.name);
    if (!m) continue;
    const set = sets.get(m[1]) ?? { base: m[1] };
    set[m[2].toLowerCase() as 'shp' | 'dbf' | 'prj' | 'cpg'] = e;
    sets.set(m[1], set);
  }
  const shapefiles = [...sets.values()].filter((s) => s.shp);
  if (shapefiles.length === 0) {
    const names = entries.map((e) => e.name);
    throw new LayerImportError(
      'no-shapefile',
      names.length === 0
        ? 'The zip file is empty.'
        : `The zip file holds no .shp file (it has ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}). Import a zipped Shapefile, or the GeoJSON or TopoJSON file itself.`,
    );
  }
  const parts = shapefiles.map((s) => s.base);
  if (part !== undefined && !parts.includes(part)) {
    throw new LayerImportError('no-such-part', `The zip has no Shapefile "${part}"; it has ${parts.map((p) => `"${p}"`).join(', ')}.`);
  }
  const chosen = part === undefined ? shapefiles : shapefiles.filter((s) => s.base === part);

  const features: RawFeature[] = [];
  const notes: string[] = [];
  let allPrj = true;
  for (const s of chosen) {
    const label = parts.length > 1 ? ` (${s.base})` : '';
    const prj = s.prj ? new TextDecoder().decode(await readZipEntry(bytes, s.prj)).trim() : undefined;
    if (prj !== undefined) checkPrj(prj, s.base, notes, label);
    else allPrj = false;

    let geometries: (Geometry | null)[];
    try {
      geometries = parseShp(await readZipEntry(bytes, s.shp!), prj);
    } catch (e) {
      throw new LayerImportError('unreadable', `${s.base}.shp cannot be read (${(e as Error).message}).`);
    }
    let rows: Record<string, unknown>[] = [];
    if (s.dbf) {
      const cpg = s.cpg ? new TextDecoder().decode(await readZipEntry(bytes, s.cpg)) : undefined;
      try {
        rows = parseDbf(await readZipEntry(bytes, s.dbf), cpg);
      } catch (e) {
        throw new LayerImportError('unreadable', `${s.base}.dbf cannot be read (${(e as Error).message}).`);
      }
      if (rows.length !== geometries.length) {
        notes.push(`${s.base}.dbf has ${rows.length} rows for ${geometries.length} shapes; shapes were matched to rows in order.`);
      }
    } else {
      notes.push(`The zip has no ${s.base}.dbf, so its shapes have no fields: ids have to be generated.`);
    }

    if (prj === undefined) {
      // the only evidence left is the numbers: degrees stay within ±180 / ±90
      if (geometries.some((g) => g !== null) && !geometries.some(looksLikeDegrees)) {
        throw new LayerImportError(
          'no-prj',
          `No .prj in the zip${label}: cannot tell the coordinate system. The coordinates (such as ${samplePosition(geometries)}) are not longitude/latitude degrees. Add the Shapefile's .prj file to the zip, or export the layer in WGS84 (EPSG:4326).`,
        );
      }
      notes.push(`The zip has no .prj file${label}; the coordinates look like longitude/latitude degrees, so they were read as WGS84.`);
    }

    geometries.forEach((g, i) => {
      if (g) delete (g as { bbox?: unknown }).bbox; // shpjs adds the record's box; it is not kept
      features.push({ type: 'Feature', geometry: g, properties: rows[i] ?? null });
    });
  }
  if (parts.length > 1 && part === undefined) {
    notes.push(`The zip holds ${parts.length} Shapefiles (${parts.join(', ')}); all of them were read into one layer. Choose one to import only it.`);
  }
  return { format: 'shapefile', features, parts, partsRead: chosen.map((s) => s.base), crs: allPrj ? 'prj' : 'none', notes };
}

/** Refuses a .prj proj4 cannot read (shpjs would ignore it); notes a projection being undone. */
function checkPrj(prj: string, base: string, notes: string[], label: string): void {
  let projName: string | undefined;
  try {
    projName = (proj4(prj) as unknown as { oProj?: { projName?: string } }).oProj?.projName;
  } catch {
    throw new LayerImportError(
      'bad-prj',
      `${base}.prj does not describe a coordinate system this app can read ("${prj.slice(0, 80)}${prj.length > 80 ? '…' : ''}"). Export the layer in WGS84 (EPSG:4326) and zip it again.`,
    );
  }
  if (projName !== 'longlat') {
    const name = /^\s*(?:PROJCS|PROJCRS)\["([^"]+)"/i.exec(prj)?.[1] ?? 'the projection in the .prj';
    notes.push(`The coordinates${label} were converted from ${name} (.prj) to WGS84 longitude/latitude.`);
  }
}

function* positionsOf(c: unknown): Generator<number[]> {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') yield c as number[];
  else for (const x of c) yield* positionsOf(x);
}

const coordinatesOf = (g: Geometry): unknown => (g.type === 'GeometryCollection' ? [] : g.coordinates);

function looksLikeDegrees(g: Geometry | null): boolean {
  if (!g) return false;
  let any = false;
  for (const [x, y] of positionsOf(coordinatesOf(g))) {
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) return false;
    any = true;
  }
  return any;
}

function samplePosition(geometries: (Geometry | null)[]): string {
  for (const g of geometries) {
    if (!g) continue;
    for (const [x, y] of positionsOf(coordinatesOf(g))) return `${round(x)}, ${round(y)}`;
  }
  return '?';
}

const round = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : String(v));
