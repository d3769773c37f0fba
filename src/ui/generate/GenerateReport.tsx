import { METRIC_LABELS, type GenerateMetric } from '../../core/generate/request';
import { movedCsv } from '../../core/generate/moved-csv';
import type { Outcome, RebalanceOutcome } from '../../core/generate/types';
import { downloadText } from '../layout/download';
import { formatMoney } from '../format';
import { formatCount } from '../import/format-count';
import type { GenerateEnv } from './generate-env';

export interface ReportData {
  mode: 'generate' | 'rebalance';
  outcome: Outcome | RebalanceOutcome;
  notes: string[];
  created: number;
  kept: number;
  replaced: number;
  /** balanced figures in the order of outcome.maxDeviationPct */
  metrics: { name: string; tolerancePct: number; weight?: number }[];
  /** territory index of the outcome → name */
  names: string[];
  revenue?: ArrayLike<number>;
}

const label = (name: string) => METRIC_LABELS[name as GenerateMetric] ?? name;
const pct = (v: number) => `${v.toFixed(1)}%`;

/** What a generate or rebalance run did: balance against the tolerance, contiguity, the core's diagnoses verbatim, and for a rebalance what moved. */
export function GenerateReport({ report, env, onBack, onClose }: { report: ReportData; env: GenerateEnv; onBack(): void; onClose(): void }) {
  const o = report.outcome;
  const reb = 'moved' in o ? o : null;
  return (
    <div className="generate-report" aria-label="Result">
      {report.mode === 'generate' ? (
        <p>
          {formatCount(report.created)} new territor{report.created === 1 ? 'y' : 'ies'}
          {report.replaced > 0 ? `, replacing ${formatCount(report.replaced)}` : ''}
          {report.kept > 0 ? `; ${formatCount(report.kept)} kept as they were` : ''}. Undo puts the plan back as it was.
        </p>
      ) : reb && reb.moved.units.length === 0 ? (
        <p>Nothing was moved{reb.withinTolerance ? ': the plan is already within tolerance.' : '.'}</p>
      ) : (
        reb && (
          <p>
            Moved {formatCount(reb.moved.units.length)} {reb.moved.units.length === 1 ? env.unitsLabel.one : env.unitsLabel.many}, {formatCount(reb.movedAccounts)} account{reb.movedAccounts === 1 ? '' : 's'} and {formatMoney(reb.movedValue)} of revenue ({reb.movedPct > 0 && reb.movedPct < 0.1 ? 'under 0.1%' : pct(reb.movedPct)}). Undo puts them back.
          </p>
        )
      )}
      <h3>Balance</h3>
      <ul className="report-list">
        {report.metrics.map(({ name, tolerancePct: tol, weight }, m) => {
          const dev = o.maxDeviationPct[m];
          // capacity mode carries workload as a figure that does not pull the balance: not a goal to report
          if (weight !== undefined && weight < 1e-6) return null;
          const met = dev <= tol + 1e-9;
          return (
            <li key={name} className={met ? 'met' : 'missed'}>
              {label(name)}: largest deviation from the mean {pct(dev)}, tolerance ±{tol}% — {met ? 'met' : `not met, ${(dev - tol).toFixed(1)} points over`}
            </li>
          );
        })}
      </ul>
      <h3>Shape</h3>
      <ul className="report-list">
        <li>{o.noncontiguous === 0 ? 'Every territory is in one piece.' : `${formatCount(o.noncontiguous)} territor${o.noncontiguous === 1 ? 'y is' : 'ies are'} in more than one piece.`}</li>
        {Number.isFinite(o.polsbyPopperMean) && <li>Mean compactness (Polsby-Popper): {o.polsbyPopperMean.toFixed(2)}</li>}
        {o.unassignedUnits > 0 && (
          <li>
            {formatCount(o.unassignedUnits)} {env.unitsLabel.many} in the scope stay unassigned (locked while unassigned).
          </li>
        )}
        {Number.isFinite(o.mixSimilarityMean) && <li>Classification mix similar to the whole scope: {Math.round(o.mixSimilarityMean * 100)}% on average</li>}
      </ul>
      {(o.diagnoses.length > 0 || report.notes.length > 0) && (
        <>
          <h3>Why it is not perfect</h3>
          <ul className="report-list diagnoses">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
            {o.diagnoses.map((d, i) => (
              <li key={i}>{d.message}</li>
            ))}
          </ul>
        </>
      )}
      {reb && reb.moved.units.length > 0 && <MovedTable reb={reb} names={report.names} />}
      <div className="dialog-actions">
        {reb && reb.moved.units.length > 0 && (
          <button
            type="button"
            onClick={() =>
              downloadText(
                movedCsv(reb.moved, {
                  unitIds: env.unitIds,
                  unitNames: env.unitNames,
                  territoryName: (t) => report.names[t] ?? `#${t + 1}`,
                  byUnit: env.byUnit,
                  accountId: env.accountId,
                  accountName: env.accountName,
                  revenue: env.ctx.revenue,
                }),
                'moved-units-and-accounts.csv',
                'text/csv',
              )
            }
          >
            Download moved units and accounts (CSV)
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            env.undo();
            onBack();
          }}
          disabled={report.mode === 'rebalance' && reb?.moved.units.length === 0}
        >
          Undo and change settings
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}

function MovedTable({ reb, names }: { reb: RebalanceOutcome; names: string[] }) {
  const rows = reb.perTerritory.map((d, t) => ({ t, d })).filter(({ d }) => d.unitsIn + d.unitsOut > 0);
  return (
    <>
      <h3>Moved, per territory</h3>
      <table className="data-table moved-table">
        <thead>
          <tr>
            <th scope="col">Territory</th>
            <th scope="col">Units in / out</th>
            <th scope="col">Accounts in / out</th>
            <th scope="col">Revenue in / out</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ t, d }) => (
            <tr key={t}>
              <th scope="row">{names[t] ?? `#${t + 1}`}</th>
              <td>
                {formatCount(d.unitsIn)} / {formatCount(d.unitsOut)}
              </td>
              <td>
                {formatCount(d.accountsIn)} / {formatCount(d.accountsOut)}
              </td>
              <td>
                {formatMoney(d.valueIn)} / {formatMoney(d.valueOut)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
