import type { AccountTable } from '../accounts/table';
import { density, deviationFromMeanPct, polsbyPopper } from '../metrics/measures';
import { workloadFromSums, type DistanceUnit, type WorkloadSettings } from '../metrics/workload';
import { assignAccountsToShapes, territoriesOfShapes } from '../shapes/assign-accounts';
import { PointGrid } from '../shapes/point-grid';
import { PolygonPointIndex } from '../shapes/point-index';
import { polygonsOf, shapeBbox, type ShapeGeometry } from '../shapes/shape-types';
import { haversineKm } from '../units/sphere';
import type { UnitAggregates } from '../units/unit-aggregates';
import type { UnitLayer } from '../units/unit-layer';
import type { PlanChange } from './commands';
import type { BalanceMetric, Plan } from './plan';

/** Everything the figures are computed from besides the plan. */
export interface StatsContext {
  layer: UnitLayer;
  aggregates: UnitAggregates;
  accounts: AccountTable;
  /** from the account join; -1 = no unit */
  unitOfAccount: Int32Array;
  /** visits per year per account (metrics/workload accountVisits, with `settings`) */
  visits: Float64Array;
  settings: WorkloadSettings;
  /** the rep's home, or null when the rep is unknown or has no location */
  repHome: (repId: string) => { lat: number; lon: number } | null;
  /** account id → row, -1 when the table has no such account (account-lookup.ts) */
  accountIndex: (accountId: string) => number;
  /**
   * account row → index into plan.shapes (shapes/assign-accounts.ts), when a worker has already
   * computed it for the plan the stats start from; computed here when absent
   */
  shapeOfAccount?: Int32Array;
}

export interface TerritoryFigures {
  units: number;
  accounts: number;
  revenue: number;
  potential: number;
  /** visits per year, summed */
  visits: number;
  /** metrics/workload: visit time + travel time (travel 0 without a rep) */
  workloadHours: number;
  areaKm2: number;
  /** outline length: boundary with other territories, unassigned units and the outside */
  perimeterKm: number;
  /** 4πA/P²; NaN for an empty territory */
  polsbyPopper: number;
  /** connected pieces of the territory in the unit graph (bridges count as connections); 0 when empty */
  parts: number;
  /** accounts per km² or mi² of area (the unit asked for); NaN with no area */
  density: number;
  /** great-circle km from the rep's home to the accounts (those with coordinates); null = no rep */
  travel: { meanKm: number; maxKm: number } | null;
  /** counts by the table's segment / classification codes (index = code, 0 = empty) */
  segments: Float64Array;
  classifications: Float64Array;
}

// per-slot sums, slot-major in one array so inserting a territory is one copyWithin
const F_UNITS = 0;
const F_ACCOUNTS = 1;
const F_REVENUE = 2;
const F_POTENTIAL = 3;
const F_VISITS = 4;
/** Σ visits × km to the rep's home (workload's travel part) */
const F_VISIT_KM = 5;
/** Σ km to the rep's home, and how many accounts had a distance (mean travel) */
const F_DIST_SUM = 6;
const F_DIST_COUNT = 7;
const F_AREA = 8;
const F_PERIM = 9;
const NF = 10;

/**
 * Territory figures kept up to date edit by edit. Every figure is a sum over units (plus pinned
 * accounts), so moving a unit subtracts its figures from one territory and adds them to another:
 * O(segments + classifications + the unit's arcs), and O(accounts in the unit) only when the two
 * territories have different rep homes (travel is measured from the rep's home).
 *
 * - Slots: slot 0 holds unassigned units and accounts, territory t is slot t + 1.
 * - Pins and drawn shapes: an account owned by a pin, else by a drawn shape it lies in
 *   (docs/DRAWN-SHAPES.md), is taken out of its unit's "effective" figures and counted in the
 *   owner's territory instead, so a unit move never needs to look at pins or shapes. A shape
 *   change re-owns only the accounts in the box of its old and new geometry (a point grid over
 *   the accounts, built on the first shape change, and a point index over the plan's shapes).
 * - Perimeter: an arc counts for a territory when exactly one of its sides is in that territory;
 *   moving a unit re-examines only that unit's outline arcs.
 * - Max travel and number of parts cannot be updated by subtraction: they are marked stale for the
 *   two territories a move touches and recomputed over that territory's units when read
 *   (units are kept in a linked list per slot, so that is O(units of the territory)).
 *
 * Feed it every PlanChange (pass `stats.apply` as the listener of applyCommand / PlanHistory).
 * A change of visit defaults (visitsByClassification) changes the per-account visits: build a new
 * TerritoryStats. Other workload settings are read when figures are asked for.
 */
