/** The generator benchmarks of ../shared/BENCH.md (generate.*, rebalance.*), for bench/run.ts. */
export const GENERATE_BENCHMARKS: { name: string; run: () => Promise<void> }[] = [];
