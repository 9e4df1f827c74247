import { csvNames } from './merge.ts';
import { csvSinks } from './outputs/run-outputs.ts';
import type { TextSink } from './outputs/stage.ts';
import type { ScenarioRunner } from './runner.ts';
import { athleteDays, type RunSpec } from './scenario/prepare.ts';
import { PackedResults } from './shards.ts';

/**
 * Athlete-days a probe simulates at most: about a hundred athletes of a quarter year. The code
 * is compiled as it runs — the first hundred athletes of the default scenario take 6 ms each, the
 * later ones about 1 — so a run is its probe as it went, then the rest at the pace of the probe's
 * fastest eighth (the one most compiled, and least disturbed by other programs).
 */
const PROBE_ATHLETE_DAYS = 40_000;

/** … or fewer, when they take longer than this: a probe stays short (a rule file of thousands of rules). */
const PROBE_SECONDS = 1;

/** Ends a probe early (thrown from its progress, between two athletes). */
class ProbeDone extends Error {}

/**
 * Two worker processes run at about 0.9 of twice one thread's rate, summary included (the bench:
 * README, Speed); a run's time on N processes is its CPU time over 0.9 N.
 */
const PARALLEL_EFFICIENCY = 0.9;

/** A run longer than this on one process (a day of CPU) is not started without `--yes`. */
export const MAX_UNASKED_CPU_SECONDS = 86_400;

/** A run whose outputs would take more than this (100 GB) is not started without `--yes`. */
export const MAX_UNASKED_BYTES = 100e9;

/** What a run will cost, from a probe of its first athletes on this machine (`estimateRun`). */
export interface RunEstimate {
  /** Athlete-days of the run, the ensemble's parameter sets included. */
  athleteDays: number;
  /** Seconds on one process, as the probe ran. */
  cpuSeconds: number;
  /** Seconds on the run's processes. */
  seconds: number;
  /** Bytes of the CSV outputs as staged (Parquet, when asked, is made from them). */
  csvBytes: number;
  /** … and with the checkpoint's results beside them while the run lasts (src/sim/outputs/checkpoint.ts). */
  bytes: number;
  workers: number;
}

/**
 * What a run of `spec`'s athletes [from, to) will cost on this machine: its first athletes simulated
 * (a second at most), their CSV rows counted, not written; the rest scaled by athletes
 * at the pace of the probe's fastest eighth. The
 * summary's bootstrap (a second or so) and the disk's own speed are not in it.
 * `sets`: the ensemble's parameter sets it also runs under (`--uncertainty`), each the whole run
 * without files. Bytes are exact to the athletes' spread (the same athletes each time); the time is
 * the machine's of the moment — another program busy beside it makes it longer.
 */
export function estimateRun(runner: ScenarioRunner, spec: RunSpec, range: readonly [number, number], workers: number, sets = 0): RunEstimate {
  const [from, to] = range;
  const athletes = to - from;
  const perAthlete = Math.max(1, athleteDays(spec, 1));
  // A shard of no athletes (more shards than athletes) costs nothing.
  if (athletes === 0) return { athleteDays: 0, cpuSeconds: 0, seconds: 0, csvBytes: 0, bytes: 0, workers };
  const probe = Math.max(1, Math.min(athletes, Math.ceil(PROBE_ATHLETE_DAYS / perAthlete)));
  const counters = csvNames(spec).map(() => new ByteCounter());
  const packed = new PackedResults();
  // When each athlete of the probe was done: its fastest eighth's pace is the rest of the run's.
  const doneAt = new Float64Array(probe + 1);
  doneAt[0] = performance.now();
  let probed = probe;
  const progress = (done: number) => {
    doneAt[done] = performance.now();
    if (done >= 2 && done < probe && doneAt[done]! - doneAt[0]! > PROBE_SECONDS * 1000) {
      probed = done;
      throw new ProbeDone();
    }
  };
  try {
    runner.run(spec, { ...csvSinks(spec, counters, packed), slice: [from, from + probe], progress });
  } catch (error) {
    if (!(error instanceof ProbeDone)) throw error;
  }
  const window = Math.max(1, Math.floor(probed / 8));
  let warmPerAthlete = Number.POSITIVE_INFINITY;
  for (let end = probed; end - window >= 0; end -= window) warmPerAthlete = Math.min(warmPerAthlete, (doneAt[end]! - doneAt[end - window]!) / 1000 / window);
  const probeSeconds = (doneAt[probed]! - doneAt[0]!) / 1000;
  const csvBytes = counters.reduce((total, counter) => total + counter.bytes, 0);
  const runDays = athleteDays(spec, athletes) * (1 + sets);
  // The run starts cold as the probe did; each of the ensemble's sets runs warm.
  const cpuSeconds = probeSeconds + (athletes - probed) * warmPerAthlete + sets * athletes * warmPerAthlete;
  return {
    athleteDays: runDays,
    cpuSeconds,
    seconds: workers > 1 ? cpuSeconds / (PARALLEL_EFFICIENCY * workers) : cpuSeconds,
    csvBytes: (csvBytes / probed) * athletes,
    bytes: ((csvBytes + packed.values().byteLength) / probed) * athletes,
    workers,
  };
}

/** Whether a run this big needs the user's `--yes`, and why (null: it does not). */
export function pastAsking(estimate: RunEstimate): string | null {
  const past = [
    ...(estimate.cpuSeconds > MAX_UNASKED_CPU_SECONDS ? [`${duration(estimate.cpuSeconds)} of CPU`] : []),
    ...(estimate.bytes > MAX_UNASKED_BYTES ? [`${size(estimate.bytes)} of outputs`] : []),
  ];
  return past.length === 0 ? null : `${past.join(' and ')}, past what a run takes without asking (${duration(MAX_UNASKED_CPU_SECONDS)} of CPU, ${size(MAX_UNASKED_BYTES)} of outputs)`;
}

/** The estimate in words: "336,000 athlete-days: about 4 s on 1 process, about 9.3 MB of outputs". */
export function estimateLine(estimate: RunEstimate): string {
  const processes = estimate.workers === 1 ? '1 process' : `${estimate.workers} worker processes`;
  return `${Math.round(estimate.athleteDays).toLocaleString('en-US')} athlete-days: about ${duration(estimate.seconds)} on ${processes} of this machine, about ${size(estimate.bytes)} of outputs`;
}

/** Seconds in the unit a person reads them in, to two significant figures. */
export function duration(seconds: number): string {
  const [value, unit] =
    seconds < 90 ? [seconds, 's'] : seconds < 90 * 60 ? [seconds / 60, 'min'] : seconds < 36 * 3600 ? [seconds / 3600, 'h'] : [seconds / 86_400, 'days'];
  return `${Number(value.toPrecision(2)).toLocaleString('en-US')} ${unit}`;
}

/** Bytes in decimal units, to two significant figures. */
export function size(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(2)).toLocaleString('en-US')} ${units[unit]}`;
}

/** A sink that counts the bytes of the text it is given, as UTF-8. */
class ByteCounter implements TextSink {
  bytes = 0;

  write(text: string): void {
    this.bytes += Buffer.byteLength(text, 'utf8');
  }
}
