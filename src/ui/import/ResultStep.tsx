import { useMemo } from 'react';
import { issuesToCsv } from '../../core/import/issues-csv';
import { useImportStore, type ImportStep } from '../../store/import-store';
import { downloadText } from '../layout/download';
import { formatCount } from './format-count';
import { IssuesTable } from './IssuesTable';

type DoneState = Extract<ImportStep, { step: 'done' }>;

/** What the import did: counts, then every problem row with where and why. */
export function ResultStep({ state }: { state: DoneState }) {
  const { result, fileName, kind } = state;
  const close = useImportStore((s) => s.close);
  const swapAndRetry = useImportStore((s) => s.swapAndRetry);
  const { stats, merge, issues } = result;
  const swapRows = useMemo(() => issues.filter((i) => i.kind === 'lat-lon-swapped').map((i) => i.row), [issues]);
  const noun = kind === 'reps' ? 'reps' : 'accounts';
  return (
    <div>
      <p role="status" className="import-summary">
        Read {formatCount(stats.rows)} rows: {formatCount(stats.imported)} {noun} imported, {formatCount(stats.rejected)} rejected
        {stats.warnings > 0 ? `, ${formatCount(stats.warnings)} with warnings` : ''}.
      </p>
      {merge && (
        <p className="note merge-summary">
          {formatCount(merge.added)} added, {formatCount(merge.changed)} changed, {formatCount(merge.unchanged)} unchanged
          {merge.kept > 0 ? `; ${formatCount(merge.kept)} stored accounts not in this file were kept` : ''}.
        </p>
      )}
      {result.encodingNote && <p className="note warn">{result.encodingNote}</p>}
      {issues.length > 0 && (
        <>
          <h3>Problems found</h3>
          <IssuesTable issues={issues} />
          <div className="dialog-actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" onClick={() => downloadText(issuesToCsv(issues), `${fileName.replace(/\.[^.]+$/, '')}-import-problems.csv`, 'text/csv')}>
              Download problems as CSV
            </button>
            {swapRows.length > 0 && (
              <button type="button" onClick={() => void swapAndRetry(swapRows)}>
                {swapRows.length === 1
                  ? 'Swap latitude and longitude in this row and import it'
                  : `Swap latitude and longitude in these ${formatCount(swapRows.length)} rows and import them`}
              </button>
            )}
          </div>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
