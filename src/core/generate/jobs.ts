import { explainTerritory, type SuggestedMove } from './explain';
import { generateTerritories } from './generate';
import { rebalanceTerritories } from './rebalance';
import type { CommonInput, GenerateInput, Hooks, Outcome, RebalanceInput, RebalanceOutcome } from './types';

/** One piece of work for the generate worker: plain data, so it crosses postMessage as is. */
export type GenerateJob =
  | { kind: 'generate'; input: GenerateInput }
  | { kind: 'rebalance'; input: RebalanceInput }
  | { kind: 'explain'; input: CommonInput & { current: Int32Array; territoryCount: number }; territory: number; limit?: number };

export type JobResult<J extends GenerateJob> = J extends { kind: 'generate' } ? Outcome : J extends { kind: 'rebalance' } ? RebalanceOutcome : SuggestedMove[];

/** Messages of the worker protocol: the page sends `{ id, job }`, the worker answers with these. */
export type GenerateReply =
  | { id: number; type: 'progress'; fraction: number; phase: string }
  | { id: number; type: 'done'; result: Outcome | RebalanceOutcome | SuggestedMove[] }
  | { id: number; type: 'error'; message: string };

export function runJob(job: GenerateJob, hooks: Hooks = {}): Outcome | RebalanceOutcome | SuggestedMove[] {
  if (job.kind === 'generate') return generateTerritories(job.input, hooks);
  if (job.kind === 'rebalance') return rebalanceTerritories(job.input, hooks);
  return explainTerritory(job.input, job.territory, job.limit);
}

/** The buffers a result can hand over without copying. */
export function transferablesOf(result: Outcome | RebalanceOutcome | SuggestedMove[]): ArrayBuffer[] {
  if (Array.isArray(result)) return [];
  const out = [result.assignment.buffer as ArrayBuffer];
  if ('moved' in result) out.push(result.moved.units.buffer as ArrayBuffer, result.moved.from.buffer as ArrayBuffer, result.moved.to.buffer as ArrayBuffer);
  return out;
}
