import { mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { inject, injectable } from 'inversify';
import { ADAPTATION_MODEL, type AdaptationModel } from './model/adaptation-model.ts';
import { csvNames, SliceMerger } from './merge.ts';
import { mergeShards, orderShards, shardScenarioText } from './merge-shards.ts';
import { csvSinks, OUTPUT_FILES, OutputWriter, resolvedSha256, type OutputFormat } from './outputs/run-outputs.ts';
import { InputError } from '../models/input/located.ts';
import { CheckpointMismatch, OutputError, OutputStage, StagedFile } from './outputs/stage.ts';
import { dropCheckpoint, forEachCheckpointedSlice, readCheckpoint, RESULTS_FILE, resultsBlock, runKey, writeCheckpoint, writeSlices, type Checkpoint } from './outputs/checkpoint.ts';
import { resolvedConfig } from './outputs/resolved.ts';
import { PackedResults, shardRange, ShardResults, type Shard } from './shards.ts';
import type { SummaryCollector, Summary } from './summary.ts';
import { ScenarioRunner } from './runner.ts';
import { estimateRun, type RunEstimate } from './estimate.ts';
import { ScenarioLoader } from './scenario/loader.ts';
import type { RuleFileAccess } from './scenario/rules-load.ts';
import { athleteDays, type RunSpec } from './scenario/prepare.ts';
import { withModelUncertainty, type EnsembleRuns } from './model-uncertainty.ts';

export type { OutputFormat } from './outputs/run-outputs.ts';

/** Hears of each athlete done, with the athlete-days simulated so far (a progress bar). */
export type RunProgress = (done: number, total: number, athleteDays: number) => void;

/** What `run` and `runParallel` are asked to do. */
export interface RunRequest {
  /** The scenario file. */
  scenario: string;
  /** The output folder: every file of the output contract in it is replaced, or none is. */
  outDir: string;
  /** The command line, recorded in manifest.json. */
  command: string;
  /** Hears of each athlete done; none by default. */
  progress?: RunProgress | null;
  /** Only this shard of the athletes, for `merge`; the whole run by default. */
  shard?: Shard | null;
  /** CSV by default; a shard is written as CSV (merge may write Parquet). */
  format?: OutputFormat;
  /**
   * The contrasts under the ensemble's parameter sets (`runEnsembleSets`), run before: the summary's
   * contrasts gain their model-uncertainty intervals. None by default (not for a shard).
   */
  uncertainty?: EnsembleRuns | null;
}

/** `runParallel`'s request: a run's, and the pool of worker processes it runs on. */
export interface ParallelRunRequest extends RunRequest {
  pool: SlicePool;
  /**
   * Continue a run of the same scenario into the same folder that was killed: its staging folder
   * and checkpoint taken over, only the slices not done simulated (src/sim/outputs/checkpoint.ts).
   * With none to continue, the run starts from the beginning.
   */
  resume?: boolean;
}

/** What `merge` is asked to do. */
export interface MergeRequest {
  /** Every shard folder of one run, in any order. */
  shards: readonly string[];
  outDir: string;
  /** The command line, recorded in manifest.json. */
  command: string;
  /** CSV by default. */
  format?: OutputFormat;
}

export interface RunReport {
  spec: RunSpec;
  /** Null for a shard: `merge` makes the summary. */
  summary: Summary | null;
  files: string[];
  athleteDays: number;
  seconds: number;
  /** A resumed run (`resume`): the slices a killed run had done, of all; null otherwise. */
  resumed?: { slices: number; of: number } | null;
}

/**
 * The scenario's whole job, the CLI's entry points: load and check it (src/sim/scenario/loader.ts),
 * simulate, on this process or a pool of worker processes, and write the outputs of the contract
 * (src/sim/outputs/run-outputs.ts) whole or not at all — or merge the shards of a run
 * (src/sim/merge-shards.ts).
 */
@injectable()
export class RunScenario {
  constructor(
    @inject(ScenarioLoader) private readonly loader: ScenarioLoader,
    @inject(ADAPTATION_MODEL) model: AdaptationModel,
    @inject(ScenarioRunner) private readonly runner: ScenarioRunner,
  ) {
    this.outputs = new OutputWriter(model, loader.parameters, loader.catalogue);
  }

  private readonly outputs: OutputWriter;

  /**
   * Loads and checks a scenario; throws InputError listing every problem. `access`: which rule
   * files it may name (RuleFileAccess; the command line asks for `inside`).
   */
  load(file: string, access: RuleFileAccess = 'anywhere'): RunSpec {
    return this.loader.load(file, undefined, access).spec;
  }

  /**
   * What a run of the athletes [from, to) of `spec` will cost on this machine on `workers`
   * processes, under `sets` more parameter sets: a probe of its first athletes (src/sim/estimate.ts).
   */
  estimate(spec: RunSpec, range: readonly [number, number], workers: number, sets = 0): RunEstimate {
    return estimateRun(this.runner, spec, range, workers, sets);
  }

  /**
   * Runs a scenario into its output folder, on this process; `progress` hears of each athlete done.
   * With `shard`, only that slice of the athletes: its CSV rows and every athlete's results
   * (shard.results) and what it is (shard.json), for `merge` — no summary of its own.
   */
  run(request: RunRequest): RunReport {
    const { shard, format, progress } = withDefaults(request);
    const scenario = this.loader.load(request.scenario);
    const { spec } = scenario;
    const stage = new OutputStage(request.outDir, OUTPUT_FILES);
    try {
      const started = performance.now();
      const csvFiles = csvNames(spec).map((name) => stage.open(name));
      const resultsFile = shard === null ? null : stage.open('shard.results');
      const outcome = this.runner.run(spec, {
        ...csvSinks(spec, csvFiles, resultsFile === null ? null : new ShardResults(resultsFile)),
        progress: progress === null ? null : (done, total) => progress(done, total, athleteDays(spec, done)),
        ...(shard === null ? {} : { slice: shardRange(spec.population.size, shard) }),
      });
      for (const file of [...csvFiles, ...(resultsFile === null ? [] : [resultsFile])]) file.close();
      const seconds = (performance.now() - started) / 1000;
      const summary = shard === null ? withUncertainty(outcome.summary, spec, request.uncertainty) : null;
      const files = this.outputs.write({ stage, scenario, command: request.command, summary, shard, format, ...uncertaintyExtra(request.uncertainty) });
      return { spec, summary, files, athleteDays: outcome.athleteDays, seconds };
    } finally {
      stage.abort();
    }
  }

  /**
   * A worker's part of a run (`runParallel`): the athletes of `task.slice`, their CSV rows into
   * the folder `task.dir` (none when null), and every athlete's results, packed in athlete order.
   * `spec`: the scenario already loaded (a run on this process loads it once, src/sim/local-pool.ts);
   * `eachAthlete`: called after each athlete (a worker checks that its parent is still there).
   */
  runSlice(task: SliceTask, spec: RunSpec = this.load(task.scenario), eachAthlete: (() => void) | null = null): Float64Array {
    const packed = new PackedResults();
    const progress = eachAthlete === null ? {} : { progress: eachAthlete };
    if (task.dir === null) {
      this.runner.run(spec, { athletes: packed, slice: task.slice, ...progress });
      return packed.values();
    }
    mkdirSync(task.dir, { recursive: true });
    // Scratch files, joined into the run's outputs (and hashed there) by the main process.
    const files = csvNames(spec).map((name) => new StagedFile(join(task.dir!, name), name, false));
    try {
      this.runner.run(spec, { ...csvSinks(spec, files, packed), slice: task.slice, ...progress });
      for (const file of files) file.close();
      return packed.values();
    } finally {
      for (const file of files) file.abandon();
    }
  }

  /**
   * Runs a scenario on a pool of worker processes: the athletes cut into slices, each simulated by
   * a worker into a scratch folder, and merged here in athlete order as soon as the slices before
   * it are in (while later ones still run); the bootstrap intervals are spread over the pool too.
   * With `shard`, only that shard's athletes, written as `run` writes a shard. The outputs are
   * byte-identical to `run` on one process.
   */
  async runParallel(request: ParallelRunRequest): Promise<RunReport> {
    const { shard, format, progress } = withDefaults(request);
    const { pool } = request;
    const started = performance.now();
    const scenario = this.loader.load(request.scenario);
    const { spec } = scenario;
    const [from, to] = shard === null ? [0, spec.population.size] : shardRange(spec.population.size, shard);
    const key = runKey({ parameters: this.loader.parameters, scenarioText: scenario.text, resolved: resolvedConfig(spec, this.loader.catalogue), shard });
    // After each slice merged, a checkpoint: a killed run can be continued (`resume`).
    let checkpoint: Checkpoint | null = null;
    const adopt = (staging: string): boolean => {
      const found = readCheckpoint(staging);
      if (found === null) return false;
      if (found.key !== key || !coversInOrder(found.slices, from, to) || (found.results === null) !== (shard !== null)) {
        const other = 'was of another scenario, rule file, parameter set, shard or version of periodize';
        throw new OutputError(request.outDir, 'cannot resume', new Error(`the killed run in ${basename(staging)} ${other}: run without --resume to replace it`));
      }
      checkpoint = found;
      return true;
    };
    const stage = new OutputStage(request.outDir, OUTPUT_FILES, request.resume === true ? adopt : null);
    const resumed = checkpoint as Checkpoint | null;
    // The workers' slices inside the staging folder: an abort or an interrupt removes them with it.
    const scratch = join(stage.staging, '.slices');
    let results: StagedFile | null = null;
    try {
      rmSync(scratch, { recursive: true, force: true });
      mkdirSync(scratch);
      const slices = resumed?.slices ?? pool.slices(to - from).map(([a, b]): [number, number] => [from + a, from + b]);
      const done = resumed?.done ?? 0;
      if (resumed === null) writeSlices(stage.staging, key, slices);
      const merger = this.mergerFor(stage, spec, shard !== null, resumed);
      // Every athlete's results, kept for a resumed run's summary (a shard keeps them in shard.results).
      const resultsPath = join(stage.staging, RESULTS_FILE);
      if (shard === null) {
        const kept = resumed?.results ?? null;
        results = kept === null ? new StagedFile(resultsPath, RESULTS_FILE) : this.reopened(stage, () => StagedFile.reopen(resultsPath, RESULTS_FILE, kept.bytes, kept.sha256));
        if (kept !== null) forEachCheckpointedSlice(stage.staging, kept.bytes, (values) => merger.replay(values));
      }
      const dirOf = (index: number) => join(scratch, String(index));
      await inOrder(
        slices.slice(done).map((slice, index) => pool.runSlice({ scenario: resolve(request.scenario), slice, dir: dirOf(done + index) })),
        (values, index) => {
          merger.addCsv(dirOf(done + index));
          merger.addPacked(values);
          rmSync(dirOf(done + index), { recursive: true, force: true });
          for (const bytes of results === null ? [] : resultsBlock(values)) results!.writeBytes(bytes);
          writeCheckpoint(stage.staging, {
            periodize: 'checkpoint',
            key,
            slices,
            done: done + index + 1,
            files: merger.checkpoint(),
            results: results === null ? null : results.checkpoint(),
          });
          progress?.(merger.count, to - from, athleteDays(spec, merger.count));
        },
        () => pool.stop?.(),
      );
      merger.close();
      results?.abandon();
      // A run killed during its summary resumes with every slice done; once the outputs are being
      // finished (Parquet made from the CSV files), it no longer can.
      const summary = shard === null ? withUncertainty(await pool.summary(merger.collector), spec, request.uncertainty) : null;
      dropCheckpoint(stage.staging);
      rmSync(resultsPath, { force: true });
      const files = this.outputs.write({ stage, scenario, command: request.command, summary, shard, format, ...uncertaintyExtra(request.uncertainty) });
      return {
        spec,
        summary,
        files,
        athleteDays: athleteDays(spec, to - from) - athleteDays(spec, athletesDone(slices, done)),
        seconds: (performance.now() - started) / 1000,
        resumed: resumed === null ? null : { slices: done, of: slices.length },
      };
    } finally {
      (results as StagedFile | null)?.abandon();
      stage.abort();
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  /** The merger of a run's slices: from the beginning, or from a killed run's checkpoint (its files checked and reopened). */
  private mergerFor(stage: OutputStage, spec: RunSpec, shard: boolean, resumed: Checkpoint | null): SliceMerger {
    if (resumed === null) return new SliceMerger(stage, spec, this.loader.parameters, shard);
    const athletes = athletesDone(resumed.slices, resumed.done);
    return this.reopened(stage, () => new SliceMerger(stage, spec, this.loader.parameters, shard, { files: resumed.files, slices: resumed.done, athletes }));
  }

  /** `reopen`'s result; a file that is not what the checkpoint recorded makes the run unresumable, as bad input. */
  private reopened<T>(stage: OutputStage, reopen: () => T): T {
    try {
      return reopen();
    } catch (error) {
      if (!(error instanceof CheckpointMismatch)) throw error;
      const why = `${error.message}: the folder changed after the run was killed; run without --resume to start over`;
      throw new OutputError(stage.outDir, 'cannot resume', new Error(why));
    }
  }

  /**
   * The summary of a run on the pool without any file (the bench's measure of the workers): the
   * slices' results merged in athlete order, as `runParallel` merges them.
   */
  async summariseParallel(file: string, pool: SlicePool): Promise<{ summary: Summary; athleteDays: number }> {
    const spec = this.load(file);
    const merger = new SliceMerger(null, spec, this.loader.parameters);
    await inOrder(
      pool.slices(spec.population.size).map((slice) => pool.runSlice({ scenario: resolve(file), slice, dir: null })),
      (results) => merger.addPacked(results),
    );
    return { summary: await pool.summary(merger.collector), athleteDays: athleteDays(spec) };
  }

  /**
   * Merges the shard folders of one run: every shard, once, of the same scenario (unchanged since)
   * and seed. CSV rows are joined in shard order and the summaries are rebuilt from every athlete's
   * exact results in athlete order — byte-identical to the run never split (all but manifest.json,
   * which records this command and the shards).
   */
  merge(request: MergeRequest): RunReport {
    const started = performance.now();
    const shards = orderShards(request.shards, request.outDir);
    const { file, text } = shardScenarioText(shards);
    const scenario = this.loader.load(file, text);
    const { spec } = scenario;
    // The files the scenario names (athlete files, rule files) as the shards read them.
    const ran = shards[0]!.meta.scenario.resolved;
    if (ran !== undefined && ran !== resolvedSha256(resolvedConfig(spec, this.loader.catalogue))) {
      throw new InputError([{ file, line: 1, col: 1, path: [], message: 'an athlete file or rule file the scenario names has changed since the shards ran' }]);
    }
    const stage = new OutputStage(request.outDir, OUTPUT_FILES);
    try {
      const summary = mergeShards({ stage, spec, parameters: this.loader.parameters, shards, outDir: request.outDir });
      const extra = { mergedFrom: shards.map(({ dir }) => dir) };
      const files = this.outputs.write({ stage, scenario, command: request.command, summary, format: request.format ?? 'csv', extra });
      return { spec, summary, files, athleteDays: athleteDays(spec), seconds: (performance.now() - started) / 1000 };
    } finally {
      stage.abort();
    }
  }
}

/** Whether slices run contiguously from `from` to `to`. */
function coversInOrder(slices: readonly [number, number][], from: number, to: number): boolean {
  // A shard of no athletes (more shards than athletes) is one empty slice.
  return slices.length > 0 && slices[0]![0] === from && slices.at(-1)![1] === to && slices.every(([a, b], i) => (a < b || from === to) && (i === 0 || a === slices[i - 1]![1]));
}

/** Athletes in the first `done` slices. */
function athletesDone(slices: readonly [number, number][], done: number): number {
  return done === 0 ? 0 : slices[done - 1]![1] - slices[0]![0];
}

/** The summary with the contrasts' model uncertainty, when the request brought it. */
function withUncertainty(summary: Summary, spec: RunSpec, runs: EnsembleRuns | null | undefined): Summary {
  return runs == null ? summary : withModelUncertainty(summary, spec, runs);
}

/** What manifest.json records of the ensemble sets a run's intervals are over (`rerun` runs them again). */
function uncertaintyExtra(runs: EnsembleRuns | null | undefined): { extra?: Record<string, unknown> } {
  if (runs == null) return {};
  const { ensemble, ensembleSha256, sets, distinct } = runs.about;
  return { extra: { uncertainty: { ensemble, ensembleSha256, sets, distinct } } };
}

/** A request's options with their defaults; a shard is written as CSV. */
function withDefaults(request: RunRequest): { shard: Shard | null; format: OutputFormat; progress: RunProgress | null } {
  const { shard = null, format = 'csv', progress = null } = request;
  if (shard !== null && format !== 'csv') throw new RangeError('a shard is written as CSV, for merge (which may write Parquet)');
  if (shard !== null && request.uncertainty != null) throw new RangeError('a shard has no summary: the model uncertainty is for a whole run');
  return { shard, format, progress };
}

/** A slice of a run for a worker process (RunScenario.runSlice). */
export interface SliceTask {
  /** The scenario file, as an absolute path. */
  scenario: string;
  /** The athletes [from, to). */
  slice: [number, number];
  /** Where the slice's CSV files go; null: none (only the results). */
  dir: string | null;
}

/** What `runParallel` needs of a worker pool (WorkerPool). */
export interface SlicePool {
  /** How a run of `size` athletes is cut: contiguous slices in athlete order. */
  slices(size: number): [number, number][];
  /** Every athlete's results of the slice, packed in athlete order (PackedResults). */
  runSlice(task: SliceTask): Promise<Float64Array>;
  /** The collector's summary, its bootstrap intervals computed on the pool. */
  summary(collector: SummaryCollector): Promise<Summary>;
  /** The run has failed: slices not yet started need not be (a pool that can tell). */
  stop?(): void;
}

/**
 * Hands each slice's results to `take` in slice order, as soon as it and those before it are in,
 * and lets go of them then (`runs` is emptied as it goes: a long run holds one or two slices'
 * results, not all of them). On a failure, `stop`s the slices not yet started and waits for those
 * still running before passing it on.
 */
async function inOrder(runs: (Promise<Float64Array> | null)[], take: (results: Float64Array, index: number) => void, stop?: () => void): Promise<void> {
  // A slice that fails while an earlier one is awaited is met in its turn, not reported as unhandled.
  for (const run of runs) run?.catch(() => undefined);
  try {
    for (let index = 0; index < runs.length; index++) {
      const results = await runs[index]!;
      runs[index] = null;
      take(results, index);
    }
  } catch (error) {
    stop?.();
    throw error;
  } finally {
    for (const run of runs) await run?.catch(() => undefined);
  }
}
