import { create } from 'zustand';
import type { LineString, Polygon } from 'geojson';
import { edit, type Command } from '../core/plan/commands';
import { newTerritory, shapeIndex, territoryIndex } from '../core/plan/plan';
import { clipDifference, fillGapsCommand, polygonsOf, repairShape, resolveOverlapsCommand, shapeBbox, shapeToUnitsCommand, splitShapeCommand, territoryToShapeCommand, toGeometry, type ShapeGeometry } from '../core/shapes';
import { territoryOfAccounts } from '../core/export/territory-of-account';
import { territoryOutlines } from '../core/units/outline';
import type { ShapeTool } from '../map/shape-draw';
import { shapesWorker, type CheckResult } from '../workers/shapes.api';
import { useDataStore } from './data-store';
import { onPlanChange, TERRITORY_COLORS, usePlanStore } from './plan-store';

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
  selectedToUnits(): void;
  outlineTerritory(territoryId: string): void;
  check: { status: 'idle' | 'running' | 'ready' | 'error'; result: CheckResult | null; error: string | null };
  /** finds overlaps and gaps in the worker; re-runs by itself after later edits while a result is shown */
  runCheck(): Promise<void>;
  closeCheck(): void;
  resolve(overlapIndex: number, winnerTerritoryId: string): void;
  fillGaps(): void;
}

let sequence = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${sequence++}`;
const note = (message: string) => usePlanStore.setState({ note: message });
const run = (cmd: Command, message?: string) => usePlanStore.getState().applyCommand(cmd, message);

const bboxesMeet = (a: number[], b: number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const lineBbox = (line: LineString) => {
  const xs = line.coordinates.map((p) => p[0]);
  const ys = line.coordinates.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

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
    if (tool === 'split') {
      if (geometry.type !== 'LineString') return;
      const box = lineBbox(geometry);
      const candidates = plan.shapes.filter((s) => bboxesMeet(shapeBbox(s.geometry), box)).map((s) => s.id);
      const selected = get().selectedId;
      if (selected && candidates.includes(selected)) candidates.unshift(...candidates.splice(candidates.indexOf(selected), 1));
      let lastError = 'The line crosses no drawn shape. To split a territory made of units, first turn it into an outline (Outline as shape).';
      for (const id of candidates) {
        const pieces: string[] = [];
        const r = splitShapeCommand(plan, id, geometry, () => {
          const pid = newId('s');
          pieces.push(pid);
          return pid;
        });
        if (!r.ok) {
          lastError = r.error;
          continue;
        }
        const shape = plan.shapes[shapeIndex(plan, id)];
        const owner = plan.territories[territoryIndex(plan, shape.territoryId)];
        const tid = newId('t');
        const color = TERRITORY_COLORS[plan.territories.length % TERRITORY_COLORS.length];
        run({ kind: 'batch', commands: [r.value, edit.create(newTerritory(tid, `${owner.name} (split)`, color)), ...pieces.map((p) => edit.moveShapeTo(p, tid))] }, `${owner.name} split in ${pieces.length + 1}: the new piece is ${owner.name} (split).`);
        return;
      }
      note(lastError);
      return;
    }
    const repaired = repairShape(geometry);
    if (!repaired.ok) {
      note(`The drawing was not kept: ${repaired.error}`);
      return;
    }
    const fixes = repaired.notes.length > 0 ? ` (${repaired.notes.join('; ')})` : '';
    if (tool === 'hole') {
      const box = shapeBbox(repaired.value);
      const selected = get().selectedId;
      const target = plan.shapes.find((s) => s.id === selected && bboxesMeet(shapeBbox(s.geometry), box)) ?? plan.shapes.find((s) => bboxesMeet(shapeBbox(s.geometry), box));
      if (!target) {
        note('Draw the hole inside a drawn shape.');
        return;
      }
      const cut = clipDifference(polygonsOf(target.geometry), polygonsOf(repaired.value));
      if (!cut.ok) {
        note(`The hole could not be cut: ${cut.error}`);
        return;
      }
      if (cut.value.length === 0) {
        note('That hole would remove the whole shape; delete the shape instead.');
        return;
      }
      const result = repairShape(toGeometry(cut.value));
      if (!result.ok) {
        note(`The hole could not be cut: ${result.error}`);
        return;
      }
      run(edit.reshape(target.id, result.value), 'Hole cut.');
      return;
    }
    const activeId = usePlanStore.getState().activeId;
    if (!activeId || territoryIndex(plan, activeId) < 0) {
      note('Create or pick a territory first, then draw its shape.');
      return;
    }
    const id = newId('s');
    run(edit.addShape({ id, territoryId: activeId, geometry: repaired.value }), fixes ? `Shape added${fixes}.` : undefined);
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

  selectedToUnits() {
    const session = usePlanStore.getState().session;
    const id = get().selectedId;
    if (!session || !id) return;
    const r = shapeToUnitsCommand(session.plan, session.layer, id);
    if (!r.ok) note(r.error);
    else {
      run(r.value, r.notes.join('; ') || undefined);
      set({ selectedId: null });
    }
  },

  outlineTerritory(territoryId) {
    const session = usePlanStore.getState().session;
    if (!session) return;
    const r = territoryToShapeCommand(session.plan, session.layer, territoryId, newId('s'));
    if (!r.ok) note(r.error);
    else run(r.value, r.notes.join('; ') || undefined);
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

  resolve(i, winnerTerritoryId) {
    const session = usePlanStore.getState().session;
    const overlap = get().check.result?.overlaps[i];
    if (!session || !overlap) return;
    const r = resolveOverlapsCommand(session.plan, [{ overlap, winnerTerritoryId }], { layer: session.layer });
    if (!r.ok) note(`The overlap could not be resolved: ${r.error}`);
    else run(r.value, r.notes.join('; ') || undefined);
  },

  fillGaps() {
    const session = usePlanStore.getState().session;
    const gaps = get().check.result?.gaps;
    if (!session || !gaps) return;
    const r = fillGapsCommand(session.plan, session.layer, gaps);
    if (!r.ok) note(r.error);
    else run(r.value, r.notes.join('; ') || undefined);
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
