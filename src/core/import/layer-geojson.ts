import type { Geometry } from 'geojson';
import proj4 from 'proj4';
import { LayerImportError, type CrsSource, type RawFeature, type RawLayer } from './layer-types';

/**
 * GeoJSON → features as found. Takes a FeatureCollection, a single Feature, a bare geometry, a
 * bare array of features, or GeoJSON Text Sequences (one feature per line, as ogr2ogr's
 * GeoJSONSeq and .ndjson exports write). Nothing is repaired here (layer-repair.ts does that);
 * an item that is not a feature stays in place with no geometry, so indexes match the file.
 */

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses JSON text, or GeoJSON Text Sequences when the text is one JSON value per line. */
export function parseJsonOrSeq(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    // RFC 8142 puts an RS (0x1E) before each value; newline-delimited GeoJSON has one per line
    const lines = text.split(/[\n\u001e]/).map((l) => l.trim()).filter((l) => l !== '');
    if (lines.length > 1) {
      try {
        return lines.map((l) => JSON.parse(l) as unknown);
      } catch {
        /* not a sequence either: report the first error */
      }
    }
    throw new LayerImportError('unreadable', `The file is not valid JSON (${(first as Error).message}).`);
  }
}

/** The features of a parsed GeoJSON value (not a Topology: layer-topojson.ts reads those). */
export function readGeoJson(json: unknown): RawLayer {
  let items: unknown[];
  if (Array.isArray(json)) items = json;
  else if (isObject(json) && json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) throw new LayerImportError('unreadable', 'The FeatureCollection has no "features" list.');
    items = json.features;
  } else if (isObject(json) && (json.type === 'Feature' || GEOMETRY_TYPES.has(json.type as string))) items = [json];
  else throw new LayerImportError('unknown-format', 'The JSON is not GeoJSON or TopoJSON: it has no FeatureCollection, Feature, geometry or Topology at the top.');

  const features = items.map(toFeature);
  const notes: string[] = [];
  let crs: CrsSource = 'format';
  const named = isObject(json) ? crsName(json) : null;
  if (named) {
    const applied = applyCrs(features, named);
    if (applied) {
      crs = 'crs-member';
      notes.push(`The file says its coordinates are in ${named}; they were converted to WGS84 longitude/latitude.`);
    } else if (!isWgs84Name(named)) {
      notes.push(`The file says its coordinates are in ${named}, which this app does not know; they were read as WGS84 longitude/latitude.`);
    }
  }
  return { format: 'geojson', features, parts: [], partsRead: [], crs, notes };
}

function toFeature(item: unknown): RawFeature {
  if (isObject(item) && item.type === 'Feature') {
    const f: RawFeature = {
      type: 'Feature',
      geometry: (item.geometry ?? null) as Geometry | null,
      properties: isObject(item.properties) ? item.properties : null,
    };
    if (typeof item.id === 'string' || typeof item.id === 'number') f.id = item.id;
    return f;
  }
  // a bare geometry where a feature should be: keep it, without properties
  if (isObject(item) && GEOMETRY_TYPES.has(item.type as string)) return { type: 'Feature', geometry: item as unknown as Geometry, properties: null };
  return { type: 'Feature', geometry: null, properties: null };
}

/** The old (2008) GeoJSON "crs" member: {"type": "name", "properties": {"name": "EPSG:3857"}}. */
function crsName(json: Record<string, unknown>): string | null {
  const crs = json.crs;
  if (!isObject(crs) || !isObject(crs.properties)) return null;
  const name = crs.properties.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

/** EPSG code in "EPSG:3857", "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG:6.6:3857" */
const epsgCode = (name: string): string | null => /EPSG:(?:[\d.]*:)?(\d+)$/i.exec(name)?.[1] ?? null;

// geographic WGS84 and its near twins (NAD83, ETRS89: under 2 m apart), read as they are
const DEGREE_CODES = new Set(['4326', '4269', '4258', '4617', '4283']);
const isWgs84Name = (name: string): boolean => /CRS84$/i.test(name) || DEGREE_CODES.has(epsgCode(name) ?? '');

/** Reprojects every position to WGS84 when the named system is a projection proj4 knows. */
function applyCrs(features: RawFeature[], name: string): boolean {
  if (isWgs84Name(name)) return false;
  const code = epsgCode(name);
  if (!code || !proj4.defs(`EPSG:${code}`)) return false;
  const convert = proj4(`EPSG:${code}`, 'EPSG:4326');
  for (const f of features) if (f.geometry) mapPositions(f.geometry, (p) => convert.forward([p[0], p[1]]));
  return true;
}

/** Rewrites every position of a geometry in place (any nesting; malformed parts left alone). */
export function mapPositions(g: Geometry, fn: (p: number[]) => number[]): void {
  const walk = (c: unknown): unknown => {
    if (!Array.isArray(c)) return c;
    if (c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number') return fn(c as number[]);
    for (let i = 0; i < c.length; i++) c[i] = walk(c[i]);
    return c;
  };
  if (g.type === 'GeometryCollection') {
    for (const m of g.geometries ?? []) if (m) mapPositions(m, fn);
  } else {
    (g as { coordinates: unknown }).coordinates = walk((g as { coordinates: unknown }).coordinates);
  }
}
