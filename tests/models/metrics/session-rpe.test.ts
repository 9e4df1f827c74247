import { describe, expect, it } from 'vitest';
import { sessionRpeLoad } from '../../../src/models/metrics/session-rpe.ts';

describe('sessionRpeLoad', () => {
  describe('having a rating and a duration', () => {
    // Foster et al. 2001: load = CR-10 RPE × minutes; 7 × 40 = 280 AU, 3 × 60 = 180 AU.
    it('should multiply RPE by minutes (7 × 40 min = 280 AU)', () => {
      expect(sessionRpeLoad(7, 40)).toBe(280);
    });

    it('should give 180 AU for an easy hour at RPE 3', () => {
      expect(sessionRpeLoad(3, 60)).toBe(180);
    });

    // 5.5 × 30 = 165 AU: half points on the CR-10 scale are allowed.
    it('should accept half points on the scale', () => {
      expect(sessionRpeLoad(5.5, 30)).toBe(165);
    });
  });

  describe('having a rest day', () => {
    it('should give 0 AU for 0 minutes', () => {
      expect(sessionRpeLoad(0, 0)).toBe(0);
    });
  });

  describe('having a rating outside the CR-10 scale', () => {
    it('should throw a RangeError above 10', () => {
      expect(() => sessionRpeLoad(11, 30)).toThrow(RangeError);
      expect(() => sessionRpeLoad(11, 30)).toThrow(/0–10/);
    });

    it('should throw a RangeError below 0', () => {
      expect(() => sessionRpeLoad(-1, 30)).toThrow(RangeError);
    });
  });

  describe('having a negative duration', () => {
    it('should throw a RangeError', () => {
      expect(() => sessionRpeLoad(5, -10)).toThrow(/minutes/);
    });
  });
});
