import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { RunReport, RunScenario } from './run-scenario.ts';
import type { ShardTask } from './worker-task.ts';

/** Slices per worker: more slices than workers keep every worker busy to the end. */
const SLICES_PER_WORKER = 4;

/**
 * Runs a scenario on `workers` threads: the athletes cut into slices (shards), each run by a worker
 * into a scratch folder, then merged in athlete order — so the outputs are byte-identical to a
 * run on one thread, whatever the number of workers.
 */
export async function runWithWorkers(job: RunScenario, file: string, outDir: string, command: string, workers: number): Promise<RunReport> {
  const started = performance.now();
  const spec = job.load(file);
  const count = Math.max(1, Math.min(spec.population.size, workers * SLICES_PER_WORKER));
  const scratch = mkdtempSync(join(tmpdir(), 'periodize-workers-'));
  const pool = new Piscina({ filename: new URL('../../bin/worker.js', import.meta.url).href, minThreads: workers, maxThreads: workers });
  try {
    const dirs = Array.from({ length: count }, (_, index) => join(scratch, String(index)));
    await Promise.all(
      dirs.map((dir, index) => pool.run({ scenario: resolve(file), outDir: dir, shard: { index, count } } satisfies ShardTask)),
    );
    const report = job.merge(dirs, outDir, command, { scenarioFile: file });
    return { ...report, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.destroy();
    rmSync(scratch, { recursive: true, force: true });
  }
}
