import { useState } from 'react';
import type { PlanSession } from '../../core/plan/plan-session';
import type { Rep } from '../../core/accounts/account';
import type { AccountTable } from '../../core/accounts/table';
import { territoriesToGeoJSON } from '../../core/export/territories-geojson';
import { accountsToCsv } from '../../core/export/accounts-csv';
import { territoryOfAccounts } from '../../core/export/territory-of-account';
import { accountLookup } from '../../core/plan/account-lookup';
import { territoryGeometries } from '../../core/shapes/territory-geometry';
import { downloadBlob } from '../layout/download';

const fileSafe = (name: string) => name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'plan';
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The plan out to other systems: territories as GeoJSON, accounts with their territory as CSV. */
export function ExportButtons({ session, accounts, reps }: { session: PlanSession; accounts: AccountTable; reps: readonly Rep[] }) {
  const base = fileSafe(session.plan.name);
  const [csvProgress, setCsvProgress] = useState<number | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const exportGeoJSON = () => {
    // drawn shapes are part of their territory's area
    const { geometries, problems: merge } = territoryGeometries(session.layer, session.plan);
    setProblems(merge);
    const fc = territoriesToGeoJSON(session.layer, session.plan, session.stats, {
      unit: 'mi',
      reps,
      segmentLabels: accounts.segment.labels,
      classificationLabels: accounts.classification.labels,
      outlines: geometries,
    });
    downloadBlob(new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }), `${base}-territories.geojson`);
  };
  const exportCsv = async () => {
    // the same ownership rule as the figures: pin, then drawn shape, then unit
    const owners = territoryOfAccounts(accounts, session.plan, { unitOfAccount: session.join.unitOfAccount, accountIndex: accountLookup(accounts), shapeOwner: session.stats.shapeOwnerOf });
    const chunks: string[] = [];
    setCsvProgress(0);
    let rows = -20_000; // the first chunk is the header row
    // A million rows are ~150 MB of text: written chunk by chunk, yielding between them, so the map keeps moving.
    for (const chunk of accountsToCsv(accounts, session.plan, owners, reps, { rowsPerChunk: 20_000 })) {
      chunks.push(chunk);
      rows += 20_000;
      if (accounts.count > 50_000) {
        setCsvProgress(Math.min(1, rows / accounts.count));
        await nextTask();
      }
    }
    downloadBlob(new Blob(chunks, { type: 'text/csv;charset=utf-8' }), `${base}-accounts.csv`);
    setCsvProgress(null);
  };
  return (
    <>
      <div className="territory-actions">
        <button type="button" onClick={exportGeoJSON}>
          Export territories (GeoJSON)
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={csvProgress !== null}>
          Export accounts (CSV)
        </button>
      </div>
      {csvProgress !== null && <progress aria-label="Writing the accounts file" max={1} value={csvProgress} />}
      {problems.length > 0 && (
        <p className="note warn" role="status">
          {problems.join('; ')}
        </p>
      )}
    </>
  );
}