export class TerritoryStats {
  private readonly L: UnitLayer;
  private readonly A: UnitAggregates;
  private readonly nSeg: number;
  private readonly nCls: number;
  private cap = 0;
  private sums = new Float64Array(0);
  private seg = new Float64Array(0);
  private cls = new Float64Array(0);
  private distMax = new Float64Array(0);
  private maxStale = new Uint8Array(0);
  private parts = new Int32Array(0);
  private partsStale = new Uint8Array(0);
  /** rep home per slot [lat, lon]; NaN = no rep */
  private home = new Float64Array(0);
  private head = new Int32Array(0);
  /** pinned account rows per slot */
  private pinned: Set<number>[] = [];
  private slots = 0;

  /** slot of each unit, and the per-slot doubly linked member lists */
  private readonly slotOf: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** unit figures without its pinned accounts */
  private readonly effAccounts: Float64Array;
  private readonly effRevenue: Float64Array;
  private readonly effPotential: Float64Array;
  private readonly effVisits: Float64Array;
  private readonly effSeg: Float64Array;
  private readonly effCls: Float64Array;
  /** travel of the unit's (unpinned) accounts from the home of the unit's current slot */
  private readonly uDistSum: Float64Array;
  private readonly uDistCount: Float64Array;
  private readonly uVisitKm: Float64Array;
  private readonly uDistMax: Float64Array;
  /** 1 when the account counts outside its unit: pinned, or in a drawn shape */
  private readonly isPinned: Uint8Array;
  /** account row counted outside its unit → the slot it counts in (its pin's, else its shape's) */
  private readonly pinSlot = new Map<number, number>();
  /** account row → slot of its pin (pins only) */
  private readonly realPin = new Map<number, number>();
  /** account row → territory index of the drawn shape that holds it (first in plan order), -1 none */
  private readonly shapeOwner: Int32Array;
  private shapeOwned = 0;
  private grid: PointGrid | null = null;
  /** pins whose account is not in the table (kept in the plan, counted nowhere) */
  stalePins = 0;
  /** the plan these figures follow; commands mutate it, then tell us (rep ids are read from it) */
  private plan!: Plan;
  private readonly visitStamp: Int32Array;
  private stamp = 0;

  constructor(
    private readonly ctx: StatsContext,
    plan: Plan,
  ) {
    // (reset reads ctx.shapeOfAccount only at construction: later resets compute their own)
    this.L = ctx.layer;
    this.A = ctx.aggregates;
    this.nSeg = this.A.segmentLabels.length;
    this.nCls = this.A.classificationLabels.length;
    const n = this.L.count;
    if (plan.assignment.length !== n || this.A.unitCount !== n) throw new Error('The plan, layer and aggregates disagree on the number of units');
    this.slotOf = new Int32Array(n);
    this.next = new Int32Array(n).fill(-1);
    this.prev = new Int32Array(n).fill(-1);
    this.effAccounts = Float64Array.from(this.A.accounts);
    this.effRevenue = this.A.revenue.slice();
    this.effPotential = this.A.potential.slice();
    this.effVisits = this.A.visits.slice();
    this.effSeg = Float64Array.from(this.A.segments);
    this.effCls = Float64Array.from(this.A.classifications);
    this.uDistSum = new Float64Array(n);
    this.uDistCount = new Float64Array(n);
    this.uVisitKm = new Float64Array(n);
    this.uDistMax = new Float64Array(n);
    this.isPinned = new Uint8Array(ctx.accounts.count);
    this.shapeOwner = new Int32Array(ctx.accounts.count).fill(-1);
    this.visitStamp = new Int32Array(n);
    this.reset(plan, ctx.shapeOfAccount);
  }

