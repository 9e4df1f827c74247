/**
 * Paired comparison of two arms over the same athletes: the `vsReference` block of `summary.json`
 * (README.md, The outputs). Every arm sees the same synthetic athletes (common random numbers), so arms are
 * compared athlete by athlete.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './student-t.ts';

/** Result of {@link pairedDifference}; spread-based fields are `null` when they cannot be estimated. */
export interface PairedDifference {
  n: number;
  /** Mean of the differences treatment − reference. */
  diff: number;
  /** Sample SD of the differences. */
  sdDiff: number | null;
  /** t-based 95 % confidence interval of the mean difference (paired). */
  ci95: [number, number] | null;
  /** Hedges' g_av: d_av with the small-sample correction J (df = n − 1). */
  hedgesG: number | null;
}

/**
 * Mean paired difference (treatment − reference) with its t-based 95 % confidence interval and a
 * standardized effect size.
 *
 *     dᵢ     = treatmentᵢ − referenceᵢ
 *     diff   = mean(d);  sdDiff = SD(d) (divisor n − 1)
 *     ci95   = diff ± t(0.975, n − 1) · sdDiff / √n          (R: t.test(x, y, paired = TRUE))
 *     d_av   = diff / ((SD(treatment) + SD(reference)) / 2)   (Lakens 2013)
 *     J      = 1 − 3 / (4 · df − 1),  df = n − 1
 *     g      = d_av · J
 *
 * **Effect size choice.** We standardize by the average of the two arms' SDs (d_av), not by the SD of
 * the differences (d_z): d_av is on the scale of the between-athlete spread, so it can be compared with
 * effect sizes from between-group trials and it does not grow just because the paired design removes
 * between-athlete noise. The correction J uses df = n − 1, the paired test's degrees of freedom. That is
 * conservative: the between-subjects correction 1 − 3/(4(n₁ + n₂) − 9), which credits the two SDs with
 * 2(n − 1) df, shrinks less (on Lakens's movie-rating example g = 1.08 instead of our 1.03).
 * Later work adds d_z and bootstrap intervals.
 *
 * **When fields are `null`.** With one athlete there is no spread: `sdDiff`, `ci95` and `hedgesG` are
 * `null`. With two athletes J = 1 − 3/3 = 0 would make g identically 0, which reads as "no effect"
 * when it means "not estimable", so `hedgesG` is `null` for n < 3. It is also `null` when both arms
 * have zero SD (nothing to standardize by).
 *
 * Reference: Lakens D. Calculating and reporting effect sizes to facilitate cumulative science: a
 * practical primer for t-tests and ANOVAs. Front Psychol 2013;4:863, doi:10.3389/fpsyg.2013.00863.
 *
 * @param treatment - one value per athlete for the arm of interest
 * @param reference - the same athletes, same order, for the reference arm
 * @throws {RangeError} when the lengths differ, there are no pairs, or a value is not finite
 * @example
 * // R's sleep data, drug 2 vs drug 1 (extra hours of sleep, 10 patients):
 * pairedDifference(
 *   [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4],
 *   [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0],
 * ); // { n: 10, diff: 1.58, sdDiff: 1.23, ci95: [0.700, 2.460], hedgesG: 0.762 }
 */
export function pairedDifference(
  treatment: ArrayLike<number>,
  reference: ArrayLike<number>,
): PairedDifference {
  if (treatment.length !== reference.length) {
    throw new RangeError(
      `treatment and reference must pair up (got ${treatment.length} and ${reference.length} values)`,
    );
  }
  const n = treatment.length;
  if (n === 0) {
    throw new RangeError('paired difference needs at least one pair');
  }
  const treated = Array.from(treatment);
  const referred = Array.from(reference);
  const differences = new Array<number>(n);
  for (let athlete = 0; athlete < n; athlete++) {
    const treatedValue = treated[athlete] ?? Number.NaN;
    const referenceValue = referred[athlete] ?? Number.NaN;
    if (!Number.isFinite(treatedValue) || !Number.isFinite(referenceValue)) {
      throw new RangeError(`values must be finite (got ${treatedValue} and ${referenceValue} at ${athlete})`);
    }
    differences[athlete] = treatedValue - referenceValue;
  }
  const diff = mean(differences);
  if (n === 1) {
    return { n, diff, sdDiff: null, ci95: null, hedgesG: null };
  }
  const df = n - 1;
  const sdDiff = sampleStandardDeviation(differences);
  const halfWidth = (studentTQuantile(0.975, df) * sdDiff) / Math.sqrt(n);
  const averageSd = (sampleStandardDeviation(treated) + sampleStandardDeviation(referred)) / 2;
  const hedgesG = n < 3 || averageSd === 0 ? null : (diff / averageSd) * (1 - 3 / (4 * df - 1));
  return { n, diff, sdDiff, ci95: [diff - halfWidth, diff + halfWidth], hedgesG };
}
