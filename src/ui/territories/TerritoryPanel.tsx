import { useEffect } from 'react';
import { layerChoices, layerLabel, usePlanStore, type PlanLayerId } from '../../store/plan-store';
import { formatCount } from '../import/format-count';
import { useDataStore } from '../../store/data-store';
import { TerritoryCard } from './TerritoryCard';
import { ExportButtons } from './ExportButtons';
import { PinList } from './PinList';
import { ShapesSection } from './ShapesSection';
import { BalanceChart } from './BalanceChart';
import { WorkloadSettingsButton } from './WorkloadSettingsButton';
import { AssignByName } from './AssignByName';
import { BoundaryImportButton } from './BoundaryImport';
import { GenerateButton } from '../generate/GenerateButton';
import './territories.css';

/** The plan's territories with their figures; pick one, then click units on the map to give them to it. */
export function TerritoryPanel() {
  const { status, error, session, activeId, erasing, brushing, lassoing, locking, note, version, layerId, highlightUnassigned } = usePlanStore();
  // The session's own settings, so labels and figures always agree while settings are re-applied.
  const workloadUnit = usePlanStore((s) => s.session?.settings.distanceUnit ?? s.workload.distanceUnit);
  const { addTerritory, setErasing, setBrushing, setLassoing, setLocking, undo, redo, close, setLayer, setHighlightUnassigned, distinctColors: recolor } = usePlanStore.getState();
  const reps = useDataStore((s) => s.dataset?.reps ?? []);
  const accounts = useDataStore((s) => s.dataset?.accounts ?? null);
  useUndoKeys();
  void version; // figures below are read from the session, which changes in place
  const units = layerLabel(layerId);

  const layerPicker = (
    <div className="layer-picker">
    <label className="field">
      Units
      <select value={layerId} onChange={(e) => void setLayer(e.target.value as PlanLayerId)} disabled={status === 'loading'}>
        {layerChoices().map((id) => (
          <option key={id} value={id}>
            {layerLabel(id).menu}
          </option>
        ))}
      </select>
    </label>
    <BoundaryImportButton />
    </div>
  );
  if (status === 'loading')
    return (
      // Same shape as the loaded panel, so the picker (and an import dialog it holds) stays mounted.
      <section aria-labelledby="territories-title" className="territories">
        <h2 id="territories-title">Territories</h2>
        {layerPicker}
        <p role="status">Loading the {units.many} and adding up their accounts…</p>
      </section>
    );
  if (status === 'error') return <p role="alert">{error}</p>;
  if (!session) return null;
  const { plan, stats, history } = session;
  const balance = stats.balance(plan.balance.metric);
  const unassigned = stats.unassigned();
  const lockedCount = plan.lockedUnits.reduce((n, l) => n + l, 0);

  return (
    <section aria-labelledby="territories-title" className="territories">
      <h2 id="territories-title">Territories</h2>
      {layerPicker}
      {layerId === 'us-zip-areas' && <p className="note">ZIP areas are approximate: cells around each ZIP code’s centre, not USPS boundaries.</p>}
      <div className="territory-actions">
        <button type="button" onClick={addTerritory}>
          New territory
        </button>
        <button type="button" aria-pressed={brushing} onClick={() => setBrushing(!brushing)} title="Drag across the map to paint; the map does not pan meanwhile">
          Brush
        </button>
        <button type="button" aria-pressed={lassoing} onClick={() => setLassoing(!lassoing)} title="Drag a loop around units to paint them all at once (Esc cancels); Shift+drag selects a box">
          Lasso
        </button>
        <button type="button" aria-pressed={erasing} onClick={() => setErasing(!erasing)}>
          Erase
        </button>
        <button type="button" aria-pressed={locking} onClick={() => setLocking(!locking)} title="Click units to lock or unlock them against painting">
          Lock units
        </button>
        <button type="button" onClick={undo} disabled={!history.canUndo} title="Ctrl+Z">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!history.canRedo} title="Ctrl+Shift+Z">
          Redo
        </button>
        <GenerateButton />
      </div>
      <p className="note">{plan.territories.length === 0 ? `Create a territory, then click ${units.many} on the map to add them to it.` : locking ? `Click ${units.many} to lock or unlock them (locked ones get a dark border and keep their territory).` : erasing ? `Click ${units.many} to make them unassigned.` : `Click ${units.many} on the map to give them to the selected territory.`}</p>
      {plan.territories.length > 0 && <AssignByName layer={session.layer} unitsLabel={units.one} />}
      {note && (
        <p className="note warn" role="status">
          {note}
        </p>
      )}
      <ul className="territory-list" aria-label="Territories">
        {plan.territories.map((t, i) => (
          <TerritoryCard
            key={t.id}
            territory={t}
            figures={stats.figures(i, workloadUnit)}
            distanceUnit={workloadUnit}
            deviationPct={balance.deviationPct[i]}
            active={t.id === activeId && !erasing}
            unitsLabel={units.many[0].toUpperCase() + units.many.slice(1)}
            reps={reps}
            classificationLabels={session.aggregates.classificationLabels}
            segmentLabels={session.aggregates.segmentLabels}
            others={plan.territories.filter((o) => o.id !== t.id && !o.locked)}
          />
        ))}
      </ul>
      {locking || lockedCount > 0 ? (
        <p className="note" data-testid="locked-units">
          Locked: {formatCount(lockedCount)} {units.many}.
        </p>
      ) : null}
      <p className="note" data-testid="unassigned">
        Unassigned: {formatCount(unassigned.units)} {units.many}, {formatCount(unassigned.accounts)} accounts.
      </p>
      <label className="radio-row">
        <input type="checkbox" checked={highlightUnassigned} onChange={(e) => setHighlightUnassigned(e.target.checked)} /> Highlight unassigned {units.many} and accounts
      </label>
      {plan.territories.length > 1 && (
        <button type="button" onClick={recolor}>
          Recolour so neighbours differ
        </button>
      )}
      {plan.territories.length > 0 && (
        <BalanceChart territories={plan.territories} values={balance.values} mean={balance.mean} metric={plan.balance.metric} tolerancePct={plan.balance.tolerancePct} />
      )}
      <ShapesSection session={session} />
      <PinList session={session} />
      <WorkloadSettingsButton />
      {accounts && plan.territories.length > 0 && <ExportButtons session={session} accounts={accounts} reps={reps} />}
      <button type="button" onClick={close}>
        Close territories
      </button>
    </section>
  );
}

/** Ctrl+Z / Ctrl+Shift+Z (and Cmd on a Mac) undo and redo plan edits, except while typing. */
function useUndoKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      e.preventDefault();
      if (e.shiftKey) usePlanStore.getState().redo();
      else usePlanStore.getState().undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
