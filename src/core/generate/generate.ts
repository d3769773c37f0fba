import { mulberry32 } from '../random';
import { ContiguityGuard } from './contiguity';
import { RunControl } from './control';
import { diagnoseOutcome, diagnoseProblem, disconnectedScope } from './diagnose';
import { bisectTerritories } from './bisect';
import { makeContiguous } from './fragments';
import { attachOrphans, growTerritories, recenter } from './grow';
import { improve, shuffledOrder } from './local-search';
import { Partition, type CostWeights } from './partition';
import { buildProblem, movableComponents, type Problem } from './problem';
import { outcome } from './report';
import { chooseStartPoints, findAnchors } from './seeds';
import type { CommonInput, Diagnosis, GenerateInput, Hooks, Outcome } from './types';

export { rebalanceTerritories } from './rebalance';

/**
 * Objective weights for a compactness slider position s (0 = balance first, 1 = compact first).
 * The excess term (past the tolerance edge) is far heavier than either, so the tolerance stays the
 * hard goal at any s; see docs/OPTIMIZER.md.
 */
export function weightsFor(p: Problem, s: number): CostWeights {
  // edge 0.9: the excess starts a little inside the band, so shape moves never end a hair outside it
  // aim: a soft pull toward 40 % of the tolerance, strong when balance comes first, gone at s = 1
  return { balance: 0.02 + 0.6 * (1 - s), excess: 200, compact: 2 * s, mix: p.mixC > 0 ? p.mixWeight : 0, edge: 0.9, aim: 4 * (1 - s), aimEdge: 0.4 };
}

/** Only the balance counts; compactness just breaks ties. For territories still out of tolerance. */
export function repairWeights(s: number): CostWeights {
  return { balance: 1, excess: 200, compact: 0.02 * s, mix: 0 };
}

/**
 * Builds territories from scratch over the scope: a balanced start (recursive bisection, or a
 * flood from rep homes / locked units), every territory made one piece, then local search on
 * balance + compactness + mix with contiguity kept, and a balance-only repair if anything is still
 * out of tolerance; a few restarts where cheap. Locked units, frozen territories and units
 * outside the scope never change. Always returns the best plan found, with diagnoses.
 */
export function generateTerritories(input: GenerateInput, hooks: Hooks = {}): Outcome {
  const t0 = performance.now();
  const ctl = new RunControl(hooks);
  const n = input.graph.count;
  const spec = input.territories;
  if ('capacity' in spec) return byCapacity(input, spec.capacity, ctl, t0);
  const k = 'k' in spec ? spec.k : spec.repHomes.length;
  return generateK(input, k, 'repHomes' in spec ? spec.repHomes : undefined, ctl, t0, n);
}

function generateK(input: GenerateInput, k: number, homes: Int32Array | undefined, ctl: RunControl, t0: number, n: number): Outcome {
  if (!(k >= 1)) throw new Error('At least one territory is needed');
  const p = buildProblem(input, k, homes);
  const rand = mulberry32(p.seed);
  const anchors = findAnchors(p);
  const diagnoses: Diagnosis[] = diagnoseProblem(p, countFree(p, anchors));

  const base = new Int32Array(n);
  for (let u = 0; u < n; u++) base[u] = p.movable[u] ? -1 : p.fixedTo[u];
  const fixedCenter = new Uint8Array(k);
  let anchored = false;
  for (let t = 0; t < k; t++) {
    fixedCenter[t] = anchors[t].length > 0 ? 1 : 0;
    if (fixedCenter[t]) anchored = true;
  }
  const adjustable: number[] = [];
  for (let t = 0; t < k; t++) if (!p.frozen[t]) adjustable.push(t);

  // Restarts from different starts (cuts turned a little, other seeds); the best objective wins.
  const restarts = Math.max(1, input.restarts ?? defaultRestarts(p));
  const w = weightsFor(p, p.compactness);
  let part: Partition | undefined;
  let bestScore = Infinity;
  let orphans = 0;
  for (let r = 0; r < restarts && !(r > 0 && ctl.stopped); r++) {
    const from = r / restarts;
    const span = 1 / restarts;
    ctl.progress(from, 'first territories');
    const cur = new Partition(p, base.slice());
    if (!anchored) {
      // nothing pins a territory to a place: recursive bisection gives the most even start
      const b = bisectTerritories(p, adjustable, r === 0 ? undefined : rand);
      for (let u = 0; u < n; u++) if (p.movable[u] && b[u] >= 0) cur.move(u, b[u]);
    } else {
      // rep homes or locked units: grow from them (lightest first), free seeds re-centred
      const st = chooseStartPoints(p, rand);
      growTerritories(cur, st.anchors, st.center, ctl);
      const rounds = input.recenterRounds ?? 2;
      for (let i = 0; i < rounds && !ctl.stopped; i++) {
        recenter(cur, st.anchors, st.center, fixedCenter);
        growTerritories(cur, st.anchors, st.center, ctl);
      }
    }
    const o = attachOrphans(cur);
    makeContiguous(cur);
    optimize(cur, input, ctl, from + 0.2 * span, span * 0.8);
    let score = 0;
    for (let t = 0; t < k; t++) score += cur.cost(t, 0, 0, 0, w);
    // out of tolerance loses to any plan within it
    const worst = cur.worstRatio();
    if (worst > 1) score += 1e9 * worst;
    if (score < bestScore) {
      bestScore = score;
      part = cur;
      orphans = o;
    }
  }
  const { count: pieces, sizes } = movableComponents(p);
  const disc = disconnectedScope(pieces, sizes, orphans);
  if (disc) diagnoses.push(disc);
  part = part!;

  const o = outcome(part, diagnoses, ctl.stopped, t0);
  o.diagnoses.push(...diagnoseOutcome(part, o));
  ctl.progress(1, 'done');
  return o;
}

