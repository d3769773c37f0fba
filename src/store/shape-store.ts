import { create } from 'zustand';
import type { LineString, Polygon } from 'geojson';
import { edit, type Command } from '../core/plan/commands';
import { territoryIndex } from '../core/plan/plan';
import { repairShape, type ShapeGeometry } from '../core/shapes';
import type { ShapeEditRequest } from '../core/shapes/edit-service';
import { territoryOfAccounts } from '../core/export/territory-of-account';
import { territoryOutlines } from '../core/units/outline';
import type { ShapeTool } from '../map/shape-draw';
import { shapesWorker, type CheckResult } from '../workers/shapes.api';
import { useDataStore } from './data-store';
import { layerSource, onPlanChange, TERRITORY_COLORS, usePlanStore } from './plan-store';

/**
 * Drawn territories: the drawing tool, the selected shape, and the overlaps-and-gaps check. Every
 * edit becomes one plan command (so the plan's undo covers it); geometry that cannot be repaired
 * is refused with a message and the plan is left as it was.
 */
interface ShapeState {
  tool: ShapeTool;
  setTool(tool: ShapeTool): void;
  selectedId: string | null;
  setSelected(id: string | null): void;
  /** selects a shape from the panel (the map follows: `selectRequest` bumps) */
  selectFromList(id: string): void;
  selectRequest: number;
  /** bumps when the map must show the plan's shapes again (an edit was refused) */
  resync: number;
  drawn(tool: Exclude<ShapeTool, 'select'>, geometry: Polygon | LineString): void;
  edited(shapeId: string, geometry: ShapeGeometry): void;
  deleted(shapeIds: string[]): void;
  deleteSelected(): void;
  moveSelectedTo(territoryId: string): void;
  selectedToUnits(): Promise<void>;
  outlineTerritory(territoryId: string): Promise<void>;
  check: { status: 'idle' | 'running' | 'ready' | 'error'; result: CheckResult | null; error: string | null };
  /** finds overlaps and gaps in the worker; re-runs by itself after later edits while a result is shown */
  runCheck(): Promise<void>;
  closeCheck(): void;
  resolve(overlapIndex: number, winnerTerritoryId: string): Promise<void>;
  fillGaps(): Promise<void>;
}

