import type { Ensemble } from './ensemble.ts';
import { quantileType7 } from '../stats/bootstrap-mean-ci.ts';

/**
 * The ensemble's predictions of the validation outcomes (issue 12, item 4): each outcome simulated
 * under `M` sets of the ensemble, its 90 % interval over them, and whether the published value
 * falls inside. The interval is the model's uncertainty about the population value; a study's own
 * sampling error is not in it (a small study may miss it by chance).
 */

/**
 * `count` sets of a weighted ensemble by systematic resampling: the set under each of the points
 * (i + ½) / count of the cumulative weights — deterministic, each set about weight × count times.
 */
export function resampleSets(ensemble: Ensemble, count: number): number[] {
  const total = ensemble.sets.reduce((sum, set) => sum + set.weight, 0);
  const chosen: number[] = [];
  let cumulative = 0;
  let set = 0;
  for (let i = 0; i < count; i++) {
    const at = ((i + 0.5) / count) * total;
    while (set < ensemble.sets.length - 1 && cumulative + ensemble.sets[set]!.weight < at) cumulative += ensemble.sets[set++]!.weight;
    chosen.push(set);
  }
  return chosen;
}

/** One validation outcome's prediction. */
export interface Prediction {
  /** The 5th, 50th and 95th percentiles of the simulated value over the sets. */
  low: number;
  median: number;
  high: number;
  /** The published mean, and whether it is inside the interval (null: a finding of direction or a range, without one). */
  published: number | null;
  inside: boolean | null;
  /** Whether the interval meets the band the paper's uncertainty allows. */
  meetsBand: boolean;
  /** The share of the sets in which the outcome is within its band, as the suite judges it. */
  withinShare: number;
}

/** The prediction from an outcome's simulated values (one per set) and verdicts. */
export function predictionOf(values: readonly number[], within: readonly boolean[], published: number | null, band: readonly [number, number]): Prediction {
  const sorted = Float64Array.from(values).sort();
  const low = quantileType7(sorted, 0.05);
  const high = quantileType7(sorted, 0.95);
  return {
    low,
    median: quantileType7(sorted, 0.5),
    high,
    published,
    inside: published === null ? null : published >= low && published <= high,
    meetsBand: low <= band[1] && high >= band[0],
    withinShare: within.filter(Boolean).length / within.length,
  };
}
