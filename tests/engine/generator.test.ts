import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanEditor } from '../../src/engine/adapt/plan-edit.ts';
import { BUILTIN_DESIGNS } from '../../src/engine/designs/builtins.ts';
import { resolveDesign, type ResolvedDesign, type ResolveIssue } from '../../src/engine/designs/resolve.ts';
import { maxHighMinutes, PLANNING } from '../../src/engine/plan/constants.ts';
import { sessionCounts, WeekPlanner, type CoachView } from '../../src/engine/plan/generator.ts';
import { WeekTargets } from '../../src/engine/plan/targets.ts';
import { WeekPlan } from '../../src/engine/plan/week-plan.ts';
import { requireWorkout } from '../../src/models/workouts/compile.ts';
import { DOSE_Z2, DOSE_Z3, PROFILE_HARD, PROFILE_STRIDE, sessionDose } from '../../src/models/workouts/dose.ts';
import { CATALOGUE, coachProfiles } from './adapt/fixtures.ts';

/**
 * The week planner writes what a coach writes, whatever the week asks of it (PLANNING's caps, with
 * their sources in src/engine/plan/constants.ts), and takes a bounded number of steps to do it.
 */

const EASY_RUN = requireWorkout(CATALOGUE, 'easy-run');
const LONG_RUN = requireWorkout(CATALOGUE, 'long-run');
const AM = requireWorkout(CATALOGUE, 'double-threshold-am');
const PM = requireWorkout(CATALOGUE, 'double-threshold-pm');
/** A minute of slack on sizes made of whole repetitions and sums of floating-point minutes. */
const SLACK = 1e-6;

function design(ref: string | Parameters<typeof resolveDesign>[0]): ResolvedDesign {
  const issues: ResolveIssue[] = [];
  const resolved = resolveDesign(ref, CATALOGUE, [], issues);
  expect(issues).toEqual([]);
  return resolved!;
}

/** A coach's view of a runner (km/h, ANCHORS order), race paces 3 % slower and faster for the test error. */
function viewOf(anchors: readonly number[]): CoachView {
  const at = (raceFactor: number) => coachProfiles(Float64Array.from(anchors, (speed, i) => (i >= 3 ? speed * raceFactor : speed)));
  return { profiles: at(1), slowerPaces: at(0.97), fasterPaces: at(1.03) };
}

const ATHLETES: readonly [string, CoachView][] = [
  ['a club runner (LT2 12 km/h)', viewOf([10, 12, 15, 14, 13, 12.5, 11.5])],
  ['a slow runner (LT2 9.5 km/h)', viewOf([8, 9.5, 12, 11.2, 10.5, 9.8, 9])],
  ['an elite runner (LT2 18 km/h)', viewOf([15, 18, 21.5, 20.5, 19.8, 19, 18])],
  // The case where 5-km pace falls below LT2: fartlek and pyramids are zone 2 for this runner.
  ['a runner whose 5-km pace is below LT2', viewOf([10, 12.5, 14, 12.3, 11.8, 11.2, 10.6])],
];

const DESIGNS: readonly ResolvedDesign[] = Object.keys(BUILTIN_DESIGNS).map((name) => design(name));

function targetsOf(hours: number, z2: number, z3: number, highSessions = 0, thresholdSessions = 0): WeekTargets {
  const targets = new WeekTargets();
  targets.totalMinutes = hours * 60;
  targets.z2Minutes = targets.totalMinutes * z2;
  targets.z3Minutes = targets.totalMinutes * z3;
  targets.highSessions = highSessions;
  targets.thresholdSessions = thresholdSessions;
  return targets;
}

const planner = new WeekPlanner(CATALOGUE);

function planOf(resolved: ResolvedDesign, targets: WeekTargets, view: CoachView, week = 1): WeekPlan {
  const plan = new WeekPlan();
  planner.plan(resolved, targets, week, view, plan);
  return plan;
}

/** Hard sessions on `day`, an afternoon half counted with its morning (a prescribed double is one). */
function hardOn(plan: WeekPlan, view: CoachView, day: number): number {
  let hard = 0;
  for (let k = 0; k < plan.count; k++) {
    if (plan.day[k] !== day || view.profiles[plan.workout[k]! * PROFILE_STRIDE + PROFILE_HARD] !== 1) continue;
    const isPairedHalf = plan.workout[k] === PM && plan.workout.some((w, j) => j < plan.count && w === AM && plan.day[j] === day);
    if (!isPairedHalf) hard++;
  }
  return hard;
}

