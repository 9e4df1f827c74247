/**
 * Descriptive summary of one metric across athletes: the `{ mean, sd, median, ci95 }` block of
 * `summary.json` (README.md, The outputs).
 */
import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './student-t.ts';

/** Summary of a sample; `sd` and `ci95` are `null` when there is a single value. */
export interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1). */
  sd: number | null;
  median: number;
  /** t-based 95 % confidence interval of the mean: [lower, upper]. */
  ci95: [number, number] | null;
}

/**
 * Count, mean, sample SD, median and the t-based 95 % confidence interval of the mean:
 *
 *     sd   = √( Σ (x − mean)² / (n − 1) )
 *     ci95 = mean ± t(0.975, n − 1) · sd / √n
 *
 * the same numbers as R's `mean`, `sd`, `median` and `t.test(x)$conf.int`. With a single value the
 * SD and the interval are `null`: one athlete has no spread, and 0 would claim a certainty we do not
 * have. Non-finite values are an error rather than silently dropped, because in a simulation they
 * mean a bug upstream. Cost: O(n log n) (the median sorts a copy).
 *
 * @param values - one value per athlete; not modified
 * @throws {RangeError} when there are no values or a value is not finite
 * @example
 * summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
 * // { n: 10, mean: 5.5, sd: 3.02765, median: 5.5, ci95: [3.334149, 7.665851] }
 */
export function summarize(values: ArrayLike<number>): Summary {
  const sample = Array.from(values);
  if (sample.length === 0) {
    throw new RangeError('summary needs at least one value');
  }
  for (const value of sample) {
    if (!Number.isFinite(value)) {
      throw new RangeError(`values must be finite (got ${value})`);
    }
  }
  const n = sample.length;
  const average = mean(sample);
  const middle = median(sample);
  if (n === 1) {
    return { n, mean: average, sd: null, median: middle, ci95: null };
  }
  const sd = sampleStandardDeviation(sample);
  const halfWidth = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { n, mean: average, sd, median: middle, ci95: [average - halfWidth, average + halfWidth] };
}