  /** Full recompute from the plan: the starting point, and the reference the incremental path must equal. */
  reset(plan: Plan, shapeOfAccount?: Int32Array): void {
    this.plan = plan;
    const n = this.L.count;
    this.slots = plan.territories.length + 1;
    this.grow(this.slots, true);
    for (let s = 0; s < this.slots; s++) this.setHome(s, s === 0 ? null : plan.territories[s - 1].repId);
    this.head.fill(-1);
    this.next.fill(-1);
    this.prev.fill(-1);
    for (let u = n - 1; u >= 0; u--) {
      this.slotOf[u] = plan.assignment[u] + 1;
      this.link(u, this.slotOf[u]);
    }
    this.effAccounts.set(this.A.accounts);
    this.effRevenue.set(this.A.revenue);
    this.effPotential.set(this.A.potential);
    this.effVisits.set(this.A.visits);
    this.effSeg.set(this.A.segments);
    this.effCls.set(this.A.classifications);
    this.isPinned.fill(0);
    this.pinSlot.clear();
    this.realPin.clear();
    this.stalePins = 0;
    this.computeShapeOwners(plan, shapeOfAccount);
    const tIndex = new Map(plan.territories.map((t, i) => [t.id, i]));
    const pins: [number, number][] = [];
    for (const [accountId, territoryId] of plan.pins) {
      const a = this.ctx.accountIndex(accountId);
      const t = tIndex.get(territoryId);
      if (a < 0 || t === undefined || this.isPinned[a]) {
        this.stalePins++;
        continue;
      }
      this.isPinned[a] = 1;
      this.realPin.set(a, t + 1);
      pins.push([a, t + 1]);
      const u = this.ctx.unitOfAccount[a];
      if (u >= 0) this.effAccount(u, a, -1);
    }
    if (this.shapeOwned > 0) {
      const so = this.shapeOwner;
      for (let a = 0; a < so.length; a++) {
        if (so[a] < 0 || this.isPinned[a]) continue;
        this.isPinned[a] = 1;
        pins.push([a, so[a] + 1]);
        const u = this.ctx.unitOfAccount[a];
        if (u >= 0) this.effAccount(u, a, -1);
      }
    }
    for (let u = 0; u < n; u++) {
      this.computeUnitTravel(u);
      this.unitBase(this.slotOf[u], u, 1);
      this.unitTravel(this.slotOf[u], u, 1);
    }
    const unitOfAccount = this.ctx.unitOfAccount;
    for (let a = 0; a < this.ctx.accounts.count; a++) if (unitOfAccount[a] < 0 && !this.isPinned[a]) this.accBase(0, a, 1);
    for (const [a, s] of pins) this.addPin(a, s);
    const { arcLeft, arcRight } = this.L;
    const len = this.L.arcs.lengthKm;
    for (let a = 0; a < arcLeft.length; a++) {
      const l = arcLeft[a];
      const r = arcRight[a];
      if (l < 0 || l === r) continue;
      const sl = this.slotOf[l];
      const sr = r >= 0 ? this.slotOf[r] : -1;
      if (sl === sr) continue;
      this.sums[sl * NF + F_PERIM] += len[a];
      if (sr >= 0) this.sums[sr * NF + F_PERIM] += len[a];
    }
    this.maxStale.fill(1);
    this.partsStale.fill(1);
  }

  /** The PlanListener: keeps the figures in step with every applied command (undo and redo included). */
  readonly apply = (c: PlanChange): void => {
    switch (c.type) {
      case 'assign':
        for (let i = 0; i < c.units.length; i++) this.moveUnit(c.units[i], c.to + 1);
        break;
      case 'territoryInserted':
        this.insertSlot(c.index + 1);
        break;
      case 'territoryRemoved':
        this.removeSlot(c.index + 1);
        break;
      case 'territoryUpdated':
        if (c.keys.includes('repId')) this.rehome(c.index + 1);
        break;
      case 'pin':
        this.repin(c.accountId, c.from + 1, c.to + 1);
        break;
      case 'locks':
        break;
      case 'shape':
        this.reshape(c.before?.geometry ?? null, c.after?.geometry ?? null);
        break;
    }
  };

  /** Call after a territory's rep changes outside a command (e.g. a reps file re-import moved a home). */
  repHomeChanged(territoryIndex: number): void {
    this.rehome(territoryIndex + 1);
  }

  // ---- reading -------------------------------------------------------------------------------

  get territoryCount(): number {
    return this.slots - 1;
  }

