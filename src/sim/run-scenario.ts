import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject, injectable, multiInject } from 'inversify';
import type { FactProvider } from '../engine/adapt/facts/types.ts';
import { ruleVocabulary, type RuleVocabulary } from './scenario/rules-load.ts';
import { FACT_PROVIDERS, RULE_SOURCES } from '../engine/adapt/tokens.ts';
import type { RuleSet } from '../models/rules/schema.ts';
import type { Parameters } from '../models/parameters.ts';
import type { CompiledCatalogue } from '../models/workouts/compile.ts';
import { VERSION } from '../version.ts';
import { ADAPTATION_MODEL, type AdaptationModel } from './model/adaptation-model.ts';
import { AdjustmentsCsv } from './outputs/adjustments-csv.ts';
import { AthletesCsv } from './outputs/athletes-csv.ts';
import { contrastsCsv } from './outputs/contrasts-csv.ts';
import { sweepCsv } from './outputs/sweep-csv.ts';
import { csvNames, SliceMerger } from './merge.ts';
import { PackedResults, shardRange, ShardResults, type Shard } from './shards.ts';
import type { SummaryCollector, Summary } from './summary.ts';
import { InputError } from '../models/input/located.ts';
import { DaysCsv } from './outputs/days-csv.ts';
import { csvToParquet } from './outputs/parquet.ts';
import { PARQUET_TABLES } from './outputs/parquet-columns.ts';
import { sha256 } from './outputs/read-chunks.ts';
import { resolvedConfig } from './outputs/resolved.ts';
import { OutputStage, StagedFile } from './outputs/stage.ts';
import { ScenarioRunner, type AthleteSink, type RunOptions } from './runner.ts';
import { loadScenario, readScenarioText } from './scenario/load.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { CATALOGUE, PARAMETER_SET } from './tokens.ts';

/** Every file of the output contract (README.md, The outputs): a run replaces all of them in its folder. */
export const OUTPUT_FILES: readonly string[] = [
  'summary.json', 'contrasts.csv', 'sweep.csv', 'shard.json', 'shard.results',
  'athletes.csv', 'days.csv', 'adjustments.csv', 'athletes.parquet', 'days.parquet', 'adjustments.parquet', 'manifest.json',
];

/** How the per-athlete tables are written: CSV, or Parquet with the seed and the resolved scenario as file metadata. */
export type OutputFormat = 'csv' | 'parquet';

export interface RunReport {
  spec: RunSpec;
  /** Null for a shard: `merge` makes the summary. */
  summary: Summary | null;
  files: string[];
  athleteDays: number;
  seconds: number;
}

/**
 * The scenario's whole job: load and check it, simulate, and write the outputs of the contract
 * (summary.json, athletes.csv, days.csv when asked, adjustments.csv — only its header when no arm
 * adapts — and manifest.json) whole or not at all.
 */
@injectable()
export class RunScenario {
  constructor(
    @inject(PARAMETER_SET) private readonly parameters: Parameters,
    @inject(CATALOGUE) private readonly catalogue: CompiledCatalogue,
    @inject(ADAPTATION_MODEL) private readonly model: AdaptationModel,
    @inject(ScenarioRunner) private readonly runner: ScenarioRunner,
    @inject(RULE_SOURCES) ruleSets: ReadonlyMap<string, RuleSet>,
    @multiInject(FACT_PROVIDERS) factProviders: readonly FactProvider[],
  ) {
    // A rule file may name any fact of the providers the engine is built with.
    this.vocabulary = ruleVocabulary(ruleSets, factProviders);
  }

  /** The rule sets a scenario may name and the facts its rule files may read. */
  private readonly vocabulary: RuleVocabulary;

  /** Loads and checks a scenario; throws InputError listing every problem. */
  load(file: string): RunSpec {
    return loadScenario(file, this.catalogue, this.parameters, undefined, this.vocabulary);
  }

