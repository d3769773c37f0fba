import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { countiesLayer, zipAreasLayer } from './layers';
import type { UnitLayer } from './unit-layer';

/** Node only (tests, benchmarks, scripts); the browser uses the loaders of layers.ts. */

export const ZIP_AREAS_PATH = fileURLToPath(new URL('../../../public/data/zip-areas.topo.json', import.meta.url));

const require = createRequire(import.meta.url);

export function countiesTopologyFromDisk(): Topology {
  return JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8')) as Topology;
}

export function countiesLayerFromDisk(): UnitLayer {
  return countiesLayer(countiesTopologyFromDisk());
}

/** undefined when the ZIP-area asset has not been built yet */
export function zipAreasLayerFromDisk(path: string = ZIP_AREAS_PATH): (UnitLayer & { countyOf: string[] }) | undefined {
  if (!existsSync(path)) return undefined;
  return zipAreasLayer(JSON.parse(readFileSync(path, 'utf8')) as Topology);
}