/** Everything in `plan` a coach would not write, in words (empty when none). */
function implausible(plan: WeekPlan, view: CoachView, weeklyMinutes: number, doubles: boolean): string[] {
  const problems: string[] = [];
  const editor = new PlanEditor(CATALOGUE, view.profiles);
  const dose = new Float64Array(8);
  const highCap = maxHighMinutes(weeklyMinutes);
  for (let day = 0; day < 7; day++) {
    const minutes = editor.minutesOfDays(plan, day, day);
    if (minutes > PLANNING.maxDayMinutes + SLACK) problems.push(`${editor.describeDay(plan, day)}: ${minutes} min`);
    let sessions = 0;
    for (let k = 0; k < plan.count; k++) if (plan.day[k] === day) sessions++;
    if (sessions > PLANNING.maxSessionsPerDay) problems.push(`${editor.describeDay(plan, day)}: ${sessions} sessions`);
    if (!doubles && hardOn(plan, view, day) > 1) problems.push(`${editor.describeDay(plan, day)}: two hard sessions`);
  }
  for (let k = 0; k < plan.count; k++) {
    const w = plan.workout[k]!;
    const session = editor.describeSession(plan, k);
    const minutes = editor.minutes(plan, k);
    if (w === EASY_RUN && minutes > PLANNING.maxEasyRunMinutes + SLACK) problems.push(`${session}: longer than an easy run`);
    if (w === LONG_RUN && minutes > PLANNING.maxLongRunMinutes + SLACK) problems.push(`${session}: longer than a long run`);
    if (w !== EASY_RUN && w !== LONG_RUN) {
      const reps = plan.reps[k]!;
      if (reps < CATALOGUE.repsMin[w]! || reps > CATALOGUE.repsMax[w]!) problems.push(`${session}: ${reps} repetitions, outside ${CATALOGUE.repsMin[w]}–${CATALOGUE.repsMax[w]}`);
    }
    sessionDose(view.profiles, w, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!, dose);
    if (dose[DOSE_Z3]! > highCap + SLACK) problems.push(`${session}: ${dose[DOSE_Z3]} min above LT2 (at most ${highCap})`);
    if (dose[DOSE_Z2]! > PLANNING.maxThresholdMinutesPerSession + SLACK) problems.push(`${session}: ${dose[DOSE_Z2]} min between the thresholds`);
  }
  return problems;
}

/** Any design the schema allows, from the built-ins: its days, spacing, basis and double days varied. */
const WEEK = fc.record({
  hours: fc.double({ min: 0, max: 40, noNaN: true }),
  design: fc.constantFrom(...DESIGNS),
  athlete: fc.constantFrom(...ATHLETES),
  doubleDays: fc.boolean(),
  hardDaySpacing: fc.integer({ min: 0, max: 3 }),
  sessionsPerWeek: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 14 })),
  basis: fc.constantFrom('time' as const, 'sessions' as const),
  z2: fc.double({ min: 0, max: 0.7, noNaN: true }),
  z3: fc.double({ min: 0, max: 0.3, noNaN: true }),
  highSessions: fc.integer({ min: 0, max: 12 }),
  thresholdSessions: fc.integer({ min: 0, max: 12 }),
  week: fc.integer({ min: 1, max: 52 }),
});

const RUNS = { numRuns: 400, seed: 20261123 };

