import type { Position } from 'geojson';
import type { Command } from '../plan/commands';
import { shapeIndex, type Plan } from '../plan/plan';
import { haversineKm } from '../units/sphere';
import type { UnitLayer } from '../units/unit-layer';
import { polygonsAreaKm2 } from './area';
import { clipUnion } from './clip';
import { PointGrid } from './point-grid';
import { PolygonPointIndex } from './point-index';
import { repairShape } from './repair';
import { fail, ok, polygonsOf, type GeoResult, type ShapeGeometry } from './shape-types';

/** An unassigned unit holding accounts that count for no territory. */
export interface UnitGap {
  unit: number;
  /** accounts in the unit owned by nobody (not pinned, in no shape) and their revenue */
  accounts: number;
  revenue: number;
}

/** An area enclosed by the drawn shapes but inside none of them (an interior ring of their union). */
export interface ShapeHole {
  /** the hole as a polygon (exterior counter-clockwise) */
  geometry: Position[][];
  areaKm2: number;
  accounts: number;
  revenue: number;
  /** of those, accounts that count for no territory (no pin, and their unit is unassigned or they have none) */
  unownedAccounts: number;
  /** shapes whose outline runs along the hole, most shared vertices first */
  aroundShapeIds: string[];
}

export interface GapReport {
  units: UnitGap[];
  /** accounts in no unit, no shape and without a pin (off every unit: fix by pinning) */
  noUnit: { accounts: number; revenue: number };
  holes: ShapeHole[];
  /** set when the union of the shapes could not be computed (holes then empty) */
  holesError?: string;
}

export interface GapInput {
  plan: Plan;
  accounts: { lon: Float64Array; lat: Float64Array; revenue: Float64Array };
  unitOfAccount: Int32Array;
  /** account row → territory index by the ownership rule (territoryOfAccounts(...).territory) */
  ownerOfAccount: Int32Array;
  grid?: PointGrid;
}

/**
 * Gaps of a plan (docs/DRAWN-SHAPES.md): accounts that count for no territory, grouped by their
 * (unassigned) unit or as "in no unit"; and holes between drawn shapes, with area and accounts.
 */
export function findGaps(input: GapInput): GapReport {
  const { plan, accounts, unitOfAccount, ownerOfAccount } = input;
  const byUnit = new Map<number, UnitGap>();
  const noUnit = { accounts: 0, revenue: 0 };
  for (let a = 0; a < ownerOfAccount.length; a++) {
    if (ownerOfAccount[a] >= 0) continue;
    const r = accounts.revenue[a];
    const u = unitOfAccount[a];
    const g = u >= 0 ? (byUnit.get(u) ?? byUnit.set(u, { unit: u, accounts: 0, revenue: 0 }).get(u)!) : noUnit;
    g.accounts++;
    if (r === r) g.revenue += r;
  }
  const units = [...byUnit.values()].sort((x, y) => y.accounts - x.accounts || x.unit - y.unit);

  const holes: ShapeHole[] = [];
  let holesError: string | undefined;
  if (plan.shapes.length > 0) {
    const all = plan.shapes.map((s) => polygonsOf(s.geometry));
    const u = clipUnion(all[0], ...all.slice(1));
    if (!u.ok) holesError = u.error;
    else {
      const shapeIndexOfItems = new PolygonPointIndex(all);
      let grid = input.grid ?? null;
      for (const poly of u.value) {
        for (let r = 1; r < poly.length; r++) {
          const ring = poly[r].slice().reverse();
          const h: ShapeHole = { geometry: [ring], areaKm2: polygonsAreaKm2([[ring]]), accounts: 0, revenue: 0, unownedAccounts: 0, aroundShapeIds: [] };
          const counts = new Map<number, number>();
          for (let k = 0; k < ring.length - 1; k++) {
            for (let s = 0; s < all.length; s++) if (shapeIndexOfItems.itemTest(s, ring[k][0], ring[k][1]) === 2) counts.set(s, (counts.get(s) ?? 0) + 1);
          }
          h.aroundShapeIds = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([s]) => plan.shapes[s].id);
          grid ??= new PointGrid(accounts.lon, accounts.lat);
          const idx = new PolygonPointIndex([[[ring]]]);
          let w = Infinity;
          let s = Infinity;
          let e = -Infinity;
          let n = -Infinity;
          for (const p of ring) {
            w = Math.min(w, p[0]);
            e = Math.max(e, p[0]);
            s = Math.min(s, p[1]);
            n = Math.max(n, p[1]);
          }
          // strictly inside: an account on the hole's edge is on a shape's edge, and so in that shape
          grid.forEachInBox(w, s, e, n, (a) => {
            if (idx.polygonTest(0, accounts.lon[a], accounts.lat[a]) !== 1) return;
            h.accounts++;
            const rv = accounts.revenue[a];
            if (rv === rv) h.revenue += rv;
            if (ownerOfAccount[a] < 0) h.unownedAccounts++;
          });
          holes.push(h);
        }
      }
      holes.sort((x, y) => y.areaKm2 - x.areaKm2);
    }
  }
  return { units, noUnit, holes, holesError };
}

