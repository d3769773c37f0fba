import type { BalanceMetric, Territory } from '../../core/plan/plan';
import { BALANCE_METRICS } from '../../core/plan/plan';
import { usePlanStore } from '../../store/plan-store';
import { formatMoney, formatNumber } from '../format';

const METRIC_LABEL: Record<BalanceMetric, string> = {
  accounts: 'Accounts',
  revenue: 'Last-year revenue',
  potential: 'Revenue potential',
  workload: 'Workload (hours)',
  units: 'Units',
  area: 'Area',
};

const show = (metric: BalanceMetric, v: number) => (metric === 'revenue' || metric === 'potential' ? formatMoney(v) : formatNumber(v));

/** Every territory against the plan's mean for one metric, with the tolerance band around the mean. */
export function BalanceChart(props: { territories: Territory[]; values: Float64Array; mean: number; metric: BalanceMetric; tolerancePct: number }) {
  const { territories, values, mean, metric, tolerancePct } = props;
  const tol = tolerancePct / 100;
  const top = Math.max(1e-9, mean * (1 + tol), ...values);
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / top) * 100))}%`;
  return (
    <section aria-labelledby="balance-title" className="balance">
      <h2 id="balance-title">Balance</h2>
      <label className="field">
        Compare on
        <select value={metric} onChange={(e) => usePlanStore.getState().setBalanceMetric(e.target.value as BalanceMetric)}>
          {BALANCE_METRICS.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABEL[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline-field">
        Tolerance ±%
        <input
          type="number"
          min="0"
          step="any"
          aria-label="Tolerance (percent)"
          defaultValue={tolerancePct}
          key={tolerancePct}
          onBlur={(e) => usePlanStore.getState().setTolerance(Number(e.target.value))}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      </label>
      <p className="note">
        Mean {show(metric, mean)}; the band is ±{tolerancePct}%.
      </p>
      <ul className="balance-chart" aria-label={`${METRIC_LABEL[metric]} by territory`}>
        {territories.map((t, i) => {
          const within = Math.abs(values[i] - mean) <= tol * mean;
          return (
            <li key={t.id} aria-label={`${t.name}: ${show(metric, values[i])}${within ? ', within tolerance' : ', outside tolerance'}`}>
              <span className="balance-name">{t.name}</span>
              <span className="balance-track">
                <span className="balance-band" style={{ left: pct(mean * (1 - tol)), width: `calc(${pct(mean * (1 + tol))} - ${pct(mean * (1 - tol))})` }} />
                <span className="balance-value" style={{ width: pct(values[i]), background: t.color, opacity: within ? 1 : 0.55 }} />
                <span className="balance-mean" style={{ left: pct(mean) }} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
