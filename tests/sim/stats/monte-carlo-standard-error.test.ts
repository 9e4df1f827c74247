import { describe, expect, it } from 'vitest';
import { monteCarloStandardError } from '../../../src/sim/stats/monte-carlo-standard-error.ts';

describe(monteCarloStandardError, () => {
  describe('having the values 2, 4, 4, 4, 5, 5, 7, 9', () => {
    // By hand: mean 40/8 = 5; Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32;
    //          MCSE = √(32 / (8 · 7)) = √(4/7) = 0.7559289 (R: sd(x) / sqrt(8)).
    it('should give √(4/7) = 0.755929', () => {
      expect(monteCarloStandardError([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(4 / 7), 12);
    });
  });

  describe('having the values 1 to 10', () => {
    // sd 3.027650 (R: sd(1:10)), / √10 = 0.9574271.
    it('should give 0.957427', () => {
      expect(monteCarloStandardError(Float64Array.from({ length: 10 }, (_, i) => i + 1))).toBeCloseTo(0.9574271, 7);
    });
  });

  describe("having R's sleep data, group 1", () => {
    // sd 1.789010 (R: sd(sleep$extra[1:10])), / √10 = 0.5657345.
    it('should give 0.565735', () => {
      expect(monteCarloStandardError([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0])).toBeCloseTo(0.5657345, 7);
    });
  });

  describe('having no spread', () => {
    it('should give 0', () => {
      expect(monteCarloStandardError([3, 3, 3])).toBe(0);
    });
  });

  describe('having bad input', () => {
    it('should throw a RangeError on fewer than two values', () => {
      expect(() => monteCarloStandardError([])).toThrow(RangeError);
      expect(() => monteCarloStandardError([1])).toThrow(/two/);
    });

    it('should throw a RangeError on a non-finite value', () => {
      expect(() => monteCarloStandardError([1, Number.NEGATIVE_INFINITY])).toThrow(/finite/);
    });
  });
});
