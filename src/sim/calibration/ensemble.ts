
import { basename } from 'node:path';
import { priorValue, type Parameters, type UncertainParameter } from '../../models/parameters.ts';
import { abcSmc, type AbcSmcHooks, type AbcSmcOptions, type Population } from '../stats/abc-smc.ts';
import { trialContentSha256, trialFiles } from '../trials/load.ts';
import type { RunTrials, TrialOptions } from '../trials/run-trials.ts';
import { outsideInWidths } from './objective.ts';
import { setParameter } from './parameter-path.ts';
import { fixedParametersSha256, type Ensemble } from './ensemble-file.ts';

/**
 * The calibrated ensemble (issue 12): ABC-SMC (src/sim/stats/abc-smc.ts) over the priors of the
 * constants marked for calibration, against the calibration outcomes of trials/.
 *
 * - Discrepancy: Σ over the calibration outcomes of (distance outside the band / band width)² —
 *   the calibration search's objective (src/sim/calibration/objective.ts), 0 when every outcome is
 *   within its band.
 * - Simulated athletes: `size` per scenario, each trial on its own seed (common random numbers: a
 *   point's discrepancy moves with the constants, not with which athletes were drawn).
 * - Acceptance: a point is kept when its discrepancy is at most the generation's tolerance, the
 *   `quantile` of the last generation's discrepancies.
 * - The other constants stay at their committed values: the calibration outcomes do not inform them.
 */

/** One parameter set's discrepancy, and the outcome farthest outside its band (for the log of rejections). */
export interface Discrepancy {
  distance: number;
  worst: string;
  worstWidths: number;
}

/** What a calibration run is measured against: the trial folder and the athletes per scenario. */
export interface DiscrepancyTask {
  folder: string;
  size: number;
  parameters: Parameters;
  /** Only these trial files (names without .yaml): all but a study left out; every file by default. */
  only?: readonly string[];
}

/** The discrepancy of one parameter set (on this process, or in a worker: src/workers/tasks.ts). */
export function discrepancyOf(trials: RunTrials, task: DiscrepancyTask): Discrepancy {
  let results;
  try {
    results = trials.run(task.folder, { size: task.size, replicates: 0, roles: ['calibration'], ...(task.only === undefined ? {} : { only: task.only }) } satisfies TrialOptions);
  } catch (error) {
    // Non-finite results make the statistics throw a RangeError: the model broke down at this point.
    if (error instanceof RangeError) return { distance: Number.POSITIVE_INFINITY, worst: `the model broke down (${error.message})`, worstWidths: Number.POSITIVE_INFINITY };
    throw error;
  }
  let distance = 0;
  let worst = '';
  let worstWidths = -1;
  for (const result of results) {
    for (const outcome of result.outcomes) {
      const widths = outsideInWidths(outcome);
      distance += widths ** 2;
      // A missing value (NaN) is the worst there is.
      if (!(widths <= worstWidths)) {
        worstWidths = widths;
        worst = `${result.trial.study}: ${outcome.expectation.outcome}`;
      }
    }
  }
  return { distance, worst, worstWidths };
}

/** The parameter set at a point of the unit cube of the priors' quantiles. */
export function parametersAtQuantiles(base: Parameters, priors: readonly UncertainParameter[], point: ArrayLike<number>): Parameters {
  const parameters = structuredClone(base);
  priors.forEach((prior, i) => setParameter(parameters, prior.path, priorValue(prior, point[i]!)));
  return parameters;
}

export interface EnsembleRequest {
  folder: string;
  size: number;
  priors: readonly UncertainParameter[];
  base: Parameters;
  smc: AbcSmcOptions;
  command: string;
  version: string;
  /** A trial file (its name without .yaml) whose calibration outcomes the fit leaves out: leave-one-study-out. */
  leaveOut?: string;
}

/** The trial files a fit reads: every one of the folder, but the one it leaves out. */
function fittedFiles(request: EnsembleRequest): string[] {
  return trialFiles(request.folder).filter((file) => basename(file).replace(/\.ya?ml$/, '') !== request.leaveOut);
}

export type { Ensemble } from './ensemble-file.ts';

/** The ensemble document of a population (values rounded to 6 significant digits, as committed). */
export function ensembleOf(request: EnsembleRequest, population: Population): Ensemble {
  const k = request.priors.length;
  const round = (value: number) => Number(value.toPrecision(6));
  return {
    provenance: {
      command: request.command,
      version: request.version,
      method: 'ABC-SMC: tolerance the quantile of the last generation (Beaumont 2009; Drovandi & Pettitt 2011), Beaumont 2009 kernel, Toni 2009 weights; src/sim/stats/abc-smc.ts',
      discrepancy: 'Σ over the calibration outcomes of trials/ of (distance outside the band / band width)²; src/sim/calibration/objective.ts',
      acceptance: `discrepancy ≤ the generation's tolerance, the ${request.smc.quantile} quantile of the last generation's`,
      athletesPerScenario: request.size,
      seed: request.smc.seed,
      particles: request.smc.particles,
      quantile: request.smc.quantile,
      generation: population.generation,
      tolerance: round(population.tolerance),
      modelRuns: population.evaluations,
      fixedParametersSha256: fixedParametersSha256(request.base, request.priors),
      trials: fittedFiles(request).map((file) => ({ file: `trials/${basename(file)}`, contentSha256: trialContentSha256(file) })),
      ...(request.leaveOut === undefined ? {} : { leftOut: trialFiles(request.folder, [request.leaveOut]).map((file) => `trials/${basename(file)}`) }),
    },
    constants: request.priors.map((prior) => ({ path: prior.path, low: prior.low, high: prior.high, distribution: prior.distribution ?? 'uniform' })),
    sets: population.weights.map((weight, i) => ({
      weight: round(weight),
      discrepancy: round(population.distances[i]!),
      values: Array.from({ length: k }, (_, d) => round(priorValue(request.priors[d]!, population.points[i * k + d]!))),
    })),
  };
}

/** The discrepancy task of a point of the unit cube: its parameter set against the files the fit reads. */
export function taskAt(request: EnsembleRequest, point: ArrayLike<number>): DiscrepancyTask {
  const only = request.leaveOut === undefined ? {} : { only: fittedFiles(request).map((file) => basename(file).replace(/\.ya?ml$/, '')) };
  return { folder: request.folder, size: request.size, parameters: parametersAtQuantiles(request.base, request.priors, point), ...only };
}

/**
 * Runs the ABC-SMC of the ensemble; `evaluate` runs one parameter set's calibration outcomes (here
 * or on a pool). `known` gives a point's discrepancy found elsewhere (a shard's,
 * src/sim/calibration/ensemble-shards.ts), which is then not run again.
 */
export async function calibrateEnsemble(
  request: EnsembleRequest,
  evaluate: (task: DiscrepancyTask) => Discrepancy | Promise<Discrepancy>,
  hooks: AbcSmcHooks & { onDiscrepancy?: (point: Float64Array, discrepancy: Discrepancy) => void; known?: (point: Float64Array) => Discrepancy | undefined } = {},
): Promise<Population> {
  return abcSmc(async (point) => {
    const found = hooks.known?.(point) ?? (await evaluate(taskAt(request, point)));
    hooks.onDiscrepancy?.(point, found);
    return found.distance;
  }, request.smc, hooks);
}
