import { log } from './lib';
import { GENERATE_BENCHMARKS } from './generate';
import { PLAN_BENCHMARKS } from './plan';
import { SHAPE_BENCHMARKS } from './shapes';

/** `npm run bench [-- <name-prefix>]`: every benchmark of ../shared/BENCH.md that is built, as JSON lines. */
const BENCHMARKS: { name: string; run: () => Promise<void> }[] = [
  { name: 'import.csv.1m', run: async () => (await import('./import-csv-1m')).run() },
  // paint.incremental.zip is measured in Chromium; its Node figure (bench/plan) is the row's node_ms
  { name: 'paint.incremental.zip', run: async () => (await import('./paint-incremental-chromium')).run() },
  ...PLAN_BENCHMARKS.filter((b) => b.name !== 'paint.incremental.zip'),
  { name: 'layer.zip.load', run: async () => (await import('./layer-zip-load')).run() },
  ...SHAPE_BENCHMARKS,
  ...GENERATE_BENCHMARKS,
];

const prefix = process.argv[2] ?? '';
const chosen = BENCHMARKS.filter((b) => b.name.startsWith(prefix));
if (chosen.length === 0) log(`no benchmark starts with "${prefix}"; built: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
for (const b of chosen) {
  log(`running ${b.name}…`);
  await b.run();
}
process.exit(0);
