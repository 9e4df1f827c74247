import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { openStream, RandomStream } from '../../../src/sim/rng.ts';
import { bootstrapMeanCi } from '../../../src/sim/stats/bootstrap-mean-ci.ts';
import { summarize } from '../../../src/sim/stats/describe.ts';

// R's sleep data, group 1 (extra hours of sleep, 10 patients).
const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

// The golden values below come from an independent Python reproduction written from the published
// algorithms, not from this code: Alea seeding (Baagøe 2010, as in seedrandom) keyed by
// "periodize:bootstrap:<seed>", xoshiro128** (Blackman & Vigna 2018), index ⌊u·n⌋ with u = r·2⁻³²,
// left-to-right sums, and numpy.quantile(means, [α/2, 1 − α/2], method='linear') — R's type 7.
// Its Alea words for seed 1 (1284473289, 1680585792, 1016943665, 2059135881) match seedrandom's.
// (The reproduction was a throw-away Python script; its method is the paragraph above.)
describe(bootstrapMeanCi, () => {
  describe('having 5 replicates of the sleep data (seed 1, 90 %)', () => {
    // Python: replicate means 1.17, 0.87, −0.22, 1.5, 1.4 → sorted −0.22, 0.87, 1.17, 1.4, 1.5.
    // By hand, R type 7 with B = 5:
    //   p = 0.05: h = 4 × 0.05 = 0.2 → 0.8 × (−0.22) + 0.2 × 0.87 = −0.176 + 0.174 = −0.002
    //   p = 0.95: h = 4 × 0.95 = 3.8 → 0.2 × 1.4 + 0.8 × 1.5 = 0.28 + 1.2 = 1.48
    //   (R: quantile(c(1.17, 0.87, -0.22, 1.5, 1.4), c(0.05, 0.95)) gives the same.)
    it('should give [−0.002, 1.48]', () => {
      const [lower, upper] = bootstrapMeanCi(sleep1, 5, 1, 0.9);
      expect(lower).toBeCloseTo(-0.002, 12);
      expect(upper).toBeCloseTo(1.48, 12);
    });
  });

  describe('having 2 000 replicates (golden values from the Python reproduction)', () => {
    it('should give [3.7, 7.3] for the values 1 to 10, seed 42', () => {
      // Plug-in check: mean 5.5 ± 1.96 × √(8.25 / 10) = [3.72, 7.28]; t-interval [3.33, 7.67].
      const [lower, upper] = bootstrapMeanCi(oneToTen, 2000, 42);
      expect(lower).toBeCloseTo(3.7, 12);
      expect(upper).toBeCloseTo(7.3, 12);
    });

    it('should give [−0.29025, 1.78] for the sleep data, seed 7', () => {
      const [lower, upper] = bootstrapMeanCi(sleep1, 2000, 7);
      expect(lower).toBeCloseTo(-0.29025, 12);
      expect(upper).toBeCloseTo(1.78, 12);
    });
  });

  describe('having its draws inlined', () => {
    it("should draw exactly RandomStream.uniform's stream, seeded as documented", () => {
      // The straightforward version, through the project's stream: same intervals to the bit.
      const reference = (values: Float64Array, replicates: number, seed: number): [number, number] => {
        const alea = seedrandom.alea(`periodize:bootstrap:${seed}`);
        const stream = new RandomStream(Int32Array.from({ length: 4 }, () => alea.int32()));
        const means = new Float64Array(replicates);
        for (let b = 0; b < replicates; b++) {
          let sum = 0;
          for (let i = 0; i < values.length; i++) sum += values[Math.floor(stream.uniform() * values.length)]!;
          means[b] = sum / values.length;
        }
        means.sort();
        const at = (p: number) => {
          const h = (replicates - 1) * p;
          const low = Math.floor(h);
          return low + 1 >= replicates || h === low || means[low] === means[low + 1] ? means[low]! : (1 - (h - low)) * means[low]! + (h - low) * means[low + 1]!;
        };
        const tail = (1 - 0.95) / 2; // as the function computes it (not the literal 0.025)
        return [at(tail), at(1 - tail)];
      };
      const values = new Float64Array(997);
      const source = openStream(3, 0, 'tests');
      for (let i = 0; i < values.length; i++) values[i] = source.normal() * 4 + 1;
      for (const seed of [0, 1, 42, 2026, -3.5]) expect(bootstrapMeanCi(values, 400, seed), `seed ${seed}`).toEqual(reference(values, 400, seed));
    });
  });

  describe('when called twice with the same inputs and seed', () => {
    it('should give exactly the same interval', () => {
      expect(bootstrapMeanCi(sleep1, 1000, 123)).toEqual(bootstrapMeanCi(sleep1, 1000, 123));
    });

    it('should give the same interval for an array and a Float64Array of the same values', () => {
      expect(bootstrapMeanCi(Float64Array.from(sleep1), 500, 9)).toEqual(bootstrapMeanCi(sleep1, 500, 9));
    });

    it('should leave the values as they were', () => {
      const values = Float64Array.from(sleep1);
      bootstrapMeanCi(values, 200, 1);
      expect(Array.from(values)).toEqual(sleep1);
    });
  });

  describe('having a different seed', () => {
    it('should give a different interval', () => {
      expect(bootstrapMeanCi(sleep1, 1000, 123)).not.toEqual(bootstrapMeanCi(sleep1, 1000, 124));
    });
  });

  describe('having a higher level with the same seed', () => {
    // Same seed → same replicate means, so the 99 % interval's quantiles lie outside the 95 % ones.
    it('should contain the lower-level interval', () => {
      const [lower95, upper95] = bootstrapMeanCi(sleep1, 2000, 5, 0.95);
      const [lower99, upper99] = bootstrapMeanCi(sleep1, 2000, 5, 0.99);
      expect(lower99).toBeLessThan(lower95);
      expect(upper99).toBeGreaterThan(upper95);
    });
  });

  describe('having a large, nearly normal sample', () => {
    // 2 000 values 10 + 2·Z + 0.5·U: the t-interval and the percentile bootstrap should agree. The
    // bootstrap's Monte Carlo error on each end, with B = 4 000, is about
    // √(0.025 · 0.975 / 4000) / φ(1.96) = 0.042 SE = 2.2 % of the half-width (1.96 SE); we allow 8 %.
    const stream = openStream(2024, 0, 'tests');
    const values = new Float64Array(2000);
    for (let i = 0; i < values.length; i++) values[i] = 10 + 2 * stream.normal() + 0.5 * stream.uniform();
    const [tLower, tUpper] = summarize(values).ci95 ?? [Number.NaN, Number.NaN];
    const halfWidth = (tUpper - tLower) / 2;

    it('should put both ends within 8 % of the t-interval half-width, for 5 seeds', () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const [lower, upper] = bootstrapMeanCi(values, 4000, seed);
        expect(Math.abs(lower - tLower) / halfWidth).toBeLessThan(0.08);
        expect(Math.abs(upper - tUpper) / halfWidth).toBeLessThan(0.08);
        expect(Math.abs((upper - lower) / (tUpper - tLower) - 1)).toBeLessThan(0.05);
      }
    });
  });

  describe('having a single value or no spread', () => {
    it('should give that value at both ends', () => {
      expect(bootstrapMeanCi([4.2], 100, 1)).toEqual([4.2, 4.2]);
      expect(bootstrapMeanCi([3, 3, 3], 100, 1)).toEqual([3, 3]);
    });
  });

  describe('having a single replicate', () => {
    it('should give the one replicate mean at both ends', () => {
      const [lower, upper] = bootstrapMeanCi(sleep1, 1, 1);
      expect(lower).toBe(upper);
    });
  });

  describe('having bad input', () => {
    it('should throw a RangeError on no values', () => {
      expect(() => bootstrapMeanCi([], 100, 1)).toThrow(RangeError);
    });

    it('should throw a RangeError on a non-finite value', () => {
      expect(() => bootstrapMeanCi([1, Number.NaN, 3], 100, 1)).toThrow(/finite/);
      expect(() => bootstrapMeanCi([1, Number.POSITIVE_INFINITY], 100, 1)).toThrow(/finite/);
    });

    it('should throw a RangeError on fewer than one replicate or a fractional count', () => {
      expect(() => bootstrapMeanCi(sleep1, 0, 1)).toThrow(/replicates/);
      expect(() => bootstrapMeanCi(sleep1, 2.5, 1)).toThrow(/replicates/);
    });

    it('should throw a RangeError on a level outside (0, 1)', () => {
      for (const level of [0, 1, -0.5, 1.5, Number.NaN]) {
        expect(() => bootstrapMeanCi(sleep1, 100, 1, level)).toThrow(/level/);
      }
    });

    it('should throw a RangeError on a non-finite seed', () => {
      expect(() => bootstrapMeanCi(sleep1, 100, Number.NaN)).toThrow(/seed/);
    });
  });
});
