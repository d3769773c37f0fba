import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';

/**
 * Types of the boundary-layer import (the user's own GeoJSON, TopoJSON or zipped Shapefile).
 * Reading is two steps, because the user picks the id field between them:
 *   readLayerFile  → LayerPreview (features as found, geometry repaired, fields with a guess)
 *   buildLayer     → LayerImportResult (a topology ready for buildUnitLayer, every problem listed)
 */

export type LayerFormat = 'geojson' | 'topojson' | 'shapefile';

/** A feature as the file holds it: any geometry (or none), any properties, maybe a top-level id. */
export type RawFeature = Feature<Geometry | null, Record<string, unknown> | null>;

/**
 * How the reader knows the coordinates are longitude/latitude, which decides the message when
 * they turn out not to be: 'format' (GeoJSON and TopoJSON are WGS84 by definition), 'prj'
 * (reprojected from the Shapefile's .prj), 'crs-member' (an old-style GeoJSON "crs" named a known
 * projection and was applied), 'none' (a Shapefile without .prj: degrees assumed if they look so).
 */
export type CrsSource = 'format' | 'prj' | 'crs-member' | 'none';

/** What a format reader hands on: the features as found, plus notes for the user. */
export interface RawLayer {
  format: LayerFormat;
  features: RawFeature[];
  /** the parts the file holds (TopoJSON objects, the zip's Shapefiles); empty for GeoJSON */
  parts: string[];
  /** the parts that were read (all of them unless one was chosen) */
  partsRead: string[];
  crs: CrsSource;
  /** how the file was read, e.g. "reprojected from WGS 84 / Pseudo-Mercator (.prj)" */
  notes: string[];
}

export type LayerIssueKind =
  | 'empty-geometry'
  | 'not-polygon'
  | 'bad-coordinate'
  | 'not-wgs84'
  | 'unclosed-ring'
  | 'short-ring'
  | 'zero-area-ring'
  | 'wrong-winding'
  | 'self-intersection'
  | 'overlapping-parts'
  | 'duplicate-id'
  | 'missing-id';

/**
 * One problem with one feature. `index` is the feature's position in the file (0-based, over
 * the parts read, in order), so a feature with no id can still be found; `featureId` is its id
 * in the chosen id field, null when it has none. 'repaired': the feature is imported, changed as
 * the message says. 'rejected': the feature is left out; the rest of the layer loads.
 */
export interface LayerIssue {
  featureId: string | null;
  index: number;
  kind: LayerIssueKind;
  message: string;
  severity: 'repaired' | 'rejected';
}

/** A problem found by the geometry repair, before ids are known. */
export type GeometryProblem = Omit<LayerIssue, 'featureId' | 'index'>;

/** The outcome of repairing one feature's geometry: a clean polygon, or null when rejected. */
export interface RepairedGeometry {
  geometry: Polygon | MultiPolygon | null;
  problems: GeometryProblem[];
}

/** A property field of the layer as the field picker shows it. */
export interface LayerField {
  /** the property name; FEATURE_ID_FIELD for the features' own top-level id */
  name: string;
  /** features with a non-empty value */
  filled: number;
  distinct: number;
  /** every feature has a value and no two are equal */
  unique: boolean;
  /** the longest value, in characters */
  maxLength: number;
  /** the first few distinct values, as text */
  samples: string[];
}

/** The pseudo-field for a GeoJSON Feature's / TopoJSON geometry's own `id` member. */
export const FEATURE_ID_FIELD = '(feature id)';

export interface FieldGuess {
  /** best id field, null when no field is filled and unique */
  id: string | null;
  /** best name field, null when none looks like names */
  name: string | null;
}

export interface LayerPreview extends RawLayer {
  fileName: string;
  fields: LayerField[];
  guess: FieldGuess;
  /** one entry per feature, in order: its repaired geometry and the problems found */
  repaired: RepairedGeometry[];
  /** the geometry problems, labelled with ids from the guessed id field (buildLayer relabels) */
  issues: LayerIssue[];
}

export interface LayerBuildOptions {
  /** field holding the unit id (FEATURE_ID_FIELD for the feature's own id); null: none */
  idField: string | null;
  /** field holding the display name; null or absent: the id is the name */
  nameField?: string | null;
  /** features without an id: left out (default), or given the id "#<index>" */
  missingIds?: 'reject' | 'generate';
  /** name of the one object in the output topology; default "units" */
  objectName?: string;
  /**
   * topojson-server quantization (grid steps across the layer's extent). Coordinates snap to the
   * grid before arcs are found, so borders that match to within a step become shared arcs.
   * Default 1e6: about 1 m per step for a city-sized layer, 5 m for the whole US.
   */
  quantization?: number;
  /** copy the source properties onto each unit (under `fields`); default true */
  keepFields?: boolean;
}

export interface LayerCounts {
  /** features in the parts read */
  features: number;
  /** features in the output topology */
  imported: number;
  /** imported features that were changed on the way */
  repaired: number;
  /** features left out */
  rejected: number;
}

export interface LayerImportResult {
  /** one GeometryCollection object (`objectName`); each geometry has id and properties {name, fields?} */
  topology: Topology;
  objectName: string;
  issues: LayerIssue[];
  counts: LayerCounts;
  notes: string[];
}

/** Why a whole file could not be imported; `message` is written for the user, as is. */
export type LayerErrorCode =
  | 'empty-file'
  | 'unknown-format'
  | 'unreadable'
  | 'shapefile-not-zipped'
  | 'no-shapefile'
  | 'bad-prj'
  | 'no-prj'
  | 'no-such-part'
  | 'no-features'
  | 'projected-coordinates'
  | 'no-polygons';

export class LayerImportError extends Error {
  constructor(
    readonly code: LayerErrorCode,
    message: string,
    /** the per-feature problems, when every feature was rejected */
    readonly issues: LayerIssue[] = [],
  ) {
    super(message);
    this.name = 'LayerImportError';
  }
}
