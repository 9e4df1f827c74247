import { createContainer } from '../composition-root.ts';
import { RunScenario } from './run-scenario.ts';
import type { Shard } from './shards.ts';

/** One worker's task: a shard of a scenario into its own folder (see RunScenario.run). */
export interface ShardTask {
  scenario: string;
  outDir: string;
  shard: Shard;
}

/** The container is built once per worker thread; each task is one shard. */
let job: RunScenario | null = null;

export function runShard(task: ShardTask): number {
  job ??= createContainer().get(RunScenario);
  return job.run(task.scenario, task.outDir, 'periodize worker', null, task.shard).athleteDays;
}
