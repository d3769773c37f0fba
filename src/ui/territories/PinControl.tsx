import { usePlanStore } from '../../store/plan-store';

/** Pins the open account to a territory other than its unit's (a named account), or unpins it. */
export function PinControl({ accountId }: { accountId: string }) {
  const session = usePlanStore((s) => s.session);
  const open = usePlanStore((s) => s.open);
  usePlanStore((s) => s.version);
  if (!open || !session || session.plan.territories.length === 0) return null;
  const pinned = session.plan.pins.get(accountId) ?? '';
  return (
    <label className="field pin-control">
      Pinned to territory
      <select value={pinned} onChange={(e) => usePlanStore.getState().pin(accountId, e.target.value || null)}>
        <option value="">Not pinned (follows its unit)</option>
        {session.plan.territories.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