  /**
   * Runs a scenario into `outDir`; `progress` hears of each athlete done (and the athlete-days
   * simulated). With `shard`, only that slice of the athletes: its CSV rows and every athlete's
   * results (shard.results) and what it is (shard.json), for `merge` — no summary of its own.
   */
  run(
    file: string,
    outDir: string,
    command: string,
    progress: ((done: number, total: number, athleteDays: number) => void) | null = null,
    shard: Shard | null = null,
    format: OutputFormat = 'csv',
  ): RunReport {
    if (shard !== null && format !== 'csv') throw new RangeError('a shard is written as CSV, for merge (which may write Parquet)');
    const text = readScenarioText(file);
    const spec = loadScenario(file, this.catalogue, this.parameters, text, this.vocabulary);
    const stage = new OutputStage(outDir);
    try {
      const started = performance.now();
      const csvFiles = csvNames(spec).map((name) => stage.open(name));
      const resultsFile = shard === null ? null : stage.open('shard.results');
      const slice = shard === null ? undefined : shardRange(spec.population.size, shard);
      const daysPerAthlete = spec.arms.length * spec.weeks * 7;
      const outcome = this.runner.run(spec, {
        ...this.sinks(spec, csvFiles, resultsFile === null ? null : new ShardResults(resultsFile)),
        progress: progress === null ? null : (done, total) => progress(done, total, done * daysPerAthlete),
        ...(slice === undefined ? {} : { slice }),
      });
      for (const file of [...csvFiles, ...(resultsFile === null ? [] : [resultsFile])]) file.close();
      const seconds = (performance.now() - started) / 1000;
      if (shard === null) {
        const summary = outcome.summary;
        const files = this.finish(stage, spec, text, file, command, summary, {}, format);
        return { spec, summary, files, athleteDays: outcome.athleteDays, seconds };
      }
      const files = this.finishShard(stage, spec, text, file, command, shard);
      return { spec, summary: null, files, athleteDays: outcome.athleteDays, seconds };
    } finally {
      stage.abort();
    }
  }

