/**
 * npm run bench [-- --athletes N --weeks N]
 *
 * Throughput of the full model on one thread: 10 000 athletes × 52 weeks × 3 arms (polarized,
 * pyramidal, threshold) with life events, no output files (athletes are still summarised). Prints
 * athlete-days per second and memory; memory is also measured for a run a quarter as long, to show
 * that it does not grow with the number of days. A benchmark, not a test: run it on a quiet machine.
 */
import { Scenario } from '../src/models/scenario/schema.ts';
import { PARAMETERS } from '../src/models/parameters.ts';
import { compileCatalogue } from '../src/models/workouts/compile.ts';
import { WORKOUTS } from '../src/models/workouts/catalogue.ts';
import { MultiSystemModel } from '../src/sim/model/multi-system.ts';
import { ScenarioRunner } from '../src/sim/runner.ts';
import { prepareScenario } from '../src/sim/scenario/prepare.ts';
import { numberOption } from './options.ts';

const athletes = numberOption('athletes', 10_000);
const weeks = numberOption('weeks', 52);
const catalogue = compileCatalogue(WORKOUTS);
const runner = new ScenarioRunner(PARAMETERS, new MultiSystemModel(PARAMETERS), catalogue);
const collect = (globalThis as { gc?: () => void }).gc;

function scenario(size: number, weeksOfTraining: number) {
  const parsed = Scenario.parse({
    name: 'bench',
    seed: 1,
    population: { size, level: 'recreational' },
    weeks: weeksOfTraining,
    arms: [
      { id: 'polarized', design: 'polarized' },
      { id: 'pyramidal', design: 'pyramidal' },
      { id: 'threshold', design: 'threshold' },
    ],
    reference: 'threshold',
    events: [
      { type: 'sleep-restriction', fromWeek: 3, weeks: 2, hours: 5.5, share: 0.3 },
      { type: 'illness', fromWeek: 6, days: 5, share: 0.2 },
      { type: 'load-multiplier', fromWeek: 8, weeks: 2, factor: 1.3, share: 0.5 },
    ],
  });
  const prepared = prepareScenario(parsed, catalogue, PARAMETERS);
  if (!prepared.ok) throw new Error('bench scenario is invalid');
  return prepared.spec;
}

/** Runs a scenario and returns its throughput and the largest heap seen while it ran. */
function measure(size: number, weeksOfTraining: number) {
  collect?.();
  const before = process.memoryUsage().heapUsed;
  let peakHeap = before;
  const started = performance.now();
  const outcome = runner.run(scenario(size, weeksOfTraining), {
    progress: (done) => {
      if (done % 500 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  return { rate: outcome.athleteDays / seconds, athleteDays: outcome.athleteDays, seconds, peakHeapMb: peakHeap / 2 ** 20 };
}

measure(300, 8); // warm-up: let the JIT compile the hot paths
const shortWeeks = Math.max(1, Math.round(weeks / 4));
const short = measure(athletes, shortWeeks);
const full = measure(athletes, weeks);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
console.log(`model: ${new MultiSystemModel(PARAMETERS).name}, ${athletes} athletes × ${weeks} weeks × 3 arms, one thread, Node ${process.version}`);
console.log(`athlete-days/s: ${(full.rate / 1e6).toFixed(2)} M (${full.athleteDays.toLocaleString('en-US')} athlete-days in ${full.seconds.toFixed(2)} s)`);
console.log(`peak heap: ${full.peakHeapMb.toFixed(0)} MB at ${weeks} weeks, ${short.peakHeapMb.toFixed(0)} MB at ${shortWeeks} weeks (flat in the number of days)`);
console.log(`peak memory (RSS): ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
