import { memo } from 'react';
import type { Rep } from '../../core/accounts/account';
import type { Territory } from '../../core/plan/plan';
import type { TerritoryFigures } from '../../core/plan/territory-stats';
import { usePlanStore } from '../../store/plan-store';
import { formatMoney, formatNumber } from '../format';
import { formatCount } from '../import/format-count';
import { ExplainButton } from '../generate/ExplainButton';

const KM_PER_MI = 1.609344;

interface CardProps {
  territory: Territory;
  figures: TerritoryFigures;
  deviationPct: number;
  active: boolean;
  unitsLabel: string;
  reps: readonly Rep[];
  classificationLabels: readonly string[];
  segmentLabels: readonly string[];
  /** the other territories, to merge into */
  others: readonly Territory[];
  distanceUnit: 'mi' | 'km';
}

const sameArray = <T,>(a: ArrayLike<T>, b: ArrayLike<T>) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
};

function sameFigures(a: TerritoryFigures, b: TerritoryFigures): boolean {
  for (const k of ['units', 'accounts', 'revenue', 'potential', 'visits', 'workloadHours', 'areaKm2', 'perimeterKm', 'polsbyPopper', 'parts', 'density'] as const) if (!Object.is(a[k], b[k])) return false;
  if (a.travel?.meanKm !== b.travel?.meanKm || a.travel?.maxKm !== b.travel?.maxKm) return false;
  return sameArray(a.segments, b.segments) && sameArray(a.classifications, b.classifications);
}

/**
 * A card re-renders only when what it shows changed: a stroke that moves a unit between two of 300
 * territories redraws two cards, not 300. Figures are fresh objects on every read, so they are
 * compared by value; territories are replaced (never mutated) by every edit, so by reference.
 */
function sameCard(a: CardProps, b: CardProps): boolean {
  return (
    a.territory === b.territory &&
    Object.is(a.deviationPct, b.deviationPct) &&
    a.active === b.active &&
    a.unitsLabel === b.unitsLabel &&
    a.reps === b.reps &&
    a.classificationLabels === b.classificationLabels &&
    a.segmentLabels === b.segmentLabels &&
    a.distanceUnit === b.distanceUnit &&
    sameArray(a.others, b.others) &&
    sameFigures(a.figures, b.figures)
  );
}

/** One territory: pick it to paint with, name it, give it a rep and a quota, read its figures. */
export const TerritoryCard = memo(TerritoryCardView, sameCard);

function TerritoryCardView(props: CardProps) {
  const { territory: t, figures: f, deviationPct: dev, active, reps } = props;
  const { setActive, rename, remove, setRep, setQuota, setLocked, recolor, merge } = usePlanStore.getState();
  const rep = reps.find((r) => r.id === t.repId);
  const quota = t.quota ?? rep?.quota ?? null;
  const u = props.distanceUnit;
  const km = u === 'mi' ? KM_PER_MI : 1;
  const share = (n: number) => Math.round((n / Math.max(1, f.accounts)) * 100);
  const segmentMix = props.segmentLabels
    .map((label, code) => ({ label: label || '(none)', n: f.segments[code] ?? 0 }))
    .filter((m) => m.n > 0)
    .map((m) => `${m.label} ${share(m.n)}%`)
    .join(' · ');
  const mix = props.classificationLabels
    .map((label, code) => ({ label: label || '(none)', n: f.classifications[code] ?? 0 }))
    .filter((m) => m.n > 0)
    .map((m) => `${m.label} ${Math.round((m.n / Math.max(1, f.accounts)) * 100)}%`)
    .join(' · ');
  return (
    <li className={active ? 'active' : ''}>
      <label className="territory-pick">
        <input type="radio" name="active-territory" checked={active} onChange={() => setActive(t.id)} aria-label={`Paint with ${t.name}`} />
        <input type="color" className="territory-color" aria-label={`Colour of ${t.name}`} value={t.color} onChange={(e) => recolor(t.id, e.target.value)} />
        <input
          type="text"
          className="territory-name"
          aria-label={`Name of ${t.name}`}
          defaultValue={t.name}
          key={`${t.id}-${t.name}`}
          onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== t.name && rename(t.id, e.target.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
        <button type="button" className="link-button" aria-label={`Delete ${t.name}`} onClick={() => remove(t.id)} disabled={t.locked}>
          Delete
        </button>
      </label>
      <label className="radio-row territory-lock">
        <input type="checkbox" checked={t.locked} onChange={(e) => setLocked(t.id, e.target.checked)} /> Locked (keeps its {props.unitsLabel.toLowerCase()})
      </label>
      <div className="territory-owner">
        <select aria-label={`Rep of ${t.name}`} value={t.repId ?? ''} onChange={(e) => setRep(t.id, e.target.value || null)}>
          <option value="">No rep</option>
          {reps.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <input
          type="text"
          inputMode="numeric"
          aria-label={`Quota of ${t.name}`}
          placeholder={rep?.quota ? `Quota (rep’s: ${formatMoney(rep.quota)})` : 'Quota'}
          defaultValue={t.quota ?? ''}
          key={`${t.id}-q-${t.quota}`}
          onBlur={(e) => {
            const v = e.target.value.replace(/[$,\s]/g, '');
            const q = v === '' ? null : Number(v);
            if (q === null || (Number.isFinite(q) && q >= 0)) {
              if (q !== t.quota) setQuota(t.id, q);
            } else e.target.value = t.quota === null ? '' : String(t.quota);
          }}
        />
      </div>
      <dl className="stat-grid territory-figures" aria-label={`Figures of ${t.name}`}>
        <dt>{props.unitsLabel}</dt>
        <dd>{formatCount(f.units)}</dd>
        <dt>Accounts</dt>
        <dd>{formatCount(f.accounts)}</dd>
        <dt>Last-year revenue</dt>
        <dd>{formatMoney(f.revenue)}</dd>
        <dt>Revenue potential</dt>
        <dd>{formatMoney(f.potential)}</dd>
        <dt>Quota</dt>
        <dd>{quota === null ? '—' : formatMoney(quota)}</dd>
        <dt>Workload</dt>
        <dd>{formatNumber(f.workloadHours)} h/yr</dd>
        <dt>Area</dt>
        <dd>
          {formatNumber(f.areaKm2 / (km * km))} {u}²
        </dd>
        <dt>Density</dt>
        <dd>{Number.isFinite(f.density) ? `${f.density.toFixed(2)} /${u}²` : '—'}</dd>
        <dt>Compactness</dt>
        <dd>{Number.isFinite(f.polsbyPopper) ? f.polsbyPopper.toFixed(2) : '—'}</dd>
        <dt>Parts</dt>
        <dd>{f.parts}</dd>
        <dt>Travel</dt>
        <dd>{f.travel ? `${formatNumber(f.travel.meanKm / km)} ${u} mean, ${formatNumber(f.travel.maxKm / km)} max` : 'no rep'}</dd>
        <dt>vs. mean potential</dt>
        <dd>{Number.isFinite(dev) ? `${dev > 0 ? '+' : ''}${dev.toFixed(1)}%` : '—'}</dd>
      </dl>
      <ExplainButton territoryId={t.id} name={t.name} />
      {segmentMix && <p className="note territory-mix">{segmentMix}</p>}
      {mix && <p className="note territory-mix">{mix}</p>}
      {props.others.length > 0 && (
        <select
          className="territory-merge"
          aria-label={`Merge ${t.name} into`}
          value=""
          disabled={t.locked}
          onChange={(e) => e.target.value && merge(t.id, e.target.value)}
        >
          <option value="">Merge into…</option>
          {props.others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </li>
  );
}
