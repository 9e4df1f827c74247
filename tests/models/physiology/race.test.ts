import { describe, expect, it } from 'vitest';
import { predictRaceMinutes, RACE_DISTANCES_KM, sustainableFraction, walkingMinutes, type RaceModelConstants, type WalkingConstants } from '../../../src/models/physiology/race.ts';
import type { AerobicProfile } from '../../../src/models/physiology/thresholds.ts';

// The shape of the speed–duration curve, written out here rather than imported from the parameters
// module, so that recalibrating the parameters cannot move these expectations.
const CONSTANTS: RaceModelConstants = { minutesAtVVO2max: 6, minutesAtLt2: 60, minutesAtLt1: 720 };
const WALKING: WalkingConstants = { restingVo2: 3.5, vo2PerMetrePerMinute: 0.1, topSpeed: 6 };
const RECREATIONAL: AerobicProfile = { vo2max: 50, economy: 210, lt1Fraction: 0.65, lt2Fraction: 0.79 };

/** vVO2max in km/h from the definition, independently of the code under test. */
const topSpeed = (profile: AerobicProfile): number => (profile.vo2max / profile.economy) * 60;

describe(sustainableFraction, () => {
  describe('having an effort no longer than the time limit at vVO2max', () => {
    it('should give 1 (all of VO2max) at and below 6 min', () => {
      for (const minutes of [0.5, 3, 5.99, 6]) expect(sustainableFraction(minutes, 0.65, 0.79, CONSTANTS)).toBe(1);
    });
  });

  describe('having an effort at one of the anchor durations', () => {
    it('should give the LT2 fraction at the LT2 duration (60 min)', () => {
      expect(sustainableFraction(60, 0.65, 0.79, CONSTANTS)).toBeCloseTo(0.79, 12);
    });

    it('should give the LT1 fraction at the LT1 duration (720 min)', () => {
      expect(sustainableFraction(720, 0.65, 0.79, CONSTANTS)).toBeCloseTo(0.65, 12);
    });

    it('should stay at the LT1 fraction beyond the LT1 duration', () => {
      expect(sustainableFraction(2000, 0.65, 0.79, CONSTANTS)).toBeCloseTo(0.65, 12);
    });
  });

  describe('having an effort between the anchors', () => {
    // Log-linear in duration: √(6 × 60) = 18.97 min is halfway in log-time, so F = 1 − 0.21 / 2 = 0.895.
    it('should be halfway from 1 to the LT2 fraction at the geometric mean of 6 and 60 min', () => {
      expect(sustainableFraction(Math.sqrt(6 * 60), 0.65, 0.79, CONSTANTS)).toBeCloseTo(0.895, 12);
    });

    // √(60 × 720) = 207.8 min is halfway from LT2 to LT1 in log-time: F = 0.79 − 0.14 / 2 = 0.72.
    it('should be halfway from the LT2 to the LT1 fraction at the geometric mean of 60 and 720 min', () => {
      expect(sustainableFraction(Math.sqrt(60 * 720), 0.65, 0.79, CONSTANTS)).toBeCloseTo(0.72, 12);
    });

    it('should never increase with duration (1 min to 2000 min)', () => {
      let previous = Infinity;
      for (let minutes = 1; minutes <= 2000; minutes += 0.5) {
        const fraction = sustainableFraction(minutes, 0.65, 0.79, CONSTANTS);
        expect(fraction).toBeLessThanOrEqual(previous);
        previous = fraction;
      }
    });
  });
});

