import { describe, expect, it } from 'vitest';
import { fitnessFatigueEwma, smoothingWeight } from '../../../src/models/metrics/fitness-fatigue.ts';

describe('smoothingWeight', () => {
  describe('having τ = 7 days', () => {
    // 1/7 = 0.1428571; 1 − e^(−1/7) = 1 − 0.8668779 = 0.1331221.
    it('should give 1/τ = 0.142857 for linear smoothing', () => {
      expect(smoothingWeight(7, 'linear')).toBeCloseTo(0.142857, 6);
    });

    it('should give 1 − e^(−1/τ) = 0.133122 for exponential smoothing', () => {
      expect(smoothingWeight(7, 'exponential')).toBeCloseTo(0.133122, 6);
    });

    // (0.1428571 − 0.1331221) / 0.1428571 = 0.06815: the ≈ 6 % difference between the discrete and continuous forms.
    it('should make the two forms differ by 6.8 % of the linear weight', () => {
      const linear = smoothingWeight(7, 'linear');
      const exponential = smoothingWeight(7, 'exponential');
      expect((linear - exponential) / linear).toBeCloseTo(0.06815, 4);
    });
  });

  describe('having τ = 42 days', () => {
    // 1/42 = 0.0238095; 1 − e^(−1/42) = 1 − 0.9764717 = 0.0235283.
    it('should give 0.023810 (linear) and 0.023528 (exponential)', () => {
      expect(smoothingWeight(42, 'linear')).toBeCloseTo(0.02381, 6);
      expect(smoothingWeight(42, 'exponential')).toBeCloseTo(0.023528, 6);
    });
  });

  describe('having a time constant below 1 day', () => {
    it('should throw a RangeError', () => {
      expect(() => smoothingWeight(0.5, 'linear')).toThrow(/at least 1 day/);
    });
  });
});

describe('fitnessFatigueEwma', () => {
  describe('having three days (100, 50, 0) with linear smoothing and τ = 42 / 7', () => {
    // Fatigue, w = 1/7: 100/7 = 14.285714; 14.285714 + (50 − 14.285714)/7 = 19.387755;
    //   19.387755 × 6/7 = 16.618076.
    // Fitness, w = 1/42: 100/42 = 2.380952; 2.380952 + (50 − 2.380952)/42 = 3.514739;
    //   3.514739 × 41/42 = 3.431055.
    // Form (previous day): 0; 2.380952 − 14.285714 = −11.904762; 3.514739 − 19.387755 = −15.873016.
    const { fitness, fatigue, form } = fitnessFatigueEwma([100, 50, 0], { smoothing: 'linear' });

    it('should give fatigue 14.285714, 19.387755, 16.618076', () => {
      expect(fatigue[0]).toBeCloseTo(14.285714, 6);
      expect(fatigue[1]).toBeCloseTo(19.387755, 6);
      expect(fatigue[2]).toBeCloseTo(16.618076, 6);
    });

    it('should give fitness 2.380952, 3.514739, 3.431055', () => {
      expect(fitness[0]).toBeCloseTo(2.380952, 6);
      expect(fitness[1]).toBeCloseTo(3.514739, 6);
      expect(fitness[2]).toBeCloseTo(3.431055, 6);
    });

    it("should give form from the previous day's values: 0, −11.904762, −15.873016", () => {
      expect(form[0]).toBe(0);
      expect(form[1]).toBeCloseTo(-11.904762, 6);
      expect(form[2]).toBeCloseTo(-15.873016, 6);
    });
  });

  describe('having the same days with exponential smoothing', () => {
    // Fatigue, w = 0.1331221: 13.312210; 13.312210 + (50 − 13.312210) × 0.1331221 = 18.196166.
    it('should give fatigue 13.312210 then 18.196166', () => {
      const { fatigue } = fitnessFatigueEwma([100, 50, 0], { smoothing: 'exponential' });
      expect(fatigue[0]).toBeCloseTo(13.31221, 6);
      expect(fatigue[1]).toBeCloseTo(18.196166, 6);
    });
  });

  describe('having custom time constants', () => {
    // τ = 10 and 2, linear: fitness 100/10 = 10, fatigue 100/2 = 50; next day form 10 − 50 = −40.
    it('should use them', () => {
      const series = fitnessFatigueEwma([100, 0], { fitnessDays: 10, fatigueDays: 2, smoothing: 'linear' });
      expect(series.fitness[0]).toBeCloseTo(10, 12);
      expect(series.fatigue[0]).toBeCloseTo(50, 12);
      expect(series.form[1]).toBeCloseTo(-40, 12);
    });
  });

  describe('having a steady load for a long time', () => {
    // Both averages converge to the load; after 400 days the 42-day one is within 100 × e^(−400/42) ≈ 0.007.
    it('should bring fitness and fatigue to the load and form to 0', () => {
      const { fitness, fatigue, form } = fitnessFatigueEwma(new Float64Array(400).fill(100), {
        smoothing: 'exponential',
      });
      expect(fitness[399]).toBeCloseTo(100, 1);
      expect(fatigue[399]).toBeCloseTo(100, 6);
      expect(form[399]).toBeCloseTo(0, 1);
    });
  });

  describe('having a negative load', () => {
    it('should throw a RangeError', () => {
      expect(() => fitnessFatigueEwma([50, -1], { smoothing: 'linear' })).toThrow(/non-negative/);
    });
  });
});
