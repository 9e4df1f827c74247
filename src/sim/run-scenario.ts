import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { AthleteResults } from './results.ts';
import { decodeResults, shardRange, ShardResults, type Shard } from './shards.ts';
import { SummaryCollector, typicalErrorsOf, type Summary } from './summary.ts';
import { InputError } from './scenario/located.ts';
import { DaysCsv } from './outputs/days-csv.ts';
import { OutputStage } from './outputs/stage.ts';
import { ScenarioRunner } from './runner.ts';
import { loadScenario, readScenarioText } from './scenario/load.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { CATALOGUE, PARAMETERS } from './tokens.ts';

/** Every file of the output contract (DESIGN.md §5): a run replaces all of them in its folder. */
export const OUTPUT_FILES: readonly string[] = ['summary.json', 'contrasts.csv', 'sweep.csv', 'shard.json', 'shard.results', 'athletes.csv', 'days.csv', 'adjustments.csv', 'manifest.json'];

export interface RunReport {
  spec: RunSpec;
  summary: Summary;
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
    @inject(PARAMETERS) private readonly parameters: Parameters,
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
  ): RunReport {
    const text = readScenarioText(file);
    const spec = loadScenario(file, this.catalogue, this.parameters, text, this.vocabulary);
    const stage = new OutputStage(outDir);
    try {
      const started = performance.now();
      const athletesFile = stage.open('athletes.csv');
      const daysFile = spec.daily ? stage.open('days.csv') : null;
      const adjustmentsFile = stage.open('adjustments.csv');
      const resultsFile = shard === null ? null : stage.open('shard.results');
      const daysPerAthlete = spec.arms.length * spec.weeks * 7;
      const slice = shard === null ? undefined : shardRange(spec.population.size, shard);
      const csv = new AthletesCsv(athletesFile, spec);
      const results = resultsFile === null ? null : new ShardResults(resultsFile);
      const outcome = this.runner.run(spec, {
        progress: progress === null ? null : (done, total) => progress(done, total, done * daysPerAthlete),
        athletes: results === null ? csv : { athlete: (traits, r) => (csv.athlete(traits, r), results.athlete(traits, r)) },
        days: daysFile === null ? null : new DaysCsv(daysFile, spec),
        adjustments: new AdjustmentsCsv(adjustmentsFile, spec),
        ...(slice === undefined ? {} : { slice }),
      });
      athletesFile.close();
      daysFile?.close();
      adjustmentsFile.close();
      resultsFile?.close();
      const seconds = (performance.now() - started) / 1000;
      if (shard === null) this.writeSummaries(stage, spec, outcome.summary);
      else {
        const meta = { shard: `${shard.index}/${shard.count}`, athletes: slice, of: spec.population.size, seed: spec.seed, scenario: { file, path: resolve(file), sha256: sha256(text) } };
        stage.write('shard.json', `${JSON.stringify(meta, null, 2)}\n`);
      }
      const manifest = {
        tool: 'periodize',
        version: VERSION,
        command,
        seed: spec.seed,
        scenario: { file, path: resolve(file), sha256: sha256(text), name: spec.scenario.name },
        model: this.model.name,
        parametersSha256: sha256(JSON.stringify(this.parameters)),
        athletes: spec.population.size,
        arms: spec.arms.map((arm) => arm.id),
        weeks: spec.weeks,
        files: stage.describe(),
      };
      stage.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
      const files = stage.commit(OUTPUT_FILES);
      return { spec, summary: outcome.summary, files, athleteDays: outcome.athleteDays, seconds };
    } finally {
      stage.abort();
    }
  }

  private writeSummaries(stage: OutputStage, spec: RunSpec, summary: Summary): void {
    stage.write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    stage.write('contrasts.csv', contrastsCsv(summary));
    if (spec.sweep != null) stage.write('sweep.csv', sweepCsv(summary, spec.sweep));
  }

  /**
   * Merges the shard folders of one run into `outDir`: every shard, once, of the same scenario
   * (unchanged since) and seed. CSV rows are joined in shard order and the summaries are rebuilt
   * from every athlete's exact results in athlete order — byte-identical to the run never split
   * (all but manifest.json, which records this command).
   */
  merge(dirs: readonly string[], outDir: string, command: string, asRun: { scenarioFile: string } | null = null): RunReport {
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
      for (const name of ['athletes.csv', ...(spec.daily ? ['days.csv'] : []), 'adjustments.csv']) {
        const out = stage.open(name);
        ordered.forEach(({ dir }, i) => {
          const content = readFileSync(join(dir, name), 'utf8');
          out.write(i === 0 ? content : content.slice(content.indexOf('\n') + 1));
        });
        out.close();
      }
      const collector = new SummaryCollector(spec, spec.population.size, typicalErrorsOf(this.parameters));
      const results = new AthleteResults(spec.arms.length);
      let slot = 0;
      for (const { dir } of ordered) {
        for (const line of readFileSync(join(dir, 'shard.results'), 'utf8').split('\n')) {
          if (line === '') continue;
          decodeResults(line, results);
          collector.add(slot++, results);
        }
      }
      if (slot !== spec.population.size) throw new InputError([{ file: outDir, line: 1, col: 1, path: [], message: `the shards hold ${slot} athletes, the run ${spec.population.size}` }]);
      const summary = collector.summary();
      this.writeSummaries(stage, spec, summary);
      const manifest = {
        tool: 'periodize',
        version: VERSION,
        command,
        seed: spec.seed,
        scenario: { file: asRun?.scenarioFile ?? file, path: resolve(file), sha256: sha256(text), name: spec.scenario.name },
        model: this.model.name,
        parametersSha256: sha256(JSON.stringify(this.parameters)),
        athletes: spec.population.size,
        arms: spec.arms.map((arm) => arm.id),
        weeks: spec.weeks,
        // Merged by workers of one run, the manifest is the run's; merged by hand, it says from what.
        ...(asRun === null ? { mergedFrom: ordered.map(({ dir }) => dir) } : {}),
        files: stage.describe(),
      };
      stage.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
      const files = stage.commit(OUTPUT_FILES);
      const athleteDays = spec.population.size * spec.arms.length * spec.weeks * 7;
      return { spec, summary, files, athleteDays, seconds: (performance.now() - started) / 1000 };
    } finally {
      stage.abort();
    }
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

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
