import { statSync } from 'node:fs';
import { createContainer } from '../composition-root.ts';
import type { RunSpec } from '../sim/scenario/prepare.ts';
import { discrepancyOf, type Discrepancy, type DiscrepancyTask } from '../sim/calibration/ensemble.ts';
import { runTrialSet, type TrialSetTask } from '../sim/calibration/predictive.ts';
import { runSet, type SetResult, type SetTask } from '../sim/global-sensitivity.ts';
import { RunTrials } from '../sim/trials/run-trials.ts';
import { RunScenario, type SliceTask } from '../sim/run-scenario.ts';
import { ScenarioLoader } from '../sim/scenario/loader.ts';
import { ScenarioRunner } from '../sim/runner.ts';
import { bootstrapMeanCi } from '../sim/stats/index.ts';

/** The container is built once per worker, at its first slice. */
let job: RunScenario | null = null;

/**
 * The scenario this worker's slices run, loaded at its first slice and kept while the file is
 * unchanged (its path, size and time of change): a run's slices need not read, parse and check it
 * again each (a 1-MiB rule file: two seconds a time).
 */
let loaded: { key: string; spec: RunSpec } | null = null;

/** A slice of a run (see RunScenario.runSlice): every athlete's results, packed. */
export function runSlice(task: SliceTask): Float64Array {
  job ??= createContainer().get(RunScenario);
  const { size, mtimeMs } = statSync(task.scenario);
  const key = `${task.scenario}\0${size}\0${mtimeMs}`;
  if (loaded?.key !== key) loaded = { key, spec: job.load(task.scenario) };
  return job.runSlice(task, loaded.spec, leaveIfOrphaned);
}

/** The process that started this worker. */
const PARENT = process.ppid;

/**
 * Between two athletes of a slice, a worker whose parent has died (killed, out of memory) ends at
 * once, rather than at the end of its slice: nobody is left to take its results. The parent's
 * death is seen as a new parent process id (the system's, or a subreaper's).
 */
function leaveIfOrphaned(): void {
  if (process.ppid !== PARENT) process.exit(0);
}

/** One bootstrap interval of the summary (see WorkerPool.summary). */
export interface IntervalTask {
  values: Float64Array;
  replicates: number;
  seed: number;
}

export function bootstrapInterval(task: IntervalTask): [number, number] {
  return bootstrapMeanCi(task.values, task.replicates, task.seed);
}

/** One parameter set of `periodize sensitivity` (see globalSensitivity): a container of its own, as on the main process. */
export function sensitivitySet(task: SetTask): SetResult {
  return runSet((parameters) => {
    const container = createContainer(parameters);
    return { loader: container.get(ScenarioLoader), runner: container.get(ScenarioRunner) };
  }, task);
}

/** One parameter set's calibration discrepancy for the ensemble (see calibrateEnsemble). */
export function calibrationDiscrepancy(task: DiscrepancyTask): Discrepancy {
  return discrepancyOf(createContainer(task.parameters).get(RunTrials), task);
}

/** One parameter set's trials for `periodize trials --uncertainty` (see runTrialSet). */
export function trialSet(task: TrialSetTask): Float64Array {
  return runTrialSet(createContainer(task.parameters).get(RunTrials), task);
}
