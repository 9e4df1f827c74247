import { describe, expect, it } from 'vitest';
import { cohensDz } from '../../../src/sim/stats/cohens-dz.ts';

describe(cohensDz, () => {
  describe("having Lakens's movie ratings (Front Psychol 2013;4:863, Table 1)", () => {
    // Movie 1: 9,7,8,9,8,9,9,10,9,9; movie 2: 9,6,7,8,7,9,8,8,8,7 → d = 0,1,1,1,1,0,1,2,1,2.
    // By hand: mean(d) = 10/10 = 1; Σ(d − 1)² = 1+0+0+0+0+1+0+1+0+1 = 4; SD = √(4/9) = 2/3;
    //          d_z = 1 / (2/3) = 1.5 (Lakens reports d_z = 1.50; t(9) = 1.5 · √10 = 4.743).
    it('should give 1.5', () => {
      expect(cohensDz([0, 1, 1, 1, 1, 0, 1, 2, 1, 2])).toBeCloseTo(1.5, 12);
    });
  });

  describe("having R's sleep data (drug 2 − drug 1)", () => {
    // d = 1.2, 2.4, 1.3, 1.3, 0, 1.0, 1.8, 0.8, 4.6, 1.4: mean 1.58, SD 1.229995.
    // R: t.test(extra ~ group, data = sleep, paired = TRUE) gives t = −4.0621 (df 9), and
    //    d_z = |t| / √n = 4.0621 / √10 = 1.28455; by hand 1.58 / 1.229995 = 1.284558
    //    (numpy: d.mean() / d.std(ddof=1) = 1.2845575625910546).
    const differences = Float64Array.from([1.2, 2.4, 1.3, 1.3, 0, 1.0, 1.8, 0.8, 4.6, 1.4]);

    it('should give 1.284558', () => {
      expect(cohensDz(differences)).toBeCloseTo(1.284558, 6);
    });

    it('should flip sign when the differences do', () => {
      expect(cohensDz(differences.map((d) => -d))).toBeCloseTo(-1.284558, 6);
    });
  });

  describe('having two differences', () => {
    // d = 1, 3: mean 2, SD √2 → d_z = 2 / √2 = √2.
    it('should give √2', () => {
      expect(cohensDz([1, 3])).toBeCloseTo(Math.SQRT2, 12);
    });
  });

  describe('having bad input', () => {
    it('should throw a RangeError on fewer than two differences', () => {
      expect(() => cohensDz([])).toThrow(RangeError);
      expect(() => cohensDz([1])).toThrow(/two/);
    });

    it('should throw a RangeError on a non-finite difference', () => {
      expect(() => cohensDz([1, Number.NaN, 3])).toThrow(/finite/);
    });

    it('should throw a RangeError when the differences have no spread', () => {
      expect(() => cohensDz([2, 2, 2])).toThrow(/spread/);
    });
  });
});
