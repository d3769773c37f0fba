import type { MultiPolygon } from 'geojson';
import type { Plan } from '../plan/plan';
import { territoryOutlines } from '../units/outline';
import type { UnitLayer } from '../units/unit-layer';
import { clipUnion } from './clip';
import { polygonsOf } from './shape-types';

/**
 * Each territory's whole area: its units' outline (merged from shared edges) joined with its drawn
 * shapes, for exports and reports. A territory without shapes keeps its outline exactly as
 * outline.ts gives it; when a union fails (degenerate input) the parts are listed side by side
 * rather than lost, and the failure is returned for the user to see.
 */
export function territoryGeometries(layer: UnitLayer, plan: Plan): { geometries: MultiPolygon[]; problems: string[] } {
  const geometries = territoryOutlines(layer, plan.assignment, plan.territories.length);
  const problems: string[] = [];
  plan.territories.forEach((t, i) => {
    const shapes = plan.shapes.filter((s) => s.territoryId === t.id).map((s) => polygonsOf(s.geometry));
    if (shapes.length === 0) return;
    const parts = [geometries[i].coordinates, ...shapes].filter((p) => p.length > 0);
    const merged = clipUnion(parts[0], ...parts.slice(1));
    if (merged.ok) geometries[i] = { type: 'MultiPolygon', coordinates: merged.value };
    else {
      problems.push(`${t.name}: its shapes and units could not be merged (${merged.error}); they are written as separate parts`);
      geometries[i] = { type: 'MultiPolygon', coordinates: parts.flat() };
    }
  });
  return { geometries, problems };
}
