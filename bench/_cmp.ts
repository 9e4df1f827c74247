import { createContainer } from '../src/composition-root.ts';
import { RunScenario } from '../src/sim/run-scenario.ts';
import { LocalPool } from '../src/sim/local-pool.ts';
const job = createContainer().get(RunScenario);
const f = 'scenarios/compare-distributions.yaml';
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  job.run({ scenario: f, outDir: '/tmp/cmpA', command: 'x' });
  const a = performance.now() - t;
  t = performance.now();
  await job.runParallel({ scenario: f, outDir: '/tmp/cmpB', command: 'x', pool: new LocalPool(job) });
  console.log('run', a.toFixed(0), 'local', (performance.now() - t).toFixed(0));
}
