import { create } from 'zustand';
import { edit, type Command, type PlanChange } from '../core/plan/commands';
import { newTerritory, type BalanceMetric } from '../core/plan/plan';
import { DEFAULT_WORKLOAD, type WorkloadSettings } from '../core/metrics/workload';
import { getSetting, setSetting } from '../storage/dataset-store';
import { distinctColors, territoryNeighbours } from '../core/plan/distinct-colors';
import { openPlanSession, type PlanSession } from '../core/plan/plan-session';
import { COUNTIES_LAYER_ID, loadShippedLayer, STATES_LAYER_ID, ZIP_AREAS_LAYER_ID } from '../core/units/layers';
import { buildUnitLayer, type UnitLayer } from '../core/units/unit-layer';
import type { Topology } from 'topojson-specification';
import { listLayers, loadLayer as loadStoredLayer, saveLayer } from '../storage/layer-store';
import { getActivePlanId, listPlans } from '../storage/plan-store';
import { shapesWorker } from '../workers/shapes.api';

/** A built-in layer id, or `custom:<file name>` for boundaries the user imported this session. */
export type PlanLayerId = string;
export interface LayerLabel {
  one: string;
  many: string;
  menu: string;
}
const BUILT_IN_LABELS: Record<string, LayerLabel> = {
  [STATES_LAYER_ID]: { one: 'state', many: 'states', menu: 'States' },
  [COUNTIES_LAYER_ID]: { one: 'county', many: 'counties', menu: 'Counties' },
  [ZIP_AREAS_LAYER_ID]: { one: 'ZIP area', many: 'ZIP areas', menu: 'ZIP areas (approximate)' },
};

/**
 * The user's boundary layers by layer id: listed from IndexedDB when territories first open, their
 * units built from the stored topology the first time one is chosen.
 */
const customLayers = new Map<string, { label: LayerLabel; layer: UnitLayer | null; objectName?: string }>();
const customLabel = (fileName: string): LayerLabel => ({ one: 'unit', many: 'units', menu: `Your boundaries: ${fileName}` });

export function layerLabel(id: PlanLayerId): LayerLabel {
  return BUILT_IN_LABELS[id] ?? customLayers.get(id)?.label ?? { one: 'unit', many: 'units', menu: id };
}

export function layerChoices(): PlanLayerId[] {
  return [...Object.keys(BUILT_IN_LABELS), ...customLayers.keys()];
}

let storedLayersListed: Promise<void> | null = null;
/** Reads the list of stored boundary layers once; a storage failure leaves only the built-in ones. */
const listStoredLayers = (): Promise<void> =>
  (storedLayersListed ??= listLayers()
    .then((records) => {
      for (const r of records) if (!customLayers.has(r.id)) customLayers.set(r.id, { label: customLabel(r.fileName), layer: null });
    })
    .catch(() => undefined));

const loadLayer = async (id: PlanLayerId): Promise<UnitLayer> => {
  const custom = customLayers.get(id);
  if (custom) {
    if (custom.layer) return custom.layer;
    const record = await loadStoredLayer(id);
    if (!record) throw new Error(`The boundary layer ${custom.label.menu} is no longer stored; import its file again.`);
    custom.layer = buildUnitLayer(record.topology, { layerId: id, objectName: record.objectName });
    custom.objectName = record.objectName;
    return custom.layer;
  }
  // Parsing and building 33,000 ZIP areas is heavy: the shapes worker does it; the page builds
  // only when no worker can (an old browser, a failed load).
  try {
    return await shapesWorker().builtInLayer(id);
  } catch {
    return loadShippedLayer(id);
  }
};

/** How a worker can build the same units: a shipped layer by its id, the user's own from its topology. */
export function layerSource(layer: UnitLayer): { layerId: string; custom?: { layerId: string; topology: Topology; objectName: string } } {
  const custom = customLayers.get(layer.layerId);
  return custom?.objectName ? { layerId: layer.layerId, custom: { layerId: layer.layerId, topology: layer.topology, objectName: custom.objectName } } : { layerId: layer.layerId };
}