describe(predictRaceMinutes, () => {
  describe('having the recreational profile (50 ml/kg/min, 210 ml/kg/km, 65 % / 79 %)', () => {
    it('should solve distance = vVO2max × F(t) × t to within 1e-6 km for every race distance', () => {
      for (const distance of Object.values(RACE_DISTANCES_KM)) {
        const minutes = predictRaceMinutes(distance, RECREATIONAL, CONSTANTS);
        const covered = (topSpeed(RECREATIONAL) * sustainableFraction(minutes, 0.65, 0.79, CONSTANTS) * minutes) / 60;
        expect(Math.abs(covered - distance)).toBeLessThan(1e-6);
      }
    });

    // vVO2max 14.286 km/h. Iterating t ← 10 / (14.286 × F(t)) × 60 by hand from the LT2 pace
    // (53.2 min): 52.07, 52.31, 52.33 …; an independent bisection gives 52.339 min.
    it('should run 10 km in about 52.34 min, inside the 45–60 min of a recreational runner', () => {
      const minutes = predictRaceMinutes(10, RECREATIONAL, CONSTANTS);
      expect(minutes).toBeCloseTo(52.339, 2);
      expect(minutes).toBeGreaterThan(45);
      expect(minutes).toBeLessThan(60);
    });

    // Beyond an hour F = 0.79 − 0.14 × ln(t/60)/ln 12; bisection gives 249.72 min (4:09:43).
    it('should run the marathon in about 249.7 min, between 3:15 and 4:30', () => {
      const minutes = predictRaceMinutes(42.195, RECREATIONAL, CONSTANTS);
      expect(minutes).toBeCloseTo(249.724, 2);
      expect(minutes).toBeGreaterThan(3 * 60 + 15);
      expect(minutes).toBeLessThan(4 * 60 + 30);
    });

    it('should be slower per km the longer the race (5 km < 10 km < half < marathon)', () => {
      const paces = Object.values(RACE_DISTANCES_KM).map((km) => predictRaceMinutes(km, RECREATIONAL, CONSTANTS) / km);
      for (let i = 1; i < paces.length; i++) expect(paces[i]!).toBeGreaterThan(paces[i - 1]!);
    });
  });

  describe('having a fitter profile', () => {
    const tenK = (profile: AerobicProfile) => predictRaceMinutes(10, profile, CONSTANTS);
    const marathon = (profile: AerobicProfile) => predictRaceMinutes(42.195, profile, CONSTANTS);

    it('should be faster with a higher VO2max', () => {
      const fitter = { ...RECREATIONAL, vo2max: 55 };
      expect(tenK(fitter)).toBeLessThan(tenK(RECREATIONAL));
      expect(marathon(fitter)).toBeLessThan(marathon(RECREATIONAL));
    });

    it('should be faster with a better (lower) running economy', () => {
      const fitter = { ...RECREATIONAL, economy: 195 };
      expect(tenK(fitter)).toBeLessThan(tenK(RECREATIONAL));
      expect(marathon(fitter)).toBeLessThan(marathon(RECREATIONAL));
    });

    it('should be faster with a higher LT2 fraction', () => {
      const fitter = { ...RECREATIONAL, lt2Fraction: 0.85 };
      expect(tenK(fitter)).toBeLessThan(tenK(RECREATIONAL));
      expect(marathon(fitter)).toBeLessThan(marathon(RECREATIONAL));
    });

    // The LT1 fraction only shapes efforts beyond an hour: the marathon gains, the 10 km does not.
    it('should be faster over the marathon, and unchanged over 10 km, with a higher LT1 fraction', () => {
      const fitter = { ...RECREATIONAL, lt1Fraction: 0.72 };
      expect(marathon(fitter)).toBeLessThan(marathon(RECREATIONAL));
      expect(tenK(fitter)).toBeCloseTo(tenK(RECREATIONAL), 9);
    });
  });

  describe('having a non-positive distance', () => {
    it('should throw a RangeError for 0, −5 and NaN', () => {
      for (const bad of [0, -5, Number.NaN]) expect(() => predictRaceMinutes(bad, RECREATIONAL, CONSTANTS)).toThrow(/distance must be positive/);
      expect(() => predictRaceMinutes(0, RECREATIONAL, CONSTANTS)).toThrow(RangeError);
    });
  });
});

describe(walkingMinutes, () => {
  it('should walk at the share of VO2max held for that long, by ACSM\'s equation: 10 km in about 3 h 10 min at a VO2max of 15', () => {
    const minutes = walkingMinutes(10, 15, 0.5, 0.65, CONSTANTS, WALKING);
    // The fixed point: the speed the sustainable VO2 of that duration buys is the speed that takes that long.
    const metresPerMinute = (sustainableFraction(minutes, 0.5, 0.65, CONSTANTS) * 15 - 3.5) / 0.1;
    expect(minutes).toBeCloseTo(10_000 / metresPerMinute, 6);
    expect(minutes).toBeGreaterThan(180);
    expect(minutes).toBeLessThan(200);
  });

  it('should walk no faster than walking goes, however fit', () => {
    expect(walkingMinutes(10, 70, 0.6, 0.75, CONSTANTS, WALKING)).toBeCloseTo((10 / WALKING.topSpeed) * 60, 9);
  });

  it('should give no finite time to someone whose sustainable VO2 does not exceed rest', () => {
    expect(walkingMinutes(10, 5, 0.5, 0.65, CONSTANTS, WALKING)).toBe(Number.POSITIVE_INFINITY);
  });

  it('should be slower than running for anyone who runs faster than walking goes (economy 220, VO2max 35 and up)', () => {
    for (const vo2max of [35, 50, 70]) {
      const running = predictRaceMinutes(10, { vo2max, economy: 220, lt1Fraction: 0.6, lt2Fraction: 0.75 }, CONSTANTS);
      expect(walkingMinutes(10, vo2max, 0.6, 0.75, CONSTANTS, WALKING), `VO2max ${vo2max}`).toBeGreaterThan(running);
    }
  });

  it('should beat running for the unfit: at a VO2max of 25 a brisk walk (6 km/h) is faster than the run they can keep up', () => {
    const running = predictRaceMinutes(10, { vo2max: 25, economy: 220, lt1Fraction: 0.6, lt2Fraction: 0.75 }, CONSTANTS);
    expect(walkingMinutes(10, 25, 0.6, 0.75, CONSTANTS, WALKING)).toBeLessThan(running);
  });
});
