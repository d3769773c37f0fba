import { accountAt } from '../../core/accounts/table';
import type { AccountRecord, Rep } from '../../core/accounts/account';
import { applyCommand, edit } from '../../core/plan/commands';
import { createPlan, newTerritory } from '../../core/plan/plan';
import { planToJson, type PlanJson } from '../../core/plan/plan-json';
import { COUNTIES_LAYER_ID, ZIP_AREAS_LAYER_ID } from '../../core/units/layers';
import { getSetting, loadDataset, saveDataset, setSetting } from '../dataset-store';
import { getActivePlanId, listPlans, loadPlan, savePlan, setActivePlanId, type StoredPlan } from '../plan-store';
import { listLayers, loadLayer, saveLayer } from '../layer-store';
import { SCHEMA_VERSION, type LayerRecord, type Settings } from '../schema';
import { syntheticReps, syntheticTable } from './synthetic';

/**
 * What a schema-version fixture holds, written through the store's own API as that release would
 * have written it: an older generation replaced by a newer one, 250 accounts in 3 chunks of 100
 * rows, 3 reps and two settings; since v2 also two plans (one over counties saved twice, one over
 * ZIP areas) with territories, a district, assignment, locks and pins, and the active plan id.
 * Only used to (re)generate the CURRENT version's fixture.
 */
export const FIXTURE_ROWS = 250;
export const FIXTURE_CHUNK_ROWS = 100;
export const FIXTURE_SAMPLE_ROWS = [0, 1, 2, 7, 99, 100, 101, 199, 200, 248, 249];
export const FIXTURE_SETTINGS: Partial<Settings> = { mapStyleUrl: 'https://tiles.example.com/style.json', unitSystem: 'metric' };

/** Written next to each dump when it is made; the test checks a restored dump against it. */
export interface FixtureExpectation {
  schemaVersion: number;
  revision: number;
  source: string | null;
  accountCount: number;
  chunkCount: number;
  extraHeaders: string[];
  samples: { row: number; account: AccountRecord }[];
  reps: Rep[];
  settings: Record<string, unknown>;
  /** since v2 (absent in older fixtures, which hold no plans): every plan, in listPlans order */
  plans?: StoredPlan[];
  /** since v2 */
  activePlanId?: string | null;
  /** since v3: the user's boundary layers, in listLayers order */
  layers?: LayerRecord[];
}

/** Two neighbouring squares, as a user's own regions file would become after import. */
const REGIONS_LAYER: LayerRecord = {
  id: 'custom:regions «west».geojson',
  fileName: 'regions «west».geojson',
  objectName: 'regions',
  topology: {
    type: 'Topology',
    arcs: [
      [[-100, 40], [-100, 41]],
      [[-100, 41], [-101, 41], [-101, 40], [-100, 40]],
      [[-100, 40], [-99, 40], [-99, 41], [-100, 41]],
    ],
    objects: {
      regions: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1]], id: 'W', properties: { name: 'West ✓' } },
          { type: 'Polygon', arcs: [[2, -1]], id: 'E', properties: { name: 'East' } },
        ],
      },
    },
  },
  unitCount: 2,
  savedAt: 1_790_000_000_000,
};

// Real unit ids of the shipped layers, so the app can open these plans on its own layers.
const MA_COUNTIES = ['25001', '25003', '25005', '25007', '25009', '25011', '25013', '25015', '25017', '25019', '25021', '25023', '25025', '25027'];
const CAMBRIDGE_ZIPS = ['02138', '02139', '02140', '02141', '02142', '02143', '02144', '02145'];

