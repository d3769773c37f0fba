import type { ImportIssue } from '../../core/import/types';
import { formatCount } from './format-count';

const SHOWN = 500;

/** The first problems in file order; the download has all of them. */
export function IssuesTable({ issues }: { issues: readonly ImportIssue[] }) {
  const shown = issues.slice(0, SHOWN);
  return (
    <>
      <div className="scroll-box">
        <table className="data-table" aria-label="Import problems">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Result</th>
              <th scope="col">Problem</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i, k) => (
              <tr key={k}>
                <td>{i.row > 0 ? i.row : 'file'}</td>
                <td>{i.column ?? ''}</td>
                <td>{i.severity === 'rejected' ? 'Rejected' : 'Imported, with a warning'}</td>
                <td>{i.message}</td>
                <td>{i.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {issues.length > SHOWN && (
        <p className="note">
          Showing the first {SHOWN} of {formatCount(issues.length)} problems; the download lists them all.
        </p>
      )}
    </>
  );
}