  figures(t: number, areaUnit: DistanceUnit = this.ctx.settings.distanceUnit): TerritoryFigures {
    const s = t + 1;
    if (t < 0 || s >= this.slots) throw new Error(`No territory ${t}`);
    const b = s * NF;
    const S = this.sums;
    const hasRep = !Number.isNaN(this.home[2 * s]);
    const area = S[b + F_AREA];
    return {
      units: S[b + F_UNITS],
      accounts: S[b + F_ACCOUNTS],
      revenue: S[b + F_REVENUE],
      potential: S[b + F_POTENTIAL],
      visits: S[b + F_VISITS],
      workloadHours: workloadFromSums(S[b + F_VISITS], S[b + F_VISIT_KM], hasRep, this.ctx.settings),
      areaKm2: area,
      perimeterKm: S[b + F_PERIM],
      polsbyPopper: S[b + F_UNITS] > 0 ? polsbyPopper(area, S[b + F_PERIM]) : NaN,
      parts: this.partsOf(s),
      density: density(S[b + F_ACCOUNTS], area, areaUnit),
      travel: hasRep ? { meanKm: S[b + F_DIST_COUNT] > 0 ? S[b + F_DIST_SUM] / S[b + F_DIST_COUNT] : NaN, maxKm: this.maxOf(s) } : null,
      segments: this.seg.slice(s * this.nSeg, (s + 1) * this.nSeg),
      classifications: this.cls.slice(s * this.nCls, (s + 1) * this.nCls),
    };
  }

  /** Unassigned units, and accounts that count for no territory (in unassigned units, or in no unit, and not pinned). */
  unassigned(): { units: number; accounts: number; revenue: number; potential: number } {
    const S = this.sums;
    return { units: S[F_UNITS], accounts: S[F_ACCOUNTS], revenue: S[F_REVENUE], potential: S[F_POTENTIAL] };
  }

  /** One figure for every territory, in plan order. */
  values(metric: BalanceMetric): Float64Array {
    const k = this.slots - 1;
    const out = new Float64Array(k);
    for (let t = 0; t < k; t++) {
      const b = (t + 1) * NF;
      const S = this.sums;
      switch (metric) {
        case 'accounts':
          out[t] = S[b + F_ACCOUNTS];
          break;
        case 'revenue':
          out[t] = S[b + F_REVENUE];
          break;
        case 'potential':
          out[t] = S[b + F_POTENTIAL];
          break;
        case 'workload':
          out[t] = workloadFromSums(S[b + F_VISITS], S[b + F_VISIT_KM], !Number.isNaN(this.home[2 * (t + 1)]), this.ctx.settings);
          break;
        case 'units':
          out[t] = S[b + F_UNITS];
          break;
        case 'area':
          out[t] = S[b + F_AREA];
          break;
      }
    }
    return out;
  }

  /** Mean of the metric over all territories and each one's deviation from it, % (measures.ts). */
  balance(metric: BalanceMetric): { values: Float64Array; mean: number; deviationPct: Float64Array } {
    const values = this.values(metric);
    return { values, ...deviationFromMeanPct(values) };
  }

  /** Units of territory t (index), in no particular order. */
  unitsOf(t: number): number[] {
    const out: number[] = [];
    for (let u = this.head[t + 1]; u >= 0; u = this.next[u]) out.push(u);
    return out;
  }

  // ---- unit moves ------------------------------------------------------------------------------

  private moveUnit(u: number, to: number): void {
    const from = this.slotOf[u];
    if (from === to) return;
    const S = this.sums;
    const len = this.L.arcs.lengthKm;
    const { arcLeft, arcRight, unitArcStart, unitArcs } = this.L;
    for (let k = unitArcStart[u]; k < unitArcStart[u + 1]; k++) {
      const a = unitArcs[k];
      const v = arcLeft[a] === u ? arcRight[a] : arcLeft[a];
      const sv = v >= 0 ? this.slotOf[v] : -1;
      if (sv !== from) {
        S[from * NF + F_PERIM] -= len[a];
        if (sv >= 0) S[sv * NF + F_PERIM] -= len[a];
      }
      if (sv !== to) {
        S[to * NF + F_PERIM] += len[a];
        if (sv >= 0) S[sv * NF + F_PERIM] += len[a];
      }
    }
    this.unitBase(from, u, -1);
    this.unitTravel(from, u, -1);
    this.unlink(u);
    this.slotOf[u] = to;
    this.link(u, to);
    if (!this.sameHome(from, to)) this.computeUnitTravel(u);
    this.unitBase(to, u, 1);
    this.unitTravel(to, u, 1);
    this.partsStale[from] = 1;
    this.partsStale[to] = 1;
  }

