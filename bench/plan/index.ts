/**
 * The plan benchmarks of ../shared/BENCH.md, for bench/run.ts to list:
 *   import { PLAN_BENCHMARKS } from './plan';  BENCHMARKS.push(...PLAN_BENCHMARKS)
 * or on their own: npx tsx bench/plan/run.ts [name-prefix]
 */
export const PLAN_BENCHMARKS: { name: string; run: () => Promise<void> }[] = [
  { name: 'paint.incremental.zip', run: async () => (await import('./paint-incremental-zip')).run() },
  { name: 'outline.zip.k300', run: async () => (await import('./outline-zip-k300')).run() },
];
