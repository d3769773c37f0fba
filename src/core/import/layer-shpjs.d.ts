// shpjs 6 ships no types; these cover the two parsers layer-shapefile.ts uses.
declare module 'shpjs' {
  /**
   * Geometries of a .shp, one per record (null for a null shape); with `prj` (WKT or proj string)
   * the coordinates are unprojected to WGS84 by proj4. A `prj` proj4 cannot parse is ignored.
   */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): (import('geojson').Geometry | null)[];
  /** the .dbf rows as objects; `cpg` names the text encoding */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