  private link(u: number, s: number): void {
    const h = this.head[s];
    this.next[u] = h;
    this.prev[u] = -1;
    if (h >= 0) this.prev[h] = u;
    this.head[s] = u;
  }

  private unlink(u: number): void {
    const p = this.prev[u];
    const nx = this.next[u];
    if (p >= 0) this.next[p] = nx;
    else this.head[this.slotOf[u]] = nx;
    if (nx >= 0) this.prev[nx] = p;
    this.next[u] = -1;
    this.prev[u] = -1;
  }

  private sameHome(a: number, b: number): boolean {
    const h = this.home;
    const na = Number.isNaN(h[2 * a]);
    const nb = Number.isNaN(h[2 * b]);
    return na || nb ? na && nb : h[2 * a] === h[2 * b] && h[2 * a + 1] === h[2 * b + 1];
  }

  private unitBase(s: number, u: number, sign: number): void {
    const S = this.sums;
    const b = s * NF;
    S[b + F_UNITS] += sign;
    S[b + F_ACCOUNTS] += sign * this.effAccounts[u];
    S[b + F_REVENUE] += sign * this.effRevenue[u];
    S[b + F_POTENTIAL] += sign * this.effPotential[u];
    S[b + F_VISITS] += sign * this.effVisits[u];
    S[b + F_AREA] += sign * this.L.areaKm2[u];
    const ns = this.nSeg;
    for (let c = 0; c < ns; c++) this.seg[s * ns + c] += sign * this.effSeg[u * ns + c];
    const nc = this.nCls;
    for (let c = 0; c < nc; c++) this.cls[s * nc + c] += sign * this.effCls[u * nc + c];
  }

  private unitTravel(s: number, u: number, sign: number): void {
    if (this.uDistCount[u] === 0) return;
    const S = this.sums;
    const b = s * NF;
    S[b + F_DIST_SUM] += sign * this.uDistSum[u];
    S[b + F_DIST_COUNT] += sign * this.uDistCount[u];
    S[b + F_VISIT_KM] += sign * this.uVisitKm[u];
    if (sign > 0) {
      if (!this.maxStale[s] && this.uDistMax[u] > this.distMax[s]) this.distMax[s] = this.uDistMax[u];
    } else if (this.uDistMax[u] >= this.distMax[s]) this.maxStale[s] = 1;
  }

  /** Travel of unit u's unpinned accounts from the home of its current slot. */
  private computeUnitTravel(u: number): void {
    const s = this.slotOf[u];
    const hlat = this.home[2 * s];
    const hlon = this.home[2 * s + 1];
    let sum = 0;
    let count = 0;
    let vk = 0;
    let max = 0;
    if (!Number.isNaN(hlat)) {
      const { lat, lon } = this.ctx.accounts;
      const visits = this.ctx.visits;
      const list = this.A.accountsByUnit;
      for (let k = this.A.accountStart[u]; k < this.A.accountStart[u + 1]; k++) {
        const a = list[k];
        if (this.isPinned[a]) continue;
        const d = haversineKm(hlat, hlon, lat[a], lon[a]);
        if (d !== d) continue;
        sum += d;
        count++;
        vk += visits[a] * d;
        if (d > max) max = d;
      }
    }
    this.uDistSum[u] = sum;
    this.uDistCount[u] = count;
    this.uVisitKm[u] = vk;
    this.uDistMax[u] = max;
  }

  // ---- accounts and pins -------------------------------------------------------------------------

  private accBase(s: number, a: number, sign: number): void {
    const S = this.sums;
    const b = s * NF;
    const t = this.ctx.accounts;
    S[b + F_ACCOUNTS] += sign;
    const r = t.revenue[a];
    if (r === r) S[b + F_REVENUE] += sign * r;
    const p = t.potential[a];
    if (p === p) S[b + F_POTENTIAL] += sign * p;
    S[b + F_VISITS] += sign * this.ctx.visits[a];
    this.seg[s * this.nSeg + t.segment.codes[a]] += sign;
    this.cls[s * this.nCls + t.classification.codes[a]] += sign;
  }

