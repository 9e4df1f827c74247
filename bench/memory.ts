/**
 * npm run bench:memory [-- --athletes N --weeks N --workers N --out DIR]
 *
 * Peak memory of a big run with daily rows, as a researcher would start it: 100 000 athletes × 52
 * weeks × the bench's 4 arms (one adaptive), days.csv streamed to disk (about 10 GB, in a scratch
 * folder removed afterwards unless `--out` names one), on 2 worker threads. Run in a process of its
 * own so that the peak resident set (worker threads included: they share the process) is this
 * run's alone. Prints the figure against the target of 500 MB.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContainer } from '../src/composition-root.ts';
import { WorkerPool } from '../src/sim/parallel.ts';
import { RunScenario } from '../src/sim/run-scenario.ts';
import { numberOption, option } from './options.ts';
import { benchScenario } from './scenario.ts';

const TARGET_MB = 500;
const athletes = numberOption('athletes', 100_000);
const weeks = numberOption('weeks', 52);
const workers = numberOption('workers', 2);
const scratch = mkdtempSync(join(tmpdir(), 'periodize-bench-memory-'));
const outDir = option('out') ?? join(scratch, 'out');

try {
  const file = join(scratch, 'memory.yaml');
  writeFileSync(file, benchScenario(athletes, weeks, 'hrv-swc', { daily: true }));
  const job = createContainer().get(RunScenario);
  const pool = new WorkerPool(workers);
  let report;
  try {
    report = await job.runParallel(file, outDir, 'npm run bench:memory', pool);
  } finally {
    await pool.destroy();
  }
  const rssMb = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  const size = (name: string) => {
    const bytes = statSync(join(outDir, name)).size;
    return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
  };
  console.log(`run with daily rows: ${athletes} athletes × ${weeks} weeks × 4 arms (one adaptive: hrv-swc), ${workers} worker threads, Node ${process.version}`);
  console.log(`wrote days.csv (${size('days.csv')}), adjustments.csv (${size('adjustments.csv')}) and the rest: ${report.athleteDays.toLocaleString('en-US')} athlete-days in ${report.seconds.toFixed(0)} s`);
  console.log(`peak memory (RSS, the whole process): ${rssMb.toFixed(0)} MB (target: under ${TARGET_MB} MB) — ${rssMb < TARGET_MB ? 'met' : 'NOT met'}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
