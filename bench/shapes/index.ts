/** The drawn-shape benchmarks of ../shared/BENCH.md (assign.pip.*, overlap.*), for bench/run.ts. */
export const SHAPE_BENCHMARKS: { name: string; run: () => Promise<void> }[] = [
  { name: 'assign.pip.1m_x_500', run: async () => (await import('./assign-pip')).run() },
  { name: 'overlap.1000', run: async () => (await import('./overlap-1000')).run() },
];
