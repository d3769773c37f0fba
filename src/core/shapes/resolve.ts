import type { Command } from '../plan/commands';
import { shapeIndex, territoryIndex, type Plan } from '../plan/plan';
import { unitsOutline } from '../units/outline';
import type { UnitLayer } from '../units/unit-layer';
import { polygonsAreaKm2 } from './area';
import { clipDifference } from './clip';
import type { Overlap } from './overlaps';
import { repairShape } from './repair';
import { fail, ok, polygonsOf, toGeometry, type GeoResult, type ShapeGeometry } from './shape-types';
import { unitsInShape, type UnitBoxIndex } from './to-units';

export interface OverlapChoice {
  overlap: Overlap;
  /** the territory that keeps the overlap: overlap.a.territoryId or overlap.b.territoryId */
  winnerTerritoryId: string;
}

/**
 * "Give the overlap to one territory", for any number of overlaps at once, as ONE command (a
 * batch), so the whole resolution is one undo step. What it does (docs/DRAWN-SHAPES.md):
 *
 * - shape against shape: the loser's shape is clipped, shape minus the winner's shape (polyclip
 *   difference); a shape left with no area is removed;
 * - shape against another territory's units, the units win: the shape is clipped by the outline
 *   of the winner's units. Units are never clipped;
 * - shape against units, the shape wins: the accounts in the overlap already count for the
 *   shape (pin > shape > unit), so nothing has to change for the figures; to make the map say the
 *   same, the loser's units lying mostly (> 50%) inside the overlap are painted into the shape's
 *   territory. Units only partly under the shape stay; their accounts under the shape keep
 *   counting for it. When no unit qualifies the choice needs no edit (a note says so).
 *
 * Several choices clipping the same shape compound (each works on the result of the previous).
 * Geometry is taken from the plan as it is now, not from when the overlaps were found.
 */
export function resolveOverlapsCommand(plan: Plan, choices: readonly OverlapChoice[], ctx: { layer?: UnitLayer; unitIndex?: UnitBoxIndex } = {}): GeoResult<Command> {
  const geometry = new Map<string, ShapeGeometry | null>();
  const current = (id: string): ShapeGeometry | null | undefined => {
    if (geometry.has(id)) return geometry.get(id);
    const i = shapeIndex(plan, id);
    return i < 0 ? undefined : plan.shapes[i].geometry;
  };
  const paints = new Map<string, Set<number>>();
  const notes: string[] = [];
  for (const { overlap: o, winnerTerritoryId: win } of choices) {
    if (win !== o.a.territoryId && win !== o.b.territoryId) return fail(`${win} is not a party to this overlap`);
    const shapeWins = win === o.a.territoryId;
    if (o.kind === 'shapes') {
      const loser = shapeWins ? o.b : o.a;
      const winner = shapeWins ? o.a : o.b;
      const lg = current(loser.shapeId!);
      const wg = current(winner.shapeId!);
      if (lg === undefined || wg === undefined) return fail('A shape of this overlap no longer exists');
      if (lg === null || wg === null) continue;
      const d = clip(lg, polygonsOf(wg));
      if (!d.ok) return d;
      geometry.set(loser.shapeId!, d.value);
      continue;
    }
    // shape against units
    if (!ctx.layer) return fail('Resolving a shape against units needs the unit layer');
    const t = territoryIndex(plan, o.b.territoryId);
    if (t < 0) return fail(`No territory ${o.b.territoryId}`);
    if (!shapeWins) {
      const sg = current(o.a.shapeId!);
      if (sg === undefined) return fail('The shape of this overlap no longer exists');
      if (sg === null) continue;
      const units: number[] = [];
      for (let u = 0; u < plan.assignment.length; u++) if (plan.assignment[u] === t) units.push(u);
      const d = clip(sg, unitsOutline(ctx.layer, units).coordinates);
      if (!d.ok) return d;
      geometry.set(o.a.shapeId!, d.value);
    } else {
      const r = unitsInShape(ctx.layer, toGeometry(o.geometry), { index: ctx.unitIndex });
      if (!r.ok) return r;
      const units = r.value.units.filter((u) => plan.assignment[u] === t);
      if (units.length === 0) notes.push(`The accounts in the overlap already count for ${o.a.territoryId}; no unit of ${o.b.territoryId} lies mostly inside it, so nothing changes`);
      else {
        const set = paints.get(o.a.territoryId) ?? new Set<number>();
        units.forEach((u) => set.add(u));
        paints.set(o.a.territoryId, set);
      }
    }
  }
  const commands: Command[] = [];
  for (const [id, g] of geometry) commands.push(g === null ? { kind: 'removeShape', shapeId: id } : { kind: 'updateShape', shapeId: id, geometry: g });
  for (const [territoryId, units] of paints) commands.push({ kind: 'assign', units: [...units].sort((a, b) => a - b), territoryId });
  if (commands.length === 0) return fail(notes[0] ?? 'Nothing to resolve');
  return ok({ kind: 'batch', commands }, notes);
}

/** shape minus the polygons; null when nothing with area is left. */
function clip(shape: ShapeGeometry, minus: ReturnType<typeof polygonsOf>): GeoResult<ShapeGeometry | null> {
  const d = clipDifference(polygonsOf(shape), minus);
  if (!d.ok) return d;
  if (d.value.length === 0 || polygonsAreaKm2(d.value) <= 0) return ok(null);
  const r = repairShape(toGeometry(d.value));
  return r.ok ? ok(r.value) : ok(null);
}
