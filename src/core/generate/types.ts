/**
 * Inputs and outputs of the territory generator and rebalancer (docs/OPTIMIZER.md).
 *
 * Everything is plain data and typed arrays so a Web Worker can receive it by structured clone or
 * transfer: a `UnitLayer` satisfies `UnitGraph` as it is, and a worker can rebuild one from its
 * arrays without the geometry.
 */

/** The part of a UnitLayer the optimizer reads: the graph, the centroids, areas and shared-arc lengths. */
export interface UnitGraph {
  count: number;
  /** CSR adjacency (islands already bridged): "contiguous" means connected in this graph */
  adjStart: Uint32Array;
  adj: Uint32Array;
  /** [lon, lat] per unit */
  centroid: Float64Array;
  areaKm2: Float64Array;
  /** units on either side of each arc, -1 = outside; with the unit's arcs (CSR) they give boundary lengths */
  arcLeft: Int32Array;
  arcRight: Int32Array;
  unitArcStart: Uint32Array;
  unitArcs: Uint32Array;
  arcs: { lengthKm: Float64Array };
}

/**
 * One figure to balance. `values` are per unit with pinned accounts already taken out; the pinned
 * accounts' values are added to the territory they are pinned to through `fixedOffset` (per
 * territory), so they count for the balance but never move with a unit.
 */
export interface BalanceTerm {
  /** for reports: 'potential', 'revenue', 'workload', 'accounts', … */
  name: string;
  values: Float64Array;
  /** relative importance when balancing several figures (default 1) */
  weight?: number;
  /** the hard goal: every adjustable territory within ±tolerancePct % of the mean */
  tolerancePct: number;
  /** per territory (length ≥ k): value already counted to it (pinned accounts); default 0 */
  fixedOffset?: Float64Array;
}

/** Classification counts per unit, unit-major (counts[u * classes + c]), e.g. UnitAggregates.classifications. */
export interface ClassMix {
  counts: ArrayLike<number>;
  classes: number;
  labels?: string[];
  /** weight of the soft "same mix as the whole scope" term (default 0.2) */
  weight?: number;
  /** class codes not taken into account (e.g. 0 = empty classification) */
  ignore?: number[];
}

/** How many territories: a number, one per rep (each contains its rep's home unit), or as many as a capacity needs. */
export type TerritoryCount =
  | { k: number }
  /** repHomes[t] = home unit of territory t (−1 = none, e.g. a frozen territory); k = repHomes.length */
  | { repHomes: Int32Array }
  /** fewest territories such that none exceeds `max` of metrics[metric] (e.g. 1,800 workload hours) */
  | { capacity: { metric: number; max: number } };

export interface CommonInput {
  graph: UnitGraph;
  /** figures to balance (at least one) */
  metrics: BalanceTerm[];
  /** 1 = the optimizer may (re)assign this unit; default: every unit */
  scope?: Uint8Array;
  /**
   * The plan as it is: unit → territory index of the result (−1 none). Units out of scope, locked
   * units and units of frozen territories keep their territory and still count for it.
   */
  current?: Int32Array;
  /** unit → 1 when locked (keeps its current territory) */
  lockedUnits?: Uint8Array;
  /** territories that must not change at all: locked territories and drawn-shape ("fixed") ones */
  frozenTerritories?: ArrayLike<number>;
  /** 0 = balance first … 1 = compact first (default 0.5); tolerance stays a hard goal either way */
  compactness?: number;
  mix?: ClassMix;
  /** same seed + same input = same result (default 1) */
  seed?: number;
  /** bound on improvement passes; the default suits 33,000 units × 300 territories */
  maxPasses?: number;
}

export interface GenerateInput extends CommonInput {
  territories: TerritoryCount;
  /** Lloyd-like re-centering rounds of the seeds before local search (default 2) */
  recenterRounds?: number;
  /** independent starts, the best objective kept (default: by size, 1 for 30,000 units × 300 territories) */
  restarts?: number;
}

export interface RebalanceInput extends CommonInput {
  current: Int32Array;
  /** k: territories in the plan */
  territoryCount: number;
  /**
   * What a move costs. `values` per unit (default: metrics[0].values), e.g. revenue; `maxMovedPct`
   * caps the total moved as % of the scope's total (default: no cap). The cap wins over tolerance.
   * `accounts` per unit (optional) only feeds the report.
   */
  disruption?: { name?: string; values?: Float64Array; maxMovedPct?: number; accounts?: ArrayLike<number> };
}

export interface Hooks {
  /** fraction 0..1 and the phase being run */
  onProgress?: (fraction: number, phase: string) => void;
  /** checked often; true = stop and return the best plan so far (`stopped: true`) */
  shouldStop?: () => boolean;
  signal?: AbortSignal;
}

export type Diagnosis =
  | { kind: 'unitHeavierThanTarget'; unit: number; metric: string; valuePctOfTarget: number; message: string }
  | { kind: 'disconnectedScope'; components: number; unitsOutsideMain: number; message: string }
  | { kind: 'tooFewUnits'; units: number; territories: number; message: string }
  | { kind: 'locksExceedTarget'; territory: number; metric: string; deviationPct: number; message: string }
  | { kind: 'lockedUnassigned'; units: number; message: string }
  | { kind: 'toleranceMissed'; metric: string; maxDeviationPct: number; tolerancePct: number; overByPct: number; message: string }
  | { kind: 'capacityExceeded'; metric: string; maxValue: number; capacity: number; message: string }
  | { kind: 'disruptionCapReached'; movedPct: number; capPct: number; message: string };

export interface TerritoryOutcome {
  /** per metric, in the order of `metrics`, fixed offsets included */
  values: Float64Array;
  /** per metric, (value − target) / target × 100 */
  deviationPct: Float64Array;
  units: number;
  areaKm2: number;
  perimeterKm: number;
  /** 4πA/P², NaN when empty */
  polsbyPopper: number;
  /** connected pieces in the unit graph */
  parts: number;
  frozen: boolean;
  /** 1 = the same classification mix as the whole scope, 0 = nothing in common; NaN without mix input */
  mixSimilarity: number;
}

export interface Outcome {
  /** unit → territory index (0..k−1), −1 only for units outside scope that had none */
  assignment: Int32Array;
  k: number;
  /** per metric: the mean over adjustable (non-frozen) territories the deviations refer to */
  targets: Float64Array;
  territories: TerritoryOutcome[];
  /** per metric, max |deviation| over adjustable territories, % */
  maxDeviationPct: Float64Array;
  withinTolerance: boolean;
  /** in-scope units with no territory (0 unless locked while unassigned) */
  unassignedUnits: number;
  /** territories in more than one piece */
  noncontiguous: number;
  polsbyPopperMean: number;
  /** mean mixSimilarity over adjustable territories (NaN without mix input) */
  mixSimilarityMean: number;
  diagnoses: Diagnosis[];
  /** cancelled through the hooks: the result is the best plan found so far */
  stopped: boolean;
  moves: number;
  ms: number;
}

export interface MovedUnits {
  units: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

export interface TerritoryDisruption {
  unitsIn: number;
  unitsOut: number;
  accountsIn: number;
  accountsOut: number;
  valueIn: number;
  valueOut: number;
}

export interface RebalanceOutcome extends Outcome {
  moved: MovedUnits;
  /** Σ disruption values of moved units, and as % of the scope's total */
  movedValue: number;
  movedPct: number;
  movedAccounts: number;
  perTerritory: TerritoryDisruption[];
  capReached: boolean;
}
