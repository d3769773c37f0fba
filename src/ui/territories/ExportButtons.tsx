import type { PlanSession } from '../../core/plan/plan-session';
import type { Rep } from '../../core/accounts/account';
import type { AccountTable } from '../../core/accounts/table';
import { territoriesToGeoJSON } from '../../core/export/territories-geojson';
import { accountsToCsv } from '../../core/export/accounts-csv';
import { territoryOfAccounts } from '../../core/export/territory-of-account';
import { accountLookup } from '../../core/plan/account-lookup';
import { downloadBlob } from '../layout/download';

const fileSafe = (name: string) => name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'plan';

/** The plan out to other systems: territories as GeoJSON, accounts with their territory as CSV. */
export function ExportButtons({ session, accounts, reps }: { session: PlanSession; accounts: AccountTable; reps: readonly Rep[] }) {
  const base = fileSafe(session.plan.name);
  const exportGeoJSON = () => {
    const fc = territoriesToGeoJSON(session.layer, session.plan, session.stats, {
      unit: 'mi',
      reps,
      segmentLabels: accounts.segment.labels,
      classificationLabels: accounts.classification.labels,
    });
    downloadBlob(new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }), `${base}-territories.geojson`);
  };
  const exportCsv = () => {
    const owners = territoryOfAccounts(accounts, session.plan, { unitOfAccount: session.join.unitOfAccount, accountIndex: accountLookup(accounts) });
    downloadBlob(new Blob([...accountsToCsv(accounts, session.plan, owners, reps)], { type: 'text/csv;charset=utf-8' }), `${base}-accounts.csv`);
  };
  return (
    <div className="territory-actions">
      <button type="button" onClick={exportGeoJSON}>
        Export territories (GeoJSON)
      </button>
      <button type="button" onClick={exportCsv}>
        Export accounts (CSV)
      </button>
    </div>
  );
}
