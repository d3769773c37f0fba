import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Rep } from '../core/accounts/account';
import type { PackedStrings } from '../core/accounts/packed-strings';
import type { AccountTable, CategoryColumn } from '../core/accounts/table';
import type { PlanJson } from '../core/plan/plan-json';

/**
 * The IndexedDB layout of Territory Planner. Every change to stores or record shapes gets a new
 * SCHEMA_VERSION, an entry in UPGRADE_STEPS and a committed fixture in fixtures/storage/vN/
 * (see docs/STORAGE.md), so that data saved by any earlier release still opens.
 */
export const DB_NAME = 'territory-planner';
export const SCHEMA_VERSION = 3;

/** Rows per stored chunk: big enough that a million rows are ten puts, small enough to clone without a spike. */
export const CHUNK_ROWS = 100_000;

/** The single record of the `meta` store and of the `reps` store live under these keys. */
export const META_KEY = 'dataset';
export const REPS_KEY = 'reps';

export type DatasetSource = 'demo' | 'import';

/**
 * What is stored and at which revision. Chunks are written under `generation` (the revision that
 * wrote them), so a save can write a new generation next to the old one and switch over atomically.
 */
export interface DatasetMeta {
  /** bumped by every write of accounts or reps (never reset, not even by clearAll), for optimistic concurrency */
  revision: number;
  /** key prefix of the account chunks in use; null when no accounts are stored */
  generation: number | null;
  /** null after clearAll or before the first save of accounts */
  source: DatasetSource | null;
  accountCount: number;
  chunkCount: number;
  /** rows per chunk when written (the last chunk may hold fewer) */
  chunkRows: number;
  /** ms since epoch */
  updatedAt: number;
  /** category dictionaries shared by every chunk: chunks hold only the codes */
  labels: { segment: string[]; classification: string[]; owner: string[] };
  /** headers of the unmapped file columns, in the order of each chunk's `extra` */
  extraHeaders: string[];
}

/**
 * One slice of the account table, column by column; `start` is the first row's index in the whole
 * table. The table's own columns, except that categories keep only their codes and extra columns
 * only their values: dictionaries and headers are shared by all chunks and live in the meta record.
 */
export type AccountChunkRecord = Omit<AccountTable, CategoryColumn | 'extra'> &
  Record<CategoryColumn, Uint16Array> & {
    generation: number;
    index: number;
    start: number;
    extra: PackedStrings[];
  };

/**
 * Known settings and their value types. Other modules may add keys by declaration merging:
 * `declare module '../storage/schema' { interface Settings { myKey: number } }`.
 */
export interface Settings {
  /** a remote MapLibre style URL chosen by the user; absent = the bundled offline style */
  mapStyleUrl: string;
  /** the account field the map colours by */
  colorBy: string;
  unitSystem: 'imperial' | 'metric';
  /** the plan the app opens with (plan-store.ts reads and writes it); absent = none chosen */
  activePlanId: string;
  /** the user's workload definition (metrics/workload WorkloadSettings); absent = the defaults */
  workload: import('../core/metrics/workload').WorkloadSettings;
}

/**
 * What the `plans` store holds for each saved plan: everything a plan list shows, and the
 * revision the save checks. The plan itself (PlanJson) is in `planBodies` under the same id, so
 * listing plans and checking a revision never clone megabytes of assignment.
 */
export interface PlanRecord {
  id: string;
  name: string;
  /** the UnitLayer the plan paints (UnitLayer.layerId) */
  layerId: string;
  /** ms since epoch, set by the first save and kept afterwards */
  createdAt: number;
  /** ms since epoch of the latest save */
  updatedAt: number;
  /** 1 after the first save, +1 per save; per plan, independent of the dataset's revision */
  revision: number;
  territoryCount: number;
  /** units with a territory (unassigned units are not stored) */
  assignedUnitCount: number;
}

/**
 * A boundary layer the user imported (their own regions, Census ZCTAs, FSAs…), kept so it and the
 * plans painted on it are still there after a reload. The topology is stored after repair, as
 * the app built its units from it; `id` is the layer id plans refer to (`custom:<file name>`).
 */
export interface LayerRecord {
  id: string;
  fileName: string;
  /** the TopoJSON object holding one geometry per unit */
  objectName: string;
  topology: import('topojson-specification').Topology;
  unitCount: number;
  /** ms since epoch */
  savedAt: number;
}

export interface TerritoryDB extends DBSchema {
  meta: { key: string; value: DatasetMeta };
  accountChunks: { key: [number, number]; value: AccountChunkRecord };
  reps: { key: string; value: Rep[] };
  settings: { key: string; value: unknown };
  plans: { key: string; value: PlanRecord };
  planBodies: { key: string; value: PlanJson };
  layers: { key: string; value: LayerRecord };
}

export type StoreName = StoreNames<TerritoryDB>;
export const DATA_STORES = ['meta', 'accountChunks', 'reps'] as const satisfies readonly StoreName[];
/**
 * Plan writes span these, never DATA_STORES: a plan refers to units and accounts by id and
 * tolerates missing ones on load, so it does not depend on one dataset revision, and an autosave
 * must not queue behind a million-row dataset save. `settings` holds the active plan id.
 */
export const PLAN_STORES = ['plans', 'planBodies', 'settings'] as const satisfies readonly StoreName[];

/**
 * One step brings the database from version N-1 to N. Steps name stores by string and see an
 * untyped database because TerritoryDB describes only the newest layout, not the one they start from.
 */
export type UpgradeStep = (db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void;

/** UPGRADE_STEPS[N] upgrades to version N; index 0 is unused. Never edit a released step: add one. */
export const UPGRADE_STEPS: readonly (UpgradeStep | undefined)[] = [
  undefined,
  // v1: the first layout.
  (db) => {
    db.createObjectStore('meta');
    db.createObjectStore('accountChunks', { keyPath: ['generation', 'index'] });
    db.createObjectStore('reps');
    db.createObjectStore('settings');
  },
  // v2: saved plans, as a small record for lists and revision checks plus the PlanJson apart.
  // Only adds stores: every v1 record stays as it is. The active plan id is a setting.
  (db) => {
    db.createObjectStore('plans', { keyPath: 'id' });
    db.createObjectStore('planBodies', { keyPath: 'id' });
  },
  // v3: the user's own boundary layers, so plans painted on them survive a reload. Only adds a store.
  (db) => {
    db.createObjectStore('layers', { keyPath: 'id' });
  },
];

/** Runs every step after oldVersion up to newVersion in order, inside the versionchange transaction. */
export function runUpgradeSteps(
  steps: readonly (UpgradeStep | undefined)[],
  db: IDBPDatabase<unknown>,
  oldVersion: number,
  newVersion: number | null,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
): void {
  // null means the database is being deleted: nothing to build.
  if (newVersion === null) return;
  // A failing step aborts the upgrade and openDB rejects with the reason; the transaction's own
  // promise would reject as well, with nobody listening.
  tx.done.catch(() => undefined);
  for (let v = oldVersion + 1; v <= newVersion; v++) {
    const step = steps[v];
    if (!step) throw new Error(`No storage upgrade step to schema version ${v}`);
    step(db, tx);
  }
}

/** The `upgrade` callback for openDB. */
export function upgrade(
  db: IDBPDatabase<TerritoryDB>,
  oldVersion: number,
  newVersion: number | null,
  tx: IDBPTransaction<TerritoryDB, StoreName[], 'versionchange'>,
): void {
  runUpgradeSteps(
    UPGRADE_STEPS,
    db as unknown as IDBPDatabase<unknown>,
    oldVersion,
    newVersion,
    tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>,
  );
}
