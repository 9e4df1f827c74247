/**
 * npm run bench:memory [-- --athletes N --weeks N --workers N]
 *
 * Peak memory of a big run with daily rows, run as a researcher runs it: `periodize run` on 100 000
 * athletes × 52 weeks × the bench's 4 arms (one adaptive), days.csv streamed to disk (about 10 GB,
 * in a scratch folder removed afterwards), on 2 worker processes. While it runs, the peak resident
 * memory (Linux: VmHWM in /proc) of the command and of each of its worker processes is read every
 * 100 ms; the figure is the sum of those peaks — at least the peak of the sum. Prints it against the
 * issue's target of 500 MB.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakResidentBytes } from '../src/workers/process-pool.ts';
import { declareOptions, numberOption } from './options.ts';
import { benchScenario } from './scenario.ts';

const TARGET_MB = 500;
declareOptions('bench:memory', import.meta.url, { athletes: 'value', weeks: 'value', workers: 'value' });
const athletes = numberOption('athletes', 100_000);
const weeks = numberOption('weeks', 52);
const workers = numberOption('workers', 2);
const scratch = mkdtempSync(join(tmpdir(), 'periodize-bench-memory-'));
const outDir = join(scratch, 'out');
const cli = fileURLToPath(new URL('../bin/periodize.js', import.meta.url));

/** The pids of a process's children (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

try {
  const file = join(scratch, 'memory.yaml');
  writeFileSync(file, benchScenario(athletes, weeks, 'hrv-swc', { daily: true }));
  const run = spawn(process.execPath, [cli, 'run', file, '--out', outDir, '--workers', String(workers), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const peaks = new Map<number, number>();
  const poll = setInterval(() => {
    for (const pid of [run.pid!, ...childrenOf(run.pid!)]) {
      const bytes = peakResidentBytes(pid);
      if (bytes !== null) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, bytes));
    }
  }, 100);
  let output = '';
  run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => run.on('close', done));
  clearInterval(poll);
  if (code !== 0) throw new Error(`periodize run exited with ${code}`);
  const size = (name: string) => {
    const bytes = statSync(join(outDir, name)).size;
    return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
  };
  const seconds = /in ([\d.]+) s/.exec(output)?.[1] ?? '?';
  console.log(`periodize run with daily rows: ${athletes} athletes × ${weeks} weeks × 4 arms (one adaptive: hrv-swc), --workers ${workers}, Node ${process.version}`);
  console.log(`wrote days.csv (${size('days.csv')}), adjustments.csv (${size('adjustments.csv')}) and the rest in ${seconds} s`);
  const mbs = [...peaks.values()].map((bytes) => bytes / 2 ** 20);
  if (mbs.length === 0) {
    console.log('peak memory: not known here (no /proc)');
  } else {
    const total = mbs.reduce((sum, mb) => sum + mb, 0);
    const parts = mbs.map((mb) => `${mb.toFixed(0)} MB`).join(' + ');
    console.log(`peak memory (RSS, sum of the ${mbs.length} processes' peaks): ${total.toFixed(0)} MB = ${parts} (target: under ${TARGET_MB} MB) — ${total < TARGET_MB ? 'met' : 'NOT met'}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
