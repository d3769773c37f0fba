import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { fieldText, guessFields, listFields } from './layer-fields';
import { parseJsonOrSeq, readGeoJson } from './layer-geojson';
import { repairGeometry } from './layer-repair';
import { readShapefileZip } from './layer-shapefile';
import { isTopology, readTopoJson } from './layer-topojson';
import {
  LayerImportError,
  type LayerBuildOptions,
  type LayerCounts,
  type LayerImportResult,
  type LayerIssue,
  type LayerIssueKind,
  type LayerPreview,
  type RawLayer,
} from './layer-types';
import { isZip } from './layer-zip';

/**
 * The user's own boundary layer, from file bytes to a topology for buildUnitLayer:
 *
 *   const preview = await readLayerFile(bytes, file.name);   // features, fields, a guess, problems
 *   // the user picks the id and name fields (preview.guess is the default)
 *   const result = buildLayer(preview, { idField, nameField });
 *   buildUnitLayer(result.topology, { layerId, objectName: result.objectName });
 *
 * Geometry is repaired once, in the first step; ids depend on the user's pick, so duplicate and
 * missing ids are settled in the second. A feature that cannot be repaired is left out with its
 * reason and the rest of the layer loads; only a file with nothing usable is refused as a whole.
 */

/**
 * What the bytes hold, from their content, whatever the name says: a zip (a zipped Shapefile) or
 * JSON (GeoJSON or TopoJSON, told apart once parsed). Everything else is refused with a message
 * that says what to do; the name only words it and catches loose Shapefile parts.
 */
export function sniffLayerBytes(bytes: Uint8Array, fileName: string): 'zip' | 'json' {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw new LayerImportError('empty-file', `${fileName} is empty.`);
  if (isZip(bytes)) return 'zip';
  // a bare .shp / .shx starts with the big-endian file code 9994; a .dbf with a version byte
  if (bytes.length >= 100 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a) {
    throw new LayerImportError('shapefile-not-zipped', shapefileNotZipped(fileName));
  }
  if (['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(ext)) throw new LayerImportError('shapefile-not-zipped', shapefileNotZipped(fileName));
  const first = firstNonSpace(bytes);
  if (first === 0x7b /* { */ || first === 0x5b /* [ */ || first === 0x1e /* RS: GeoJSON text sequence */) return 'json';
  if (first === 0x3c /* < */) {
    throw new LayerImportError('unknown-format', `${fileName} looks like XML (KML, GML or GPX). Convert it to GeoJSON first (QGIS or ogr2ogr can).`);
  }
  throw new LayerImportError('unknown-format', `${fileName} is not GeoJSON, TopoJSON or a zipped Shapefile.`);
}

const shapefileNotZipped = (fileName: string): string =>
  `${fileName} is one part of a Shapefile. Zip the .shp together with its .dbf and .prj (and .shx) and import the .zip.`;

function firstNonSpace(b: Uint8Array): number {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; // UTF-8 byte order mark
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return b[i] ?? -1;
}

export interface ReadLayerOptions {
  /** read only this TopoJSON object / Shapefile in the zip (default: all of them) */
  part?: string;
}

/**
 * Step 1: parse, repair geometry, list the fields and guess the id and name fields. Refuses the
 * file (LayerImportError, with the per-feature issues) when no feature has usable geometry.
 */
export async function readLayerFile(data: ArrayBuffer | Uint8Array, fileName: string, opts: ReadLayerOptions = {}): Promise<LayerPreview> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let raw: RawLayer;
  if (sniffLayerBytes(bytes, fileName) === 'zip') raw = await readShapefileZip(bytes, opts.part);
  else {
    const json = parseJsonOrSeq(new TextDecoder('utf-8').decode(bytes)); // JSON is UTF-8 (RFC 8259); a BOM is dropped
    raw = isTopology(json) ? readTopoJson(json, opts.part) : readGeoJson(json);
  }
  if (raw.features.length === 0) throw new LayerImportError('no-features', `${fileName} holds no features.`);

  const reportWinding = raw.format === 'geojson'; // TopoJSON and Shapefiles have their own winding conventions
  const repaired = raw.features.map((f) => repairGeometry(f.geometry, { reportWinding }));
  const fields = listFields(raw.features);
  const guess = guessFields(fields, raw.features.length);
  const preview: LayerPreview = { ...raw, fileName, fields, guess, repaired, issues: [] };
  preview.issues = geometryIssues(preview, guess.id);

  if (repaired.every((r) => r.geometry === null)) {
    const issues = preview.issues;
    const projected = issues.filter((i) => i.kind === 'not-wgs84');
    // mostly out of range: the coordinate system is the problem, not the features
    if (projected.length > 0 && projected.length * 2 >= raw.features.length) throw new LayerImportError('projected-coordinates', projectedMessage(raw, projected[0]), issues);
    throw new LayerImportError('no-polygons', `Nothing in ${fileName} can be a unit (${summarise(issues)}).`, issues);
  }
  return preview;
}

function projectedMessage(raw: RawLayer, example: LayerIssue): string {
  const sample = /\(such as ([^)]+)\)/.exec(example.message)?.[1];
  const coords = sample ? ` (such as ${sample})` : '';
  switch (raw.crs) {
    case 'prj':
      return `Even after applying the .prj, the coordinates${coords} are not longitude/latitude degrees: the .prj does not match the data. Export the layer in WGS84 (EPSG:4326).`;
    case 'crs-member':
      return `Even after applying the file's "crs", the coordinates${coords} are not longitude/latitude degrees. Export the layer in WGS84 (EPSG:4326).`;
    default:
      return `The coordinates${coords} are projected coordinates (metres or feet), not WGS84 longitude/latitude degrees. ${raw.format === 'shapefile' ? 'Add the .prj file to the zip' : `${raw.format === 'geojson' ? 'GeoJSON' : 'TopoJSON'} must be in WGS84: export the layer again in EPSG:4326`}.`;
  }
}

