/**
 * npm run bench [-- --athletes N --weeks N --rules NAME --tries N]
 *
 * Throughput of the full model on one thread: 10 000 athletes × 52 weeks × 4 arms (polarized,
 * pyramidal, threshold, and polarized with the adaptive engine in the loop — `hrv-swc` unless
 * `--rules` names another built-in rule set) with life events, no output files (athletes are still
 * summarised). The same batch is run again with the fourth arm on its fixed plan, so the cost of the
 * rules shows as a ratio (the issue's budget: at most 1.5×). Prints athlete-days per second and
 * memory; memory is also measured for a run a quarter as long, to show that it does not grow with
 * the number of days. The Banister line is the classic two-component model with daily markers in
 * plain TypeScript, and the same loop in vectorised numpy when python3 has numpy (bench/banister.py);
 * the bytes allocated per athlete-day come from V8's sampling heap profiler (bench/allocation.ts).
 * Then the same batch on a pool of 1 and of 2 worker processes (`--workers`), best
 * of `--tries` (default 2), against the best of two runs on one thread: the parallel efficiency.
 * A benchmark, not a test: run it on a quiet machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContainer } from '../src/composition-root.ts';
import { ADAPTATION_MODEL } from '../src/sim/model/adaptation-model.ts';
import { ScenarioRunner } from '../src/sim/runner.ts';
import { WorkerPool } from '../src/workers/pool.ts';
import { RunScenario } from '../src/sim/run-scenario.ts';
import { athleteDays } from '../src/sim/scenario/prepare.ts';
import { allocatedBytes } from './allocation.ts';
import { banisterThroughput, numpyBanisterThroughput } from './banister.ts';
import { declareOptions, numberOption, option } from './options.ts';
import { benchScenario } from './scenario.ts';

declareOptions('bench', import.meta.url, { athletes: 'value', weeks: 'value', rules: 'value', tries: 'value' });
const athletes = numberOption('athletes', 10_000);
const weeks = numberOption('weeks', 52);
const rules = option('rules') ?? 'hrv-swc';
const container = createContainer();
const runner = container.get(ScenarioRunner);
const job = container.get(RunScenario);
const collect = (globalThis as { gc?: () => void }).gc;
const folder = mkdtempSync(join(tmpdir(), 'periodize-bench-'));
/** Athletes of the batch whose allocations are sampled (the profiler slows a run down: a tenth of the bench's). */
const ALLOCATION_ATHLETES = Math.max(1, Math.round(athletes / 10));

/**
 * The bench scenario's file; `adaptive` puts the rules on the fourth arm; `alone` keeps only that
 * arm (to see the cost of the rules on the arm that runs them).
 */
function scenarioFile(size: number, weeksOfTraining: number, adaptive: boolean, alone = false): string {
  const file = join(folder, `bench-${size}-${weeksOfTraining}-${adaptive}-${alone}.yaml`);
  writeFileSync(file, benchScenario(size, weeksOfTraining, adaptive ? rules : null, { alone }));
  return file;
}

/** The bench scenario, loaded as the CLI loads it. */
function scenario(size: number, weeksOfTraining: number, adaptive: boolean, alone = false) {
  return job.load(scenarioFile(size, weeksOfTraining, adaptive, alone));
}

