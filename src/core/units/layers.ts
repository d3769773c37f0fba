import type { GeometryObject, Topology } from 'topojson-specification';
import { buildUnitLayer, type UnitLayer } from './unit-layer';

/**
 * The layers the app ships. Each takes the parsed TopoJSON so the same code serves the browser
 * (dynamic import / fetch), workers and Node (read from disk); see layers-node.ts for the Node side.
 */

export const COUNTIES_LAYER_ID = 'us-counties';
export const ZIP_AREAS_LAYER_ID = 'us-zip-areas';
/** where the approximate ZIP areas are served from (public/data) */
export const ZIP_AREAS_URL = '/data/zip-areas.topo.json';

const props = (g: GeometryObject): Record<string, unknown> => (g.properties as Record<string, unknown> | undefined) ?? {};

/**
 * US counties from us-atlas `counties-10m.json` (object `counties`, id = 5-digit FIPS,
 * properties.name). Every county is kept, territories and Puerto Rico included; the state is the
 * first two FIPS digits, so callers that want "the 48 states + DC" filter on `stateFips`.
 */
export function countiesLayer(topology: Topology): UnitLayer {
  return buildUnitLayer(topology, {
    layerId: COUNTIES_LAYER_ID,
    objectName: 'counties',
    stateFips: (_g, id) => (/^\d{5}$/.test(id) ? id.slice(0, 2) : ''),
  });
}

/** us-atlas counties, loaded on demand (a chunk of its own in the browser bundle). */
export async function loadCountiesLayer(): Promise<UnitLayer> {
  const m = (await import('us-atlas/counties-10m.json')) as unknown as { default: Topology };
  return countiesLayer(m.default);
}

/**
 * The approximate ZIP areas built by scripts (object `zips`, id = 5-digit ZIP, properties
 * {county: 5-digit county FIPS, state}). The name is the ZIP itself; the state FIPS comes from the
 * county. The `county` property of each unit is kept in `countyOf` for roll-ups and filters.
 */
export function zipAreasLayer(topology: Topology): UnitLayer & { countyOf: string[] } {
  const layer = buildUnitLayer(topology, {
    layerId: ZIP_AREAS_LAYER_ID,
    objectName: 'zips',
    name: (_g, id) => id,
    stateFips: (g) => {
      const county = props(g).county;
      return typeof county === 'string' && /^\d{5}$/.test(county) ? county.slice(0, 2) : '';
    },
  });
  const countyOf = layer.geometries.map((g) => {
    const c = props(g).county;
    return typeof c === 'string' ? c : '';
  });
  return Object.assign(layer, { countyOf });
}

/** Fetches and builds the ZIP layer in the browser or a worker. */
export async function fetchZipAreasLayer(url: string = ZIP_AREAS_URL): Promise<UnitLayer & { countyOf: string[] }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`ZIP areas: HTTP ${res.status} for ${url}`);
  return zipAreasLayer((await res.json()) as Topology);
}

export const STATES_LAYER_ID = 'us-states';

/** US states from us-atlas `states-10m.json` (object `states`, id = 2-digit FIPS, properties.name). */
export function statesLayer(topology: Topology): UnitLayer {
  return buildUnitLayer(topology, { layerId: STATES_LAYER_ID, objectName: 'states', stateFips: (_g, id) => id });
}

/** us-atlas states, loaded on demand. */
export async function loadStatesLayer(): Promise<UnitLayer> {
  const m = (await import('us-atlas/states-10m.json')) as unknown as { default: Topology };
  return statesLayer(m.default);
}

/** A shipped layer by its id (counties, states, ZIP areas), loaded the way this thread can (page or worker). */
export function loadShippedLayer(layerId: string): Promise<UnitLayer> {
  if (layerId === COUNTIES_LAYER_ID) return loadCountiesLayer();
  if (layerId === STATES_LAYER_ID) return loadStatesLayer();
  if (layerId === ZIP_AREAS_LAYER_ID) return fetchZipAreasLayer();
  return Promise.reject(new Error(`No units for layer ${layerId}`));
}
