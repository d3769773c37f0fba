import { accountAt } from '../../core/accounts/table';
import type { AccountRecord, Rep } from '../../core/accounts/account';
import { getSetting, loadDataset, saveDataset, setSetting } from '../dataset-store';
import { SCHEMA_VERSION, type Settings } from '../schema';
import { syntheticReps, syntheticTable } from './synthetic';

/**
 * What a schema-version fixture holds, written through the store's own API as that release would
 * have written it: an older generation replaced by a newer one, 250 accounts in 3 chunks of 100
 * rows, 3 reps and two settings. Only used to (re)generate the CURRENT version's fixture.
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
}

export async function writeFixtureContent(): Promise<void> {
  await saveDataset({ accounts: syntheticTable(40, 9000), reps: syntheticReps(1), source: 'demo' }, { expectedRevision: 0, chunkRows: FIXTURE_CHUNK_ROWS });
  await saveDataset({ accounts: syntheticTable(FIXTURE_ROWS), reps: syntheticReps(3), source: 'import' }, { expectedRevision: 1, chunkRows: FIXTURE_CHUNK_ROWS });
  for (const [k, v] of Object.entries(FIXTURE_SETTINGS)) await setSetting(k as keyof Settings, v as never);
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
  };
}
