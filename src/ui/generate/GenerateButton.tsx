import { useState } from 'react';
import { layerLabel, TERRITORY_COLORS, usePlanStore } from '../../store/plan-store';
import { useDataStore } from '../../store/data-store';
import { GenerateDialog } from './GenerateDialog';
import { sessionEnv, type GenerateEnv } from './generate-env';

/** The optimizer's context from the open plan and data set (null while either is missing). */
export function currentEnv(): GenerateEnv | null {
  const { session, layerId } = usePlanStore.getState();
  const dataset = useDataStore.getState().dataset;
  if (!session || !dataset) return null;
  const label = layerLabel(layerId);
  return sessionEnv(session, dataset, {
    apply: (cmd, note) => usePlanStore.getState().applyCommand(cmd, note),
    undo: () => usePlanStore.getState().undo(),
    unitsLabel: { one: label.one, many: label.many },
    palette: TERRITORY_COLORS,
  });
}

/** "Generate territories…" in the territory panel: opens the generate / rebalance dialog. */
export function GenerateButton() {
  const [env, setEnv] = useState<GenerateEnv | null>(null);
  return (
    <>
      <button type="button" onClick={() => setEnv(currentEnv())} title="Build balanced territories automatically, or rebalance the current plan">
        Generate territories…
      </button>
      {env && <GenerateDialog env={env} onClose={() => setEnv(null)} />}
    </>
  );
}
