import { describe, expect, it } from 'vitest';
import { adjustP, pairedEquivalence, pairedTTest } from '../../../src/sim/stats/hypothesis.ts';
import { studentTQuantile } from '../../../src/sim/stats/student-t.ts';

// R's sleep data: drug 2 − drug 1, the extra hours of sleep of 10 patients.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
const differences = drug2.map((value, i) => value - drug1[i]!);

describe('pairedTTest', () => {
  it("should give R's t.test(extra ~ group, data = sleep, paired = TRUE): t 4.0621, df 9, p 0.002833", () => {
    // Also scipy 1.17: stats.ttest_rel(drug2, drug1) → statistic 4.062127683382037, pvalue 0.002832890197384273.
    const test = pairedTTest(differences)!;
    expect(test.t).toBeCloseTo(4.062127683382037, 10);
    expect(test.df).toBe(9);
    expect(test.p).toBeCloseTo(0.002832890197384273, 10);
  });

  it('should be symmetric in the sign of the differences', () => {
    const test = pairedTTest(differences.map((d) => -d))!;
    expect(test.t).toBeCloseTo(-4.062127683382037, 10);
    expect(test.p).toBeCloseTo(0.002832890197384273, 10);
  });

  it('should give p = 1 for differences of mean 0, and nothing below two differences', () => {
    expect(pairedTTest([1, -1, 2, -2])!.p).toBeCloseTo(1, 12);
    expect(pairedTTest([0, 0, 0])).toEqual({ t: 0, df: 2, p: 1 });
    expect(pairedTTest([1])).toBeNull();
  });
});

describe('pairedEquivalence (TOST)', () => {
  // scipy 1.17: stats.ttest_1samp(d, -bound, alternative='greater') and (d, bound, alternative='less').
  const scipy: [number, number, number][] = [
    [2.0, 3.552344159247697e-6, 0.1541572356690974],
    [2.5, 1.2002417381896456e-6, 0.02111686024650077],
    [3.0, 4.522694965832459e-7, 0.002655570292658671],
  ];
  for (const [bound, lower, upper] of scipy) {
    it(`should give scipy's one-sided p-values against ±${bound} h`, () => {
      const tost = pairedEquivalence(differences, bound)!;
      expect(tost.pLower).toBeCloseTo(lower, 12);
      expect(tost.pUpper).toBeCloseTo(upper, 10);
      expect(tost.p).toBe(Math.max(tost.pLower, tost.pUpper));
    });
  }

  it('should show equivalence at 5 % exactly when the 90 % t-interval lies inside the bounds', () => {
    const n = differences.length;
    const mean = differences.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1));
    const half = (studentTQuantile(0.95, n - 1) * sd) / Math.sqrt(n);
    const [low, high] = [mean - half, mean + half];
    for (let bound = 0.5; bound < 4; bound += 0.05) {
      const inside = -bound < low && high < bound;
      expect(pairedEquivalence(differences, bound)!.p < 0.05).toBe(inside);
    }
  });

  it('should refuse a bound that is not positive', () => {
    expect(() => pairedEquivalence(differences, 0)).toThrow(RangeError);
    expect(() => pairedEquivalence(differences, Number.NaN)).toThrow(RangeError);
  });
});

describe('adjustP', () => {
  // By R's p.adjust definition: sorted p × (m − i + 1), running maximum, capped at 1.
  it("should give R's Holm adjustment", () => {
    expect(adjustP([0.01, 0.02, 0.03, 0.04, 0.05], 'holm').map((p) => Number(p.toFixed(10)))).toEqual([0.05, 0.08, 0.09, 0.09, 0.09]);
    // Out of order, with a value capped at 1: sorted 0.001, 0.04, 0.3, 0.6 → 0.004, 0.12, 0.6, 0.6.
    expect(adjustP([0.6, 0.001, 0.3, 0.04], 'holm').map((p) => Number(p.toFixed(10)))).toEqual([0.6, 0.004, 0.6, 0.12]);
    expect(adjustP([0.5, 0.6], 'holm')).toEqual([1, 1]);
  });

  it('should give Bonferroni, none, and leave a missing test out of the family', () => {
    expect(adjustP([0.01, 0.2], 'bonferroni')).toEqual([0.02, 0.4]);
    expect(adjustP([0.01, 0.2], 'none')).toEqual([0.01, 0.2]);
    const adjusted = adjustP([0.01, Number.NaN, 0.02], 'holm');
    expect(adjusted[1]).toBeNaN();
    expect(adjusted[0]).toBeCloseTo(0.02, 12);
    expect(adjusted[2]).toBeCloseTo(0.02, 12);
  });

  it('should never make a p-value smaller, nor the order of the p-values change', () => {
    const p = [0.003, 0.2, 0.01, 0.049, 0.5, 0.02];
    const holm = adjustP(p, 'holm');
    p.forEach((value, i) => expect(holm[i]).toBeGreaterThanOrEqual(value));
    const byP = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
    for (let k = 1; k < byP.length; k++) expect(holm[byP[k]!]).toBeGreaterThanOrEqual(holm[byP[k - 1]!]!);
  });
});
