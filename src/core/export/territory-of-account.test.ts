import { describe, expect, it } from 'vitest';
import { applyCommand, edit } from '../plan/commands';
import { createPlan, newTerritory, type Plan } from '../plan/plan';
import { TerritoryStats } from '../plan/territory-stats';
import { account, makeWorld, mulberry32, randomWorld } from '../plan/world-fixture';
import { gridTopology } from '../units/grid-fixture';
import { buildUnitLayer } from '../units/unit-layer';
import { OwnerVia, territoryOfAccounts } from './territory-of-account';

// 2×2 grid of 0.1° cells: unit 0 = c00, 1 = c10, 2 = c01, 3 = c11
const layer = buildUnitLayer(gridTopology(2, 2), { layerId: 'grid', objectName: 'cells' });
const world = makeWorld(layer, [
  account('in-A', 0.05, 0.05), // c00 → A
  account('pinned', 0.15, 0.05), // c10 → A, pinned to B
  account('in-B', 0.05, 0.15), // c01 → B
  account('unassigned', 0.15, 0.15), // c11, no territory
  account('nowhere', 5, 5), // in no unit
  account('in-A', 0.05, 0.05), // a repeated id: pins apply to the first row only
  account('stale-pin', 0.05, 0.05), // pinned to a territory that no longer exists
]);

function plan(): Plan {
  const p = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
  applyCommand(p, edit.create(newTerritory('A', 'A', '#000')));
  applyCommand(p, edit.create(newTerritory('B', 'B', '#111')));
  applyCommand(p, edit.paint([0, 1], 'A'));
  applyCommand(p, edit.paint([2], 'B'));
  applyCommand(p, edit.pin('pinned', 'B'));
  applyCommand(p, edit.pin('in-A', 'B'));
  p.pins.set('stale-pin', 'gone');
  p.pins.set('not-an-account', 'A');
  return p;
}

describe('territoryOfAccounts', () => {
  it('takes a pin first, then the unit; stale pins and accounts in no unit fall through', () => {
    const own = territoryOfAccounts(world.table, plan(), { unitOfAccount: world.ctx.unitOfAccount });
    expect([...own.territory]).toEqual([1, 1, 1, -1, -1, 0, 0]);
    expect([...own.via]).toEqual([OwnerVia.Pin, OwnerVia.Pin, OwnerVia.Unit, OwnerVia.None, OwnerVia.None, OwnerVia.Unit, OwnerVia.Unit]);
  });

  it('puts drawn shapes (the hook) between pins and units', () => {
    // a shape claiming every account for A: pins still win, units lose
    const own = territoryOfAccounts(world.table, plan(), { unitOfAccount: world.ctx.unitOfAccount, shapeOwner: (row) => (row === 4 ? 7 : 0) });
    expect([...own.territory]).toEqual([1, 1, 0, 0, -1, 0, 0]);
    expect(own.via[2]).toBe(OwnerVia.Shape);
    expect(own.via[4]).toBe(OwnerVia.None); // a territory index that does not exist is no owner
  });

  it('agrees with the territory figures account for account, pins included', () => {
    for (const seed of [1, 2, 3]) {
      const w = randomWorld(seed, 600);
      const rnd = mulberry32(seed);
      const p = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: w.layer.count });
      for (let t = 0; t < 5; t++) applyCommand(p, edit.create(newTerritory(`T${t}`, `T${t}`, '#000')));
      for (let u = 0; u < w.layer.count; u++) if (rnd() < 0.8) applyCommand(p, edit.paint([u], `T${Math.floor(rnd() * 5)}`));
      for (let i = 0; i < 40; i++) applyCommand(p, edit.pin(`A${Math.floor(rnd() * 600)}`, `T${Math.floor(rnd() * 5)}`));
      const stats = new TerritoryStats(w.ctx, p);
      const own = territoryOfAccounts(w.table, p, { unitOfAccount: w.ctx.unitOfAccount, accountIndex: w.ctx.accountIndex });
      const counts = new Array(5).fill(0);
      let none = 0;
      for (const t of own.territory) (t >= 0 ? counts[t]++ : none++);
      expect(counts).toEqual([0, 1, 2, 3, 4].map((t) => stats.figures(t).accounts));
      expect(none).toBe(stats.unassigned().accounts);
    }
  });

  it('refuses a join made for another table', () => {
    expect(() => territoryOfAccounts(world.table, plan(), { unitOfAccount: new Int32Array(2) })).toThrow();
  });
});
