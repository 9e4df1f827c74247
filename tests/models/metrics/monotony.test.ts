import { describe, expect, it } from 'vitest';
import { trainingMonotony, trainingStrain } from '../../../src/models/metrics/monotony.ts';

// A varied week: sum 2800, mean 400; deviations 200, −100, −400, 300, 0, 400, −400 give squared
// deviations summing to 620 000. Sample SD = √(620 000 / 6) = 321.4550.
// R: x <- c(600, 300, 0, 700, 400, 800, 0); mean(x) / sd(x)  # 1.244342
const variedWeek = [600, 300, 0, 700, 400, 800, 0];

// Six identical days and one rest day: mean 3000/7, SD = √1 750 000 / 7, so
// monotony = 3000 / √1 750 000 = 3000 / 1322.876 = 2.267787.
const monotonousWeek = [500, 500, 500, 500, 500, 500, 0];

describe('trainingMonotony', () => {
  describe('having a varied week with two rest days', () => {
    it('should divide the mean by the sample SD (400 / 321.455 = 1.244342)', () => {
      expect(trainingMonotony(variedWeek)).toBeCloseTo(1.244342, 6);
    });

    // The population SD √(620 000 / 7) = 297.6095 would give 1.344043: we must not.
    it('should not use the population SD', () => {
      expect(trainingMonotony(variedWeek)).not.toBeCloseTo(1.344043, 3);
    });

    it('should accept a Float64Array', () => {
      expect(trainingMonotony(Float64Array.from(variedWeek))).toBeCloseTo(1.244342, 6);
    });
  });

  describe('having six identical days and one rest day', () => {
    it('should give 2.267787, above the common 2.0 alarm', () => {
      expect(trainingMonotony(monotonousWeek)).toBeCloseTo(2.267787, 6);
    });
  });

  describe('having a flat week', () => {
    it('should return 0 for a week without training', () => {
      expect(trainingMonotony([0, 0, 0, 0, 0, 0, 0])).toBe(0);
    });

    it('should return Infinity for seven identical non-zero loads', () => {
      expect(trainingMonotony([300, 300, 300, 300, 300, 300, 300])).toBe(Number.POSITIVE_INFINITY);
    });
  });

  describe('having the wrong number of days', () => {
    it('should throw a RangeError for 6 loads', () => {
      expect(() => trainingMonotony([1, 2, 3, 4, 5, 6])).toThrow(/7 daily loads \(got 6\)/);
    });
  });

  describe('having a negative load', () => {
    it('should throw a RangeError', () => {
      expect(() => trainingMonotony([100, -1, 0, 0, 0, 0, 0])).toThrow(RangeError);
    });
  });
});

describe('trainingStrain', () => {
  describe('having a varied week', () => {
    // 2800 × 1.2443420 = 3484.158
    it('should multiply the weekly load by the monotony (2800 × 1.244342 = 3484.158)', () => {
      expect(trainingStrain(variedWeek)).toBeCloseTo(3484.158, 3);
    });
  });

  describe('having six identical days and one rest day', () => {
    // 3000 × 2.2677868 = 6803.361
    it('should give 6803.361', () => {
      expect(trainingStrain(monotonousWeek)).toBeCloseTo(6803.361, 3);
    });
  });

  describe('having a flat week', () => {
    it('should return 0 for a week without training', () => {
      expect(trainingStrain([0, 0, 0, 0, 0, 0, 0])).toBe(0);
    });

    it('should return Infinity for seven identical non-zero loads', () => {
      expect(trainingStrain([300, 300, 300, 300, 300, 300, 300])).toBe(Number.POSITIVE_INFINITY);
    });
  });
});

describe('trainingMonotony and trainingStrain over a longer series', () => {
  const series = [900, 1000, ...variedWeek, 50];
  describe('having the week end on day 8 of 10', () => {
    it('should give the same values as the week on its own', () => {
      expect(trainingMonotony(series, 8)).toBeCloseTo(trainingMonotony(variedWeek), 12);
      expect(trainingStrain(series, 8)).toBeCloseTo(trainingStrain(variedWeek), 9);
    });
  });

  describe('having a week that starts before the series', () => {
    it('should throw a RangeError', () => {
      expect(() => trainingMonotony(series, 5)).toThrow(/not inside the series/);
    });
  });
});
