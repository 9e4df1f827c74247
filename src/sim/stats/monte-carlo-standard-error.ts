import { sampleStandardDeviation } from 'simple-statistics';
import { finiteValues } from './finite.ts';
/**
 * Monte Carlo standard error of a simulated mean.
 */

/**
 * Monte Carlo standard error (MCSE) of the mean of simulated values: how far the mean over these
 * replicates may sit from the mean an infinite number of replicates would give (Morris, White &
 * Crowther 2019, Table 6, MCSE of the bias and of the mean of the estimates):
 *
 *     MCSE = SD / √n = √( Σ (xᵢ − mean)² / (n (n − 1)) )
 *
 * Report it beside every simulated mean: a difference between arms smaller than a couple of MCSEs
 * is Monte Carlo noise. Zero when all values are equal. Two passes straight from the ArrayLike,
 * no copy. Cost: O(n).
 *
 * Reference: Morris TP, White IR, Crowther MJ. Using simulation studies to evaluate statistical
 * methods. Stat Med 2019;38(11):2074–2102, doi:10.1002/sim.8086.
 *
 * @param values - one value per simulated replicate (or athlete)
 * @throws {RangeError} when there are fewer than two values or a value is not finite
 * @example
 * monteCarloStandardError([2, 4, 4, 4, 5, 5, 7, 9]); // √(32 / 56) = 0.755929
 */
export function monteCarloStandardError(values: ArrayLike<number>): number {
  const checked = finiteValues(values, 2, 'MCSE');
  return sampleStandardDeviation(checked) / Math.sqrt(checked.length);
}
