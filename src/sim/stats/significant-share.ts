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
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a study needs at least 2 athletes (got ${n})`);
  if (!Number.isInteger(replicates) || replicates < 1) throw new RangeError(`replicates must be a whole number ≥ 1 (got ${replicates})`);
  if (design !== 'one-sample' && referred === null) throw new RangeError(`a ${design} study needs the reference arm's values`);
  const athletes = treated.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let significant = 0;
  for (let r = 0; r < replicates; r++) {
    let t: number;
    let df: number;
    if (design !== 'parallel') {
      for (let i = 0; i < n; i++) {
        const k = Math.floor(stream.uniform() * athletes);
        a[i] = referred === null ? treated[k]! : treated[k]! - referred[k]!;
      }
      const mean = meanOf(a);
      t = mean / Math.sqrt(varianceOf(a, mean) / n);
      df = n - 1;
    } else {
      for (let i = 0; i < n; i++) a[i] = treated[Math.floor(stream.uniform() * athletes)]!;
      for (let i = 0; i < n; i++) b[i] = referred![Math.floor(stream.uniform() * athletes)]!;
      const meanA = meanOf(a);
      const meanB = meanOf(b);
      const va = varianceOf(a, meanA) / n;
      const vb = varianceOf(b, meanB) / n;
      t = (meanA - meanB) / Math.sqrt(va + vb);
      df = ((va + vb) * (va + vb)) / ((va * va) / (n - 1) + (vb * vb) / (n - 1));
    }
    const p = Number.isFinite(t) && df >= 1 ? 2 * studentTUpperTail(Math.abs(t), df) : 1;
    if (p < 0.05 && (direction === 0 || Math.sign(t) === direction)) significant++;
  }
  return significant / replicates;
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
