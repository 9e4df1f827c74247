import { describe, expect, it } from 'vitest';
import { responderShares } from '../../../src/sim/stats/responder-shares.ts';

describe(responderShares, () => {
  describe('having 9 athletes, one not measured, and a typical error of 2', () => {
    // Cut-offs: high > 2 × 2 = 4, low < 0.5 × 2 = 1. The NaN is skipped: 8 measured.
    //   5, 4.5          → high (2)
    //   4 (= 4), 3, 1 (= 1) → neither (the comparisons are strict)
    //   0.5, 0, −2      → low (3)
    // high = 2/8 = 0.25, low = 3/8 = 0.375.
    const gains = [5, 4, 4.5, 3, 1, 0.5, 0, -2, Number.NaN];

    it('should give high 0.25 and low 0.375 (shares of the 8 measured)', () => {
      expect(responderShares(gains, 2)).toEqual({ high: 0.25, low: 0.375 });
    });

    it('should give the same from a Float64Array', () => {
      expect(responderShares(Float64Array.from(gains), 2)).toEqual({ high: 0.25, low: 0.375 });
    });
  });

  describe('having every athlete on or between the cut-offs', () => {
    // TE 1: 0.5 is not below 0.5, 2 is not above 2, 1 lies between.
    it('should give 0 and 0', () => {
      expect(responderShares([0.5, 1, 2], 1)).toEqual({ high: 0, low: 0 });
    });
  });

  describe('having bad input', () => {
    it('should throw a RangeError when no gain was measured', () => {
      expect(() => responderShares([], 1)).toThrow(/measured/);
      expect(() => responderShares([Number.NaN, Number.NaN], 1)).toThrow(/measured/);
    });

    it('should throw a RangeError on an infinite gain', () => {
      expect(() => responderShares([1, Number.POSITIVE_INFINITY], 1)).toThrow(/finite/);
    });

    it('should throw a RangeError on a typical error that is not finite and positive', () => {
      for (const typicalError of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => responderShares([1, 2], typicalError)).toThrow(/typical error/);
      }
    });
  });
});
