import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../../src/sim/stats/paired.ts';

// R's sleep data: extra hours of sleep for 10 patients under drug 1 and drug 2.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

// The movie-rating example of Lakens 2013 (Front Psychol 4:863): 10 people rate two movies.
const movie1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9];
const movie2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7];

describe('pairedDifference', () => {
  describe("having R's sleep data (drug 2 vs drug 1)", () => {
    // R: t.test(extra ~ group, data = sleep, paired = TRUE) gives mean difference −1.58 and
    //    95 % CI [−2.4598858, −0.7001142] for drug 1 − drug 2; we compute drug 2 − drug 1.
    // By hand: d = 1.2, 2.4, 1.3, 1.3, 0, 1.0, 1.8, 0.8, 4.6, 1.4; Σd = 15.8 → diff 1.58;
    //    sd(d) = 1.229995; sd(drug 2) = 2.002249, sd(drug 1) = 1.789010, average 1.895629;
    //    d_av = 1.58 / 1.895629 = 0.833496; J = 1 − 3/35 = 0.914286; g = 0.762054.
    const result = pairedDifference(drug2, drug1);

    it('should give n 10 and diff 1.58', () => {
      expect(result.n).toBe(10);
      expect(result.diff).toBeCloseTo(1.58, 12);
    });

    it('should give sdDiff 1.229995', () => {
      expect(result.sdDiff).toBeCloseTo(1.229995, 6);
    });

    it('should give the paired 95 % CI [0.7001142, 2.4598858]', () => {
      expect(result.ci95?.[0]).toBeCloseTo(0.7001142, 6);
      expect(result.ci95?.[1]).toBeCloseTo(2.4598858, 6);
    });

    it('should give Hedges g_av 0.762054 (d_av 0.833496 × J 0.914286)', () => {
      expect(result.hedgesG).toBeCloseTo(0.762054, 5);
    });

    it('should flip every sign when the arms are swapped', () => {
      const swapped = pairedDifference(drug1, drug2);
      expect(swapped.diff).toBeCloseTo(-1.58, 12);
      expect(swapped.ci95?.[0]).toBeCloseTo(-2.4598858, 6);
      expect(swapped.hedgesG).toBeCloseTo(-0.762054, 5);
    });
  });

  describe("having Lakens's movie ratings", () => {
    // Means 8.7 and 7.7; sd 0.823273 and 0.948683 (average 0.885978); d = 0,1,1,1,1,0,1,2,1,2 →
    // diff 1.0, sd(d) = √(4/9) = 0.666667; d_av = 1 / 0.885978 = 1.128696 (Lakens reports d_av = 1.13);
    // g = 1.128696 × (1 − 3/35) = 1.031951 (g_z would be 1.5 × 0.914286 = 1.371); CI 1 ± 2.262157 × 0.666667 / √10 = [0.523095, 1.476905].
    const result = pairedDifference(Float64Array.from(movie1), Float64Array.from(movie2));

    it('should give diff 1 and sdDiff 0.666667', () => {
      expect(result.diff).toBeCloseTo(1, 12);
      expect(result.sdDiff).toBeCloseTo(0.666667, 6);
    });

    it('should give the paired 95 % CI [0.523095, 1.476905]', () => {
      expect(result.ci95?.[0]).toBeCloseTo(0.523095, 6);
      expect(result.ci95?.[1]).toBeCloseTo(1.476905, 6);
    });

    it('should standardize by the average SD, not by sdDiff (g_av 1.031951, not g_z 1.371)', () => {
      expect(result.hedgesG).toBeCloseTo(1.031951, 5);
    });
  });

  describe('having a single pair', () => {
    it('should give the difference and leave sdDiff, ci95 and hedgesG null', () => {
      expect(pairedDifference([5], [3])).toEqual({ n: 1, diff: 2, sdDiff: null, ci95: null, hedgesG: null });
    });
  });

  describe('having two pairs', () => {
    // J = 1 − 3/(4·1 − 1) = 0 would force g to 0, so g is not estimable; the CI still is:
    // d = 2, 4 → diff 3, sd √2, 3 ± 12.706205 × √2 / √2 = [−9.706205, 15.706205].
    it('should leave hedgesG null but give the CI', () => {
      const result = pairedDifference([5, 9], [3, 5]);
      expect(result.hedgesG).toBeNull();
      expect(result.ci95?.[0]).toBeCloseTo(-9.706205, 5);
      expect(result.ci95?.[1]).toBeCloseTo(15.706205, 5);
    });
  });

  describe('having no spread in either arm', () => {
    it('should leave hedgesG null', () => {
      expect(pairedDifference([2, 2, 2], [1, 1, 1]).hedgesG).toBeNull();
    });
  });

  describe('having arms of different lengths', () => {
    it('should throw a RangeError', () => {
      expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(/pair up/);
    });
  });

  describe('having no pairs', () => {
    it('should throw a RangeError', () => {
      expect(() => pairedDifference([], [])).toThrow(RangeError);
    });
  });

  describe('having a non-finite value', () => {
    it('should throw a RangeError', () => {
      expect(() => pairedDifference([1, Number.NaN, 3], [1, 2, 3])).toThrow(/finite/);
    });
  });
});