let sequence = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${sequence++}`;
const note = (message: string) => usePlanStore.setState({ note: message });
const run = (cmd: Command, message?: string) => usePlanStore.getState().applyCommand(cmd, message);


/**
 * Builds an edit in the shapes worker (clipping can be slow or fail on awkward input, so it never
 * runs on the page) and applies it as one undo step, unless the plan moved on meanwhile.
 */
async function inWorker(req: ShapeEditRequest): Promise<boolean> {
  const session = usePlanStore.getState().session;
  if (!session) return false;
  const version = usePlanStore.getState().version;
  const r = await shapesWorker().edit(layerSource(session.layer), req);
  if (usePlanStore.getState().session !== session) return false;
  if (usePlanStore.getState().version !== version) {
    note('The plan changed while that edit was being prepared; nothing was applied. Try again.');
    return false;
  }
  if (!r.ok) {
    note(r.error);
    return false;
  }
  run(r.value, r.notes.join('; ') || undefined);
  return true;
}

export const useShapeStore = create<ShapeState>((set, get) => ({
  tool: 'select',
  setTool: (tool) => set({ tool }),
  selectedId: null,
  setSelected: (selectedId) => set({ selectedId }),
  selectRequest: 0,
  selectFromList: (selectedId) => set((s) => ({ selectedId, tool: 'select', selectRequest: s.selectRequest + 1 })),
  resync: 0,

  drawn(tool, geometry) {
    set({ tool: 'select' });
    const session = usePlanStore.getState().session;
    if (!session) return;
    const plan = session.plan;
    const preferredShapeId = get().selectedId;
    if (tool === 'split') {
      if (geometry.type !== 'LineString') return;
      const ids = { shapes: [newId('s'), newId('s'), newId('s'), newId('s')], territory: newId('t'), color: TERRITORY_COLORS[plan.territories.length % TERRITORY_COLORS.length] };
      void inWorker({ op: 'split', plan, line: geometry, preferredShapeId, ids });
      return;
    }
    if (tool === 'hole') {
      void inWorker({ op: 'hole', plan, hole: geometry, preferredShapeId });
      return;
    }
    const repaired = repairShape(geometry);
    if (!repaired.ok) {
      note(`The drawing was not kept: ${repaired.error}`);
      return;
    }
    const fixes = repaired.notes.length > 0 ? ` (${repaired.notes.join('; ')})` : '';
    const activeId = usePlanStore.getState().activeId;
    if (!activeId || territoryIndex(plan, activeId) < 0) {
      note('Create or pick a territory first, then draw its shape.');
      return;
    }
    run(edit.addShape({ id: newId('s'), territoryId: activeId, geometry: repaired.value }), fixes ? `Shape added${fixes}.` : undefined);
    set({ selectedId: null });
  },

  edited(shapeId, geometry) {
    const repaired = repairShape(geometry);
    if (!repaired.ok) {
      note(`The edit was undone: ${repaired.error}`);
      set((s) => ({ resync: s.resync + 1 }));
      return;
    }
    run(edit.reshape(shapeId, repaired.value));
    set((s) => ({ resync: s.resync + 1 }));
  },

  deleted(shapeIds) {
    run({ kind: 'batch', commands: shapeIds.map((id) => edit.removeShape(id)) });
    set((s) => ({ selectedId: shapeIds.includes(s.selectedId ?? '') ? null : s.selectedId, resync: s.resync + 1 }));
  },

  deleteSelected() {
    const id = get().selectedId;
    if (id) get().deleted([id]);
  },

  moveSelectedTo(territoryId) {
    const id = get().selectedId;
    if (id) run(edit.moveShapeTo(id, territoryId));
  },

  async selectedToUnits() {
    const session = usePlanStore.getState().session;
    const id = get().selectedId;
    if (!session || !id) return;
    if (await inWorker({ op: 'toUnits', plan: session.plan, shapeId: id })) set({ selectedId: null });
  },

  async outlineTerritory(territoryId) {
    const session = usePlanStore.getState().session;
    if (session) await inWorker({ op: 'outline', plan: session.plan, territoryId, shapeId: newId('s') });
  },

  check: { status: 'idle', result: null, error: null },

  async runCheck() {
    const session = usePlanStore.getState().session;
    const table = useDataStore.getState().dataset?.accounts;
    if (!session || !table) return;
    set((s) => ({ check: { ...s.check, status: 'running', error: null } }));
    try {
      const { plan, layer, join, stats } = session;
      const unitOutlines = territoryOutlines(layer, plan.assignment, plan.territories.length);
      const owner = territoryOfAccounts(table, plan, { unitOfAccount: join.unitOfAccount, shapeOwner: stats.shapeOwnerOf });
      const result = await shapesWorker().check(table, { plan, unitOutlines, unitOfAccount: join.unitOfAccount, ownerOfAccount: owner.territory });
      if (usePlanStore.getState().session !== session) return;
      set({ check: { status: 'ready', result, error: null } });
    } catch (e) {
      set({ check: { status: 'error', result: null, error: e instanceof Error ? e.message : String(e) } });
    }
  },

  closeCheck: () => set({ check: { status: 'idle', result: null, error: null } }),

  async resolve(i, winnerTerritoryId) {
    const session = usePlanStore.getState().session;
    const overlap = get().check.result?.overlaps[i];
    if (session && overlap) await inWorker({ op: 'resolve', plan: session.plan, overlap, winnerTerritoryId });
  },

  async fillGaps() {
    const session = usePlanStore.getState().session;
    const gaps = get().check.result?.gaps;
    if (session && gaps) await inWorker({ op: 'fillGaps', plan: session.plan, gaps });
  },
}));

// A shown check follows the plan: after any edit (undo included) it runs again, a moment later.
let recheck: ReturnType<typeof setTimeout> | null = null;
onPlanChange(() => {
  if (useShapeStore.getState().check.status === 'idle') return;
  if (recheck) clearTimeout(recheck);
  recheck = setTimeout(() => void useShapeStore.getState().runCheck(), 300);
});
// A new session (layer switch, new data) leaves nothing selected and no stale check.
usePlanStore.subscribe((s, prev) => {
  if (s.session !== prev.session) useShapeStore.setState({ selectedId: null, tool: 'select', check: { status: 'idle', result: null, error: null } });
});
