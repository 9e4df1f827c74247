import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
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
import { DaysCsv } from './outputs/days-csv.ts';
import { OutputStage } from './outputs/stage.ts';
import { ScenarioRunner } from './runner.ts';
import { loadScenario, readScenarioText } from './scenario/load.ts';
import type { RunSpec } from './scenario/prepare.ts';
import type { Summary } from './summary.ts';
import { CATALOGUE, PARAMETERS } from './tokens.ts';

/** Every file of the output contract (DESIGN.md §5): a run replaces all of them in its folder. */
export const OUTPUT_FILES: readonly string[] = ['summary.json', 'contrasts.csv', 'sweep.csv', 'athletes.csv', 'days.csv', 'adjustments.csv', 'manifest.json'];

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

  /** Runs a scenario into `outDir`; `progress` hears of each athlete done (and the athlete-days simulated). */
  run(file: string, outDir: string, command: string, progress: ((done: number, total: number, athleteDays: number) => void) | null = null): RunReport {
    const text = readScenarioText(file);
    const spec = loadScenario(file, this.catalogue, this.parameters, text, this.vocabulary);
    const stage = new OutputStage(outDir);
    try {
      const started = performance.now();
      const athletesFile = stage.open('athletes.csv');
      const daysFile = spec.daily ? stage.open('days.csv') : null;
      const adjustmentsFile = stage.open('adjustments.csv');
      const daysPerAthlete = spec.arms.length * spec.weeks * 7;
      const outcome = this.runner.run(spec, {
        progress: progress === null ? null : (done, total) => progress(done, total, done * daysPerAthlete),
        athletes: new AthletesCsv(athletesFile, spec),
        days: daysFile === null ? null : new DaysCsv(daysFile, spec),
        adjustments: new AdjustmentsCsv(adjustmentsFile, spec),
      });
      athletesFile.close();
      daysFile?.close();
      adjustmentsFile.close();
      const seconds = (performance.now() - started) / 1000;
      stage.write('summary.json', `${JSON.stringify(outcome.summary, null, 2)}\n`);
      stage.write('contrasts.csv', contrastsCsv(outcome.summary));
      if (spec.sweep != null) stage.write('sweep.csv', sweepCsv(outcome.summary, spec.sweep));
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
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