  private accDistance(s: number, a: number): number {
    const hlat = this.home[2 * s];
    if (Number.isNaN(hlat)) return NaN;
    return haversineKm(hlat, this.home[2 * s + 1], this.ctx.accounts.lat[a], this.ctx.accounts.lon[a]);
  }

  private accTravel(s: number, a: number, sign: number): void {
    const d = this.accDistance(s, a);
    if (d !== d) return;
    const S = this.sums;
    const b = s * NF;
    S[b + F_DIST_SUM] += sign * d;
    S[b + F_DIST_COUNT] += sign;
    S[b + F_VISIT_KM] += sign * this.ctx.visits[a] * d;
    if (sign > 0) {
      if (!this.maxStale[s] && d > this.distMax[s]) this.distMax[s] = d;
    } else if (d >= this.distMax[s]) this.maxStale[s] = 1;
  }

  /** Account a's figures in or out of unit u's effective figures. */
  private effAccount(u: number, a: number, sign: number): void {
    const t = this.ctx.accounts;
    this.effAccounts[u] += sign;
    const r = t.revenue[a];
    if (r === r) this.effRevenue[u] += sign * r;
    const p = t.potential[a];
    if (p === p) this.effPotential[u] += sign * p;
    this.effVisits[u] += sign * this.ctx.visits[a];
    this.effSeg[u * this.nSeg + t.segment.codes[a]] += sign;
    this.effCls[u * this.nCls + t.classification.codes[a]] += sign;
  }

  private addPin(a: number, s: number): void {
    this.pinSlot.set(a, s);
    this.pinned[s].add(a);
    this.accBase(s, a, 1);
    this.accTravel(s, a, 1);
  }

  private dropPin(a: number): void {
    const s = this.pinSlot.get(a)!;
    this.pinSlot.delete(a);
    this.pinned[s].delete(a);
    this.accBase(s, a, -1);
    this.accTravel(s, a, -1);
  }

  /**
   * Account a leaves (sign -1) or rejoins (+1) the figures of its own unit / the unassigned slot.
   * isPinned[a] must already say where it is going: the unit's travel is recomputed without it.
   */
  private homeAccount(a: number, sign: number): void {
    const u = this.ctx.unitOfAccount[a];
    if (u < 0) {
      this.accBase(0, a, sign);
      return;
    }
    const s = this.slotOf[u];
    this.unitTravel(s, u, -1);
    this.accBase(s, a, sign);
    this.effAccount(u, a, sign);
    this.computeUnitTravel(u);
    this.unitTravel(s, u, 1);
    // the unit's max may have dropped with the account gone
    this.maxStale[s] = 1;
  }

  /** from/to are slots; 0 = not pinned. */
  private repin(accountId: string, from: number, to: number): void {
    const a = this.ctx.accountIndex(accountId);
    if (a < 0) {
      this.stalePins += (to > 0 ? 1 : 0) - (from > 0 ? 1 : 0);
      return;
    }
    if (to > 0) this.realPin.set(a, to);
    else this.realPin.delete(a);
    // unpinned: back to its drawn shape's territory if one holds it, else to its unit
    this.setOwner(a, to > 0 ? to : this.shapeOwner[a] + 1);
  }

  /** Account a counts in slot s (0 = with its unit). */
  private setOwner(a: number, s: number): void {
    const cur = this.pinSlot.get(a) ?? 0;
    if (cur === s) return;
    if (cur > 0) this.dropPin(a);
    else {
      this.isPinned[a] = 1;
      this.homeAccount(a, -1);
    }
    if (s > 0) this.addPin(a, s);
    else {
      this.isPinned[a] = 0;
      this.homeAccount(a, 1);
    }
  }

  // ---- drawn shapes ----------------------------------------------------------------------------

  /** account row → territory index of the drawn shape holding it, -1 none: territory-of-account's `shapeOwner`. */
  shapeOwnerOf = (row: number): number => this.shapeOwner[row];

