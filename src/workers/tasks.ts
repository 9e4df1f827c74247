import { createContainer } from '../composition-root.ts';
import { RunScenario, type SliceTask } from '../sim/run-scenario.ts';
import { bootstrapMeanCi } from '../sim/stats/index.ts';

/** The container is built once per worker, at its first slice. */
let job: RunScenario | null = null;

/** A slice of a run (see RunScenario.runSlice): every athlete's results, packed. */
export function runSlice(task: SliceTask): Float64Array {
  job ??= createContainer().get(RunScenario);
  return job.runSlice(task);
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
