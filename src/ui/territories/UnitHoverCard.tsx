import type { PlanSession } from '../../core/plan/plan-session';
import { formatMoney } from '../format';
import { formatCount } from '../import/format-count';

/** What the unit under the pointer holds and whose it is: read before painting it. */
export function UnitHoverCard({ session, unit, x, y }: { session: PlanSession; unit: number; x: number; y: number }) {
  const { layer, aggregates, plan } = session;
  const t = plan.assignment[unit];
  return (
    <div className="unit-hover" style={{ left: x + 14, top: y + 14 }} role="tooltip">
      <strong>{layer.names[unit] || layer.ids[unit]}</strong>
      {layer.names[unit] && layer.names[unit] !== layer.ids[unit] && <span className="note"> {layer.ids[unit]}</span>}
      <div>
        {formatCount(aggregates.accounts[unit])} accounts · {formatMoney(aggregates.revenue[unit])} revenue · {formatMoney(aggregates.potential[unit])} potential
      </div>
      <div className="note">{t >= 0 ? plan.territories[t].name : 'Unassigned'}</div>
    </div>
  );
}