describe(WeekPlanner, () => {
  describe('having any weekly target from 0 to 40 h, any built-in design and any of its variants', () => {
    it('should plan no day over maxDayMinutes or maxSessionsPerDay, no easy or long run over its cap, no session over its repetitions or zone minutes, and no two hard sessions on a day without double days', () => {
      fc.assert(
        fc.property(WEEK, (w) => {
          const resolved: ResolvedDesign = { ...w.design, doubleDays: w.doubleDays, hardDaySpacing: w.hardDaySpacing, sessionsPerWeek: w.sessionsPerWeek, basis: w.basis };
          const targets = targetsOf(w.hours, w.z2, w.z3, w.highSessions, w.thresholdSessions);
          const plan = planOf(resolved, targets, w.athlete[1], w.week);
          const doubles = w.doubleDays && targets.totalMinutes >= PLANNING.hardDoublesAboveMinutes;
          expect(implausible(plan, w.athlete[1], targets.totalMinutes, doubles), `${w.athlete[0]}, ${w.hours} h, ${resolved.label}`).toEqual([]);
        }),
        RUNS,
      );
    });
  });

  describe('having one easy day left in a long week (the elite threshold arm: 20 h, hard days back to back)', () => {
    const view = ATHLETES[2]![1];
    const targets = targetsOf(20, 0.4, 0.1);
    const plan = planOf(design('threshold'), targets, view);
    const editor = new PlanEditor(CATALOGUE, view.profiles);

    it('should put no more on that day than a long run of maxLongRunMinutes', () => {
      for (let day = 0; day < 7; day++) expect(editor.minutesOfDays(plan, day, day)).toBeLessThanOrEqual(PLANNING.maxDayMinutes + SLACK);
      expect(implausible(plan, view, targets.totalMinutes, false)).toEqual([]);
    });

    it('should run easy doubles after the hard sessions, and plan less than the target rather than more per day', () => {
      let doubles = 0;
      for (let k = 1; k < plan.count; k++) if (plan.workout[k] === EASY_RUN && plan.day[k - 1] === plan.day[k] && view.profiles[plan.workout[k - 1]! * PROFILE_STRIDE + PROFILE_HARD] === 1) doubles++;
      expect(doubles).toBeGreaterThan(0);
      expect(editor.minutesOfDays(plan, 0, 6)).toBeLessThan(targets.totalMinutes);
    });
  });

  describe('having a design whose only zone-3 workout is the 30/30', () => {
    const thirtyThirty = requireWorkout(CATALOGUE, 'thirty-thirty');
    const menuOf30 = design({ distribution: { z1: 0.85, z2: 0.05, z3: 0.1 }, workouts: { high: ['thirty-thirty'], threshold: ['tempo-run'] } });

    it('should size it to the week: 24 × 30/30 at most (Billat: about 20, 15–25)', () => {
      const view = ATHLETES[0]![1];
      const plan = planOf(menuOf30, targetsOf(4, 0.05, 0.1), view);
      const reps = [...plan.workout.subarray(0, plan.count)].flatMap((w, k) => (w === thirtyThirty ? [plan.reps[k]!] : []));
      expect(reps.length).toBeGreaterThan(0);
      for (const r of reps) expect(r).toBeLessThanOrEqual(24);
    });

    // Before the caps a zone-3 target this large made "53 × 30/30 intervals (78 min)".
    it('should fall short of a zone-3 target that 24 × 30/30 a session cannot hold rather than write more', () => {
      const view = ATHLETES[0]![1];
      const targets = targetsOf(6, 0.05, 0.35);
      const plan = planOf({ ...menuOf30, distribution: { z1: 0.6, z2: 0.05, z3: 0.35 } }, targets, view);
      const dose = new Float64Array(8);
      let z3 = 0;
      for (let k = 0; k < plan.count; k++) z3 += sessionDose(view.profiles, plan.workout[k]!, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!, dose)[DOSE_Z3]!;
      expect(z3).toBeLessThan(targets.z3Minutes);
      expect(implausible(plan, view, targets.totalMinutes, false)).toEqual([]);
    });
  });

  describe('having a design without double days at 10 h a week (formerly two hard sessions on a hard day)', () => {
    it('should keep one hard session a day', () => {
      for (const [name, view] of ATHLETES) {
        const plan = planOf(design('polarized'), targetsOf(10, 0.05, 0.15), view);
        for (let day = 0; day < 7; day++) expect(hardOn(plan, view, day), `${name}, day ${day}`).toBeLessThanOrEqual(1);
      }
    });
  });

  describe('having a design with double days', () => {
    it('should put two hard sessions on a hard day in a week of 10 h, as the same design without them does not', () => {
      const view = ATHLETES[0]![1];
      const withDoubles = planOf(design({ extends: 'polarized', doubleDays: true }), targetsOf(10, 0.05, 0.15), view);
      let doubled = 0;
      for (let day = 0; day < 7; day++) if (hardOn(withDoubles, view, day) === 2) doubled++;
      expect(doubled).toBeGreaterThan(0);
      expect(implausible(withDoubles, view, 600, true)).toEqual([]);
    });

    it('should keep to one in a week under hardDoublesAboveMinutes (8 h)', () => {
      const view = ATHLETES[0]![1];
      const plan = planOf(design({ extends: 'polarized', doubleDays: true }), targetsOf(7, 0.05, 0.15), view);
      for (let day = 0; day < 7; day++) expect(hardOn(plan, view, day)).toBeLessThanOrEqual(1);
    });
  });

  describe('having the double-threshold design', () => {
    for (const hours of [4, 5, 6, 7, 8, 10, 14]) {
      it(`should still run its morning and afternoon threshold sessions on one day at ${hours} h a week`, () => {
        const view = ATHLETES[0]![1];
        const plan = planOf(design('double-threshold'), targetsOf(hours, 0.14, 0.08), view);
        let pairedDays = 0;
        for (let day = 0; day < 7; day++) {
          let am = false;
          let pm = false;
          for (let k = 0; k < plan.count; k++) {
            if (plan.day[k] !== day) continue;
            am ||= plan.workout[k] === AM;
            pm ||= plan.workout[k] === PM;
          }
          if (am && pm) pairedDays++;
        }
        expect(pairedDays).toBeGreaterThan(0);
        expect(design('double-threshold').doubleDays).toBe(true);
      });
    }
  });

  describe('having a week of huge targets (a billion minutes: progression 0.3 for two years)', () => {
    it('should place at most one week of sessions a coach writes (two a day), each day within its cap', () => {
      for (const [name, view] of ATHLETES) {
        for (const resolved of DESIGNS) {
          const targets = targetsOf(1e9 / 60, 0.4, 0.1, 1e7, 1e7);
          const plan = planOf(resolved, targets, view);
          expect(plan.count, `${name}, ${resolved.label}`).toBeLessThanOrEqual(7 * PLANNING.maxSessionsPerDay);
          expect(implausible(plan, view, targets.totalMinutes, resolved.doubleDays), `${name}, ${resolved.label}`).toEqual([]);
        }
      }
    });
  });
});

