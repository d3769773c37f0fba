import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { LayerImportError, type RawFeature, type RawLayer } from './layer-types';

/**
 * TopoJSON → features as found, through topojson-client (arcs decoded, quantization undone).
 * A topology can hold several objects (us-atlas has counties, states and nation); every object
 * is read unless one is chosen, in the order the file lists them. The features are turned back
 * into a topology after repair (layer-import.ts), so the input's own arcs need not be kept.
 */

export const isTopology = (json: unknown): json is Topology =>
  typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'Topology';

export function readTopoJson(json: Topology, part?: string): RawLayer {
  if (typeof json.objects !== 'object' || json.objects === null || !Array.isArray(json.arcs)) {
    throw new LayerImportError('unreadable', 'The TopoJSON file is incomplete: it needs "objects" and "arcs".');
  }
  const parts = Object.keys(json.objects);
  if (parts.length === 0) throw new LayerImportError('no-features', 'The TopoJSON file holds no objects.');
  if (part !== undefined && !parts.includes(part)) {
    throw new LayerImportError('no-such-part', `The TopoJSON file has no object "${part}"; it has ${list(parts)}.`);
  }
  const partsRead = part === undefined ? parts : [part];
  const features: RawFeature[] = [];
  for (const name of partsRead) {
    let out: Feature | FeatureCollection;
    try {
      out = feature(json, json.objects[name] as GeometryObject);
    } catch (e) {
      throw new LayerImportError('unreadable', `The TopoJSON object "${name}" cannot be decoded (${(e as Error).message}): its arcs do not match.`);
    }
    for (const f of out.type === 'FeatureCollection' ? out.features : [out]) {
      const raw: RawFeature = { type: 'Feature', geometry: (f.geometry ?? null) as Geometry | null, properties: f.properties ?? null };
      if (f.id !== undefined) raw.id = f.id;
      features.push(raw);
    }
  }
  const notes =
    parts.length > 1 && part === undefined
      ? [`The file holds ${parts.length} objects (${list(parts)}); all of them were read into one layer. Choose one to import only it.`]
      : [];
  return { format: 'topojson', features, parts, partsRead, crs: 'format', notes };
}

const list = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');
