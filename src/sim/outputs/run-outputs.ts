import { resolve } from 'node:path';
import type { Parameters } from '../../models/parameters.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { VERSION } from '../../version.ts';
import { csvNames } from '../merge.ts';
import type { AdaptationModel } from '../model/adaptation-model.ts';
import type { AthleteSink, RunOptions } from '../runner.ts';
import type { LoadedScenario } from '../scenario/loader.ts';
import type { RunSpec } from '../scenario/prepare.ts';
import { shardRange, type Shard, type ShardMeta } from '../shards.ts';
import type { Summary } from '../summary.ts';
import { AdjustmentsCsv } from './adjustments-csv.ts';
import { armsCsv } from './arms-csv.ts';
import { AthletesCsv } from './athletes-csv.ts';
import { contrastsCsv } from './contrasts-csv.ts';
import { DaysCsv } from './days-csv.ts';
import { csvToParquet } from './parquet.ts';
import { PARQUET_TABLES } from './parquet-columns.ts';
import { sha256 } from './read-chunks.ts';
import { resolvedConfig } from './resolved.ts';
import type { OutputStage, TextSink } from './stage.ts';
import { sweepCsv } from './sweep-csv.ts';

/**
 * Every file of the output contract (README.md, The outputs): a run replaces all of them in its
 * folder — report.html too, the page an earlier run's `--report` drew (src/report/write.ts), which
 * would no longer show this run's outputs.
 */
export const OUTPUT_FILES: readonly string[] = [
  'summary.json', 'contrasts.csv', 'arms.csv', 'sweep.csv', 'shard.json', 'shard.results',
  'athletes.csv', 'days.csv', 'adjustments.csv', 'athletes.parquet', 'days.parquet', 'adjustments.parquet', 'manifest.json', 'report.html',
];

/** How the per-athlete tables are written: CSV, or Parquet with the seed and the resolved scenario as file metadata. */
export type OutputFormat = 'csv' | 'parquet';

/** What the outputs of a run, a shard or a merge are written from, once its CSV tables are staged. */
export interface RunOutputs {
  /** Where the files are staged; they move into place together at the end. */
  stage: OutputStage;
  scenario: LoadedScenario;
  /** The command line, recorded in manifest.json. */
  command: string;
  /** The run's summary (summary.json, contrasts.csv, arms.csv, sweep.csv); null for a shard: `merge` makes it. */
  summary: Summary | null;
  /** A shard writes shard.json, what it is for `merge`; null for a whole run. */
  shard?: Shard | null;
  /** A shard is written as CSV (merge may write Parquet). */
  format: OutputFormat;
  /** More for the manifest, after `format` (a merge: the shard folders it read). */
  extra?: Readonly<Record<string, unknown>>;
}

/** The sinks that write a run's CSV tables into `files` (in csvNames order) — and `also`, another athlete sink. */
export function csvSinks(spec: RunSpec, files: readonly TextSink[], also: AthleteSink | null): Pick<RunOptions, 'athletes' | 'days' | 'adjustments'> {
  const [athletesFile, ...rest] = files;
  const csv = new AthletesCsv(athletesFile!, spec);
  return {
    athletes: also === null ? csv : { athlete: (traits, results) => (csv.athlete(traits, results), also.athlete(traits, results)) },
    days: spec.daily ? new DaysCsv(rest[0]!, spec) : null,
    adjustments: new AdjustmentsCsv(rest[rest.length - 1]!, spec),
  };
}

/** Writes what a run makes besides its CSV rows: with the model, parameters and catalogue it ran on. */
export class OutputWriter {
  constructor(
    private readonly model: AdaptationModel,
    private readonly parameters: Parameters,
    private readonly catalogue: CompiledCatalogue,
  ) {}

  /**
   * Turns the CSV tables into Parquet when asked, writes shard.json (a shard) or the summaries (a
   * run), then the manifest, and moves every file into place; returns their names.
   */
  write(outputs: RunOutputs): string[] {
    const { stage, scenario, summary, format } = outputs;
    const { spec } = scenario;
    const resolved = resolvedConfig(spec, this.catalogue);
    if (format === 'parquet') this.convertToParquet(stage, scenario, resolved);
    if (outputs.shard != null) stage.write('shard.json', `${JSON.stringify(shardMeta(scenario, outputs.shard, resolvedSha256(resolved)), null, 2)}\n`);
    if (summary !== null) {
      stage.write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
      stage.write('contrasts.csv', contrastsCsv(summary));
      stage.write('arms.csv', armsCsv(summary));
      if (spec.sweep != null) stage.write('sweep.csv', sweepCsv(summary, spec.sweep));
    }
    const manifest = {
      tool: 'periodize',
      version: VERSION,
      // The libraries are pinned by the version's package-lock.json; the runtime is not.
      node: process.versions.node,
      command: outputs.command,
      seed: spec.seed,
      scenario: { ...scenarioIdentity(scenario), name: spec.scenario.name },
      model: this.model.name,
      parametersSha256: sha256(JSON.stringify(this.parameters)),
      athletes: spec.population.size,
      arms: spec.arms.map((arm) => arm.id),
      weeks: spec.weeks,
      format,
      ...outputs.extra,
      resolved,
      files: stage.describe(),
    };
    stage.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    return stage.commit(OUTPUT_FILES);
  }

  /** The staged CSV tables as Parquet files, with the seed, the model and the resolved scenario as metadata. */
  private convertToParquet(stage: OutputStage, scenario: LoadedScenario, resolved: unknown): void {
    const metadata = {
      'periodize.version': VERSION,
      'periodize.seed': String(scenario.spec.seed),
      'periodize.model': this.model.name,
      'periodize.scenario.sha256': sha256(scenario.text),
      'periodize.resolved': JSON.stringify(resolved),
    };
    for (const name of csvNames(scenario.spec)) {
      stage.convert(name, name.replace(/\.csv$/, '.parquet'), (from, to) => csvToParquet(from, to, PARQUET_TABLES[name]!, metadata));
    }
  }
}

/** The scenario file as the outputs name it: as the command named it, where it was, and its text's SHA-256. */
function scenarioIdentity({ file, text }: LoadedScenario): ShardMeta['scenario'] {
  return { file, path: resolve(file), sha256: sha256(text) };
}

/** What shard.json says of a shard: which shard of which run (ShardMeta). */
function shardMeta(scenario: LoadedScenario, shard: Shard, resolved: string): ShardMeta {
  const { spec } = scenario;
  return {
    shard: `${shard.index}/${shard.count}`,
    athletes: shardRange(spec.population.size, shard),
    of: spec.population.size,
    seed: spec.seed,
    scenario: { ...scenarioIdentity(scenario), resolved },
  };
}

/** The SHA-256 of a resolved scenario (resolvedConfig), as shard.json records it. */
export function resolvedSha256(resolved: unknown): string {
  return sha256(JSON.stringify(resolved));
}
