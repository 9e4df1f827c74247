import { describe, expect, it } from 'vitest';
import { acwrEwma, acwrRollingAverage } from '../../../src/models/metrics/acwr.ts';

const days = (count: number, load: number): number[] => new Array<number>(count).fill(load);

describe('acwrRollingAverage', () => {
  describe('having a steady load for 28 days', () => {
    // acute 7 × 100 = 700; chronic 28 × 100 / 4 = 700; ratio 1.
    it('should give 1', () => {
      expect(acwrRollingAverage(days(28, 100), 27)).toBe(1);
    });
  });

  describe('having a doubled load in the fourth week', () => {
    // 21 days at 100, 7 at 200: acute 1400; chronic (2100 + 1400) / 4 = 875; 1400 / 875 = 1.6.
    it('should give 1.6 (coupled: the acute week is inside the chronic window)', () => {
      expect(acwrRollingAverage([...days(21, 100), ...days(7, 200)], 27)).toBeCloseTo(1.6, 12);
    });

    // Evaluated on day 34 of a 35-day series the windows are days 7–34 and 28–34:
    // 14 × 100 + 7 × 200 + 7 × 50 → chronic (1400 + 1400 + 350) / 4 = 787.5; acute 350; 0.4444.
    it('should use the 28 days ending on `index` in a longer series', () => {
      const loads = [...days(21, 100), ...days(7, 200), ...days(7, 50)];
      expect(acwrRollingAverage(loads, 34)).toBeCloseTo(350 / 787.5, 12);
    });
  });

  describe('having fewer than 28 days of history', () => {
    it('should return undefined on day 27 (index 26)', () => {
      expect(acwrRollingAverage(days(40, 100), 26)).toBeUndefined();
    });
  });

  describe('having no load in the last 28 days', () => {
    it('should return undefined', () => {
      expect(acwrRollingAverage(days(28, 0), 27)).toBeUndefined();
    });
  });

  describe('having an index outside the series', () => {
    it('should throw a RangeError', () => {
      expect(() => acwrRollingAverage(days(28, 100), 28)).toThrow(RangeError);
      expect(() => acwrRollingAverage(days(28, 100), 27.5)).toThrow(/index/);
    });
  });

  describe('having a negative load in the window', () => {
    it('should throw a RangeError', () => {
      const loads = days(28, 100);
      loads[20] = -5;
      expect(() => acwrRollingAverage(loads, 27)).toThrow(/non-negative/);
    });
  });
});

describe('acwrEwma', () => {
  describe('having three days (100, 0, 50)', () => {
    // Acute λ = 2/8 = 0.25: 25; 0.75 × 25 = 18.75; 0.25 × 50 + 0.75 × 18.75 = 26.5625.
    it('should give the acute EWMA 25, 18.75, 26.5625', () => {
      expect(Array.from(acwrEwma([100, 0, 50]).acute)).toEqual([25, 18.75, 26.5625]);
    });

    // Chronic λ = 2/29: 200/29 = 6.896552; 200·27/29² = 5400/841 = 6.420927;
    // 100/29 + 5400·27/29³ = 229 900/24 389 = 9.426381.
    it('should give the chronic EWMA 6.896552, 6.420927, 9.426381', () => {
      const { chronic } = acwrEwma([100, 0, 50]);
      expect(chronic[0]).toBeCloseTo(6.896552, 6);
      expect(chronic[1]).toBeCloseTo(6.420927, 6);
      expect(chronic[2]).toBeCloseTo(9.426381, 6);
    });

    it('should leave the ratio undefined on every day (fewer than 28 days)', () => {
      expect(acwrEwma([100, 0, 50]).ratio).toEqual([undefined, undefined, undefined]);
    });
  });

  describe('having a steady load for 28 days', () => {
    // Started from 0: acute 100(1 − 0.75^28) = 99.96825, chronic 100(1 − (27/29)^28) = 86.47798,
    // ratio 1.155997 on day 28 — the chronic EWMA's warm-up, not a spike.
    it('should give 1.155997 on day 28 and undefined on day 27', () => {
      const { ratio } = acwrEwma(days(28, 100));
      expect(ratio[26]).toBeUndefined();
      expect(ratio[27]).toBeCloseTo(1.155997, 6);
    });
  });

  describe('having a Float64Array of loads', () => {
    it('should return one value per day', () => {
      const series = acwrEwma(new Float64Array(35).fill(80));
      expect(series.acute).toHaveLength(35);
      expect(series.chronic).toHaveLength(35);
      expect(series.ratio).toHaveLength(35);
    });
  });

  describe('having a non-finite load', () => {
    it('should throw a RangeError', () => {
      expect(() => acwrEwma([100, Number.NaN])).toThrow(RangeError);
    });
  });
});
