/** The drawn-shape benchmarks of ../shared/BENCH.md (assign.pip.*, overlap.*), for bench/run.ts. */
export const SHAPE_BENCHMARKS: { name: string; run: () => Promise<void> }[] = [];
