import { describe, expect, it } from 'vitest';
import { hedgesG } from '../../../src/sim/stats/hedges-g.ts';

describe(hedgesG, () => {
  describe('having the worked example of Borenstein et al. 2009 (Introduction to Meta-Analysis, §4.3)', () => {
    // 103 ± 5.5 (n 50) vs 100 ± 4.5 (n 50): S_within = √((49·30.25 + 49·20.25)/98) = 5.0249,
    // d = 3/5.0249 = 0.5970, J = 1 − 3/(4·98 − 1) = 0.9923, g = 0.5924 (the book's numbers).
    it('should give 0.5924', () => {
      expect(hedgesG({ mean: 103, sd: 5.5, n: 50 }, { mean: 100, sd: 4.5, n: 50 })).toBeCloseTo(0.592442, 6);
    });

    it('should flip sign when the groups swap', () => {
      expect(hedgesG({ mean: 100, sd: 4.5, n: 50 }, { mean: 103, sd: 5.5, n: 50 })).toBeCloseTo(-0.592442, 6);
    });
  });

  describe("having R's sleep data as two groups of 10 (drug 2: 2.33 ± 2.002249, drug 1: 0.75 ± 1.789010)", () => {
    // Pooled SD √((2.002249² + 1.789010²)/2) = 1.898625; d = 1.58/1.898625 = 0.832181;
    // J = 1 − 3/71 = 0.957746; g = 0.797019 (Python: statistics.stdev, by the formula).
    it('should give 0.797019', () => {
      expect(hedgesG({ mean: 2.33, sd: 2.002249, n: 10 }, { mean: 0.75, sd: 1.78901, n: 10 })).toBeCloseTo(0.797019, 5);
    });

    // The same means and SDs corrected for a study of 7 a side: J = 1 − 3/47 = 0.936170, g = 0.779063.
    it('should correct for the group sizes given, not for where the means came from', () => {
      expect(hedgesG({ mean: 2.33, sd: 2.002249, n: 7 }, { mean: 0.75, sd: 1.78901, n: 7 })).toBeCloseTo(0.779063, 5);
    });
  });

  describe('having bad input', () => {
    it('should throw a RangeError on a group of fewer than two', () => {
      expect(() => hedgesG({ mean: 1, sd: 1, n: 1 }, { mean: 0, sd: 1, n: 10 })).toThrow(/two members/);
    });

    it('should throw a RangeError when neither group has spread', () => {
      expect(() => hedgesG({ mean: 1, sd: 0, n: 5 }, { mean: 0, sd: 0, n: 5 })).toThrow(/spread/);
    });

    it('should throw a RangeError on a number that is not finite', () => {
      expect(() => hedgesG({ mean: Number.NaN, sd: 1, n: 5 }, { mean: 0, sd: 1, n: 5 })).toThrow(/finite/);
    });
  });
});
