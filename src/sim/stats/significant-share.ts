import type { RandomStream } from '../rng.ts';
import { studentTUpperTail } from './student-t.ts';

/** How a simulated study samples its athletes. */
export type StudyDesign = 'one-sample' | 'paired' | 'parallel';

/**
 * Share of simulated studies of `n` athletes (per arm), drawn with replacement from a simulated
 * population, in which the effect is significant at α = 0.05 two-sided and in `direction` (1, −1;
 * 0: either) — the power of a study of that size when the effect is real, its false-positive rate
 * when it is not.
 *
 * - `one-sample`: n athletes' values of `treated` against 0 (a change within an arm);
 * - `paired`: the same n athletes in both arms, t-test of their differences (a crossover);
 * - `parallel`: n athletes drawn for each arm apart, Welch's t-test (Welch 1947; Satterthwaite df).
 *
 * Cost: O(replicates × n). Allocates two arrays of n.
 *
 * @param treated - one value per simulated athlete
 * @param referred - the same athletes in the reference arm (null for one-sample)
 * @throws {RangeError} when n < 2, replicates < 1, or a design needs `referred` and has none
 * @example significantShare(changes, null, 12, 'one-sample', 1000, stream, 1) // ≈ 0.8: 80 % power
 */
export function significantShare(
  treated: Float64Array,
  referred: Float64Array | null,
  n: number,
  design: StudyDesign,
  replicates: number,
  stream: RandomStream,
  direction: number,
): number {
  let significant = 0;
  simulateStudies(treated, referred, n, design, replicates, stream, (difference, se, df) => {
    const t = difference / se;
    const p = Number.isFinite(t) && df >= 1 ? 2 * studentTUpperTail(Math.abs(t), df) : 1;
    if (p < 0.05 && (direction === 0 || Math.sign(t) === direction)) significant++;
  });
  return significant / replicates;
}

/** What simulated studies of one size found: shares of them, and how many studies there were. */
export interface StudyShares {
  /** Share of studies whose two-sided test of the difference is significant at α: the power. */
  significant: number;
  /** Share of studies whose two one-sided tests show equivalence within ±sesoi at α; null without a sesoi. */
  equivalent: number | null;
  studies: number;
}

/**
 * Simulated studies of `n` athletes per arm drawn with replacement from the simulated population,
 * as {@link significantShare} draws them, each analysed as the trial would be: the two-sided test of
 * the difference at `alpha` (significant in either direction: the definition of power a protocol
 * uses), and with a `sesoi` the two one-sided tests of equivalence within ±sesoi, each at `alpha`
 * (Schuirmann 1987; for parallel groups on Welch's t and df). Two identical arms give about `alpha`.
 *
 * Cost: O(replicates × n).
 */
export function studyShares(
  treated: Float64Array,
  referred: Float64Array,
  n: number,
  design: Exclude<StudyDesign, 'one-sample'>,
  replicates: number,
  stream: RandomStream,
  alpha: number,
  sesoi: number | null,
): StudyShares {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1 (got ${alpha})`);
  let significant = 0;
  let equivalent = 0;
  // No athletes measured in an arm (or no pairs): no trial can be analysed.
  if (treated.length === 0 || referred.length === 0) return { significant: Number.NaN, equivalent: sesoi === null ? null : Number.NaN, studies: replicates };
  simulateStudies(treated, referred, n, design, replicates, stream, (difference, se, df) => {
    if (!(df >= 1) || Number.isNaN(difference)) return;
    const t = difference / se;
    if (Number.isFinite(t) ? 2 * studentTUpperTail(Math.abs(t), df) < alpha : difference !== 0) significant++;
    if (sesoi === null) return;
    const inside = Math.abs(difference) < sesoi;
    const pLower = se > 0 ? studentTUpperTail((difference + sesoi) / se, df) : inside ? 0 : 1;
    const pUpper = se > 0 ? studentTUpperTail((sesoi - difference) / se, df) : inside ? 0 : 1;
    if (pLower < alpha && pUpper < alpha) equivalent++;
  });
  return { significant: significant / replicates, equivalent: sesoi === null ? null : equivalent / replicates, studies: replicates };
}

/**
 * Draws `replicates` studies and hands each one's estimated difference, its standard error and
 * degrees of freedom to `study`: the draws of {@link significantShare}, step for step.
 */
function simulateStudies(
  treated: Float64Array,
  referred: Float64Array | null,
  n: number,
  design: StudyDesign,
  replicates: number,
  stream: RandomStream,
  study: (difference: number, se: number, df: number) => void,
): void {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a study needs at least 2 athletes (got ${n})`);
  if (!Number.isInteger(replicates) || replicates < 1) throw new RangeError(`replicates must be a whole number ≥ 1 (got ${replicates})`);
  if (design !== 'one-sample' && referred === null) throw new RangeError(`a ${design} study needs the reference arm's values`);
  const athletes = treated.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let r = 0; r < replicates; r++) {
    if (design !== 'parallel') {
      for (let i = 0; i < n; i++) {
        const k = Math.floor(stream.uniform() * athletes);
        a[i] = referred === null ? treated[k]! : treated[k]! - referred[k]!;
      }
      const mean = meanOf(a);
      study(mean, Math.sqrt(varianceOf(a, mean) / n), n - 1);
    } else {
      for (let i = 0; i < n; i++) a[i] = treated[Math.floor(stream.uniform() * athletes)]!;
      // Each arm's own athletes: in parallel groups an arm's dropouts leave it fewer than the other.
      for (let i = 0; i < n; i++) b[i] = referred![Math.floor(stream.uniform() * referred!.length)]!;
      const meanA = meanOf(a);
      const meanB = meanOf(b);
      const va = varianceOf(a, meanA) / n;
      const vb = varianceOf(b, meanB) / n;
      // Two groups without spread leave Welch's df 0/0: the pooled df, as the paired test's n − 1.
      study(meanA - meanB, Math.sqrt(va + vb), va + vb === 0 ? 2 * (n - 1) : ((va + vb) * (va + vb)) / ((va * va) / (n - 1) + (vb * vb) / (n - 1)));
    }
  }
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

function varianceOf(values: Float64Array, mean: number): number {
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return squares / (values.length - 1);
}