/** Runs a scenario and returns its throughput and the largest heap seen while it ran. */
function measure(size: number, weeksOfTraining: number, adaptive: boolean, alone = false) {
  const spec = scenario(size, weeksOfTraining, adaptive, alone);
  collect?.();
  const before = process.memoryUsage().heapUsed;
  let peakHeap = before;
  const started = performance.now();
  const outcome = runner.run(spec, {
    progress: (done) => {
      if (done % 500 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
  });
  // The summary (its bootstrap intervals) is part of the job, as in a run from the CLI.
  if (outcome.summary.arms.length !== spec.arms.length) throw new Error('bench: a summary without every arm');
  const seconds = (performance.now() - started) / 1000;
  return { rate: outcome.athleteDays / seconds, athleteDays: outcome.athleteDays, seconds, peakHeapMb: peakHeap / 2 ** 20 };
}

/**
 * The same batch on a pool of `workers` threads (RunScenario.summariseParallel: slices merged in
 * athlete order, bootstrap intervals on the pool), best of `tries` — the pool's threads started and
 * warmed up first, as a long run would have them. Athlete-days per second.
 */
async function measureWorkers(workers: number, tries: number): Promise<{ rate: number; peakMb: number }> {
  const pool = new WorkerPool(workers);
  try {
    await job.summariseParallel(scenarioFile(300, 8, true), pool);
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < tries; i++) {
      const started = performance.now();
      const { athleteDays } = await job.summariseParallel(scenarioFile(athletes, weeks, true), pool);
      best = Math.min(best, (performance.now() - started) / 1000 / athleteDays);
    }
    const peaks = pool.peakResidentBytes().map((bytes) => (bytes === null ? Number.NaN : bytes / 2 ** 20));
    return { rate: 1 / best, peakMb: Math.max(...peaks) };
  } finally {
    await pool.destroy();
  }
}

try {
  // Warm-up: let the JIT compile the hot paths, with and without the engine.
  measure(300, 8, true);
  measure(300, 8, false);
  const shortWeeks = Math.max(1, Math.round(weeks / 4));
  const short = measure(athletes, shortWeeks, true);
  const full = measure(athletes, weeks, true);
  const fixed = measure(athletes, weeks, false);
  const armAdaptive = measure(athletes, weeks, true, true);
  const armFixed = measure(athletes, weeks, false, true);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  console.log(`model: ${container.get(ADAPTATION_MODEL).name}, ${athletes} athletes × ${weeks} weeks × 4 arms (one adaptive: ${rules}), one thread, Node ${process.version}`);
  console.log(`athlete-days/s: ${(full.rate / 1e6).toFixed(2)} M (${full.athleteDays.toLocaleString('en-US')} athlete-days in ${full.seconds.toFixed(2)} s)`);
  console.log(
    `rules cost: ${(full.seconds / fixed.seconds).toFixed(2)}× the time of the same batch with every arm fixed (${fixed.seconds.toFixed(2)} s, ${(fixed.rate / 1e6).toFixed(2)} M athlete-days/s; budget 1.5×)`,
  );
  console.log(
    `the adaptive arm alone: ${(armAdaptive.seconds / armFixed.seconds).toFixed(2)}× the time of the same arm fixed (${armAdaptive.seconds.toFixed(2)} s against ${armFixed.seconds.toFixed(2)} s)`,
  );
  banisterThroughput(300, 8, 4); // warm-up
  const banister = banisterThroughput(athletes, weeks, 4);
  console.log(`banister two-component model with daily resting HR and lnRMSSD, same batch, one thread: ${(banister / 1e6).toFixed(2)} M athlete-days/s`);
  const numpy = numpyBanisterThroughput(athletes, weeks, 4);
  console.log(
    'skipped' in numpy
      ? `the same loop in vectorised numpy: skipped (${numpy.skipped})`
      : `the same loop in vectorised numpy ${numpy.numpy} (bench/banister.py), same batch: ${(numpy.rate / 1e6).toFixed(2)} M athlete-days/s; the TypeScript loop runs at ${(banister / numpy.rate).toFixed(2)}× it (target: at least 1×)`,
  );
  // Bytes the run allocates (freed or not), per athlete-day: an allocation in the daily loop shows here.
  const sampled = scenario(ALLOCATION_ATHLETES, weeks, true);
  const allocated = await allocatedBytes(() => void runner.run(sampled, {}));
  console.log(
    `allocated: ${(allocated / athleteDays(sampled)).toFixed(0)} bytes per athlete-day (V8's sampling heap profiler, ${ALLOCATION_ATHLETES.toLocaleString('en-US')} athletes × ${weeks} weeks × 4 arms, summary included)`,
  );
  const tries = numberOption('tries', 2);
  const oneThread = Math.max(full.rate, measure(athletes, weeks, true).rate);
  const { rate: pooled } = await measureWorkers(1, tries);
  const { rate: twoWorkers, peakMb: workerPeakMb } = await measureWorkers(2, tries);
  console.log(
    `workers (same batch, summary included, best of ${tries}): 1 thread ${(oneThread / 1e6).toFixed(2)} M/s; 1 worker ${(pooled / 1e6).toFixed(2)} M/s; ` +
      `2 workers ${(twoWorkers / 1e6).toFixed(2)} M athlete-days/s = ${(twoWorkers / oneThread).toFixed(2)}× one thread, parallel efficiency ${((100 * twoWorkers) / (2 * oneThread)).toFixed(0)} % (targets: 10 M/s, 90 %)`,
  );
  console.log(`peak heap: ${full.peakHeapMb.toFixed(0)} MB at ${weeks} weeks, ${short.peakHeapMb.toFixed(0)} MB at ${shortWeeks} weeks (flat in the number of days)`);
  console.log(`peak memory (RSS): ${mb(process.resourceUsage().maxRSS * 1024)} MB this process; ${workerPeakMb.toFixed(0)} MB the larger worker process`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