/** The layer of the plan last worked on, so a reload reopens it; counties when there is none. */
async function lastLayerId(): Promise<PlanLayerId | null> {
  try {
    const active = await getActivePlanId();
    const record = active ? (await listPlans()).find((r) => r.id === active) : undefined;
    if (record && (BUILT_IN_LABELS[record.layerId] || customLayers.has(record.layerId))) return record.layerId;
  } catch {
    // no storage: start on the default layer
  }
  return null;
}
import { useDataStore } from './data-store';
import { useTabStore } from './tab-store';
import { loadStoredPlan, PlanAutosave } from './plan-autosave';

/** Territory colours: distinct, readable under account dots, and not the segment colours. */
export const TERRITORY_COLORS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe', '#008080', '#9a6324', '#800000'];

type Listener = (change: PlanChange) => void;
const listeners = new Set<Listener>();

/** The map (and anything else drawing the plan) hears every change, undo and redo included. */
export function onPlanChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

interface PlanState {
  open: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  session: PlanSession | null;
  layerId: PlanLayerId;
  /** bumps on every change so components re-read figures */
  version: number;
  activeId: string | null;
  erasing: boolean;
  /** why the last edit did less than asked */
  note: string | null;
  openTerritories(): Promise<void>;
  /** switches the units painted; each layer has its own plan */
  setLayer(id: PlanLayerId): Promise<void>;
  /** adds the user's own boundaries as a layer and switches to it */
  addCustomLayer(fileName: string, topology: Topology, objectName: string): Promise<void>;
  close(): void;
  /** `stroke` groups a brush stroke's paints into one undo step */
  paint(units: number[], stroke?: string): void;
  brushing: boolean;
  setBrushing(on: boolean): void;
  /** while on, dragging draws a loop and the units inside it are painted (one undo step) */
  lassoing: boolean;
  setLassoing(on: boolean): void;
  /** while on, a click (or brush, or box) locks or unlocks units instead of painting them */
  locking: boolean;
  setLocking(on: boolean): void;
  setTolerance(pct: number): void;
  addTerritory(): void;
  rename(id: string, name: string): void;
  recolor(id: string, color: string): void;
  /** merges the territory into another (its units and pins move there) */
  merge(sourceId: string, targetId: string): void;
  setBalanceMetric(metric: BalanceMetric): void;
  workload: WorkloadSettings;
  /** stores the settings and recomputes every figure with them (the undo history starts afresh) */
  setWorkload(settings: WorkloadSettings): Promise<void>;
  setRep(id: string, repId: string | null): void;
  setQuota(id: string, quota: number | null): void;
  setLocked(id: string, locked: boolean): void;
  /** recolours so that touching territories differ (one undoable step) */
  distinctColors(): void;
  highlightUnassigned: boolean;
  setHighlightUnassigned(on: boolean): void;
  /** pins an account (by id) to a territory; null unpins it */
  pin(accountId: string, territoryId: string | null): void;
  remove(id: string): void;
  setActive(id: string): void;
  setErasing(on: boolean): void;
  undo(): void;
  redo(): void;
  /** runs a prepared edit (a generated plan, a drawn-shape edit) as one undo step; `note` is shown after it */
  applyCommand(cmd: Command, note?: string): void;
}

let sequence = 0;
let autosave: PlanAutosave | null = null;

const autosaveRevision = (): number => autosave?.revision ?? 0;

/** Saves the open plan now (tests and page unload); resolves once it is stored. */
export function flushPlan(): Promise<void> {
  return autosave?.flush() ?? Promise.resolve();
}

