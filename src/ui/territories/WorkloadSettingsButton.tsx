import { useState } from 'react';
import { withDistanceUnit, type WorkloadSettings } from '../../core/metrics/workload';
import { CLASSIFICATIONS } from '../../core/accounts/account';
import { usePlanStore } from '../../store/plan-store';
import { Dialog } from '../layout/Dialog';

/**
 * The one workload definition, made the user's: visits per year × (visit time + travel time),
 * with visits defaulting by classification and travel from great-circle distance × road factor.
 */
export function WorkloadSettingsButton() {
  const workload = usePlanStore((s) => s.workload);
  const [draft, setDraft] = useState<WorkloadSettings | null>(null);
  const num = (v: string, fallback: number) => {
    const n = Number(v);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return (
    <>
      <button type="button" onClick={() => setDraft({ ...workload, visitsByClassification: { ...workload.visitsByClassification } })}>
        Workload settings…
      </button>
      {draft && (
        <Dialog title="Workload settings" onCancel={() => setDraft(null)}>
          <form
            className="workload-form"
            onSubmit={(e) => {
              e.preventDefault();
              void usePlanStore.getState().setWorkload(draft);
              setDraft(null);
            }}
          >
            <p className="note">Workload (hours a year) = visits per year × (time at the account + travel time per visit).</p>
            <label className="field">
              Time at the account per visit (hours)
              <input type="number" min="0" step="any" value={draft.visitHours} onChange={(e) => setDraft({ ...draft, visitHours: num(e.target.value, draft.visitHours) })} />
            </label>
            <fieldset className="plain-fieldset">
              <legend>Visits per year when the account has none</legend>
              {CLASSIFICATIONS.map((c) => (
                <label key={c} className="field inline">
                  {c}
                  <input
                    type="number"
                    min="0"
                    step="any"
                    value={draft.visitsByClassification[c] ?? draft.defaultVisits}
                    onChange={(e) => setDraft({ ...draft, visitsByClassification: { ...draft.visitsByClassification, [c]: num(e.target.value, draft.defaultVisits) } })}
                  />
                </label>
              ))}
              <label className="field inline">
                Other
                <input type="number" min="0" step="any" value={draft.defaultVisits} onChange={(e) => setDraft({ ...draft, defaultVisits: num(e.target.value, draft.defaultVisits) })} />
              </label>
            </fieldset>
            <label className="field">
              Road factor (road distance ÷ straight-line distance)
              <input type="number" min="1" step="any" value={draft.roadFactor} onChange={(e) => setDraft({ ...draft, roadFactor: num(e.target.value, draft.roadFactor) })} />
            </label>
            <label className="field">
              Average speed ({draft.distanceUnit === 'mi' ? 'mph' : 'km/h'})
              <input type="number" min="1" step="any" value={Math.round(draft.speed * 10) / 10} onChange={(e) => setDraft({ ...draft, speed: num(e.target.value, draft.speed) || draft.speed })} />
            </label>
            <label className="field">
              Distances in
              <select value={draft.distanceUnit} onChange={(e) => setDraft(withDistanceUnit(draft, e.target.value as 'mi' | 'km'))}>
                <option value="mi">miles</option>
                <option value="km">kilometres</option>
              </select>
            </label>
            <label className="field">
              Travel per visit
              <select value={draft.trip} onChange={(e) => setDraft({ ...draft, trip: e.target.value as 'round' | 'oneWay' })}>
                <option value="round">round trip from the rep’s home</option>
                <option value="oneWay">one way</option>
              </select>
            </label>
            <div className="dialog-actions">
              <button type="button" onClick={() => setDraft(null)}>
                Cancel
              </button>
              <button type="submit" className="primary">
                Apply
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
