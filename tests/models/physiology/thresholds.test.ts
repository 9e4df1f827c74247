import { describe, expect, it } from 'vitest';
import { thresholdSpeeds, vVO2max, zoneOfSpeed } from '../../../src/models/physiology/thresholds.ts';

describe(vVO2max, () => {
  describe('having a positive VO2max and economy', () => {
    // 50 ml/kg/min ÷ 200 ml/kg/km = 0.25 km/min = 15 km/h.
    it('should give VO2max / economy × 60 km/h (50, 200 → 15)', () => {
      expect(vVO2max(50, 200)).toBeCloseTo(15, 12);
    });

    // 70 / 180 × 60 = 23.333… km/h: an elite runner.
    it('should give 23.333 km/h for 70 ml/kg/min at 180 ml/kg/km', () => {
      expect(vVO2max(70, 180)).toBeCloseTo(70 / 3, 12);
    });

    // A better (lower) economy at the same VO2max is faster: 50 / 190 × 60 = 15.789 > 15.
    it('should be faster with a lower oxygen cost per km', () => {
      expect(vVO2max(50, 190)).toBeGreaterThan(vVO2max(50, 200));
    });
  });

  describe('having a non-positive or non-numeric input', () => {
    it('should throw a RangeError naming VO2max for 0, −1 or NaN', () => {
      for (const bad of [0, -1, Number.NaN]) expect(() => vVO2max(bad, 200)).toThrow(/VO2max must be positive/);
      expect(() => vVO2max(0, 200)).toThrow(RangeError);
    });

    it('should throw a RangeError naming economy for 0, −1 or NaN', () => {
      for (const bad of [0, -1, Number.NaN]) expect(() => vVO2max(50, bad)).toThrow(/economy must be positive/);
      expect(() => vVO2max(50, 0)).toThrow(RangeError);
    });
  });
});

describe(thresholdSpeeds, () => {
  describe('having a profile of 50 ml/kg/min, 200 ml/kg/km, LT1 at 65 % and LT2 at 80 %', () => {
    // vVO2max 15 km/h; LT1 0.65 × 15 = 9.75; LT2 0.8 × 15 = 12.
    it('should give LT1 9.75, LT2 12 and vVO2max 15 km/h', () => {
      const speeds = thresholdSpeeds({ vo2max: 50, economy: 200, lt1Fraction: 0.65, lt2Fraction: 0.8 });
      expect(speeds.lt1).toBeCloseTo(9.75, 12);
      expect(speeds.lt2).toBeCloseTo(12, 12);
      expect(speeds.vVO2max).toBeCloseTo(15, 12);
    });
  });

  describe('having fractions out of order or outside (0, 1)', () => {
    const base = { vo2max: 50, economy: 200 };

    it('should reject LT1 at or above LT2', () => {
      expect(() => thresholdSpeeds({ ...base, lt1Fraction: 0.8, lt2Fraction: 0.8 })).toThrow(RangeError);
      expect(() => thresholdSpeeds({ ...base, lt1Fraction: 0.85, lt2Fraction: 0.8 })).toThrow(/lt1Fraction < lt2Fraction/);
    });

    it('should reject an LT1 fraction of 0 or below and an LT2 fraction of 1 or above', () => {
      expect(() => thresholdSpeeds({ ...base, lt1Fraction: 0, lt2Fraction: 0.8 })).toThrow(RangeError);
      expect(() => thresholdSpeeds({ ...base, lt1Fraction: -0.1, lt2Fraction: 0.8 })).toThrow(RangeError);
      expect(() => thresholdSpeeds({ ...base, lt1Fraction: 0.65, lt2Fraction: 1 })).toThrow(RangeError);
    });

    it('should reject NaN fractions', () => {
      expect(() => thresholdSpeeds({ ...base, lt1Fraction: Number.NaN, lt2Fraction: 0.8 })).toThrow(RangeError);
      expect(() => thresholdSpeeds({ ...base, lt1Fraction: 0.65, lt2Fraction: Number.NaN })).toThrow(RangeError);
    });
  });

  describe('having a non-positive VO2max', () => {
    it('should pass on the RangeError from vVO2max', () => {
      expect(() => thresholdSpeeds({ vo2max: 0, economy: 200, lt1Fraction: 0.65, lt2Fraction: 0.8 })).toThrow(/VO2max must be positive/);
    });
  });
});

describe(zoneOfSpeed, () => {
  describe('having LT1 at 10 km/h and LT2 at 12 km/h', () => {
    it('should put speeds below LT1 in zone 1', () => {
      expect(zoneOfSpeed(8, 10, 12)).toBe(1);
      expect(zoneOfSpeed(9.999, 10, 12)).toBe(1);
    });

    it('should put LT1 itself and speeds up to LT2 in zone 2', () => {
      expect(zoneOfSpeed(10, 10, 12)).toBe(2);
      expect(zoneOfSpeed(11.999, 10, 12)).toBe(2);
    });

    it('should put LT2 itself and faster speeds in zone 3', () => {
      expect(zoneOfSpeed(12, 10, 12)).toBe(3);
      expect(zoneOfSpeed(20, 10, 12)).toBe(3);
    });
  });
});
