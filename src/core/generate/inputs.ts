import type { UnitLayer } from '../units/unit-layer';
import type { UnitGraph } from './types';

/**
 * Only the arrays the optimizer reads, so a worker receives typed arrays (transferable or cheap
 * to clone) rather than the layer's topology and rings.
 */
export function unitGraphOf(layer: UnitLayer): UnitGraph {
  return {
    count: layer.count,
    adjStart: layer.adjStart,
    adj: layer.adj,
    centroid: layer.centroid,
    areaKm2: layer.areaKm2,
    arcLeft: layer.arcLeft,
    arcRight: layer.arcRight,
    unitArcStart: layer.unitArcStart,
    unitArcs: layer.unitArcs,
    arcs: { lengthKm: layer.arcs.lengthKm },
  };
}

/**
 * Pinned accounts out of the units, into their territories: per-unit sums of one account figure
 * without the pinned accounts (they never move with a unit), and per-territory offsets holding the
 * pinned accounts' values (they count for the territory they are pinned to). NaN (empty cell) is
 * skipped, as UnitAggregates does. `pins` are account rows with the territory index they are pinned
 * to; pass the result as BalanceTerm.values / fixedOffset.
 */
export function withPinsFixed(
  accountValues: ArrayLike<number>,
  unitOfAccount: Int32Array,
  unitCount: number,
  k: number,
  pins: Iterable<{ row: number; territory: number }>,
): { values: Float64Array; fixedOffset: Float64Array } {
  const values = new Float64Array(unitCount);
  for (let i = 0; i < unitOfAccount.length; i++) {
    const u = unitOfAccount[i];
    const v = accountValues[i];
    if (u >= 0 && v === v) values[u] += v;
  }
  const fixedOffset = new Float64Array(k);
  for (const { row, territory } of pins) {
    const v = accountValues[row];
    if (!(v === v)) continue;
    const u = unitOfAccount[row];
    if (u >= 0) values[u] -= v;
    if (territory >= 0 && territory < k) fixedOffset[territory] += v;
  }
  return { values, fixedOffset };
}
