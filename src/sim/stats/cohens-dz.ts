import { mean, sampleStandardDeviation } from 'simple-statistics';
import { finiteValues } from './finite.ts';
/**
 * Cohen's d_z: the standardized mean of paired differences.
 */

/**
 * Cohen's d_z, the mean of the paired differences divided by their sample SD (Lakens 2013, eq. 6):
 *
 *     d_z = mean(d) / SD(d),   SD with divisor n − 1
 *
 * It equals the paired t statistic divided by √n. Because SD(d) shrinks as the two arms correlate,
 * d_z measures how consistently athletes move, not how far on the between-athlete scale (the reason
 * `pairedDifference` standardizes its Hedges' g by the arms' average SD instead). No small-sample
 * correction is applied.
 *
 * Computed in two passes (mean, then squared deviations) straight from the ArrayLike: no copy.
 * Cost: O(n).
 *
 * Reference: Lakens D. Calculating and reporting effect sizes to facilitate cumulative science: a
 * practical primer for t-tests and ANOVAs. Front Psychol 2013;4:863, doi:10.3389/fpsyg.2013.00863.
 *
 * @param differences - one paired difference (treatment − reference) per athlete
 * @throws {RangeError} when there are fewer than two differences, a difference is not finite, or all
 *   differences are equal (no spread to standardize by: d_z would be ±∞ or 0/0)
 * @example
 * // Lakens's movie ratings: differences 0,1,1,1,1,0,1,2,1,2 → mean 1, SD 2/3
 * cohensDz([0, 1, 1, 1, 1, 0, 1, 2, 1, 2]); // 1.5
 */
export function cohensDz(differences: ArrayLike<number>): number {
  const checked = finiteValues(differences, 2, 'd_z');
  const sdDifference = sampleStandardDeviation(checked);
  if (sdDifference === 0) throw new RangeError('differences have no spread');
  return mean(checked) / sdDifference;
}
