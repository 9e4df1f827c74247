import type { Ensemble } from './ensemble-file.ts';
import { quantileType7 } from '../stats/bootstrap-mean-ci.ts';
import type { ModelInterval } from '../summary.ts';

/*
 * Drawing parameter sets from the calibrated ensemble and summarising what they give (issue 12):
 * for `--uncertainty` on run, power and trials, and for npm run sensitivity's key answers.
 */

/** The interval over the sets: their 5th to 95th percentiles (type 7). */
export const MODEL_INTERVAL = [0.05, 0.95] as const;

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

/**
 * Runs the distinct sets of `drawn` (a set drawn twice runs once) with `run`, `concurrency` at a
 * time — on a pool's workers, or one after another here — and gives their results in drawn order:
 * the same whatever order they finish in. `progress` hears of each distinct set done.
 */
export async function runDrawnSets<T>(
  drawn: readonly number[],
  run: (set: number, distinctIndex: number) => T | Promise<T>,
  concurrency = 1,
  progress?: (done: number, total: number) => void,
): Promise<T[]> {
  const distinct = [...new Set(drawn)];
  const byDistinct = await mapConcurrently(distinct, run, concurrency, progress);
  return drawn.map((set) => byDistinct[distinct.indexOf(set)]!);
}

/**
 * `run` over `items`, `concurrency` at a time (each lane takes the next item when its last is done),
 * the results in the items' order whatever order they finish in; `progress` hears of each done.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  run: (item: T, index: number) => R | Promise<R>,
  concurrency = 1,
  progress?: (done: number, total: number) => void,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!, i);
      progress?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return results;
}

/** One contrast's model interval from its per-set values and the run's own difference. */
export function modelIntervalOf(values: ArrayLike<number>, own: number): ModelInterval {
  const present = Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort();
  if (present.length === 0) return { median: Number.NaN, interval90: [Number.NaN, Number.NaN], sameSign: null, sets: 0 };
  const sign = Math.sign(own);
  return {
    median: quantileType7(present, 0.5),
    interval90: [quantileType7(present, MODEL_INTERVAL[0]), quantileType7(present, MODEL_INTERVAL[1])],
    sameSign: sign === 0 || Number.isNaN(sign) ? null : present.filter((v) => Math.sign(v) === sign).length / present.length,
    sets: present.length,
  };
}

