import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  buildGenerateRequest,
  buildRebalanceRequest,
  DEFAULT_SETTINGS,
  GENERATE_METRICS,
  generateCommand,
  METRIC_LABELS,
  rebalanceCommand,
  validateSettings,
  type GenerateMetric,
  type GenerateSettings,
  type MetricChoice,
} from '../../core/generate/request';
import type { Outcome, RebalanceOutcome } from '../../core/generate/types';
import { stateName } from '../../core/units/state-names';
import { CancelledError, GenerateClient } from '../../workers/generate.api';
import { Dialog } from '../layout/Dialog';
import { formatCount } from '../import/format-count';
import type { GenerateEnv } from './generate-env';
import { GenerateReport, type ReportData } from './GenerateReport';
import './generate.css';

type Step = { step: 'form' } | { step: 'running'; mode: 'generate' | 'rebalance'; fraction: number; phase: string } | { step: 'result'; report: ReportData };

/** Settings survive closing the dialog within a session, so "generate again with another seed" is quick. */
let lastSettings: GenerateSettings = DEFAULT_SETTINGS;
let lastCap: string = '10';

/** Back to the defaults (tests). */
export function forgetGenerateSettings(): void {
  lastSettings = DEFAULT_SETTINGS;
  lastCap = '10';
}

/**
 * "Generate territories…": what to build (scope, how many, what to balance and how strictly), run
 * in a worker with a progress bar and Cancel, then applied as one undo step and reported.
 */
