import type { MultiPolygon } from 'geojson';
import type { Plan } from '../plan/plan';
import { findGaps, type GapReport } from './gaps';
import { findOverlaps, type Overlap } from './overlaps';
import { PointGrid } from './point-grid';
import { assignAccountsToShapes } from './assign-accounts';
import type { ShapeGeometry } from './shape-types';

/** What the shapes worker is asked: one check of a plan's overlaps and gaps. */
export interface CheckRequest {
  plan: Plan;
  /** the units' outline of each territory (units/outline.ts territoryOutlines) */
  unitOutlines: MultiPolygon[];
  unitOfAccount: Int32Array;
  /** account row → territory by the ownership rule (pin > shape > unit) */
  ownerOfAccount: Int32Array;
}

export interface CheckResult {
  overlaps: Overlap[];
  failed: string[];
  gaps: GapReport;
}

export interface CheckAccounts {
  lon: Float64Array;
  lat: Float64Array;
  revenue: Float64Array;
}

/**
 * Overlaps and gaps of a plan, kept apart from the page so the clipping (which can be slow on
 * big shapes) runs in a worker. The accounts are handed over once; each check then sends only
 * the plan and the per-account owners.
 */
export class ShapeCheckService {
  private accounts: CheckAccounts | null = null;
  private grid: PointGrid | null = null;

  setAccounts(accounts: CheckAccounts): void {
    this.accounts = accounts;
    this.grid = null;
  }

  /** Which shape (index into `shapes`) holds each account, -1 none: point-in-polygon through the shapes' index. */
  assign(shapes: ShapeGeometry[]): Int32Array {
    const accounts = this.accounts;
    if (!accounts) throw new Error('No accounts were given to assign');
    return assignAccountsToShapes(accounts.lon, accounts.lat, shapes);
  }

  check(req: CheckRequest): CheckResult {
    const accounts = this.accounts;
    if (!accounts) throw new Error('No accounts were given to check against');
    this.grid ??= new PointGrid(accounts.lon, accounts.lat);
    const overlaps = findOverlaps({ shapes: req.plan.shapes, territories: req.plan.territories, unitOutlines: req.unitOutlines, accounts: { ...accounts, grid: this.grid } });
    const gaps = findGaps({ plan: req.plan, accounts, unitOfAccount: req.unitOfAccount, ownerOfAccount: req.ownerOfAccount, grid: this.grid });
    return { overlaps: overlaps.overlaps, failed: overlaps.failed, gaps };
  }
}
