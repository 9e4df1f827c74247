import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../src/models/workouts/compile.ts';
import { WORKOUTS } from '../../src/models/workouts/catalogue.ts';
import { resolveMacroplan, type ResolveIssue } from '../../src/engine/designs/resolve.ts';
import { isDeloadWeek, TargetTracker, WeekTargets, volumeFactor } from '../../src/engine/plan/targets.ts';

const catalogue = compileCatalogue(WORKOUTS);

function macroplan(ref: Parameters<typeof resolveMacroplan>[0], weeks: number) {
  const issues: ResolveIssue[] = [];
  const plan = resolveMacroplan(ref, weeks, catalogue, [], issues);
  expect(issues).toEqual([]);
  return plan!;
}

describe('volumeFactor', () => {
  const design = { progression: 0.03, loadWeeks: 3, deloadWeeks: 1, deloadVolume: 0.7 };

  describe('having a 3:1 pattern with 3 % progression', () => {
    it('should rise 3 % a loading week and drop to 70 % of the last loading week in the deload', () => {
      const factors = [0, 1, 2, 3, 4, 5, 6, 7].map((w) => volumeFactor(design, w));
      expect(factors[0]).toBeCloseTo(1, 12);
      expect(factors[1]).toBeCloseTo(1.03, 12);
      expect(factors[2]).toBeCloseTo(1.0609, 12);
      expect(factors[3]).toBeCloseTo(1.0609 * 0.7, 12);
      // The next cycle starts one step above the last loading week.
      expect(factors[4]).toBeCloseTo(1.03 ** 3, 12);
      expect(factors[7]).toBeCloseTo(1.03 ** 5 * 0.7, 12);
    });
  });

  describe('having no loading pattern', () => {
    it('should progress every week', () => {
      expect(volumeFactor({ progression: 0.05, loadWeeks: 1, deloadWeeks: 0, deloadVolume: 1 }, 4)).toBeCloseTo(1.05 ** 4, 12);
    });
  });
});

describe('isDeloadWeek', () => {
  it('should mark the last week of every 3:1 cycle, and no week without deloads', () => {
    const design = { progression: 0, loadWeeks: 3, deloadWeeks: 1, deloadVolume: 0.7 };
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((w) => isDeloadWeek(design, w))).toEqual([false, false, false, true, false, false, false, true]);
    expect([0, 1, 2].map((w) => isDeloadWeek({ ...design, loadWeeks: 1, deloadWeeks: 0 }, w))).toEqual([false, false, false]);
  });
});

describe('TargetTracker', () => {
  describe('having a built-in design relative to habitual hours', () => {
    it('should set total, zone-2 and zone-3 minutes from the shares, times the load factor', () => {
      const tracker = new TargetTracker();
      const out = new WeekTargets();
      tracker.reset(5, { z1: 0.75, z2: 0.2, z3: 0.05 });
      tracker.next(macroplan('polarized', 4), 1, 1.5, out);
      expect(out.totalMinutes).toBeCloseTo(300 * 1.5, 9);
      expect(out.z2Minutes).toBeCloseTo(300 * 1.5 * 0.05, 9);
      expect(out.z3Minutes).toBeCloseTo(300 * 1.5 * 0.15, 9);
    });
  });

  describe('having a taper after a build', () => {
    it('should halve the last loading week and keep 60 % of its hard minutes', () => {
      const plan = macroplan({ blocks: [{ weeks: 3, design: { distribution: { z1: 0.8, z2: 0.1, z3: 0.1 }, weeklyHours: 6, progression: 0.1 } }, { weeks: 2, design: 'taper' }] }, 5);
      const tracker = new TargetTracker();
      const out = new WeekTargets();
      tracker.reset(4, { z1: 0.8, z2: 0.15, z3: 0.05 });
      for (let week = 1; week <= 3; week++) tracker.next(plan, week, 1, out);
      const lastBuild = 360 * 1.1 ** 2;
      expect(out.totalMinutes).toBeCloseTo(lastBuild, 9);
      tracker.next(plan, 4, 1, out);
      expect(out.totalMinutes).toBeCloseTo(lastBuild * 0.5, 9);
      expect(out.z3Minutes).toBeCloseTo(lastBuild * 0.1 * 0.6, 9);
      tracker.next(plan, 5, 1, out);
      expect(out.totalMinutes).toBeCloseTo(lastBuild * 0.5, 9);
    });
  });

  describe('having a taper after a build capped at the hours the athlete has', () => {
    it('should taper from the week as it was capped, zones alike, and hold engine changes to the cap', () => {
      const plan = macroplan({ blocks: [{ weeks: 3, design: { distribution: { z1: 0.8, z2: 0.1, z3: 0.1 }, weeklyHours: 6, progression: 0.1 } }, { weeks: 2, design: 'taper' }] }, 5);
      const tracker = new TargetTracker();
      tracker.weeklyMinutesCap = 300;
      const out = new WeekTargets();
      tracker.reset(4, { z1: 0.8, z2: 0.15, z3: 0.05 });
      for (let week = 1; week <= 3; week++) {
        tracker.next(plan, week, 1, out);
        expect(out.totalMinutes).toBeLessThanOrEqual(300);
      }
      expect(out.totalMinutes).toBe(300);
      expect(out.z3Minutes).toBeCloseTo(30, 9);
      tracker.next(plan, 4, 1, out);
      // Half of the 300 minutes run, not of the 436 the build asked for.
      expect(out.totalMinutes).toBeCloseTo(150, 9);
      expect(out.z3Minutes).toBeCloseTo(30 * 0.6, 9);
      out.totalMinutes *= 3;
      out.z3Minutes *= 3;
      tracker.holdCap(out);
      expect(out.totalMinutes).toBe(300);
      expect(out.z3Minutes).toBeCloseTo(30 * 0.6 * 2, 9);
    });
  });

  describe('having a design counted by sessions', () => {
    it('should carry fractional session counts so that the shares hold on average', () => {
      const plan = macroplan({ distribution: { z1: 0.8, z2: 0.1, z3: 0.1 }, basis: 'sessions', weeklyHours: 5.5 }, 10);
      const tracker = new TargetTracker();
      const out = new WeekTargets();
      tracker.reset(5.5, { z1: 0.8, z2: 0.1, z3: 0.1 });
      let high = 0;
      let threshold = 0;
      for (let week = 1; week <= 10; week++) {
        tracker.next(plan, week, 1, out);
        high += out.highSessions;
        threshold += out.thresholdSessions;
      }
      // 330 min / 55 = 6 sessions a week; 10 % of 60 sessions = 6 of each.
      expect(high).toBe(6);
      expect(threshold).toBe(6);
    });
  });
});