  /**
   * A worker's part of a run (`runParallel`): the athletes of `task.slice`, their CSV rows into
   * the folder `task.dir` (none when null), and every athlete's results, packed in athlete order.
   */
  runSlice(task: SliceTask): Float64Array {
    const spec = this.load(task.scenario);
    const packed = new PackedResults();
    if (task.dir === null) {
      this.runner.run(spec, { athletes: packed, slice: task.slice });
      return packed.values();
    }
    mkdirSync(task.dir, { recursive: true });
    // Scratch files, joined into the run's outputs (and hashed there) by the main thread.
    const files = csvNames(spec).map((name) => new StagedFile(join(task.dir!, name), name, false));
    try {
      this.runner.run(spec, { ...this.sinks(spec, files, packed), slice: task.slice });
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
   * byte-identical to `run` on one thread.
   */
  async runParallel(
    file: string,
    outDir: string,
    command: string,
    pool: SlicePool,
    progress: ((done: number, total: number, athleteDays: number) => void) | null = null,
    format: OutputFormat = 'csv',
    shard: Shard | null = null,
  ): Promise<RunReport> {
    if (shard !== null && format !== 'csv') throw new RangeError('a shard is written as CSV, for merge (which may write Parquet)');
    const started = performance.now();
    const text = readScenarioText(file);
    const spec = loadScenario(file, this.catalogue, this.parameters, text, this.vocabulary);
    const scratch = mkdtempSync(join(tmpdir(), 'periodize-slices-'));
    const stage = new OutputStage(outDir);
    try {
      const merger = new SliceMerger(stage, spec, this.parameters, shard !== null);
      const [from, to] = shard === null ? [0, spec.population.size] : shardRange(spec.population.size, shard);
      const slices = pool.slices(to - from).map(([a, b]): [number, number] => [from + a, from + b]);
      const daysPerAthlete = spec.arms.length * spec.weeks * 7;
      const dirOf = (index: number) => join(scratch, String(index));
      await inOrder(
        slices.map((slice, index) => pool.runSlice({ scenario: resolve(file), slice, dir: dirOf(index) })),
        (results, index) => {
          merger.addCsv(dirOf(index));
          merger.addPacked(results);
          rmSync(dirOf(index), { recursive: true, force: true });
          progress?.(merger.count, to - from, merger.count * daysPerAthlete);
        },
      );
      merger.close();
      const athleteDays = (to - from) * daysPerAthlete;
      if (shard !== null) {
        const files = this.finishShard(stage, spec, text, file, command, shard);
        return { spec, summary: null, files, athleteDays, seconds: (performance.now() - started) / 1000 };
      }
      const summary = await pool.summary(merger.collector);
      const files = this.finish(stage, spec, text, file, command, summary, {}, format);
      return { spec, summary, files, athleteDays, seconds: (performance.now() - started) / 1000 };
    } finally {
      stage.abort();
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  /**
   * The summary of a run on the pool without any file (the bench's measure of the workers): the
   * slices' results merged in athlete order, as `runParallel` merges them.
   */
  async summariseParallel(file: string, pool: SlicePool): Promise<{ summary: Summary; athleteDays: number }> {
    const spec = this.load(file);
    const merger = new SliceMerger(null, spec, this.parameters);
    await inOrder(
      pool.slices(spec.population.size).map((slice) => pool.runSlice({ scenario: resolve(file), slice, dir: null })),
      (results) => merger.addPacked(results),
    );
    return { summary: await pool.summary(merger.collector), athleteDays: spec.population.size * spec.arms.length * spec.weeks * 7 };
  }

  /** The sinks that write the CSV files (in csvNames order) — and `also`, another athlete sink. */
  private sinks(spec: RunSpec, files: readonly StagedFile[], also: AthleteSink | null): Pick<RunOptions, 'athletes' | 'days' | 'adjustments'> {
    const [athletesFile, ...rest] = files;
    const csv = new AthletesCsv(athletesFile!, spec);
    return {
      athletes: also === null ? csv : { athlete: (traits, results) => (csv.athlete(traits, results), also.athlete(traits, results)) },
      days: spec.daily ? new DaysCsv(rest[0]!, spec) : null,
      adjustments: new AdjustmentsCsv(rest[rest.length - 1]!, spec),
    };
  }

  /** A shard's shard.json (which shard of which run), then its manifest; returns the files' names. */
  private finishShard(stage: OutputStage, spec: RunSpec, text: string, file: string, command: string, shard: Shard): string[] {
    const athletes = shardRange(spec.population.size, shard);
    const meta = { shard: `${shard.index}/${shard.count}`, athletes, of: spec.population.size, seed: spec.seed, scenario: { file, path: resolve(file), sha256: sha256(text) } };
    stage.write('shard.json', `${JSON.stringify(meta, null, 2)}\n`);
    return this.finish(stage, spec, text, file, command, null, {}, 'csv');
  }

  /**
   * Turns the CSV tables into Parquet when asked, writes the summaries (when there is one) and the
   * manifest, and moves every file into place; returns their names.
   */
  private finish(
    stage: OutputStage,
    spec: RunSpec,
    text: string,
    file: string,
    command: string,
    summary: Summary | null,
    extra: Record<string, unknown>,
    format: OutputFormat,
  ): string[] {
    const resolved = resolvedConfig(spec, this.catalogue);
    if (format === 'parquet') {
      const metadata = {
        'periodize.version': VERSION,
        'periodize.seed': String(spec.seed),
        'periodize.model': this.model.name,
        'periodize.scenario.sha256': sha256(text),
        'periodize.resolved': JSON.stringify(resolved),
      };
      for (const name of csvNames(spec)) {
        stage.convert(name, name.replace(/\.csv$/, '.parquet'), (from, to) => csvToParquet(from, to, PARQUET_TABLES[name]!, metadata));
      }
    }
    if (summary !== null) {
      stage.write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
      stage.write('contrasts.csv', contrastsCsv(summary));
      if (spec.sweep != null) stage.write('sweep.csv', sweepCsv(summary, spec.sweep));
    }
    const manifest = {
      tool: 'periodize',
      version: VERSION,
      // The libraries are pinned by the version's package-lock.json; the runtime is not.
      node: process.versions.node,
      command,
      seed: spec.seed,
      scenario: { file, path: resolve(file), sha256: sha256(text), name: spec.scenario.name },
      model: this.model.name,
      parametersSha256: sha256(JSON.stringify(this.parameters)),
      athletes: spec.population.size,
      arms: spec.arms.map((arm) => arm.id),
      weeks: spec.weeks,
      format,
      ...extra,
      resolved,
      files: stage.describe(),
    };
    stage.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    return stage.commit(OUTPUT_FILES);
  }

  /**
   * Merges the shard folders of one run into `outDir`: every shard, once, of the same scenario
   * (unchanged since) and seed. CSV rows are joined in shard order and the summaries are rebuilt
   * from every athlete's exact results in athlete order — byte-identical to the run never split
   * (all but manifest.json, which records this command and the shards).
   */
  merge(dirs: readonly string[], outDir: string, command: string, format: OutputFormat = 'csv'): RunReport {
    const started = performance.now();
    const shards = dirs.map((dir) => ({ dir, meta: readShardMeta(dir) }));
    const first = shards[0]!.meta;
    const count = Number(first.shard.split('/')[1]);
    const problems: string[] = [];
    for (const { dir, meta } of shards) {
      if (meta.scenario.sha256 !== first.scenario.sha256 || meta.seed !== first.seed || !meta.shard.endsWith(`/${count}`)) {
        problems.push(`${dir}: not a shard of the same run as ${shards[0]!.dir}`);
      }
    }
    const byIndex = new Map(shards.map((s) => [Number(s.meta.shard.split('/')[0]), s] as const));
    if (byIndex.size !== shards.length) problems.push('a shard is given twice');
    const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
    if (missing.length > 0) problems.push(`shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
    if (problems.length > 0) throw new InputError(problems.map((message) => ({ file: outDir, line: 1, col: 1, path: [], message })));
    const file = first.scenario.path;
    const text = readScenarioText(file);
    if (sha256(text) !== first.scenario.sha256) {
      throw new InputError([{ file, line: 1, col: 1, path: [], message: 'the scenario has changed since the shards ran' }]);
    }
    const spec = loadScenario(file, this.catalogue, this.parameters, text, this.vocabulary);
    const ordered = Array.from({ length: count }, (_, i) => byIndex.get(i)!);
    const stage = new OutputStage(outDir);
    try {
      const merger = new SliceMerger(stage, spec, this.parameters);
      for (const { dir } of ordered) {
        merger.addCsv(dir);
        merger.addResultsFile(join(dir, 'shard.results'));
      }
      merger.close();
      if (merger.count !== spec.population.size) {
        throw new InputError([{ file: outDir, line: 1, col: 1, path: [], message: `the shards hold ${merger.count} athletes, the run ${spec.population.size}` }]);
      }
      const summary = merger.collector.summary();
      const files = this.finish(stage, spec, text, file, command, summary, { mergedFrom: ordered.map(({ dir }) => dir) }, format);
      const athleteDays = spec.population.size * spec.arms.length * spec.weeks * 7;
      return { spec, summary, files, athleteDays, seconds: (performance.now() - started) / 1000 };
    } finally {
      stage.abort();
    }
  }
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
}

/**
 * Hands each slice's results to `take` in slice order, as soon as it and those before it are in,
 * and lets go of them then (`runs` is emptied as it goes: a long run holds one or two slices'
 * results, not all of them). On a failure, waits for the slices still running before passing it on.
 */
async function inOrder(runs: (Promise<Float64Array> | null)[], take: (results: Float64Array, index: number) => void): Promise<void> {
  // A slice that fails while an earlier one is awaited is met in its turn, not reported as unhandled.
  for (const run of runs) run?.catch(() => undefined);
  try {
    for (let index = 0; index < runs.length; index++) {
      const results = await runs[index]!;
      runs[index] = null;
      take(results, index);
    }
  } finally {
    for (const run of runs) await run?.catch(() => undefined);
  }
}

/** What a shard folder says it is (shard.json); a folder without one is bad input. */
function readShardMeta(dir: string): { shard: string; seed: number; scenario: { path: string; sha256: string } } {
  const file = join(dir, 'shard.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new InputError([{ file, line: 1, col: 1, path: [], message: 'not a shard folder (no readable shard.json): run with --shard i/N first' }]);
  }
}
