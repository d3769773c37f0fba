import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { applyCommand, edit } from '../plan/commands';
import { createPlan, newTerritory } from '../plan/plan';
import { ShapeCheckService } from './check-service';

const square = (x: number, y: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

describe('ShapeCheckService', () => {
  it('finds the overlap of two drawn territories with its accounts, and the accounts nobody owns', () => {
    const plan = createPlan({ id: 'p', name: 'p', layerId: 'none', unitCount: 0 });
    applyCommand(plan, edit.create(newTerritory('a', 'A', '#f00')));
    applyCommand(plan, edit.create(newTerritory('b', 'B', '#0f0')));
    applyCommand(plan, edit.addShape({ id: 's1', territoryId: 'a', geometry: square(0, 0, 2) }));
    applyCommand(plan, edit.addShape({ id: 's2', territoryId: 'b', geometry: square(1, 1, 2) }));
    // accounts: one only in A, two in the overlap, one only in B, one outside both
    const lon = Float64Array.from([0.5, 1.5, 1.7, 2.5, 5]);
    const lat = Float64Array.from([0.5, 1.5, 1.2, 2.5, 5]);
    const revenue = Float64Array.from([1, 10, 20, 100, 1000]);
    const service = new ShapeCheckService();
    expect(() => service.check({ plan, unitOutlines: [], unitOfAccount: new Int32Array(5).fill(-1), ownerOfAccount: new Int32Array(5) })).toThrow(/No accounts/);
    service.setAccounts({ lon, lat, revenue });
    const r = service.check({ plan, unitOutlines: [], unitOfAccount: new Int32Array(5).fill(-1), ownerOfAccount: Int32Array.from([0, 0, 0, 1, -1]) });
    expect(r.failed).toEqual([]);
    expect(r.overlaps).toHaveLength(1);
    expect(r.overlaps[0]).toMatchObject({ kind: 'shapes', a: { territoryId: 'a', shapeId: 's1' }, b: { territoryId: 'b', shapeId: 's2' }, accounts: 2, revenue: 30 });
    // one degree square near the equator: ~12,300 km²
    expect(r.overlaps[0].areaKm2).toBeGreaterThan(12_000);
    expect(r.overlaps[0].areaKm2).toBeLessThan(12_500);
    expect(r.gaps.noUnit).toEqual({ accounts: 1, revenue: 1000 });
    // the first shape in plan order holds what both hold
    expect([...service.assign(plan.shapes.map((s) => s.geometry))]).toEqual([0, 0, 0, 1, -1]);
  });
});
