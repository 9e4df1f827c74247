import type { RunScenario, SlicePool, SliceTask } from './run-scenario.ts';
import { shardRange } from './shards.ts';
import type { RunSpec } from './scenario/prepare.ts';
import type { Summary, SummaryCollector } from './summary.ts';

/**
 * The most athletes in a slice on this process: a slice runs to its end before an interrupt is
 * heard or a checkpoint written, so it stays short (500 athletes × 52 weeks × 4 arms: about half a
 * second on the bench's machine); no more slices than that, each costs a little.
 */
const LOCAL_MAX_SLICE_ATHLETES = 500;

/**
 * `runParallel`'s pool when a run has one process: the slices simulated here, one after another,
 * each in a turn of the event loop of its own — so that between two slices the process hears a
 * SIGINT or SIGTERM (`abortStagesOnSignals` removes the staging) and a checkpoint is written (a
 * killed run is resumed, `run --resume`). The outputs are byte-identical to `RunScenario.run`.
 */
export class LocalPool implements SlicePool {
  /** The scenario each slice runs, loaded once. */
  private readonly loaded = new Map<string, RunSpec>();
  /** The slice before: each starts when it has ended. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly job: RunScenario) {}

  slices(size: number): [number, number][] {
    const count = Math.max(1, Math.ceil(size / LOCAL_MAX_SLICE_ATHLETES));
    return Array.from({ length: count }, (_, index) => shardRange(size, { index, count }));
  }

  /** A slice failed, or the run (`stop`): those queued after it are not run — the run fails with the first failure. */
  private failed = false;

  runSlice(task: SliceTask): Promise<Float64Array> {
    const run = this.queue.then(nextTurn).then(() => {
      if (this.failed) throw new Error('not run: an earlier slice failed');
      let spec = this.loaded.get(task.scenario);
      if (spec === undefined) this.loaded.set(task.scenario, (spec = this.job.load(task.scenario)));
      try {
        return this.job.runSlice(task, spec);
      } catch (error) {
        this.failed = true;
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  stop(): void {
    this.failed = true;
  }

  async summary(collector: SummaryCollector): Promise<Summary> {
    await this.queue;
    await nextTurn();
    return collector.summary();
  }
}

/**
 * A later turn of the event loop: a callback queued by `setImmediate` while the loop runs the
 * others of its kind waits for the next turn, after the loop has polled — and heard any signal.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
