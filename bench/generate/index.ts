/** The generator benchmarks of ../shared/BENCH.md (generate.*, rebalance.*), for bench/run.ts. */
export const GENERATE_BENCHMARKS: { name: string; run: () => Promise<void> }[] = [
  { name: 'generate.counties.k50', run: async () => (await import('./generate-rows')).run('counties') },
  { name: 'generate.zip.k300', run: async () => (await import('./generate-rows')).run('zip') },
  { name: 'rebalance.zip.k300', run: async () => (await import('./rebalance-zip')).run() },
];
