import { inject, injectable } from 'inversify';
import type { Parameters } from '../models/parameters.ts';
import type { CompiledCatalogue } from '../models/workouts/compile.ts';
import { ADAPTATION_MODEL, type AdaptationModel } from './model/adaptation-model.ts';
import { AthleteResults } from './results.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { Simulator, type DaySink } from './simulator.ts';
import { SummaryCollector, type Summary } from './summary.ts';
import { CATALOGUE, PARAMETERS } from './tokens.ts';
import type { AthleteTraits } from './population.ts';

/** Receives each athlete once all its arms are done (athletes.csv). */
export interface AthleteSink {
  athlete(traits: AthleteTraits, results: AthleteResults): void;
}

export interface RunOptions {
  days?: DaySink | null;
  athletes?: AthleteSink | null;
  /** Called after each athlete with the number done. */
  progress?: ((done: number, total: number) => void) | null;
}

export interface RunOutcome {
  summary: Summary;
  /** Per-athlete metric values, for paired analyses across runs. */
  metrics: SummaryCollector;
  /** Simulated athlete-days (athletes × arms × training days). */
  athleteDays: number;
}

/** Runs a prepared scenario: every athlete through every arm, collecting the summary as it goes. */
@injectable()
export class ScenarioRunner {
  constructor(
    @inject(PARAMETERS) private readonly parameters: Parameters,
    @inject(ADAPTATION_MODEL) private readonly model: AdaptationModel,
    @inject(CATALOGUE) private readonly catalogue: CompiledCatalogue,
  ) {}

  run(spec: RunSpec, options: RunOptions = {}): RunOutcome {
    const size = spec.population.size;
    const simulator = new Simulator(spec, this.parameters, this.model, this.catalogue);
    const results = new AthleteResults(spec.arms.length);
    const collector = new SummaryCollector(spec, size);
    const days = options.days ?? null;
    for (let index = 0; index < size; index++) {
      simulator.runAthlete(index, results, days);
      collector.add(index, results);
      options.athletes?.athlete(simulator.traits, results);
      options.progress?.(index + 1, size);
    }
    return { summary: collector.summary(), metrics: collector, athleteDays: size * spec.arms.length * spec.weeks * 7 };
  }
}
