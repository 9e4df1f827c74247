import { inject, injectable, multiInject } from 'inversify';
import { actionRegistry, type ActionHandler } from '../engine/adapt/actions.ts';
import type { EngineParts } from '../engine/adapt/engine.ts';
import { ACTION_HANDLERS } from '../engine/adapt/tokens.ts';
import type { Parameters } from '../models/parameters.ts';
import type { CompiledCatalogue } from '../models/workouts/compile.ts';
import { ADAPTATION_MODEL, type AdaptationModel } from './model/adaptation-model.ts';
import { AthleteResults } from './results.ts';
import { athleteDays, type RunSpec } from './scenario/prepare.ts';
import { RULE_VOCABULARY, type RuleVocabulary } from './scenario/rules-load.ts';
import { Simulator, type AdjustmentSink, type DaySink } from './simulator.ts';
import { SummaryCollector, typicalErrorsOf, type Summary } from './summary.ts';
import { CATALOGUE, PARAMETER_SET } from './tokens.ts';
import type { AthleteTraits } from './population.ts';

/** Receives each athlete once all its arms are done (athletes.csv). */
export interface AthleteSink {
  athlete(traits: AthleteTraits, results: AthleteResults): void;
}

export interface RunOptions {
  days?: DaySink | null;
  /** Every change the adaptive engine makes (adjustments.csv). */
  adjustments?: AdjustmentSink | null;
  athletes?: AthleteSink | null;
  /** Called after each athlete with the number done. */
  progress?: ((done: number, total: number) => void) | null;
  /** Only the athletes [from, to) (a shard); default: all of them. */
  slice?: readonly [number, number];
}

export interface RunOutcome {
  /** Computed when first read (a slice or a shard of a run has no use for one). */
  readonly summary: Summary;
  /** Per-athlete metric values, for paired analyses across runs. */
  metrics: SummaryCollector;
  /** Simulated athlete-days (athletes × arms × training days). */
  athleteDays: number;
}

/** Runs a prepared scenario: every athlete through every arm, collecting the summary as it goes. */
@injectable()
export class ScenarioRunner {
  constructor(
    @inject(PARAMETER_SET) private readonly parameters: Parameters,
    @inject(ADAPTATION_MODEL) private readonly model: AdaptationModel,
    @inject(CATALOGUE) private readonly catalogue: CompiledCatalogue,
    @inject(RULE_VOCABULARY) vocabulary: RuleVocabulary,
    @multiInject(ACTION_HANDLERS) actionHandlers: readonly ActionHandler[],
  ) {
    this.engineParts = {
      // The facts the rules were checked against when they were loaded.
      facts: vocabulary.facts,
      actions: actionRegistry(actionHandlers),
      catalogue,
    };
  }

  /** What the adaptive engine of an adaptive arm is built from. */
  readonly engineParts: EngineParts;

  run(spec: RunSpec, options: RunOptions = {}): RunOutcome {
    const [from, to] = options.slice ?? [0, spec.population.size];
    const size = to - from;
    const simulator = new Simulator(spec, this.parameters, this.model, this.catalogue, this.engineParts);
    const results = new AthleteResults(spec.arms.length);
    const collector = new SummaryCollector(spec, size, typicalErrorsOf(this.parameters), this.parameters.tests.fatigueWarningLoss);
    const days = options.days ?? null;
    const adjustments = options.adjustments ?? null;
    for (let index = from; index < to; index++) {
      // Each athlete's streams come from (seed, index): a slice simulates them exactly as the whole run does.
      simulator.runAthlete(index, results, days, adjustments);
      collector.add(index - from, results);
      options.athletes?.athlete(simulator.traits, results);
      options.progress?.(index - from + 1, size);
    }
    let summary: Summary | null = null;
    return {
      get summary() {
        return (summary ??= collector.summary());
      },
      metrics: collector,
      athleteDays: athleteDays(spec, size),
    };
  }
}