  private computeShapeOwners(plan: Plan, shapeOfAccount?: Int32Array): void {
    const { lon, lat } = this.ctx.accounts;
    const so = this.shapeOwner;
    if (plan.shapes.length === 0) so.fill(-1);
    else {
      const idx = shapeOfAccount && shapeOfAccount.length === so.length ? shapeOfAccount : assignAccountsToShapes(lon, lat, plan.shapes.map((s) => s.geometry));
      so.set(territoriesOfShapes(idx, plan.shapes, plan.territories));
    }
    let n = 0;
    for (let a = 0; a < so.length; a++) if (so[a] >= 0) n++;
    this.shapeOwned = n;
  }

  /** A shape was added, changed or removed: re-own the accounts in the boxes of its old and new geometry. */
  private reshape(...geoms: (ShapeGeometry | null)[]): void {
    const plan = this.plan;
    this.grid ??= new PointGrid(this.ctx.accounts.lon, this.ctx.accounts.lat);
    const index = new PolygonPointIndex(plan.shapes.map((s) => polygonsOf(s.geometry)));
    const tIndex = new Map(plan.territories.map((t, i) => [t.id, i]));
    const tOfShape = plan.shapes.map((s) => tIndex.get(s.territoryId) ?? -1);
    const { lon, lat } = this.ctx.accounts;
    const seen = new Set<number>();
    for (const g of geoms) {
      if (!g) continue;
      const [w, s, e, n] = shapeBbox(g);
      this.grid.forEachInBox(w, s, e, n, (a) => {
        if (seen.has(a)) return;
        seen.add(a);
        const k = index.locate(lon[a], lat[a]);
        const t = k >= 0 ? tOfShape[k] : -1;
        const old = this.shapeOwner[a];
        if (t === old) return;
        this.shapeOwner[a] = t;
        this.shapeOwned += (t >= 0 ? 1 : 0) - (old >= 0 ? 1 : 0);
        if (!this.realPin.has(a)) this.setOwner(a, t + 1);
      });
    }
  }

  // ---- territories ---------------------------------------------------------------------------------

  private setHome(s: number, repId: string | null): void {
    const h = repId === null ? null : this.ctx.repHome(repId);
    const ok = h !== null && Number.isFinite(h.lat) && Number.isFinite(h.lon);
    this.home[2 * s] = ok ? h.lat : NaN;
    this.home[2 * s + 1] = ok ? h.lon : NaN;
  }

  private rehome(s: number): void {
    const units: number[] = [];
    for (let u = this.head[s]; u >= 0; u = this.next[u]) units.push(u);
    for (const u of units) this.unitTravel(s, u, -1);
    for (const a of this.pinned[s]) this.accTravel(s, a, -1);
    this.setHome(s, this.plan.territories[s - 1].repId);
    for (const u of units) {
      this.computeUnitTravel(u);
      this.unitTravel(s, u, 1);
    }
    for (const a of this.pinned[s]) this.accTravel(s, a, 1);
    this.maxStale[s] = 1;
  }

  private grow(need: number, clear: boolean): void {
    if (need <= this.cap && !clear) return;
    const cap = Math.max(need, this.cap, 8) * (need > this.cap ? 2 : 1);
    const re = <T extends Float64Array | Int32Array | Uint8Array>(old: T, per: number, C: new (n: number) => T, fill = 0): T => {
      const a = new C(cap * per);
      if (fill) a.fill(fill);
      if (!clear) a.set(old.subarray(0, Math.min(old.length, this.slots * per)));
      return a;
    };
    this.sums = re(this.sums, NF, Float64Array);
    this.seg = re(this.seg, this.nSeg, Float64Array);
    this.cls = re(this.cls, this.nCls, Float64Array);
    this.distMax = re(this.distMax, 1, Float64Array);
    this.maxStale = re(this.maxStale, 1, Uint8Array, 1);
    this.parts = re(this.parts, 1, Int32Array);
    this.partsStale = re(this.partsStale, 1, Uint8Array, 1);
    this.home = re(this.home, 2, Float64Array, NaN);
    this.head = re(this.head, 1, Int32Array, -1);
    this.pinned = clear ? Array.from({ length: cap }, () => new Set<number>()) : [...this.pinned, ...Array.from({ length: cap - this.pinned.length }, () => new Set<number>())];
    this.cap = cap;
  }

