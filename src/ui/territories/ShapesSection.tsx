import { layerLabel, usePlanStore } from '../../store/plan-store';
import { useShapeStore } from '../../store/shape-store';
import type { ShapeTool } from '../../map/shape-draw';
import { shapeAreaKm2 } from '../../core/shapes';
import { areaIn } from '../../core/metrics/measures';
import { formatMoney, formatNumber } from '../format';
import { formatCount } from '../import/format-count';
import type { PlanSession } from '../../core/plan/plan-session';

const TOOL_HINTS: Record<Exclude<ShapeTool, 'select'>, string> = {
  draw: 'Click to place corners; double-click or Enter finishes the shape; Esc cancels.',
  hole: 'Draw the hole inside the selected shape; double-click or Enter finishes; Esc cancels.',
  split: 'Draw a line right across a shape; double-click or Enter finishes; Esc cancels. The far piece becomes a new territory.',
};

/** Freehand territories: draw, cut, split, convert; then find where territories overlap or leave gaps. */
export function ShapesSection({ session }: { session: PlanSession }) {
  const { tool, selectedId, check } = useShapeStore();
  const { setTool, selectFromList, deleteSelected, moveSelectedTo, selectedToUnits, outlineTerritory, runCheck, closeCheck, resolve, fillGaps } = useShapeStore.getState();
  const activeId = usePlanStore((s) => s.activeId);
  usePlanStore((s) => s.version); // shapes change in place
  const { plan, settings } = session;
  const unit = settings.distanceUnit;
  const area = (km2: number) => {
    const v = areaIn(km2, unit);
    return `${formatNumber(v, v < 10 ? 1 : 0)} ${unit}²`;
  };
  const nameOf = (id: string) => plan.territories.find((t) => t.id === id)?.name ?? id;
  const active = plan.territories.find((t) => t.id === activeId);
  const selected = plan.shapes.find((s) => s.id === selectedId);
  const toggle = (t: ShapeTool) => setTool(tool === t ? 'select' : t);

  return (
    <section aria-labelledby="shapes-title" className="shapes">
      <h3 id="shapes-title">Drawn shapes</h3>
      <div className="territory-actions">
        <button type="button" aria-pressed={tool === 'draw'} onClick={() => toggle('draw')} disabled={!active}>
          Draw shape
        </button>
        <button type="button" aria-pressed={tool === 'hole'} onClick={() => toggle('hole')} disabled={plan.shapes.length === 0}>
          Cut hole
        </button>
        <button type="button" aria-pressed={tool === 'split'} onClick={() => toggle('split')} disabled={plan.shapes.length === 0}>
          Split with line
        </button>
      </div>
      <p className="note">{tool !== 'select' ? TOOL_HINTS[tool] : active ? `Draw a shape for ${active.name}, or click a shape to select it (click again to edit its corners, drag to move).` : 'Pick a territory to draw its shape.'}</p>
      {active && (
        <button type="button" onClick={() => outlineTerritory(active.id)} title="Replace the territory's units by an editable outline">
          Outline {active.name} as a shape
        </button>
      )}
      {plan.shapes.length > 0 && (
        <ul className="shape-list" aria-label="Drawn shapes">
          {plan.shapes.map((s, i) => (
            <li key={s.id} aria-current={s.id === selectedId ? 'true' : undefined}>
              <span>
                Shape {i + 1} of {nameOf(s.territoryId)} · {area(shapeAreaKm2(s.geometry))}
              </span>
              <button type="button" onClick={() => selectFromList(s.id)} aria-label={`Select shape ${i + 1} of ${nameOf(s.territoryId)}`}>
                Select
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div className="selected-shape" role="group" aria-label="Selected shape">
          <p>
            Selected: shape of <strong>{nameOf(selected.territoryId)}</strong>
          </p>
          <label className="field">
            Give the shape to
            <select value={selected.territoryId} onChange={(e) => moveSelectedTo(e.target.value)}>
              {plan.territories.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <div className="territory-actions">
            <button type="button" onClick={selectedToUnits} title={`Paint the ${layerLabel(session.layer.layerId).many} mostly inside it, then remove the shape`}>
              Turn into units
            </button>
            <button type="button" onClick={deleteSelected}>
              Delete shape
            </button>
          </div>
        </div>
      )}
      <h3>Overlaps and gaps</h3>
      <button type="button" onClick={() => void runCheck()} disabled={check.status === 'running'}>
        {check.status === 'idle' ? 'Find overlaps and gaps' : 'Check again'}
      </button>
      {check.status === 'running' && <p role="status">Checking the territories…</p>}
      {check.status === 'error' && <p role="alert">The check failed: {check.error}</p>}
      {check.result && (
        <div className="check-result">
          {check.result.overlaps.length === 0 ? (
            <p role="status">No territories overlap.</p>
          ) : (
            <ul aria-label="Overlaps" className="overlap-list">
              {check.result.overlaps.map((o, i) => {
                const a = nameOf(o.a.territoryId);
                const b = nameOf(o.b.territoryId);
                return (
                  <li key={`${o.a.shapeId}-${o.b.shapeId ?? o.b.territoryId}`}>
                    <p>
                      <strong>{a}</strong> and <strong>{b}</strong>
                      {o.kind === 'shape-units' ? ' (its units)' : ''} overlap: {area(o.areaKm2)}, {formatCount(o.accounts)} accounts, {formatMoney(o.revenue)}
                    </p>
                    <div className="territory-actions">
                      <button type="button" onClick={() => resolve(i, o.a.territoryId)}>
                        Give to {a}
                      </button>
                      <button type="button" onClick={() => resolve(i, o.b.territoryId)}>
                        Give to {b}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <GapSummary result={check.result} area={area} unitsLabel={layerLabel(session.layer.layerId).many} onFill={() => void fillGaps()} />
          {check.result.failed.length > 0 && <p className="note warn">Some pairs could not be compared: {check.result.failed.join('; ')}</p>}
          <button type="button" onClick={closeCheck}>
            Hide overlaps and gaps
          </button>
        </div>
      )}
    </section>
  );
}

function GapSummary({ result, area, unitsLabel, onFill }: { result: NonNullable<ReturnType<typeof useShapeStore.getState>['check']['result']>; area: (km2: number) => string; unitsLabel: string; onFill: () => void }) {
  const { gaps } = result;
  const unitAccounts = gaps.units.reduce((n, g) => n + g.accounts, 0);
  const total = unitAccounts + gaps.noUnit.accounts;
  const nothing = total === 0 && gaps.holes.length === 0;
  return (
    <div className="gaps" aria-label="Gaps" role="group">
      {nothing ? (
        <p role="status">No gaps: every account has a territory and no holes lie between drawn shapes.</p>
      ) : (
        <>
          <p role="status">
            Gaps: {formatCount(total)} accounts in no territory ({formatCount(gaps.units.length)} unassigned {unitsLabel} hold {formatCount(unitAccounts)}
            {gaps.noUnit.accounts > 0 ? `; ${formatCount(gaps.noUnit.accounts)} lie outside every unit` : ''}); {formatCount(gaps.holes.length)} holes between drawn shapes.
          </p>
          {gaps.holes.length > 0 && (
            <ul aria-label="Holes between shapes">
              {gaps.holes.map((h, i) => (
                <li key={i}>
                  Hole of {area(h.areaKm2)} with {formatCount(h.accounts)} accounts
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={onFill}>
            Assign gaps to the nearest territory
          </button>
        </>
      )}
      {gaps.holesError && <p className="note warn">Holes could not be measured: {gaps.holesError}</p>}
    </div>
  );
}
