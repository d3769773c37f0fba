import { useEffect, useRef, useState } from 'react';
import type { SuggestedMove } from '../../core/generate/explain';
import { buildExplainInput, GENERATE_METRICS, METRIC_LABELS, type GenerateMetric } from '../../core/generate/request';
import { edit } from '../../core/plan/commands';
import { usePlanStore } from '../../store/plan-store';
import { CancelledError, GenerateClient } from '../../workers/generate.api';
import { Dialog } from '../layout/Dialog';
import { currentEnv } from './GenerateButton';
import type { GenerateEnv } from './generate-env';
import './generate.css';

/** "Suggest moves" on a territory card: opens the list of single-unit moves that would balance it best. */
export function ExplainButton({ territoryId, name }: { territoryId: string; name: string }) {
  const [env, setEnv] = useState<GenerateEnv | null>(null);
  return (
    <>
      <button type="button" className="link-button" aria-label={`Suggest moves for ${name}`} onClick={() => setEnv(currentEnv())}>
        Suggest moves
      </button>
      {env && <ExplainDialog env={env} territoryId={territoryId} onClose={() => setEnv(null)} />}
    </>
  );
}

const signed = (v: number) => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${v.toFixed(1)}%` : '—');

/**
 * Why is a territory off, and which neighbouring moves would help most (explainTerritory, in the
 * worker). Each move applies as one undoable paint; the list is worked out again after each.
 */
export function ExplainDialog({ env, territoryId, onClose }: { env: GenerateEnv; territoryId: string; onClose(): void }) {
  const balance = usePlanStore((s) => s.session?.plan.balance) ?? { metric: 'potential', tolerancePct: 5 };
  const version = usePlanStore((s) => s.version);
  const metric: GenerateMetric = (GENERATE_METRICS as readonly string[]).includes(balance.metric) ? (balance.metric as GenerateMetric) : 'potential';
  const [moves, setMoves] = useState<SuggestedMove[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const client = useRef<GenerateClient | null>(null);
  useEffect(() => () => client.current?.dispose(), []);
  const territories = env.territories();
  const t = territories.findIndex((x) => x.id === territoryId);
  const name = territories[t]?.name ?? 'This territory';

  useEffect(() => {
    if (t < 0) return;
    setMoves(null);
    setError(null);
    client.current ??= new GenerateClient();
    let input;
    try {
      input = buildExplainInput(env.ctx, metric, balance.tolerancePct);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    client.current
      .run({ kind: 'explain', input, territory: t, limit: 10 })
      .then(setMoves)
      .catch((e: unknown) => {
        if (!(e instanceof CancelledError)) setError(e instanceof Error ? e.message : String(e));
      });
  }, [env, t, metric, balance.tolerancePct, version]);

  const frozen = t >= 0 && (territories[t].locked || env.ctx.plan.shapes.some((s) => s.territoryId === territoryId));
  return (
    <Dialog title={`Why is ${name} off? Suggested moves`} wide onCancel={onClose}>
      <p className="note">
        Single {env.unitsLabel.one} moves across {name}’s border that bring {METRIC_LABELS[metric].toLowerCase()} closest to the mean (±{balance.tolerancePct}% tolerance), best first. Each applies as one undo step.
      </p>
      {frozen ? (
        <p className="note warn">{name} is locked or has drawn shapes: the optimizer leaves it as it is.</p>
      ) : error ? (
        <p className="note error" role="alert">
          {error}
        </p>
      ) : moves === null ? (
        <p role="status">Working out the moves…</p>
      ) : moves.length === 0 ? (
        <p role="status">No single move improves the balance of {name}.</p>
      ) : (
        <table className="data-table explain-table" aria-label={`Suggested moves for ${name}`}>
          <thead>
            <tr>
              <th scope="col">Move</th>
              <th scope="col">{name} vs mean</th>
              <th scope="col">Other territory vs mean</th>
              <th scope="col">
                <span className="visually-hidden">Apply</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {moves.map((m) => {
              const unit = env.unitNames[m.unit] || env.unitIds[m.unit];
              const from = territories[m.from]?.name ?? '?';
              const to = territories[m.to]?.name ?? '?';
              return (
                <tr key={`${m.unit}-${m.to}`}>
                  <td>
                    {unit}: {from} → {to}
                    {!m.keepsContiguous && <span className="note"> (splits {from})</span>}
                  </td>
                  <td>
                    {signed(m.deviationBeforePct[0])} → {signed(m.deviationAfterPct[0])}
                  </td>
                  <td>
                    {signed(m.otherBeforePct[0])} → {signed(m.otherAfterPct[0])}
                  </td>
                  <td>
                    <button type="button" aria-label={`Apply: move ${unit} to ${to}`} onClick={() => env.apply(edit.paint([m.unit], territories[m.to].id))}>
                      Apply
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
