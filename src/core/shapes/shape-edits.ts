import type { LineString } from 'geojson';
import { edit, type Command } from '../plan/commands';
import { newTerritory, shapeIndex, territoryIndex, type Plan } from '../plan/plan';
import { clipDifference } from './clip';
import { repairShape } from './repair';
import { splitShapeCommand } from './shape-commands';
import { fail, ok, polygonsOf, shapeBbox, toGeometry, type GeoResult, type ShapeGeometry } from './shape-types';

const bboxesMeet = (a: number[], b: number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * Cuts `hole` (a drawn polygon, repaired first) out of a shape: the preferred one when the hole
 * touches its box, else the first shape whose box it touches. Refuses a hole that would leave
 * nothing (delete the shape instead) or that lies over no shape.
 */
export function cutHoleCommand(plan: Plan, hole: unknown, preferredShapeId: string | null): GeoResult<Command> {
  const repaired = repairShape(hole);
  if (!repaired.ok) return fail(`The hole was not kept: ${repaired.error}`);
  const box = shapeBbox(repaired.value);
  const target = plan.shapes.find((s) => s.id === preferredShapeId && bboxesMeet(shapeBbox(s.geometry), box)) ?? plan.shapes.find((s) => bboxesMeet(shapeBbox(s.geometry), box));
  if (!target) return fail('Draw the hole inside a drawn shape.');
  const cut = clipDifference(polygonsOf(target.geometry), polygonsOf(repaired.value));
  if (!cut.ok) return fail(`The hole could not be cut: ${cut.error}`);
  if (cut.value.length === 0) return fail('That hole would remove the whole shape; delete the shape instead.');
  const result = repairShape(toGeometry(cut.value));
  if (!result.ok) return fail(`The hole could not be cut: ${result.error}`);
  return ok(edit.reshape(target.id, result.value as ShapeGeometry), ['Hole cut.']);
}

export interface SplitIds {
  /** id of the k-th new shape (k = 0, 1, …) */
  shape(k: number): string;
  territory: string;
  color: string;
}

/**
 * Splits a territory with a drawn line: the first shape the line cuts right across (the preferred
 * one first) is split; the largest piece stays, the others go to a new territory "<name> (split)".
 * One command, so one undo step. A territory made only of units has no shape to cut: the message
 * says to turn it into an outline first.
 */
export function splitTerritoryCommand(plan: Plan, line: LineString, preferredShapeId: string | null, ids: SplitIds): GeoResult<Command> {
  const xs = line.coordinates.map((p) => p[0]);
  const ys = line.coordinates.map((p) => p[1]);
  const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const candidates = plan.shapes.filter((s) => bboxesMeet(shapeBbox(s.geometry), box)).map((s) => s.id);
  if (preferredShapeId && candidates.includes(preferredShapeId)) candidates.unshift(...candidates.splice(candidates.indexOf(preferredShapeId), 1));
  let lastError = 'The line crosses no drawn shape. To split a territory made of units, first turn it into an outline (Outline … as a shape).';
  for (const id of candidates) {
    const pieces: string[] = [];
    const r = splitShapeCommand(plan, id, line, (k) => {
      const pid = ids.shape(k);
      pieces.push(pid);
      return pid;
    });
    if (!r.ok) {
      lastError = r.error;
      continue;
    }
    const shape = plan.shapes[shapeIndex(plan, id)];
    const owner = plan.territories[territoryIndex(plan, shape.territoryId)];
    const name = `${owner.name} (split)`;
    const command: Command = { kind: 'batch', commands: [r.value, edit.create(newTerritory(ids.territory, name, ids.color)), ...pieces.map((p) => edit.moveShapeTo(p, ids.territory))] };
    return ok(command, [`${owner.name} split in ${pieces.length + 1}: the new piece is ${name}.`]);
  }
  return fail(lastError);
}
