import type { LineString, Position } from 'geojson';
import type { Command } from '../plan/commands';
import { shapeIndex, territoryIndex, type Plan } from '../plan/plan';
import type { UnitLayer } from '../units/unit-layer';
import { fail, ok, type GeoResult } from './shape-types';
import { splitShape } from './split';
import { editableOutline } from './to-outline';
import { unitsInShape, type UnitBoxIndex } from './to-units';

/**
 * The drawn-shape edits that take geometry work before they become commands. Each returns one
 * Command (a batch where needed) so the whole edit is one undo step: `history.do(result.value)`.
 * The geometry work may run in a worker; the command is plain data and is applied on the main
 * thread.
 */

/** Split a shape along a line: the largest piece keeps the shape's id, the others become new shapes of the same territory right after it. */
export function splitShapeCommand(plan: Plan, shapeId: string, line: LineString | Position[], newShapeId: (k: number) => string): GeoResult<Command> {
  const i = shapeIndex(plan, shapeId);
  if (i < 0) return fail(`No shape ${shapeId}`);
  const shape = plan.shapes[i];
  const r = splitShape(shape.geometry, line);
  if (!r.ok) return r;
  const [first, ...rest] = r.value;
  const commands: Command[] = [
    { kind: 'updateShape', shapeId, geometry: first },
    ...rest.map((geometry, k): Command => ({ kind: 'addShape', shape: { id: newShapeId(k), territoryId: shape.territoryId, geometry }, index: i + 1 + k })),
  ];
  return ok({ kind: 'batch', commands }, [`Split into ${r.value.length} pieces`]);
}

/**
 * Turn a drawn shape into units: the units mostly (> minShare) inside it are painted into the
 * shape's territory and the shape is removed. Units of locked territories stay where they are
 * (the paint says so in its note).
 */
export function shapeToUnitsCommand(plan: Plan, layer: UnitLayer, shapeId: string, opts: { minShare?: number; index?: UnitBoxIndex; keepShape?: boolean } = {}): GeoResult<Command> {
  const i = shapeIndex(plan, shapeId);
  if (i < 0) return fail(`No shape ${shapeId}`);
  const shape = plan.shapes[i];
  const r = unitsInShape(layer, shape.geometry, opts);
  if (!r.ok) return r;
  if (r.value.units.length === 0) return fail('No unit lies mostly inside the shape');
  const commands: Command[] = [{ kind: 'assign', units: r.value.units, territoryId: shape.territoryId }];
  if (!opts.keepShape) commands.push({ kind: 'removeShape', shapeId });
  return ok({ kind: 'batch', commands }, [`${r.value.units.length} unit${r.value.units.length === 1 ? '' : 's'}`, ...r.notes]);
}

/**
 * Turn a unit territory into an editable drawn outline: a new shape (≤ maxVertices per ring)
 * for the territory, and its units unassigned, so editing the outline is what decides its
 * accounts from then on. `keepUnits` leaves the units assigned (the shape then only adds).
 */
export function territoryToShapeCommand(plan: Plan, layer: UnitLayer, territoryId: string, shapeId: string, opts: { maxVertices?: number; keepUnits?: boolean } = {}): GeoResult<Command> {
  const t = territoryIndex(plan, territoryId);
  if (t < 0) return fail(`No territory ${territoryId}`);
  const units: number[] = [];
  for (let u = 0; u < plan.assignment.length; u++) if (plan.assignment[u] === t) units.push(u);
  const g = editableOutline(layer, units, opts.maxVertices);
  if (!g.ok) return g;
  const commands: Command[] = [{ kind: 'addShape', shape: { id: shapeId, territoryId, geometry: g.value } }];
  if (!opts.keepUnits) commands.push({ kind: 'assign', units, territoryId: null });
  return ok({ kind: 'batch', commands }, g.notes);
}
