import { describe, expect, it } from 'vitest';
import { studentTQuantile, studentTUpperTail } from '../../../src/sim/stats/student-t.ts';

describe('studentTQuantile', () => {
  describe('having p = 0.975 (two-sided 95 % intervals)', () => {
    // R 4.x: print(qt(0.975, c(1, 2, 5, 9, 29, 60, 999)), digits = 10)
    //   12.70620474  4.30265273  2.570581836  2.262157163  2.045229642  2.000297822  1.962341461
    // Closed forms: df = 1 → tan(0.475π) = 12.70620474; df = 2 → 0.95 / √(2 · 0.975 · 0.025) = 4.30265273.
    it.each([
      [1, 12.70620474],
      [2, 4.30265273],
      [5, 2.570581836],
      [9, 2.262157163],
      [29, 2.045229642],
      [60, 2.000297822],
      [999, 1.962341461],
    ])('should match qt(0.975, %i) = %f to 1e-6', (df, expected) => {
      expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 6);
    });
  });

  describe('having p = 0.995 (two-sided 99 % intervals)', () => {
    // R: print(qt(0.995, c(1, 2, 5, 9, 29, 60)), digits = 10)
    //   63.65674116  9.924843201  4.032142984  3.249835542  2.756385904  2.660283029
    // Closed forms: df = 1 → tan(0.495π) = 63.65674116; df = 2 → 0.99 / √(2 · 0.995 · 0.005) = 9.924843201.
    it.each([
      [1, 63.65674116],
      [2, 9.924843201],
      [5, 4.032142984],
      [9, 3.249835542],
      [29, 2.756385904],
      [60, 2.660283029],
    ])('should match qt(0.995, %i) = %f to 1e-6', (df, expected) => {
      expect(studentTQuantile(0.995, df)).toBeCloseTo(expected, 6);
    });
  });

  describe('having other probabilities', () => {
    // R: qt(0.95, 3) = 2.353363435; qt(0.9, 10) = 1.372183641
    it('should match qt(0.95, 3) = 2.353363', () => {
      expect(studentTQuantile(0.95, 3)).toBeCloseTo(2.353363435, 6);
    });

    it('should match qt(0.9, 10) = 1.372184', () => {
      expect(studentTQuantile(0.9, 10)).toBeCloseTo(1.372183641, 6);
    });
  });

  describe('having p below 0.5', () => {
    // The t distribution is symmetric: qt(0.025, 9) = −qt(0.975, 9) = −2.262157.
    it('should return the negative quantile', () => {
      expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157163, 6);
    });
  });

  describe('having p = 0.5', () => {
    it('should return 0 (the median)', () => {
      expect(studentTQuantile(0.5, 7)).toBe(0);
    });
  });

  describe('having p outside (0, 1)', () => {
    it('should throw a RangeError for p = 0 and p = 1', () => {
      expect(() => studentTQuantile(0, 9)).toThrow(RangeError);
      expect(() => studentTQuantile(1, 9)).toThrow(/between 0 and 1/);
    });
  });

  describe('having fewer than 1 degree of freedom', () => {
    it('should throw a RangeError', () => {
      expect(() => studentTQuantile(0.975, 0)).toThrow(/df must be at least 1/);
    });
  });
});

describe('studentTUpperTail', () => {
  describe('having a quantile from the table', () => {
    // R: pt(2.262157163, 9, lower.tail = FALSE) = 0.025
    it('should give 0.025 for t = 2.262157163 with 9 df', () => {
      expect(studentTUpperTail(2.262157163, 9)).toBeCloseTo(0.025, 9);
    });

    // Cauchy (df = 1): P(T > 1) = 1/2 − atan(1)/π = 0.25 exactly.
    it('should give 0.25 for t = 1 with 1 df', () => {
      expect(studentTUpperTail(1, 1)).toBeCloseTo(0.25, 12);
    });
  });

  describe('having a negative t', () => {
    // By symmetry P(T > −1) = 1 − 0.25 = 0.75 for df = 1.
    it('should give 0.75 for t = −1 with 1 df', () => {
      expect(studentTUpperTail(-1, 1)).toBeCloseTo(0.75, 12);
    });
  });

  describe('having t = 0', () => {
    it('should give 0.5', () => {
      expect(studentTUpperTail(0, 12)).toBeCloseTo(0.5, 12);
    });
  });
});
