import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

/** The raw us-atlas county topology, the reference for how much outline a full coverage has. */
export function loadCountyTopology(): Topology {
  return require('us-atlas/counties-10m.json') as Topology;
}
