import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src/sim/rng.ts';
import { significantShare } from '../../../src/sim/stats/significant-share.ts';

/** A large simulated population: `n` values drawn from N(mean, sd). */
function population(n: number, mean: number, sd: number, seed: number): Float64Array {
  const stream = new RandomStream(Int32Array.from([seed, 7, 11, 13]));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mean + sd * stream.normal();
  return out;
}

const stream = () => new RandomStream(Int32Array.from([3, 1, 4, 1]));

describe(significantShare, () => {
  describe('having parallel groups with a true effect of d = 0.5', () => {
    // Cohen 1988 (Table 2.4.1): 64 per group give 80 % power for d = 0.5, α = 0.05 two-sided.
    it('should find it in about 80 % of studies of 64 per arm', () => {
      const power = significantShare(population(40_000, 0.5, 1, 1), population(40_000, 0, 1, 2), 64, 'parallel', 2000, stream(), 1);
      expect(power).toBeGreaterThan(0.76);
      expect(power).toBeLessThan(0.84);
    });
  });

  describe('having pairs whose differences have d_z = 0.5', () => {
    // Cohen 1988: a paired t-test needs 34 pairs for 80 % power at d_z = 0.5 (α = 0.05 two-sided).
    it('should find it in about 80 % of studies of 34 athletes', () => {
      const reference = population(40_000, 0, 1, 3);
      const noise = population(40_000, 0.5, 1, 4);
      const treated = reference.map((value, i) => value + noise[i]!);
      const power = significantShare(treated, reference, 34, 'paired', 2000, stream(), 1);
      expect(power).toBeGreaterThan(0.76);
      expect(power).toBeLessThan(0.84);
    });
  });

  describe('having no effect', () => {
    it('should call about 5 % of studies significant in either direction (the false-positive rate)', () => {
      const share = significantShare(population(40_000, 0, 1, 5), population(40_000, 0, 1, 6), 20, 'parallel', 4000, stream(), 0);
      expect(share).toBeGreaterThan(0.035);
      expect(share).toBeLessThan(0.065);
    });
  });

  describe('having a change within one arm of d = 0.5', () => {
    it('should find it like a paired test: about 80 % at 34 athletes', () => {
      const power = significantShare(population(40_000, 0.5, 1, 7), null, 34, 'one-sample', 2000, stream(), 1);
      expect(power).toBeGreaterThan(0.76);
      expect(power).toBeLessThan(0.84);
    });
  });

  describe('having bad arguments', () => {
    it('should throw for a study of one athlete, no replicates, or a paired study without a reference', () => {
      const values = population(10, 0, 1, 8);
      expect(() => significantShare(values, values, 1, 'paired', 10, stream(), 1)).toThrow(RangeError);
      expect(() => significantShare(values, values, 5, 'paired', 0, stream(), 1)).toThrow(RangeError);
      expect(() => significantShare(values, null, 5, 'paired', 10, stream(), 1)).toThrow(/needs the reference arm/);
    });
  });
});
