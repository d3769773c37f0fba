import type { PlanSession } from '../../core/plan/plan-session';
import { usePlanStore } from '../../store/plan-store';

/** Every pinned account and its territory; each can be unpinned here. */
export function PinList({ session }: { session: PlanSession }) {
  const { plan } = session;
  if (plan.pins.size === 0) return null;
  const nameOf = new Map(plan.territories.map((t) => [t.id, t.name]));
  return (
    <section aria-labelledby="pins-title">
      <h2 id="pins-title">Pinned accounts</h2>
      <ul className="pin-list">
        {[...plan.pins].map(([accountId, territoryId]) => (
          <li key={accountId}>
            <span>
              {accountId} → {nameOf.get(territoryId) ?? 'a deleted territory'}
            </span>
            <button type="button" className="link-button" aria-label={`Unpin ${accountId}`} onClick={() => usePlanStore.getState().pin(accountId, null)}>
              Unpin
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