/** A few restarts where they are cheap (a county layer), one on 30,000 ZIP areas with k = 300. */
function defaultRestarts(p: Problem): number {
  const work = p.n * Math.sqrt(p.k);
  return Math.max(1, Math.min(4, Math.floor(1e6 / work)));
}

/** Territories that must grow from a seed (no home, no locked units next to the scope). */
function countFree(p: Problem, anchors: number[][]): number {
  let f = 0;
  for (let t = 0; t < p.k; t++) if (!p.frozen[t] && anchors[t].length === 0) f++;
  return f;
}

/** Local search with the slider's weights, then balance-only repair while out of tolerance. */
export function optimize(part: Partition, input: CommonInput, ctl: RunControl, from: number, span = 1 - from): void {
  const p = part.p;
  const guard = new ContiguityGuard(p.g);
  const order = shuffledOrder(p.n, mulberry32(p.seed ^ 0x5eed));
  const maxPasses = input.maxPasses ?? 80;
  improve(part, guard, weightsFor(p, p.compactness), ctl, { maxPasses, order, phase: 'balancing and shaping', from, span: span * 0.7 });
  if (!ctl.stopped && part.worstRatio() > 1) {
    improve(part, guard, repairWeights(p.compactness), ctl, { maxPasses, order, phase: 'meeting the tolerance', from: from + span * 0.7, span: span * 0.3, untilWithin: true });
  }
}

/**
 * "As many territories as needed so none exceeds a capacity": start from ⌈total / capacity⌉ and
 * add territories until the heaviest fits (each try is a full generate; a few at most, since
 * every extra territory lowers the mean).
 */
function byCapacity(input: GenerateInput, cap: { metric: number; max: number }, ctl: RunControl, t0: number): Outcome {
  const n = input.graph.count;
  const m = input.metrics[cap.metric];
  if (!m || !(cap.max > 0)) throw new Error('The capacity needs a balanced figure and a positive maximum');
  const scope = input.scope;
  let total = 0;
  for (let u = 0; u < n; u++) if (!scope || scope[u]) total += m.values[u] > 0 ? m.values[u] : 0;
  let k = Math.max(1, Math.ceil(total / cap.max));
  let last: Outcome | undefined;
  for (let attempt = 0; attempt < 8; attempt++) {
    // each try fills half of what is left of the progress bar, so it never runs backwards
    ctl.window(1 - Math.pow(0.5, attempt), Math.pow(0.5, attempt + 1));
    last = generateK(input, k, undefined, ctl, t0, n);
    let heaviest = 0;
    last.territories.forEach((t) => {
      if (!t.frozen) heaviest = Math.max(heaviest, t.values[cap.metric]);
    });
    if (heaviest <= cap.max || ctl.stopped) {
      ctl.window(0, 1);
      ctl.progress(1, 'done');
      return last;
    }
    if (attempt === 7) {
      last.diagnoses.push({
        kind: 'capacityExceeded',
        metric: m.name,
        maxValue: heaviest,
        capacity: cap.max,
        message: `With ${k} territories the heaviest still has ${heaviest.toFixed(0)} ${m.name}, over the capacity of ${cap.max}.`,
      });
      ctl.window(0, 1);
      ctl.progress(1, 'done');
      return last;
    }
    k += Math.max(1, Math.ceil(k * (heaviest / cap.max - 1)));
  }
  return last!;
}
