import { log } from '../lib';
import { PLAN_BENCHMARKS } from './index';

/** npx tsx bench/plan/run.ts [name-prefix]: the plan benchmarks alone, as JSON lines on stdout. */
const prefix = process.argv[2] ?? '';
for (const b of PLAN_BENCHMARKS.filter((x) => x.name.startsWith(prefix))) {
  log(`running ${b.name}…`);
  await b.run();
}
process.exit(0);
