/**
 * Hypothesis tests of a paired contrast: the paired t-test of a difference, the two one-sided tests
 * (TOST) of equivalence within a smallest effect size of interest, and the adjustment of a family
 * of p-values for multiplicity (docs/STATISTICS.md).
 */
import type { AdjustMethod } from '../../models/scenario/schema.ts';
import { studentTUpperTail } from './student-t.ts';

export { ADJUST_METHODS, type AdjustMethod } from '../../models/scenario/schema.ts';

/** The paired t-test of the differences against 0, two-sided. */
export interface TTest {
  /** Mean difference over its standard error. */
  t: number;
  df: number;
  /** Two-sided p-value: P(|T| ≥ |t|). */
  p: number;
}

/**
 * Paired (one-sample) t-test of `differences` against 0, two-sided — R's
 * `t.test(x, y, paired = TRUE)`: t = mean / (SD / √n), df = n − 1, p = 2 · P(T > |t|).
 * Null below two differences; with no spread, t is ±∞ (p = 0) unless the mean is 0 too (t = 0, p = 1).
 *
 * @example pairedTTest(sleep drug 2 − drug 1) // { t: 4.0621, df: 9, p: 0.002833 } (R's sleep data)
 */
export function pairedTTest(differences: ArrayLike<number>): TTest | null {
  const n = differences.length;
  if (n < 2) return null;
  const { mean, se } = meanAndError(differences);
  const df = n - 1;
  const t = se > 0 ? mean / se : mean === 0 ? 0 : Math.sign(mean) * Number.POSITIVE_INFINITY;
  return { t, df, p: Math.min(1, 2 * studentTUpperTail(Math.abs(t), df)) };
}

/** The two one-sided tests of equivalence: is the mean difference inside (−bound, +bound)? */
export interface Equivalence {
  /** The smallest effect size of interest, in the metric's unit: the bounds are ±bound. */
  bound: number;
  /** P-values of H0: mean ≤ −bound and of H0: mean ≥ +bound. */
  pLower: number;
  pUpper: number;
  /** The TOST p-value, the larger of the two: equivalence is shown at α when it is below α. */
  p: number;
}

/**
 * Two one-sided paired t-tests against ±`bound` (Schuirmann 1987; Lakens 2017, Soc Psychol Personal
 * Sci 8:355–362): t₁ = (mean + bound) / SE with p₁ = P(T > t₁), t₂ = (mean − bound) / SE with
 * p₂ = P(T < t₂), df = n − 1; p = max(p₁, p₂). Equivalence at α ⇔ the (1 − 2α) t-interval of the
 * mean lies inside (−bound, +bound). Null below two differences.
 *
 * @throws {RangeError} when `bound` is not a positive finite number
 */
export function pairedEquivalence(differences: ArrayLike<number>, bound: number): Equivalence | null {
  if (!(bound > 0 && Number.isFinite(bound))) throw new RangeError(`an equivalence bound must be positive (got ${bound})`);
  const n = differences.length;
  if (n < 2) return null;
  const { mean, se } = meanAndError(differences);
  const df = n - 1;
  const upperTail = (distance: number) => (se > 0 ? studentTUpperTail(distance / se, df) : distance > 0 ? 0 : distance < 0 ? 1 : 0.5);
  // H0: mean ≤ −bound, rejected when mean + bound is large; H0: mean ≥ +bound, when bound − mean is.
  const pLower = upperTail(mean + bound);
  const pUpper = upperTail(bound - mean);
  return { bound, pLower, pUpper, p: Math.max(pLower, pUpper) };
}

/**
 * The family's p-values adjusted for multiplicity, in the order given — R's `p.adjust(p, method)`:
 * - `holm` (Holm 1979, Scand J Stat 6:65–70): sorted ascending, p₍ᵢ₎ · (m − i + 1) made
 *   non-decreasing by a running maximum, capped at 1 — controls the family-wise error rate under
 *   any dependence, and is uniformly more powerful than Bonferroni;
 * - `bonferroni`: p · m, capped at 1;
 * - `none`: unchanged.
 * A NaN (a test that could not be made) is left out of the family and stays NaN, as R's `na.rm`.
 *
 * @example adjustP([0.01, 0.02, 0.03, 0.04, 0.05], 'holm') // [0.05, 0.08, 0.09, 0.09, 0.09]
 */
export function adjustP(p: readonly number[], method: AdjustMethod): number[] {
  const present = p.flatMap((value, index) => (Number.isNaN(value) ? [] : [index]));
  const m = present.length;
  const adjusted = p.map(() => Number.NaN);
  if (method === 'none') return p.slice();
  if (method === 'bonferroni') {
    for (const index of present) adjusted[index] = Math.min(1, p[index]! * m);
    return adjusted;
  }
  // Stable order of the p-values: ties keep their given order, as R's order().
  const order = present.slice().sort((a, b) => p[a]! - p[b]! || a - b);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, (m - rank) * p[index]!);
    adjusted[index] = Math.min(1, running);
  });
  return adjusted;
}

function meanAndError(values: ArrayLike<number>): { mean: number; se: number } {
  const { mean, variance } = moments(values);
  return { mean, se: Math.sqrt(variance / values.length) };
}

/** Mean and sample variance (divisor n − 1; NaN below two values). */
export function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  return { mean, variance: n > 1 ? squares / (n - 1) : Number.NaN };
}