/**
 * The one-click fix, as ONE command (one undo step):
 * - every unassigned unit with unowned accounts goes to the territory it shares the longest
 *   boundary with (arc lengths; units filled in this same fix count, so a run of empty units fills
 *   from its edges inwards); a unit with no assigned neighbour at all goes to the territory of the
 *   nearest assigned unit (centroid distance);
 * - every hole between shapes is added to the shape that runs along most of it (the first of
 *   `aroundShapeIds`): that shape becomes its union with the hole. A hole some of whose accounts
 *   already count for a territory (through its units or pins) is left as it is: filling it would
 *   take them from that territory (a note says how many holes were left).
 * Accounts in no unit are not touched (pin them; the report counts them). Pins are never added:
 * a gap is a hole in the map, and fixing the map fixes every account in it at once.
 */
export function fillGapsCommand(plan: Plan, layer: UnitLayer, report: GapReport): GeoResult<Command> {
  const commands: Command[] = [];
  const to = unitFill(plan, layer, report.units.map((g) => g.unit));
  const groups = new Map<number, number[]>();
  to.forEach((t, u) => (groups.get(t) ?? groups.set(t, []).get(t)!).push(u));
  for (const [t, units] of groups) commands.push({ kind: 'assign', units: units.sort((a, b) => a - b), territoryId: plan.territories[t].id });

  const grown = new Map<string, ShapeGeometry>();
  let owned = 0;
  for (const h of report.holes) {
    if (h.accounts > h.unownedAccounts) {
      owned++;
      continue;
    }
    const id = h.aroundShapeIds[0];
    if (id === undefined) continue;
    const i = shapeIndex(plan, id);
    if (i < 0) continue;
    const g = grown.get(id) ?? plan.shapes[i].geometry;
    const u = clipUnion(polygonsOf(g), [h.geometry]);
    if (!u.ok) return fail(`A hole could not be filled: ${u.error}`);
    const r = repairShape({ type: 'MultiPolygon', coordinates: u.value });
    if (!r.ok) return fail(`A hole could not be filled: ${r.error}`);
    grown.set(id, r.value);
  }
  for (const [shapeId, geometry] of grown) commands.push({ kind: 'updateShape', shapeId, geometry });
  const notes = owned > 0 ? [`${owned} hole${owned === 1 ? '' : 's'} left as ${owned === 1 ? 'it is' : 'they are'}: ${owned === 1 ? 'its' : 'their'} accounts already count for a territory`] : [];
  if (commands.length === 0) return fail(notes[0] ?? 'No gap that a territory could take');
  return ok({ kind: 'batch', commands }, notes);
}

/** unit → territory index for the gap units, by longest shared boundary, rounds inwards, nearest as the last resort. */
function unitFill(plan: Plan, layer: UnitLayer, gapUnits: number[]): Map<number, number> {
  const out = new Map<number, number>();
  const terr = (u: number) => (plan.assignment[u] >= 0 ? plan.assignment[u] : (out.get(u) ?? -1));
  let pending = gapUnits.filter((u) => plan.assignment[u] < 0 && !plan.lockedUnits[u]);
  const { unitArcStart, unitArcs, arcLeft, arcRight } = layer;
  const len = layer.arcs.lengthKm;
  for (let round = 0; round < 1000 && pending.length > 0; round++) {
    const decided: [number, number][] = [];
    for (const u of pending) {
      const shared = new Map<number, number>();
      for (let k = unitArcStart[u]; k < unitArcStart[u + 1]; k++) {
        const a = unitArcs[k];
        const v = arcLeft[a] === u ? arcRight[a] : arcLeft[a];
        if (v < 0) continue;
        const t = terr(v);
        if (t >= 0 && !plan.territories[t].locked) shared.set(t, (shared.get(t) ?? 0) + len[a]);
      }
      // bridges and corner neighbours count when no edge is shared
      if (shared.size === 0) {
        for (let k = layer.adjStart[u]; k < layer.adjStart[u + 1]; k++) {
          const t = terr(layer.adj[k]);
          if (t >= 0 && !plan.territories[t].locked) shared.set(t, (shared.get(t) ?? 0) + 1e-9);
        }
      }
      let best = -1;
      let bestLen = -1;
      for (const [t, l] of shared) if (l > bestLen || (l === bestLen && t < best)) [best, bestLen] = [t, l];
      if (best >= 0) decided.push([u, best]);
    }
    if (decided.length === 0) break;
    for (const [u, t] of decided) out.set(u, t);
    pending = pending.filter((u) => !out.has(u));
  }
  for (const u of pending) {
    let best = -1;
    let bestKm = Infinity;
    const c = layer.centroid;
    for (let v = 0; v < layer.count; v++) {
      const t = plan.assignment[v];
      if (t < 0 || plan.territories[t].locked) continue;
      const d = haversineKm(c[2 * u + 1], c[2 * u], c[2 * v + 1], c[2 * v]);
      if (d < bestKm) [best, bestKm] = [t, d];
    }
    if (best >= 0) out.set(u, best);
  }
  return out;
}
