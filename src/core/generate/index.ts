/**
 * Territory generation, balancing and rebalancing (issue 6). Plain data in, plain data out, so a
 * Web Worker can wrap every function as is. See docs/OPTIMIZER.md.
 */
export { generateTerritories } from './generate';
export { rebalanceTerritories } from './rebalance';
export { explainTerritory, type SuggestedMove } from './explain';
export { movedAccounts, movedUnits } from './moves';
export { unitGraphOf, withPinsFixed } from './inputs';
export { hungarian, matchTerritories } from './hungarian';
export type * from './types';
