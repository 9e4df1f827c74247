import { describe, expect, it } from 'vitest';
import { banisterTrimp } from '../../../src/models/metrics/trimp.ts';

// HRrest 50 and HRmax 190 give a reserve of 140 beats: HRex 120 → HRr 70/140 = 0.5,
// HRex 155 → HRr 105/140 = 0.75.
const athlete = { hrRest: 50, hrMax: 190 };

describe('banisterTrimp', () => {
  describe('having a male athlete', () => {
    // 60 × 0.5 × 0.64 × e^(1.92 × 0.5) = 19.2 × e^0.96 = 19.2 × 2.611696 = 50.14457
    it('should give 50.1446 for 60 min at HRr 0.5', () => {
      const trimp = banisterTrimp({ ...athlete, minutes: 60, hrExercise: 120, sex: 'male' });
      expect(trimp).toBeCloseTo(50.14457, 4);
    });

    // 45 × 0.75 × 0.64 × e^(1.92 × 0.75) = 21.6 × e^1.44 = 21.6 × 4.220696 = 91.16703
    it('should give 91.1670 for 45 min at HRr 0.75', () => {
      const trimp = banisterTrimp({ ...athlete, minutes: 45, hrExercise: 155, sex: 'male' });
      expect(trimp).toBeCloseTo(91.16703, 4);
    });
  });

  describe('having a female athlete', () => {
    // 60 × 0.5 × 0.86 × e^(1.67 × 0.5) = 25.8 × e^0.835 = 25.8 × 2.304814 = 59.46420
    it('should give 59.4642 for 60 min at HRr 0.5', () => {
      const trimp = banisterTrimp({ ...athlete, minutes: 60, hrExercise: 120, sex: 'female' });
      expect(trimp).toBeCloseTo(59.4642, 4);
    });
  });

  describe('having a mean heart rate at rest', () => {
    it('should give 0 (HRr = 0)', () => {
      expect(banisterTrimp({ ...athlete, minutes: 60, hrExercise: 50, sex: 'male' })).toBe(0);
    });
  });

  describe('having inconsistent heart rates', () => {
    it('should throw a RangeError when hrExercise is above hrMax', () => {
      expect(() => banisterTrimp({ ...athlete, minutes: 30, hrExercise: 195, sex: 'male' })).toThrow(
        /hrRest–hrMax/,
      );
    });

    it('should throw a RangeError when hrMax is not above hrRest', () => {
      expect(() =>
        banisterTrimp({ minutes: 30, hrExercise: 60, hrRest: 60, hrMax: 60, sex: 'male' }),
      ).toThrow(RangeError);
    });
  });

  describe('having a negative duration', () => {
    it('should throw a RangeError', () => {
      expect(() => banisterTrimp({ ...athlete, minutes: -1, hrExercise: 120, sex: 'male' })).toThrow(
        /minutes/,
      );
    });
  });
});