  /** Opens an empty slot s; slots from s up move one up. */
  private insertSlot(s: number): void {
    this.grow(this.slots + 1, false);
    const shift = <T extends Float64Array | Int32Array | Uint8Array>(a: T, per: number, empty: number) => {
      a.copyWithin((s + 1) * per, s * per, this.slots * per);
      a.fill(empty, s * per, (s + 1) * per);
    };
    shift(this.sums, NF, 0);
    shift(this.seg, this.nSeg, 0);
    shift(this.cls, this.nCls, 0);
    shift(this.distMax, 1, 0);
    shift(this.maxStale, 1, 0);
    shift(this.parts, 1, 0);
    shift(this.partsStale, 1, 0);
    shift(this.home, 2, NaN);
    shift(this.head, 1, -1);
    this.pinned.splice(s, 0, new Set());
    this.pinned.length = this.cap;
    this.slots++;
    for (let u = 0; u < this.slotOf.length; u++) if (this.slotOf[u] >= s) this.slotOf[u]++;
    for (const [a, ps] of this.pinSlot) if (ps >= s) this.pinSlot.set(a, ps + 1);
    for (const [a, ps] of this.realPin) if (ps >= s) this.realPin.set(a, ps + 1);
    this.shiftShapeOwners(s - 1, 1);
    this.setHome(s, this.plan.territories[s - 1].repId);
  }

  /** Drops slot s, which must be empty; slots above it move one down. */
  private removeSlot(s: number): void {
    if (this.head[s] >= 0 || this.pinned[s].size > 0) throw new Error('Removing a territory that still has units, pins or shapes');
    const shift = <T extends Float64Array | Int32Array | Uint8Array>(a: T, per: number) => a.copyWithin(s * per, (s + 1) * per, this.slots * per);
    shift(this.sums, NF);
    shift(this.seg, this.nSeg);
    shift(this.cls, this.nCls);
    shift(this.distMax, 1);
    shift(this.maxStale, 1);
    shift(this.parts, 1);
    shift(this.partsStale, 1);
    shift(this.home, 2);
    shift(this.head, 1);
    this.pinned.splice(s, 1);
    this.pinned.push(new Set());
    this.slots--;
    for (let u = 0; u < this.slotOf.length; u++) if (this.slotOf[u] > s) this.slotOf[u]--;
    for (const [a, ps] of this.pinSlot) if (ps > s) this.pinSlot.set(a, ps - 1);
    for (const [a, ps] of this.realPin) if (ps > s) this.realPin.set(a, ps - 1);
    this.shiftShapeOwners(s, -1);
  }

  /** Territory indexes ≥ from move by `by` (a territory was inserted at / removed below `from`). */
  private shiftShapeOwners(from: number, by: number): void {
    if (this.shapeOwned === 0) return;
    const so = this.shapeOwner;
    for (let a = 0; a < so.length; a++) if (so[a] >= from) so[a] += by;
  }

  // ---- figures that are recomputed when read ----------------------------------------------------

  private maxOf(s: number): number {
    if (this.maxStale[s]) {
      let m = 0;
      for (let u = this.head[s]; u >= 0; u = this.next[u]) if (this.uDistCount[u] > 0 && this.uDistMax[u] > m) m = this.uDistMax[u];
      for (const a of this.pinned[s]) {
        const d = this.accDistance(s, a);
        if (d > m) m = d;
      }
      this.distMax[s] = m;
      this.maxStale[s] = 0;
    }
    return this.sums[s * NF + F_DIST_COUNT] > 0 ? this.distMax[s] : NaN;
  }

  /** Connected components of the slot's units in the adjacency graph (breadth-first). */
  private partsOf(s: number): number {
    if (!this.partsStale[s]) return this.parts[s];
    const { adjStart, adj } = this.L;
    const seen = this.visitStamp;
    const stamp = ++this.stamp;
    const queue: number[] = [];
    let parts = 0;
    for (let u = this.head[s]; u >= 0; u = this.next[u]) {
      if (seen[u] === stamp) continue;
      parts++;
      seen[u] = stamp;
      queue.push(u);
      while (queue.length > 0) {
        const x = queue.pop()!;
        for (let k = adjStart[x]; k < adjStart[x + 1]; k++) {
          const v = adj[k];
          if (seen[v] !== stamp && this.slotOf[v] === s) {
            seen[v] = stamp;
            queue.push(v);
          }
        }
      }
    }
    this.parts[s] = parts;
    this.partsStale[s] = 0;
    return parts;
  }
}
