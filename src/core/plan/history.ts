import { applyCommand, type ApplyResult, type Command, type PlanListener } from './commands';
import type { Plan } from './plan';

interface Entry {
  label: string;
  /** the command that undoes (on the undo stack) or redoes (on the redo stack) this step */
  command: Command;
  /** steps with the same group key that follow each other become one undo step (a brush stroke) */
  group?: string;
}

/**
 * Undo/redo for one plan within a session: two stacks of inverse commands.
 *
 * How the UI store uses it: every edit goes through `history.do(command, label)`; Ctrl+Z calls
 * `undo()`, Ctrl+Shift+Z `redo()`. A brush stroke passes the same `group` for every unit it paints
 * so the whole stroke undoes at once. The listener (TerritoryStats.apply plus the map's
 * feature-state updater) sees every change, including those of undo and redo, so derived state
 * never needs a recompute. After each step the store autosaves the plan (not the stacks: history
 * is per session).
 */
export class PlanHistory {
  private readonly undoStack: Entry[] = [];
  private readonly redoStack: Entry[] = [];

  constructor(
    readonly plan: Plan,
    private readonly listener?: PlanListener,
    /** oldest steps are dropped beyond this many */
    private readonly limit = 500,
  ) {}

  do(command: Command, label = describe(command), group?: string): ApplyResult {
    const r = applyCommand(this.plan, command, this.listener);
    if (!r.inverse) return r;
    const top = this.undoStack[this.undoStack.length - 1];
    if (group !== undefined && top?.group === group) {
      // later part of the stroke is undone first
      top.command = { kind: 'batch', commands: [r.inverse, top.command] };
    } else {
      this.undoStack.push({ label, command: r.inverse, group });
      if (this.undoStack.length > this.limit) this.undoStack.shift();
    }
    this.redoStack.length = 0;
    return r;
  }

  undo(): boolean {
    return this.step(this.undoStack, this.redoStack);
  }

  redo(): boolean {
    return this.step(this.redoStack, this.undoStack);
  }

  private step(from: Entry[], to: Entry[]): boolean {
    const e = from.pop();
    if (!e) return false;
    const r = applyCommand(this.plan, e.command, this.listener);
    if (r.inverse) to.push({ label: e.label, command: r.inverse });
    return true;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  /** for the buttons' tooltips: "Undo paint 12 units" */
  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }
  get redoLabel(): string | undefined {
    return this.redoStack[this.redoStack.length - 1]?.label;
  }
}

export function describe(c: Command): string {
  switch (c.kind) {
    case 'assign':
      return c.territoryId === null ? `erase ${c.units.length} unit${c.units.length === 1 ? '' : 's'}` : `paint ${c.units.length} unit${c.units.length === 1 ? '' : 's'}`;
    case 'restore':
      return 'restore units';
    case 'createTerritory':
      return `create ${c.territory.name}`;
    case 'deleteTerritory':
      return 'delete territory';
    case 'updateTerritory':
      return `change ${Object.keys(c.patch).join(', ')}`;
    case 'mergeTerritories':
      return `merge ${c.sourceIds.length + 1} territories`;
    case 'lockUnits':
      return c.locked ? 'lock units' : 'unlock units';
    case 'pin':
      return c.territoryId === null ? 'unpin account' : 'pin account';
    case 'addShape':
      return 'draw shape';
    case 'updateShape':
      return c.geometry ? 'edit shape' : 'move shape to territory';
    case 'removeShape':
      return 'delete shape';
    case 'batch':
      return `${c.commands.length} edits`;
  }
}