const KIND_WORDS: Record<LayerIssueKind, string> = {
  'empty-geometry': 'without geometry',
  'not-polygon': 'not polygons',
  'bad-coordinate': 'with coordinates that are not numbers',
  'not-wgs84': 'outside longitude/latitude range',
  'unclosed-ring': 'with unclosed rings',
  'short-ring': 'with rings too short to enclose anything',
  'zero-area-ring': 'with rings that have no area',
  'wrong-winding': 'wound the wrong way',
  'self-intersection': 'crossing themselves',
  'overlapping-parts': 'with overlapping parts',
  'duplicate-id': 'with a repeated id',
  'missing-id': 'without an id',
};

/** "not polygons: 3, without geometry: 1": the rejected features by reason, most common first. */
function summarise(issues: LayerIssue[]): string {
  const byKind = new Map<LayerIssueKind, number>();
  for (const i of issues) if (i.severity === 'rejected') byKind.set(i.kind, (byKind.get(i.kind) ?? 0) + 1);
  return [...byKind]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${KIND_WORDS[k]}: ${n}`)
    .join(', ');
}

/** The geometry problems of the preview, labelled with ids from `idField`. */
export function geometryIssues(preview: LayerPreview, idField: string | null): LayerIssue[] {
  const out: LayerIssue[] = [];
  preview.repaired.forEach((r, index) => {
    if (r.problems.length === 0) return;
    const featureId = idField === null ? null : fieldText(preview.features[index], idField);
    for (const p of r.problems) out.push({ featureId, index, ...p });
  });
  return out;
}

export type UnitFeature = Feature<Polygon | MultiPolygon, { name: string; fields?: Record<string, unknown> }> & { id: string };

/**
 * Step 2a: the units with their ids, after the id rules (duplicates: the first keeps it;
 * missing: left out, or "#index" when the user asks for generated ids), as GeoJSON.
 */
export function selectUnits(
  preview: LayerPreview,
  opts: LayerBuildOptions,
): { features: UnitFeature[]; /** each unit's position in the file */ indexes: number[]; issues: LayerIssue[]; counts: LayerCounts } {
  const { idField, nameField = null, missingIds = 'reject', keepFields = true } = opts;
  const issues: LayerIssue[] = [];
  const features: UnitFeature[] = [];
  const indexes: number[] = [];
  const firstIndex = new Map<string, number>();
  let repaired = 0;
  const fieldLabel = idField === null ? 'no id field chosen' : `no value in ${idField}`;
  preview.features.forEach((f, index) => {
    const r = preview.repaired[index];
    let id = idField === null ? null : fieldText(f, idField);
    for (const p of r.problems) issues.push({ featureId: id, index, ...p });
    if (r.geometry === null) return;
    let changed = r.problems.length > 0;
    if (id === null) {
      if (missingIds === 'reject') {
        issues.push({ featureId: null, index, kind: 'missing-id', severity: 'rejected', message: `No id (${fieldLabel}): left out. Choose to generate ids to keep it.` });
        return;
      }
      id = `#${index}`;
      changed = true;
      issues.push({ featureId: id, index, kind: 'missing-id', severity: 'repaired', message: `No id (${fieldLabel}): given the id ${id}.` });
    }
    const first = firstIndex.get(id);
    if (first !== undefined) {
      issues.push({ featureId: id, index, kind: 'duplicate-id', severity: 'rejected', message: `The id ${id} is already used by an earlier feature (index ${first}), which was kept: left this one out.` });
      return;
    }
    firstIndex.set(id, index);
    const name = (nameField === null ? null : fieldText(f, nameField)) ?? id;
    const properties: UnitFeature['properties'] = { name };
    if (keepFields && f.properties) properties.fields = f.properties;
    features.push({ type: 'Feature', id, properties, geometry: r.geometry });
    indexes.push(index);
    if (changed) repaired++;
  });
  const counts = { features: preview.features.length, imported: features.length, repaired, rejected: preview.features.length - features.length };
  return { features, indexes, issues, counts };
}

/** Step 2: the units as one quantized topology object, ready for buildUnitLayer. */
export function buildLayer(preview: LayerPreview, opts: LayerBuildOptions): LayerImportResult {
  const objectName = opts.objectName ?? 'units';
  const { features, issues, counts } = selectUnits(preview, opts);
  if (features.length === 0) {
    throw new LayerImportError('no-features', `No feature of ${preview.fileName} could be imported (${summarise(issues)}).`, issues);
  }
  // quantizing before arcs are cut snaps borders that agree to within a grid step onto each
  // other, so neighbours share arcs (adjacency, outlines) even when their vertices differ in the
  // last decimals
  const topo = topology({ [objectName]: { type: 'FeatureCollection', features } as FeatureCollection }, opts.quantization ?? 1e6);
  return { topology: topo, objectName, issues, counts, notes: preview.notes };
}

/** Both steps with the guessed fields: for tests, scripts and a one-click import. */
export async function importLayerFile(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  opts: ReadLayerOptions & Partial<LayerBuildOptions> = {},
): Promise<LayerImportResult & { preview: LayerPreview }> {
  const preview = await readLayerFile(data, fileName, opts);
  const result = buildLayer(preview, {
    ...opts,
    idField: opts.idField !== undefined ? opts.idField : preview.guess.id,
    nameField: opts.nameField !== undefined ? opts.nameField : preview.guess.name,
  });
  return { ...result, preview };
}