/** The county plan as the app would build it, by commands; `final` is the second, later save. */
function countyPlan(final: boolean): PlanJson {
  const plan = createPlan({ id: 'plan-ma-counties', name: 'Massachusetts by county', layerId: COUNTIES_LAYER_ID, unitCount: MA_COUNTIES.length });
  // No command edits groups yet; the stored form carries them already (docs/PLAN-MODEL.md).
  plan.groups.push({ id: 'd-ne', name: 'New England', color: '#444444', level: 1, parentId: null, repId: 'R3' });
  applyCommand(plan, edit.create(newTerritory('t-east', 'East', '#1f77b4', { repId: 'R1', quota: 750_000, parentId: 'd-ne' })));
  applyCommand(plan, edit.create(newTerritory('t-west', 'West ✓', '#ff7f0e', { repId: 'R2' })));
  applyCommand(plan, edit.paint([0, 2, 3, 4, 8, 9, 10, 11, 12], 't-east'));
  applyCommand(plan, edit.paint([1, 5, 6, 7, 13], 't-west'));
  applyCommand(plan, edit.lockUnits([12]));
  applyCommand(plan, edit.pin('A0000001', 't-west'));
  if (final) {
    applyCommand(plan, edit.lockTerritory('t-west'));
    applyCommand(plan, edit.pin('A0000101', 't-east'));
    plan.balance = { metric: 'workload', tolerancePct: 10 };
  }
  return planToJson(plan, MA_COUNTIES);
}

function zipPlan(): PlanJson {
  const plan = createPlan({ id: 'plan-cambridge-zips', name: 'Cambridge & Somerville ZIPs', layerId: ZIP_AREAS_LAYER_ID, unitCount: CAMBRIDGE_ZIPS.length });
  applyCommand(plan, edit.create(newTerritory('t-cambridge', 'Cambridge', '#2ca02c', { repId: 'R1' })));
  applyCommand(plan, edit.create(newTerritory('t-somerville', 'Somerville', '#d62728', { quota: null })));
  applyCommand(plan, edit.paint([0, 1, 2, 3, 4], 't-cambridge'));
  applyCommand(plan, edit.paint([5, 6], 't-somerville'));
  applyCommand(plan, edit.lockUnits([1, 6]));
  applyCommand(plan, edit.pin('A0000007', 't-somerville'));
  return planToJson(plan, CAMBRIDGE_ZIPS); // 02145 stays unassigned
}

export async function writeFixtureContent(): Promise<void> {
  await saveDataset({ accounts: syntheticTable(40, 9000), reps: syntheticReps(1), source: 'demo' }, { expectedRevision: 0, chunkRows: FIXTURE_CHUNK_ROWS });
  await saveDataset({ accounts: syntheticTable(FIXTURE_ROWS), reps: syntheticReps(3), source: 'import' }, { expectedRevision: 1, chunkRows: FIXTURE_CHUNK_ROWS });
  for (const [k, v] of Object.entries(FIXTURE_SETTINGS)) await setSetting(k as keyof Settings, v as never);
  const first = await savePlan(countyPlan(false), { expectedRevision: 0 });
  await savePlan(countyPlan(true), { expectedRevision: first.revision });
  await savePlan(zipPlan(), { expectedRevision: 0 });
  await setActivePlanId('plan-ma-counties');
  await saveLayer(REGIONS_LAYER);
}

export async function readExpectation(): Promise<FixtureExpectation> {
  const d = await loadDataset();
  if (!d) throw new Error('The fixture database holds no dataset');
  const settings: Record<string, unknown> = {};
  for (const k of Object.keys(FIXTURE_SETTINGS)) settings[k] = await getSetting(k as keyof Settings);
  return {
    schemaVersion: SCHEMA_VERSION,
    revision: d.meta.revision,
    source: d.meta.source,
    accountCount: d.accounts.count,
    chunkCount: d.meta.chunkCount,
    extraHeaders: d.accounts.extra.map((e) => e.header),
    samples: FIXTURE_SAMPLE_ROWS.map((row) => ({ row, account: accountAt(d.accounts, row) })),
    reps: d.reps,
    settings,
    plans: await Promise.all((await listPlans()).map(async (r) => (await loadPlan(r.id))!)),
    activePlanId: await getActivePlanId(),
    layers: await Promise.all((await listLayers()).map(async (l) => (await loadLayer(l.id))!)),
  };
}