export const usePlanStore = create<PlanState>((set, get) => {
  const bump = (note?: string) => {
    set((s) => ({ version: s.version + 1, note: note ?? null }));
    if (useTabStore.getState().isPrimary) autosave?.changed();
    else set({ note: 'This tab is read-only (the app is open in another tab): edits here are not saved.' });
  };
  const run = (cmd: Parameters<PlanSession['history']['do']>[0], group?: string) => {
    const session = get().session;
    if (!session) return;
    const r = session.history.do(cmd, undefined, group);
    if (r.inverse || r.note) bump(r.note);
  };
  return {
    open: false,
    status: 'idle',
    error: null,
    session: null,
    layerId: COUNTIES_LAYER_ID,
    version: 0,
    activeId: null,
    erasing: false,
    brushing: false,
    lassoing: false,
    locking: false,
    highlightUnassigned: false,
    workload: DEFAULT_WORKLOAD,
    note: null,

    async openTerritories() {
      set({ open: true });
      const dataset = useDataStore.getState().dataset;
      if ((get().session && get().status !== 'loading') || !dataset) return;
      set({ status: 'loading' });
      try {
        if (!storedLayersListed) {
          await listStoredLayers();
          const last = await lastLayerId();
          if (last && last !== get().layerId) set({ layerId: last });
        }
        const layer = await loadLayer(get().layerId);
        const current = get().session?.layer.layerId === layer.layerId ? get().session : null;
        const stored = current ? null : await loadStoredPlan(layer);
        const savedWorkload = await getSetting('workload').catch(() => undefined);
        if (savedWorkload) set({ workload: savedWorkload });
        const plan = current?.plan ?? stored?.plan;
        // Accounts inside the plan's drawn shapes are found in the shapes worker, not on the page.
        const shapeOfAccount = plan && plan.shapes.length > 0 ? await shapesWorker().assign(dataset.accounts, plan.shapes.map((s) => s.geometry)).catch(() => undefined) : undefined;
        const session = openPlanSession({
          layer,
          accounts: dataset.accounts,
          reps: dataset.reps,
          shapeOfAccount,
          plan,
          settings: get().workload,
          onChange: (change) => listeners.forEach((l) => l(change)),
        });
        await autosave?.flush();
        autosave = new PlanAutosave(session.plan, layer, current ? autosaveRevision() : stored?.revision ?? 0, (message) => set({ note: `The plan could not be saved: ${message}` }));
        const note = stored?.problems.length ? `Some of the stored plan could not be kept: ${stored.problems.join('; ')}` : null;
        set({ session, status: 'ready', version: 0, note, activeId: session.plan.territories[0]?.id ?? null });
      } catch (e) {
        set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      }
    },

    close: () => set({ open: false }),

    async addCustomLayer(fileName, topology, objectName) {
      const layerId = `custom:${fileName}`;
      const layer = buildUnitLayer(topology, { layerId, objectName });
      customLayers.set(layerId, { layer, label: customLabel(fileName), objectName });
      let note: string | null = null;
      if (useTabStore.getState().isPrimary) {
        await saveLayer({ id: layerId, fileName, objectName, topology, unitCount: layer.count, savedAt: Date.now() }).catch((e: unknown) => {
          note = `The boundaries could not be stored (${e instanceof Error ? e.message : String(e)}): they stay available until the page is reloaded.`;
        });
      }
      set({ layerId: '' });
      await get().setLayer(layerId);
      if (note) set({ note });
    },

    async setLayer(layerId) {
      if (layerId === get().layerId) return;
      set({ layerId, session: null, activeId: null });
      await get().openTerritories();
    },

    paint(units, stroke) {
      const { activeId, erasing, locking, session } = get();
      if (locking && session) {
        // The first unit decides: lock them all, or unlock them all.
        run(edit.lockUnits(units, session.plan.lockedUnits[units[0]] !== 1), stroke);
        return;
      }
      if (erasing) run(edit.erase(units), stroke);
      else if (activeId) run(edit.paint(units, activeId), stroke);
      else set({ note: 'Create or pick a territory first, then click units to give them to it.' });
    },

    addTerritory() {
      const session = get().session;
      if (!session) return;
      const n = session.plan.territories.length;
      const id = `t-${Date.now().toString(36)}-${sequence++}`;
      run(edit.create(newTerritory(id, `Territory ${n + 1}`, TERRITORY_COLORS[n % TERRITORY_COLORS.length])));
      set({ activeId: id, erasing: false });
    },

    rename: (id, name) => run(edit.rename(id, name)),
    recolor: (id, color) => run(edit.recolor(id, color)),
    merge(sourceId, targetId) {
      run(edit.merge([sourceId], targetId));
      if (get().activeId === sourceId) set({ activeId: targetId });
    },
    async setWorkload(workload) {
      set({ workload });
      if (useTabStore.getState().isPrimary) await setSetting('workload', workload).catch(() => undefined);
      if (get().session) {
        set({ status: 'loading' });
        await get().openTerritories();
      }
    },

    setBalanceMetric(metric) {
      const session = get().session;
      if (!session) return;
      // What the bar chart compares is a view setting stored with the plan, not an edit to undo.
      session.plan.balance = { ...session.plan.balance, metric };
      bump();
    },
    setRep(id, repId) {
      run(edit.setRep(id, repId));
    },
    setQuota: (id, quota) => run(edit.setQuota(id, quota)),
    setLocked: (id, locked) => run(edit.lockTerritory(id, locked)),
    distinctColors() {
      const session = get().session;
      if (!session) return;
      const { plan, layer } = session;
      const colors = distinctColors(territoryNeighbours(layer, plan), plan.territories.map((t) => t.color), TERRITORY_COLORS);
      const commands = plan.territories.filter((t, i) => t.color !== colors[i]).map((t) => edit.recolor(t.id, colors[plan.territories.indexOf(t)]));
      if (commands.length > 0) run({ kind: 'batch', commands });
      else set({ note: 'Touching territories already have different colours.' });
    },
    setHighlightUnassigned: (highlightUnassigned) => set({ highlightUnassigned }),
    pin: (accountId, territoryId) => run(territoryId ? edit.pin(accountId, territoryId) : edit.unpin(accountId)),
    remove(id) {
      run(edit.remove(id));
      if (get().activeId === id) set({ activeId: get().session?.plan.territories[0]?.id ?? null });
    },
    setActive: (activeId) => set({ activeId, erasing: false, locking: false }),
    setErasing: (erasing) => set({ erasing, locking: false }),
    setBrushing: (brushing) => set(brushing ? { brushing, lassoing: false } : { brushing }),
    setLassoing: (lassoing) => set(lassoing ? { lassoing, brushing: false } : { lassoing }),
    setLocking: (locking) => set({ locking, erasing: false }),
    setTolerance(pct) {
      const session = get().session;
      if (!session || !(pct >= 0)) return;
      session.plan.balance = { ...session.plan.balance, tolerancePct: pct };
      bump();
    },
    undo() {
      if (get().session?.history.undo()) bump();
    },
    redo() {
      if (get().session?.history.redo()) bump();
    },
    applyCommand(cmd, note) {
      run(cmd);
      if (note) set({ note });
      // a generated plan replaces territories: keep a territory selected to paint and draw with
      const { session, activeId } = get();
      if (session && !session.plan.territories.some((t) => t.id === activeId)) set({ activeId: session.plan.territories[0]?.id ?? null });
    },
  };
});

// A new data set invalidates the joins and figures of the open plan.
useDataStore.subscribe((s, prev) => {
  if (s.dataset !== prev.dataset && usePlanStore.getState().session) {
    usePlanStore.setState({ session: null, status: 'idle', activeId: null });
    if (usePlanStore.getState().open) void usePlanStore.getState().openTerritories();
  }
});
