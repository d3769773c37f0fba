import type { PlanJson } from '../core/plan/plan-json';
import { openDatabase } from './connection';
import { ConflictError, CorruptDataError, toStorageError } from './errors';
import { PLAN_STORES, type PlanRecord } from './schema';

/**
 * Saved plans (schema v2). Each plan is two records under its id: a small PlanRecord in `plans`
 * (name, layer, dates, revision) and its PlanJson in `planBodies`. Lists and revision checks read
 * only the small one, so an autosave never first clones the previous megabytes back out.
 *
 * Every plan has its own revision, checked inside the write transaction like the dataset's: of two
 * tabs saving the same plan from the same revision exactly one succeeds, the other gets
 * ConflictError and nothing is written. Callers autosave one save at a time per plan and pass the
 * revision the previous save returned; two overlapping saves from the same revision conflict too.
 */

export interface StoredPlan {
  record: PlanRecord;
  plan: PlanJson;
}

export interface PlanWriteOptions {
  /** the plan's revision this tab last loaded or saved; 0 for a plan that was never saved */
  expectedRevision: number;
}

const ACTIVE = 'activePlanId';

/** Every saved plan's record, most recently saved first (ties by id, so the order is stable). */
export async function listPlans(): Promise<PlanRecord[]> {
  const db = await openDatabase();
  const records = await db.getAll('plans');
  return records.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The plan and its record, read in one transaction (never a mix of two saves), or null when there is no such plan. */
export async function loadPlan(id: string): Promise<StoredPlan | null> {
  const db = await openDatabase();
  const tx = db.transaction(['plans', 'planBodies'], 'readonly');
  const [record, plan] = await Promise.all([tx.objectStore('plans').get(id), tx.objectStore('planBodies').get(id)]);
  await tx.done;
  if (!record && !plan) return null;
  // Both are always written and deleted together; one without the other means damage, not "no plan".
  if (!record || !plan) throw new CorruptDataError(`plan ${id} is missing its ${record ? 'territories and assignment' : 'record'}`);
  return { record, plan };
}

/**
 * Writes the plan (new or replacing its previous save) and returns its new record. The record and
 * the PlanJson go in one transaction: on any failure (ConflictError, a full disk as
 * StorageFullError, the tab closing) the previous save stays exactly as it was.
 */
export async function savePlan(plan: PlanJson, options: PlanWriteOptions): Promise<PlanRecord> {
  if (plan?.format !== 'territory-planner/plan' || typeof plan.id !== 'string' || plan.id === '') {
    throw new TypeError('savePlan: not a plan with an id (use planToJson)');
  }
  // Counted before the transaction starts, so it stays open only for queued requests.
  let assignedUnitCount = 0;
  for (const _ in plan.assignment) assignedUnitCount++;
  const db = await openDatabase();
  const tx = db.transaction(['plans', 'planBodies'], 'readwrite');
  try {
    const previous = await tx.objectStore('plans').get(plan.id);
    const current = previous?.revision ?? 0;
    if (current !== options.expectedRevision) throw new ConflictError(options.expectedRevision, current);
    const now = Date.now();
    const record: PlanRecord = {
      id: plan.id,
      name: plan.name,
      layerId: plan.layerId,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      revision: current + 1,
      territoryCount: plan.territories.length,
      assignedUnitCount,
    };
    // put clones synchronously: the caller may go on editing its object at once.
    quiet(tx.objectStore('planBodies').put(plan));
    quiet(tx.objectStore('plans').put(record));
    await tx.done;
    return record;
  } catch (e) {
    throw await failed(tx, e);
  }
}

/**
 * Removes the plan; if it was the active plan, no plan is active afterwards. With
 * expectedRevision, refuses (ConflictError) when another tab saved the plan since. Returns whether
 * there was such a plan.
 */
export async function deletePlan(id: string, options: Partial<PlanWriteOptions> = {}): Promise<boolean> {
  const db = await openDatabase();
  const tx = db.transaction(PLAN_STORES, 'readwrite');
  try {
    const [record, active] = await Promise.all([tx.objectStore('plans').get(id), tx.objectStore('settings').get(ACTIVE)]);
    const current = record?.revision ?? 0;
    if (options.expectedRevision !== undefined && current !== options.expectedRevision) throw new ConflictError(options.expectedRevision, current);
    quiet(tx.objectStore('plans').delete(id));
    quiet(tx.objectStore('planBodies').delete(id));
    if (active === id) quiet(tx.objectStore('settings').delete(ACTIVE));
    await tx.done;
    return record !== undefined;
  } catch (e) {
    throw await failed(tx, e);
  }
}

/** The plan to open at start, or null when none is chosen or the chosen one no longer exists. */
export async function getActivePlanId(): Promise<string | null> {
  const db = await openDatabase();
  const tx = db.transaction(['settings', 'plans'], 'readonly');
  const id = await tx.objectStore('settings').get(ACTIVE);
  const exists = typeof id === 'string' && (await tx.objectStore('plans').getKey(id)) !== undefined;
  await tx.done;
  return exists ? (id as string) : null;
}

/**
 * Remembers which plan to open at start (null: none). Like any setting, the last tab to set it
 * wins; it is not checked against the plans, getActivePlanId is.
 */
export async function setActivePlanId(id: string | null): Promise<void> {
  const db = await openDatabase();
  try {
    if (id === null) await db.delete('settings', ACTIVE);
    else await db.put('settings', id, ACTIVE);
  } catch (e) {
    throw toStorageError(e);
  }
}

// Aborts what is left of the transaction, waits for the rollback, and types the error.
async function failed(tx: IDBTransactionLike, e: unknown): Promise<unknown> {
  try {
    tx.abort();
  } catch {
    // already aborted or finished by the browser
  }
  await tx.done.catch(() => undefined);
  return toStorageError(e, tx);
}

interface IDBTransactionLike {
  abort(): void;
  readonly done: Promise<void>;
  readonly error: DOMException | null;
}

// Failures of single requests surface through tx.done; without a handler each would also be an unhandled rejection.
function quiet(p: Promise<unknown>): void {
  p.catch(() => undefined);
}
