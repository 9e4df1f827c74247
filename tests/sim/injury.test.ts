import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/models/parameters.ts';
import { injuryHazard } from '../../src/sim/injury.ts';

const injury = PARAMETERS.injury;
const perMinute = 7.3 / 60_000;
/** An hour's easy run in a steady month: the same longest run as before, the same volume. */
const steady = (overrides: Partial<{ minutes: number; z3: number; longest: number; previousLongest: number; last: number; before: number; injured: boolean }> = {}) => {
  const o = { minutes: 60, z3: 0, longest: 60, previousLongest: 60, last: 600, before: 600, injured: false, ...overrides };
  return injuryHazard(injury, perMinute, o.minutes, o.z3, o.longest, o.previousLongest, o.last, o.before, o.injured);
};

describe(injuryHazard, () => {
  describe('having a steady month', () => {
    it('should be the rate per minute times the minutes run', () => {
      expect(steady()).toBeCloseTo(60 * perMinute, 15);
      expect(steady({ minutes: 0 })).toBe(0);
    });

    it('should count a minute above LT2 as intensityHazard minutes', () => {
      expect(steady({ z3: 10 })).toBeCloseTo((60 + 10 * (injury.intensityHazard - 1)) * perMinute, 15);
    });
  });

  describe('having a session longer than the longest of the last 30 days', () => {
    it('should multiply by the hazard ratio of how much longer (Frandsen et al. 2025)', () => {
      const base = steady();
      expect(steady({ longest: 65 })).toBeCloseTo(base, 15);
      expect(steady({ longest: 70 }) / base).toBeCloseTo(injury.spikeHazard[0], 12);
      expect(steady({ longest: 90 }) / base).toBeCloseTo(injury.spikeHazard[1], 12);
      expect(steady({ longest: 130 }) / base).toBeCloseTo(injury.spikeHazard[2], 12);
      expect(steady({ previousLongest: 0 }) / base).toBeCloseTo(injury.spikeHazard[2], 12);
    });
  });

  describe('having two weeks bigger than the two before', () => {
    it('should multiply by progressionHazard above +30 %, halfway between +10 and +30 % (Nielsen et al. 2014)', () => {
      const base = steady();
      expect(steady({ last: 650 }) / base).toBeCloseTo(1, 12);
      expect(steady({ last: 720 }) / base).toBeCloseTo(1 + 0.5 * (injury.progressionHazard - 1), 12);
      expect(steady({ last: 800 }) / base).toBeCloseTo(injury.progressionHazard, 12);
    });
  });

  describe('having been injured before', () => {
    it('should multiply by previousInjuryHazard', () => {
      expect(steady({ injured: true }) / steady()).toBeCloseTo(injury.previousInjuryHazard, 12);
    });
  });
});
