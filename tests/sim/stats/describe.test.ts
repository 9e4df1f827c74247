import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/sim/stats/describe.ts';

describe('summarize', () => {
  describe('having the values 1 to 10', () => {
    // R: x <- 1:10; mean(x) 5.5; sd(x) 3.02765; median(x) 5.5;
    //    t.test(x)$conf.int  3.334149 7.665851
    // By hand: Σ(x − 5.5)² = 82.5, sd = √(82.5 / 9) = 3.027650;
    //          half-width = 2.262157 × 3.027650 / √10 = 2.165851.
    const summary = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    it('should count 10 values with mean and median 5.5', () => {
      expect(summary.n).toBe(10);
      expect(summary.mean).toBeCloseTo(5.5, 12);
      expect(summary.median).toBeCloseTo(5.5, 12);
    });

    it('should use the sample SD (n − 1): 3.027650', () => {
      expect(summary.sd).toBeCloseTo(3.02765, 6);
    });

    it('should give the t-based 95 % CI [3.334149, 7.665851]', () => {
      expect(summary.ci95?.[0]).toBeCloseTo(3.334149, 6);
      expect(summary.ci95?.[1]).toBeCloseTo(7.665851, 6);
    });
  });

  describe("having R's sleep data, group 1 (extra hours of sleep)", () => {
    // R: x <- sleep$extra[1:10]; mean 0.75; sd 1.78901; median 0.35;
    //    t.test(x)$conf.int  -0.5297804  2.0297804
    const summary = summarize(Float64Array.from([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]));

    it('should give mean 0.75, sd 1.789010 and median 0.35', () => {
      expect(summary.mean).toBeCloseTo(0.75, 12);
      expect(summary.sd).toBeCloseTo(1.78901, 5);
      expect(summary.median).toBeCloseTo(0.35, 12);
    });

    it('should give the 95 % CI [−0.5297804, 2.0297804]', () => {
      expect(summary.ci95?.[0]).toBeCloseTo(-0.5297804, 6);
      expect(summary.ci95?.[1]).toBeCloseTo(2.0297804, 6);
    });
  });

  describe('having two values', () => {
    // [1, 3]: mean 2, sd √2 = 1.414214, se = 1, qt(0.975, 1) = 12.70620 → [−10.70620, 14.70620].
    it('should use 1 degree of freedom for the CI', () => {
      const summary = summarize([1, 3]);
      expect(summary.sd).toBeCloseTo(Math.SQRT2, 12);
      expect(summary.ci95?.[0]).toBeCloseTo(-10.7062047, 6);
      expect(summary.ci95?.[1]).toBeCloseTo(14.7062047, 6);
    });
  });

  describe('having a single value', () => {
    it('should report n, mean and median and leave sd and ci95 null', () => {
      expect(summarize([4.2])).toEqual({ n: 1, mean: 4.2, sd: null, median: 4.2, ci95: null });
    });
  });

  describe('having no values', () => {
    it('should throw a RangeError', () => {
      expect(() => summarize([])).toThrow(/at least one value/);
    });
  });

  describe('having a non-finite value', () => {
    it('should throw a RangeError for NaN', () => {
      expect(() => summarize([1, Number.NaN, 3])).toThrow(RangeError);
    });

    it('should throw a RangeError for Infinity', () => {
      expect(() => summarize([1, Number.POSITIVE_INFINITY])).toThrow(/finite/);
    });
  });
});
