import type { Plan } from '../core/plan/plan';
import { planFromJson, planToJson } from '../core/plan/plan-json';
import type { UnitLayer } from '../core/units/unit-layer';
import { getActivePlanId, listPlans, loadPlan, savePlan, setActivePlanId } from '../storage/plan-store';

/**
 * Keeps one plan saved: after each edit (debounced), one save at a time, each passing the revision
 * the previous one returned, so a save from a stale tab fails instead of overwriting.
 */
export class PlanAutosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  private dirty = false;

  constructor(
    private readonly plan: Plan,
    private readonly layer: UnitLayer,
    private rev: number,
    private readonly onError: (message: string) => void,
    private readonly delayMs = 400,
  ) {}

  /** the stored revision this autosave writes over next */
  get revision(): number {
    return this.rev;
  }

  /** Call after every edit. */
  changed(): void {
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves now if anything is unsaved; resolves when the plan on disk matches the one in memory. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.saving) await this.saving;
    if (!this.dirty) return;
    this.dirty = false;
    this.saving = savePlan(planToJson(this.plan, this.layer.ids), { expectedRevision: this.rev })
      .then(async (record) => {
        this.rev = record.revision;
        await setActivePlanId(this.plan.id);
      })
      .catch((e: unknown) => this.onError(e instanceof Error ? e.message : String(e)))
      .finally(() => (this.saving = null));
    await this.saving;
  }
}

/** The plan last worked on for this layer, or null when none is stored. */
export async function loadStoredPlan(layer: UnitLayer): Promise<{ plan: Plan; revision: number; problems: string[] } | null> {
  const active = await getActivePlanId();
  const records = (await listPlans()).filter((r) => r.layerId === layer.layerId);
  const record = records.find((r) => r.id === active) ?? records[0];
  if (!record) return null;
  const stored = await loadPlan(record.id);
  if (!stored) return null;
  const { plan, problems } = planFromJson(stored.plan, layer);
  return { plan, revision: stored.record.revision, problems: problems.map(String) };
}
