import type { LineString } from 'geojson';
import type { Command } from '../plan/commands';
import type { Plan } from '../plan/plan';
import type { UnitLayer } from '../units/unit-layer';
import type { GapReport } from './gaps';
import { fillGapsCommand } from './gaps';
import type { Overlap } from './overlaps';
import { resolveOverlapsCommand } from './resolve';
import { shapeToUnitsCommand, territoryToShapeCommand } from './shape-commands';
import { cutHoleCommand, splitTerritoryCommand, type SplitIds } from './shape-edits';
import { fail, type GeoResult } from './shape-types';
import { UnitBoxIndex } from './to-units';

/**
 * The drawn-shape edits that clip, split or intersect geometry, as requests a worker can answer:
 * the page sends the plan as it is and gets back a Command (plain data) to apply as one undo step.
 * Clipping can take long or throw on awkward input; off the page it can neither freeze the map nor
 * take the app down (the page gives up on an answer that does not come, see shapes.api.ts).
 */
export type ShapeEditRequest =
  | { op: 'hole'; plan: Plan; hole: unknown; preferredShapeId: string | null }
  | { op: 'split'; plan: Plan; line: LineString; preferredShapeId: string | null; ids: { shapes: string[]; territory: string; color: string } }
  | { op: 'toUnits'; plan: Plan; shapeId: string }
  | { op: 'outline'; plan: Plan; territoryId: string; shapeId: string }
  | { op: 'resolve'; plan: Plan; overlap: Overlap; winnerTerritoryId: string }
  | { op: 'fillGaps'; plan: Plan; gaps: GapReport };

export class ShapeEditService {
  private layer: UnitLayer | null = null;
  private unitIndex: UnitBoxIndex | null = null;

  setLayer(layer: UnitLayer): void {
    this.layer = layer;
    this.unitIndex = null;
  }

  get layerId(): string | null {
    return this.layer?.layerId ?? null;
  }

  edit(req: ShapeEditRequest): GeoResult<Command> {
    try {
      return this.run(req);
    } catch (e) {
      // the core's own operations are guarded; anything else still ends as a message, not a crash
      return fail(`The edit could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private run(req: ShapeEditRequest): GeoResult<Command> {
    if (req.op === 'hole') return cutHoleCommand(req.plan, req.hole, req.preferredShapeId);
    if (req.op === 'split') {
      const ids: SplitIds = { shape: (k) => req.ids.shapes[k] ?? `${req.ids.shapes[0]}-${k}`, territory: req.ids.territory, color: req.ids.color };
      return splitTerritoryCommand(req.plan, req.line, req.preferredShapeId, ids);
    }
    const layer = this.layer;
    if (!layer || layer.layerId !== req.plan.layerId) return fail('The units of this plan are not loaded for shape edits yet; try again.');
    this.unitIndex ??= new UnitBoxIndex(layer);
    switch (req.op) {
      case 'toUnits':
        return shapeToUnitsCommand(req.plan, layer, req.shapeId, { index: this.unitIndex });
      case 'outline':
        return territoryToShapeCommand(req.plan, layer, req.territoryId, req.shapeId);
      case 'resolve':
        return resolveOverlapsCommand(req.plan, [{ overlap: req.overlap, winnerTerritoryId: req.winnerTerritoryId }], { layer, unitIndex: this.unitIndex });
      case 'fillGaps':
        return fillGapsCommand(req.plan, layer, req.gaps);
    }
  }
}
