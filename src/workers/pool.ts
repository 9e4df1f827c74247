import { availableParallelism } from 'node:os';
import type { Discrepancy, DiscrepancyTask } from '../sim/calibration/ensemble.ts';
import type { TrialSetTask } from '../sim/calibration/predictive.ts';
import type { SetResult, SetTask } from '../sim/global-sensitivity.ts';
import type { SlicePool, SliceTask } from '../sim/run-scenario.ts';
import type { MeanInterval, Summary, SummaryCollector } from '../sim/summary.ts';
import { ProcessPool } from './process-pool.ts';
import { shardRange } from '../sim/shards.ts';
import { workerScript } from './script.ts';
import type { IntervalTask } from './tasks.ts';

/** Slices per worker: more slices than workers keep every worker busy to the end, and let merging start early. */
const SLICES_PER_WORKER = 8;

/**
 * The most athletes in a slice: what a worker holds for a slice (its athletes' packed results, about
 * 2 kB each with four arms) stays small whatever the size of the run.
 */
const MAX_SLICE_ATHLETES = 2_000;

/**
 * Each worker process's old generation, MB. A worker holds one athlete at a time and a slice's
 * results (≈ 35 MB live in the bench); the cap makes V8 collect before the heaps of several
 * processes add up (100 000 athletes × 52 weeks × 4 arms with daily rows: ≈ 550 MB RSS uncapped on 2
 * workers, ≈ 390 MB capped).
 */
const WORKER_OLD_SPACE_MB = 128;

/**
 * A pool of worker processes for `periodize run --workers N`: each runs slices of a
 * scenario (RunScenario.runSlice) and bootstrap intervals — or, for `periodize sensitivity`, whole
 * parameter sets. Build it before loading anything else,
 * so that the workers start while the main process reads the scenario.
 */
export class WorkerPool implements SlicePool {
  private readonly pool: ProcessPool;

  constructor(readonly workers: number) {
    this.pool = new ProcessPool(workerScript(), workers, WORKER_OLD_SPACE_MB);
  }

  /**
   * Contiguous slices as even as whole athletes allow: `SLICES_PER_WORKER` per worker, more when
   * a slice would hold over `MAX_SLICE_ATHLETES`, fewer for a small run.
   */
  slices(size: number): [number, number][] {
    const count = Math.max(1, Math.min(size, Math.max(this.workers * SLICES_PER_WORKER, Math.ceil(size / MAX_SLICE_ATHLETES))));
    return Array.from({ length: count }, (_, index) => shardRange(size, { index, count }));
  }

  runSlice(task: SliceTask): Promise<Float64Array> {
    return this.pool.run('runSlice', task);
  }

  /**
   * The collector's summary with its bootstrap intervals computed on the pool: a first pass
   * gathers what each interval needs, the workers compute them, and a second pass builds the
   * summary with those intervals — the same numbers as on one process.
   */
  async summary(collector: SummaryCollector): Promise<Summary> {
    const pending: Promise<[number, number]>[] = [];
    collector.summary((values, replicates, seed) => {
      pending.push(this.pool.run('bootstrapInterval', { values, replicates, seed } satisfies IntervalTask));
      return [0, 0];
    });
    const intervals = await Promise.all(pending);
    let next = 0;
    const computed: MeanInterval = () => intervals[next++]!;
    return collector.summary(computed);
  }

  /** One parameter set of `periodize sensitivity`, in whichever worker is free. */
  runSet(task: SetTask): Promise<SetResult> {
    return this.pool.run('sensitivitySet', task);
  }

  /** One parameter set's calibration discrepancy (the ensemble's ABC-SMC), in whichever worker is free. */
  discrepancy(task: DiscrepancyTask): Promise<Discrepancy> {
    return this.pool.run('calibrationDiscrepancy', task);
  }

  /** One parameter set's trials (`periodize trials --uncertainty`), in whichever worker is free. */
  trialSet(task: TrialSetTask): Promise<Float64Array> {
    return this.pool.run('trialSet', task);
  }

  /** Each worker's peak resident memory so far, bytes; null where the system does not say. */
  peakResidentBytes(): (number | null)[] {
    return this.pool.peakResidentBytes();
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}

/** The workers a run gets without `--workers`: the available cores for a run of a million athlete-days or more, else 1. */
export function defaultWorkers(athleteDays: number): number {
  return athleteDays >= 1_000_000 ? availableParallelism() : 1;
}