export function GenerateDialog({ env, onClose }: { env: GenerateEnv; onClose(): void }) {
  // a unit selection belongs to the plan as it was: a new opening starts from the whole layer
  const [s, setS] = useState<GenerateSettings>(lastSettings.scope.kind === 'units' ? { ...lastSettings, scope: { kind: 'all' } } : lastSettings);
  const [picked, setPicked] = useState<{ ids: string[]; unassigned: boolean }>({ ids: [], unassigned: false });
  const pickUnits = (next: { ids: string[]; unassigned: boolean }) => {
    setPicked(next);
    const index = new Map(env.territories().map((t, i) => [t.id, i]));
    const wanted = new Set(next.ids.map((id) => index.get(id)));
    const units: number[] = [];
    env.ctx.plan.assignment.forEach((t, u) => {
      if (t < 0 ? next.unassigned : wanted.has(t)) units.push(u);
    });
    setS({ ...s, scope: { kind: 'units', units } });
  };
  const [cap, setCap] = useState(lastCap);
  const [step, setStep] = useState<Step>({ step: 'form' });
  const [error, setError] = useState<string | null>(null);
  const client = useRef<GenerateClient | null>(null);
  useEffect(() => () => client.current?.dispose(), []);
  useEffect(() => {
    lastSettings = s;
    lastCap = cap;
  }, [s, cap]);

  const states = useMemo(() => [...new Set(env.ctx.stateFips.filter((f) => f))].sort((a, b) => stateName(a).localeCompare(stateName(b))), [env]);
  const repsWithHome = env.ctx.reps.filter((r) => r.unit >= 0).length;
  const territoryCount = env.territories().length;
  const capPct = cap.trim() === '' ? null : Number(cap);
  const genErrors = validateSettings(s, 'generate');
  const rebErrors = [...validateSettings(s, 'rebalance'), ...(capPct !== null && !(capPct > 0 && capPct <= 100) ? ['The cap on moved revenue must be between 0 and 100 %.'] : [])];
  const errors = [...new Set([...genErrors, ...rebErrors])];

  const cancel = () => {
    client.current?.cancel();
    setStep({ step: 'form' });
    setError('Cancelled: the plan is unchanged.');
  };

  async function run(mode: 'generate' | 'rebalance') {
    setError(null);
    client.current ??= new GenerateClient();
    const onProgress = (fraction: number, phase: string) => setStep({ step: 'running', mode, fraction, phase });
    try {
      setStep({ step: 'running', mode, fraction: 0, phase: 'starting' });
      if (mode === 'generate') {
        const req = buildGenerateRequest(env.ctx, s);
        const before = env.territories();
        const o: Outcome = await client.current.run({ kind: 'generate', input: req.input }, onProgress);
        const { command, created } = generateCommand({ territories: [...before], assignment: env.ctx.plan.assignment }, env.ctx.graph, req, o, { newId: env.newId, palette: env.palette });
        env.apply(command, `Generated ${created.length} territor${created.length === 1 ? 'y' : 'ies'} (one undo step).`);
        setStep({ step: 'result', report: { mode, outcome: o, notes: req.notes, created: created.length, kept: req.kept.length, replaced: req.replaced.length, metrics: req.input.metrics.map(({ name, tolerancePct, weight }) => ({ name, tolerancePct, weight })), names: env.territories().map((t) => t.name) } });
      } else {
        const input = buildRebalanceRequest(env.ctx, s, capPct);
        const o: RebalanceOutcome = await client.current.run({ kind: 'rebalance', input }, onProgress);
        const names = env.territories().map((t) => t.name);
        if (o.moved.units.length > 0) env.apply(rebalanceCommand({ territories: [...env.territories()] }, o), `Rebalanced: ${o.moved.units.length} ${env.unitsLabel.many} moved (one undo step).`);
        setStep({ step: 'result', report: { mode, outcome: o, notes: [], created: 0, kept: names.length, replaced: 0, metrics: input.metrics.map(({ name, tolerancePct }) => ({ name, tolerancePct })), names, revenue: env.ctx.revenue } });
      }
    } catch (e) {
      if (e instanceof CancelledError) return;
      setStep({ step: 'form' });
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  if (step.step === 'running') {
    const pct = Math.round(Math.min(1, Math.max(0, step.fraction)) * 100);
    const what = step.mode === 'generate' ? 'Generating territories' : 'Rebalancing the plan';
    return (
      <Dialog title={what} onCancel={cancel}>
        <p id="generate-phase" aria-live="polite">
          {what}: {step.phase}… {pct}%
        </p>
        <progress className="generate-progress" aria-label={`${what} progress`} aria-describedby="generate-phase" max={100} value={pct} />
        <p className="note">This runs in the background: the map stays usable. Cancelling leaves the plan unchanged.</p>
        <div className="dialog-actions">
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      </Dialog>
    );
  }
  if (step.step === 'result')
    return (
      <Dialog title={step.report.mode === 'generate' ? 'Territories generated' : 'Plan rebalanced'} wide onCancel={onClose}>
        <GenerateReport report={step.report} env={env} onBack={() => setStep({ step: 'form' })} onClose={onClose} />
      </Dialog>
    );

  const setMetric = (i: number, patch: Partial<MetricChoice>) => setS({ ...s, metrics: s.metrics.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const unused = GENERATE_METRICS.filter((m) => !s.metrics.some((c) => c.metric === m));
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

  return (
    <Dialog title="Generate territories" onCancel={onClose}>
      <form className="generate-form" onSubmit={(e) => (e.preventDefault(), void (genErrors.length === 0 && run('generate')))}>
        <fieldset className="plain-fieldset">
          <legend>Scope</legend>
          <label className="radio-row">
            <input type="radio" name="gen-scope" checked={s.scope.kind === 'all'} onChange={() => setS({ ...s, scope: { kind: 'all' } })} /> Whole layer
          </label>
          <label className="radio-row">
            <input type="radio" name="gen-scope" checked={s.scope.kind === 'states'} disabled={states.length === 0} onChange={() => setS({ ...s, scope: { kind: 'states', states: [] } })} /> Chosen states
          </label>
          <label className="radio-row">
            <input type="radio" name="gen-scope" checked={s.scope.kind === 'units'} onChange={() => pickUnits(picked)} /> Chosen territories and unassigned {env.unitsLabel.many}
          </label>
          {s.scope.kind === 'units' && (
            <div className="state-picker" role="group" aria-label="Territories in the scope">
              <p className="note">
                {formatCount(s.scope.units.length)} {env.unitsLabel.many} in the scope
              </p>
              <div className="state-list">
                <label className="radio-row">
                  <input type="checkbox" checked={picked.unassigned} onChange={(e) => pickUnits({ ...picked, unassigned: e.target.checked })} /> Unassigned {env.unitsLabel.many}
                </label>
                {env.territories().map((t) => (
                  <label key={t.id} className="radio-row">
                    <input type="checkbox" checked={picked.ids.includes(t.id)} onChange={(e) => pickUnits({ ...picked, ids: e.target.checked ? [...picked.ids, t.id] : picked.ids.filter((x) => x !== t.id) })} /> {t.name}
                  </label>
                ))}
              </div>
            </div>
          )}
          {s.scope.kind === 'states' && (
            <StatePicker
              states={states}
              chosen={s.scope.states}
              onChange={(chosen) => setS({ ...s, scope: { kind: 'states', states: chosen } })}
            />
          )}
        </fieldset>

        <fieldset className="plain-fieldset">
          <legend>How many territories</legend>
          <div className="radio-row">
            <input type="radio" id="gen-count-k" name="gen-count" checked={s.count.kind === 'k'} onChange={() => setS({ ...s, count: { kind: 'k', k: 8 } })} />
            <label htmlFor="gen-count-k">A number:</label>
            <input
              type="number"
              min="1"
              step="1"
              className="narrow"
              aria-label="Number of territories"
              value={s.count.kind === 'k' ? (Number.isNaN(s.count.k) ? '' : s.count.k) : ''}
              disabled={s.count.kind !== 'k'}
              onChange={(e) => setS({ ...s, count: { kind: 'k', k: num(e.target.value) } })}
            />
          </div>
          <label className="radio-row">
            <input type="radio" name="gen-count" checked={s.count.kind === 'reps'} disabled={repsWithHome === 0} onChange={() => setS({ ...s, count: { kind: 'reps' } })} /> One per rep (
            {repsWithHome === 0 ? 'no rep has a home on this layer' : `${formatCount(repsWithHome)} reps with a home`})
          </label>
          <div className="radio-row">
            <input type="radio" id="gen-count-cap" name="gen-count" checked={s.count.kind === 'capacity'} onChange={() => setS({ ...s, count: { kind: 'capacity', maxHours: 1800 } })} />
            <label htmlFor="gen-count-cap">As many as needed, each at most</label>
            <input
              type="number"
              min="1"
              className="narrow"
              aria-label="Maximum workload hours a year per territory"
              value={s.count.kind === 'capacity' ? (Number.isNaN(s.count.maxHours) ? '' : s.count.maxHours) : 1800}
              disabled={s.count.kind !== 'capacity'}
              onChange={(e) => setS({ ...s, count: { kind: 'capacity', maxHours: num(e.target.value) } })}
            />
            <span>workload hours a year</span>
          </div>
        </fieldset>

        <fieldset className="plain-fieldset">
          <legend>Balance on</legend>
          <table className="metric-table">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Weight</th>
                <th scope="col">Tolerance ±%</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {s.metrics.map((m, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label={`Figure ${i + 1}`} value={m.metric} onChange={(e) => setMetric(i, { metric: e.target.value as GenerateMetric })}>
                      {GENERATE_METRICS.map((g) => (
                        <option key={g} value={g}>
                          {METRIC_LABELS[g]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="number" min="0" step="any" className="narrow" aria-label={`Weight of ${METRIC_LABELS[m.metric]}`} value={Number.isNaN(m.weight) ? '' : m.weight} onChange={(e) => setMetric(i, { weight: num(e.target.value) })} />
                  </td>
                  <td>
                    <input
                      type="number"
                      min="0"
                      step="any"
                      className="narrow"
                      aria-label={`Tolerance of ${METRIC_LABELS[m.metric]} (± %)`}
                      value={Number.isNaN(m.tolerancePct) ? '' : m.tolerancePct}
                      onChange={(e) => setMetric(i, { tolerancePct: num(e.target.value) })}
                    />
                  </td>
                  <td>
                    <button type="button" className="link-button" aria-label={`Remove ${METRIC_LABELS[m.metric]}`} disabled={s.metrics.length === 1} onClick={() => setS({ ...s, metrics: s.metrics.filter((_, j) => j !== i) })}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {unused.length > 0 && (
            <button type="button" onClick={() => setS({ ...s, metrics: [...s.metrics, { metric: unused[0], weight: 1, tolerancePct: 10 }] })}>
              Add a figure
            </button>
          )}
          <div className="slider-row">
            <span aria-hidden="true">Balance first</span>
            <input
              type="range"
              min="0"
              max="100"
              step="5"
              aria-label="Balance first ↔ Compact first"
              aria-valuetext={`${Math.round(s.compactness * 100)}% toward compact shapes`}
              value={Math.round(s.compactness * 100)}
              onChange={(e) => setS({ ...s, compactness: Number(e.target.value) / 100 })}
            />
            <span aria-hidden="true">Compact first</span>
          </div>
          <p className="note">The tolerance is a hard goal either way: the result says if it could not be met, and by how much.</p>
          <label className="radio-row">
            <input type="checkbox" checked={s.mix} onChange={(e) => setS({ ...s, mix: e.target.checked })} /> Healthy classification mix (spread Core, Invest, … accounts evenly)
          </label>
          <label className="field inline">
            Seed
            <input type="number" step="1" className="narrow" value={Number.isNaN(s.seed) ? '' : s.seed} onChange={(e) => setS({ ...s, seed: num(e.target.value) })} />
          </label>
        </fieldset>

        {errors.length > 0 && (
          <ul className="note error generate-errors" role="alert">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {error && (
          <p className="note warn" role="status">
            {error}
          </p>
        )}
        <p className="note">
          Generate replaces the unlocked territories that lie wholly in the scope ({formatCount(territoryCount)} in the plan now); locked units, locked territories, territories with drawn shapes and pinned accounts stay. One undo step.
        </p>
        <fieldset className="plain-fieldset rebalance-group">
          <legend>Or rebalance the current plan</legend>
          <p className="note">Moves as few assigned {env.unitsLabel.many} as it can between the territories in the scope until the tolerance is met; the cap wins over the tolerance.</p>
          <div className="radio-row">
            <label htmlFor="gen-cap">Move at most</label>
            <input id="gen-cap" type="number" min="0" max="100" step="any" className="narrow" aria-label="Move at most (% of revenue)" value={cap} onChange={(e) => setCap(e.target.value)} />
            <span>% of revenue</span>
            <button type="button" disabled={rebErrors.length > 0 || territoryCount < 2} title={territoryCount < 2 ? 'Needs at least two territories' : undefined} onClick={() => void run('rebalance')}>
              Rebalance current plan
            </button>
          </div>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={genErrors.length > 0}>
            Generate
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function StatePicker({ states, chosen, onChange }: { states: string[]; chosen: string[]; onChange(chosen: string[]): void }) {
  const id = useId();
  const set = new Set(chosen);
  return (
    <div className="state-picker" role="group" aria-labelledby={id}>
      <p id={id} className="note">
        States ({chosen.length} of {states.length} chosen)
      </p>
      <div className="state-list">
        {states.map((f) => (
          <label key={f} className="radio-row">
            <input type="checkbox" checked={set.has(f)} onChange={(e) => onChange(e.target.checked ? [...chosen, f] : chosen.filter((c) => c !== f))} /> {stateName(f)}
          </label>
        ))}
      </div>
    </div>
  );
}
