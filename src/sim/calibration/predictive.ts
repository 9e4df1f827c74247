import type { Parameters } from '../../models/parameters.ts';
import { quantileType7 } from '../stats/bootstrap-mean-ci.ts';
import type { RunTrials } from '../trials/run-trials.ts';
import type { OutcomeResult, TrialResult } from '../trials/run.ts';
import { MODEL_INTERVAL } from './draws.ts';

/**
 * The ensemble's predictions of the trials (issue 12, item 4; `periodize trials --uncertainty`):
 * every outcome simulated under M sets of the ensemble. Two intervals per outcome: the model's
 * (the 5th to 95th percentile of the population's value over the sets) and the predictive one for
 * the study itself — each set's value with the study's own sampling error (OutcomeResult.studies)
 * — which a published value falls in 90 % of the time if the model is right.
 */

/** One set's trials to run (on this process or a worker: src/workers/tasks.ts). */
export interface TrialSetTask {
  folder: string;
  size: number;
  only?: readonly string[];
  parameters: Parameters;
  /** Simulated estimates of each study (OutcomeResult.studies), and the stream of this set's. */
  studies: number;
  stream: number;
}

/** Per outcome, in the trials' order: the simulated value, 1 if within its band (else 0), then the study estimates. */
export function runTrialSet(trials: RunTrials, task: TrialSetTask): Float64Array {
  const results = trials.run(task.folder, { size: task.size, replicates: 0, studies: { count: task.studies, stream: task.stream }, ...(task.only === undefined ? {} : { only: task.only }) });
  const outcomes = results.flatMap((result) => result.outcomes);
  const stride = 2 + task.studies;
  const packed = new Float64Array(outcomes.length * stride);
  outcomes.forEach((outcome, o) => {
    packed[o * stride] = outcome.simulated;
    packed[o * stride + 1] = outcome.within ? 1 : 0;
    packed.set(outcome.studies!, o * stride + 2);
  });
  return packed;
}

/** One outcome's prediction. */
export interface Prediction {
  /** The 5th, 50th and 95th percentiles of the population's value over the sets (the model interval). */
  low: number;
  median: number;
  high: number;
  /** The 5th and 95th percentiles of the study's estimate: each set's value with the study's sampling error. */
  study: [number, number];
  /** The published mean, and whether it is inside the study interval (null: a finding of direction or a range, without one). */
  published: number | null;
  inside: boolean | null;
  /**
   * Whether the published mean is an estimate with its uncertainty stated (a mean ± SD, or a 95 %
   * CI) — what the coverage counts. A figure a band was drawn around (a nominal 0 for "unchanged",
   * a percentile's round number, an abstract's mean without its SD) is checked apart.
   */
  estimate: boolean;
  /** Whether the model interval meets the band the paper's uncertainty allows. */
  meetsBand: boolean;
  /** The share of the sets in which the outcome is within its band, as the suite judges it. */
  withinShare: number;
}

/** Every outcome's prediction from each drawn set's packed results (`runTrialSet`, in drawn order). */
export function trialPredictions(results: readonly TrialResult[], perSet: readonly Float64Array[], studies: number): Prediction[] {
  const outcomes: OutcomeResult[] = results.flatMap((result) => result.outcomes);
  const stride = 2 + studies;
  return outcomes.map((outcome, o) => {
    const values = perSet.map((packed) => packed[o * stride]!);
    const within = perSet.map((packed) => packed[o * stride + 1] === 1);
    const pooled = new Float64Array(perSet.length * studies);
    perSet.forEach((packed, s) => pooled.set(packed.subarray(o * stride + 2, (o + 1) * stride), s * studies));
    const estimate = outcome.expectation.tolerance === 'sd' || outcome.expectation.tolerance === 'ci95';
    return { ...predictionOf(values, within, pooled, outcome.expectation.published.mean ?? null, outcome.band), estimate };
  });
}

/** The prediction from an outcome's values (one per set), verdicts and study estimates (pooled over the sets). */
export function predictionOf(values: readonly number[], within: readonly boolean[], studies: Float64Array, published: number | null, band: readonly [number, number]): Omit<Prediction, 'estimate'> {
  const sorted = Float64Array.from(values).sort();
  const low = quantileType7(sorted, MODEL_INTERVAL[0]);
  const high = quantileType7(sorted, MODEL_INTERVAL[1]);
  const pooled = Float64Array.from(studies).sort();
  const study: [number, number] = [quantileType7(pooled, MODEL_INTERVAL[0]), quantileType7(pooled, MODEL_INTERVAL[1])];
  return {
    low,
    median: quantileType7(sorted, 0.5),
    high,
    study,
    published,
    inside: published === null ? null : published >= study[0] && published <= study[1],
    meetsBand: low <= band[1] && high >= band[0],
    withinShare: within.filter(Boolean).length / within.length,
  };
}
