import { useMemo } from 'react';
import type { LoadedDataset } from '../../workers/data.api';
import { formatCount } from '../import/format-count';
import { summarize } from '../../core/accounts/summary';
import { formatMoney } from '../format';

export function DatasetSummary({ dataset }: { dataset: LoadedDataset }) {
  const s = useMemo(() => summarize(dataset.accounts), [dataset.accounts]);
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{dataset.meta.source === 'demo' ? 'Demo data' : 'Your data'}</h2>
      <dl className="stat-grid" aria-label="Data summary">
        <dt>Accounts</dt>
        <dd data-testid="account-count">{formatCount(dataset.accounts.count)}</dd>
        <dt>Reps</dt>
        <dd>{formatCount(dataset.reps.length)}</dd>
        <dt>Last-year revenue</dt>
        <dd>{formatMoney(s.revenue)}</dd>
        <dt>Revenue potential</dt>
        <dd>{formatMoney(s.potential)}</dd>
        {s.approximate > 0 && (
          <>
            <dt>Approximate places</dt>
            <dd title="Placed at the centre of their 3-digit ZIP area">{formatCount(s.approximate)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