/**
 * The counts as they were found before the caps: start from enough sessions of the largest size and
 * remove one at a time — as many steps as the targets are large. With this version's sizes (the
 * caps as parameters), for comparison on ordinary weeks.
 */
function sessionCountsOneAtATime(z3Minutes: number, z2Minutes: number, slots: number, highCap: number, thresholdCap: number): [number, number] {
  const wantsHigh = z3Minutes >= PLANNING.minHighSessionMinutes;
  const wantsThreshold = z2Minutes >= PLANNING.minThresholdSessionMinutes;
  let high = wantsHigh ? Math.ceil(z3Minutes / highCap) : 0;
  let threshold = wantsThreshold ? Math.ceil(z2Minutes / thresholdCap) : 0;
  while (high + threshold > slots) {
    if (threshold === 1 && z2Minutes <= PLANNING.fastFinishMinutes) threshold--;
    else if (high === 1 && z3Minutes <= PLANNING.stridesMinutes) high--;
    else {
      const highLoad = high > 1 ? z3Minutes / (high - 1) / highCap : Infinity;
      const thresholdLoad = threshold > 1 ? z2Minutes / (threshold - 1) / thresholdCap : Infinity;
      if (highLoad === Infinity && thresholdLoad === Infinity) {
        if (threshold > 0 && (high === 0 || z2Minutes < z3Minutes)) threshold--;
        else high--;
      } else if (thresholdLoad <= highLoad) threshold--;
      else high--;
    }
  }
  const highSize = Math.min(PLANNING.highMinutesPerSession, highCap);
  const thresholdSize = Math.min(PLANNING.thresholdMinutesPerSession, thresholdCap);
  while (high + threshold < slots) {
    const highLoad = high > 0 ? z3Minutes / high / highSize : 0;
    const thresholdLoad = threshold > 0 ? z2Minutes / threshold / thresholdSize : 0;
    if (Math.max(highLoad, thresholdLoad) <= 1) break;
    if (highLoad >= thresholdLoad) high++;
    else threshold++;
  }
  return [high, threshold];
}

describe(sessionCounts, () => {
  const out = new Int32Array(2);

  describe('having ordinary weeks (up to 10 h of zone 2 and 5 h of zone 3)', () => {
    it('should count as removing one session at a time did', () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 300, noNaN: true }),
          fc.double({ min: 0, max: 600, noNaN: true }),
          fc.integer({ min: 0, max: 14 }),
          fc.double({ min: 12, max: 30, noNaN: true }),
          fc.double({ min: 20, max: 60, noNaN: true }),
          (z3, z2, slots, highCap, thresholdCap) => {
            sessionCounts(z3, z2, slots, highCap, thresholdCap, out);
            expect([out[0], out[1]]).toEqual(sessionCountsOneAtATime(z3, z2, slots, highCap, thresholdCap));
          },
        ),
        { numRuns: 2000, seed: 20261123 },
      );
    });
  });

  describe('having targets of any size, up to 10¹² minutes', () => {
    it('should take at most 2 × slots steps and give at most `slots` sessions', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constant(Number.POSITIVE_INFINITY)),
          fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constant(Number.POSITIVE_INFINITY)),
          fc.integer({ min: 0, max: 14 }),
          (z3, z2, slots) => {
            const steps = sessionCounts(z3, z2, slots, PLANNING.maxHighMinutesPerSession, PLANNING.maxThresholdMinutesPerSession, out);
            expect(steps).toBeLessThanOrEqual(2 * slots);
            expect(out[0]! + out[1]!).toBeLessThanOrEqual(slots);
          },
        ),
        { numRuns: 1000, seed: 20261123 },
      );
    });
  });
});

describe(maxHighMinutes, () => {
  describe('having weeks of 2, 4.5 and 13 h', () => {
    it("should allow 16 min (a 4 × 4 min), 21.6 min (8 % of the week) and 30 min above LT2 in a session", () => {
      expect(maxHighMinutes(120)).toBe(16);
      expect(maxHighMinutes(270)).toBeCloseTo(21.6, 12);
      expect(maxHighMinutes(780)).toBe(30);
    });
  });
});
