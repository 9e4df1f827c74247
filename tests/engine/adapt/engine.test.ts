import { describe, expect, it } from 'vitest';
import { AdaptiveEngine, changeNames } from '../../../src/engine/adapt/engine.ts';
import { plannedLoad } from '../../../src/engine/adapt/guardrails.ts';
import { changesApplied } from '../../../src/sim/adjustment-tally.ts';
import { WeekTargets } from '../../../src/engine/plan/targets.ts';
import { WeekPlan } from '../../../src/engine/plan/week-plan.ts';
import { BUILTIN_RULE_SETS } from '../../../src/engine/rules/builtins.ts';
import type { Condition, Guardrails, Rule, RuleSet } from '../../../src/models/rules/schema.ts';
import {
  days,
  decisionCounts,
  EASY_RUN,
  engineFor,
  FRI,
  historyOf,
  liveDay,
  LONG_RUN,
  macroplanOf,
  MON,
  SAT,
  sampleWeek,
  SUN,
  THU,
  TUE,
  WED,
  type ObservedDay,
  EDITOR,
  hardMondayAndTuesday,
} from './fixtures.ts';


function ruleSetOf(hitPolicy: 'first' | 'collect', rules: Rule[], guardrails?: Guardrails): RuleSet {
  return { name: 'spec', hitPolicy, ...(guardrails === undefined ? {} : { guardrails }), rules };
}

const onWeekday = (weekday: number): Condition => ({ fact: 'weekday', op: 'equals', value: weekday });
const MONDAY = onWeekday(1);
const TUESDAY = onWeekday(2);

/** Runs week 1 from Monday to `lastDay` with these mornings (default: nothing measured), sessions done as planned. */
function runWeek(engine: AdaptiveEngine, plan: WeekPlan, lastDay: number, mornings: readonly ObservedDay[] = []): void {
  for (let weekday = MON; weekday <= lastDay; weekday++) liveDay(engine, plan, 1, weekday, mornings[weekday] ?? {});
}

function week(plan: WeekPlan): string[] {
  return [0, 1, 2, 3, 4, 5, 6].map((day) => EDITOR.describeDay(plan, day));
}

/** The changes applied or overridden on the mornings run, by changeNames: the rules in file order, then the guardrails. */
function countsOf(engine: AdaptiveEngine, outcome: 'applied' | 'overridden'): Record<string, number> {
  const names = changeNames(engine.armRules);
  const counts = decisionCounts(engine).subarray(outcome === 'applied' ? 0 : names.length);
  return Object.fromEntries(names.map((name, i) => [name, counts[i]!]).filter(([, count]) => count !== 0));
}

describe(AdaptiveEngine, () => {
  describe('having hit policy first and three rules, two of which fire on Tuesday', () => {
    const rules: Rule[] = [
      { id: 'rest-tuesday', priority: 50, when: TUESDAY, then: { action: 'rest', scope: 'today' } },
      { id: 'ease-tuesday', priority: 100, when: TUESDAY, then: { action: 'makeHardSessionsEasy', scope: 'today' } },
      { id: 'never', priority: 200, when: onWeekday(9), then: { action: 'rest', scope: 'today' } },
    ];

    describe('when Monday and Tuesday are run', () => {
      const { engine, changes } = engineFor(ruleSetOf('first', rules));
      const plan = sampleWeek();
      runWeek(engine, plan, TUE);

      it('should apply only the highest-priority rule that fires: Tuesday easy, not rest', () => {
        expect(week(plan)[TUE]).toBe('Tue: easy run 60 min');
        expect(changes.map((c) => [c.ruleId, c.outcome])).toEqual([['ease-tuesday', 'applied']]);
      });

      it('should count the change under the rule\'s place in the file, nothing overridden', () => {
        expect(countsOf(engine, 'applied')).toEqual({ 'ease-tuesday': 1 });
        expect(countsOf(engine, 'overridden')).toEqual({});
        expect(changesApplied(decisionCounts(engine), rules.length)).toBe(1);
      });
    });

    describe('when the policy is collect instead', () => {
      const { engine, changes } = engineFor(ruleSetOf('collect', rules));
      const plan = sampleWeek();
      runWeek(engine, plan, TUE);

      it('should apply the more conservative rest, whatever the priorities, and record the other as overridden by it', () => {
        expect(week(plan)[TUE]).toBe('Tue: rest');
        expect(changes.map((c) => [c.ruleId, c.outcome, c.note])).toEqual([
          ['rest-tuesday', 'applied', ''],
          ['ease-tuesday', 'overridden', 'overridden by rest-tuesday (more conservative)'],
        ]);
        expect(countsOf(engine, 'applied')).toEqual({ 'rest-tuesday': 1 });
        expect(countsOf(engine, 'overridden')).toEqual({ 'ease-tuesday': 1 });
      });
    });
  });

  describe('having hit policy collect, progress (priority 100) and scaleVolume 0.8 (priority 10) on the rest of the week', () => {
    const rules: Rule[] = [
      { id: 'more', priority: 100, when: MONDAY, then: { action: 'progress', scope: 'restOfWeek', factor: 1.1 } },
      { id: 'less', priority: 10, when: MONDAY, then: { action: 'scaleVolume', scope: 'restOfWeek', factor: 0.8 } },
    ];
    const { engine, changes } = engineFor(ruleSetOf('collect', rules));
    const plan = sampleWeek();
    runWeek(engine, plan, MON);

    it('should scale the week by 0.8 only: Mon 36, Tue 4 × VO2max (25 + 28 = 53 min), Wed 32, Thu 15 + 20 + 10 = 45, Sat 72', () => {
      expect(week(plan)).toEqual([
        'Mon: easy run 36 min',
        'Tue: 4 × VO2max intervals (53 min)',
        'Wed: easy run 32 min',
        'Thu: tempo run 45 min',
        'Fri: rest',
        'Sat: long run 72 min',
        'Sun: rest',
      ]);
    });

    it('should record the scaling with the days before and after, and progress as overridden by it', () => {
      expect(changes[0]).toMatchObject({
        ruleId: 'less',
        outcome: 'applied',
        scope: 'restOfWeek',
        before: 'Mon: easy run 45 min; Tue: 5 × VO2max intervals (60 min); Wed: easy run 40 min; Thu: tempo run 50 min; Sat: long run 90 min',
        after: 'Mon: easy run 36 min; Tue: 4 × VO2max intervals (53 min); Wed: easy run 32 min; Thu: tempo run 45 min; Sat: long run 72 min',
      });
      expect(changes[1]).toMatchObject({ ruleId: 'more', outcome: 'overridden', note: 'overridden by less (more conservative)' });
    });

    // What progress would have made of the morning's plan (before the winner changed it): ×1.1 on
    // 45 → 49.5, 40 → 44, tempo 25 → 27.5 (+ 25 = 52.5), 90 → 99; Tuesday's 5 × 4 min stays, as 6
    // would hold 24 min above LT2, more than the 8 % of the 285-min week a session may (22.8 min).
    it('should show what the overridden rule would have made of the morning\'s plan, without making it', () => {
      expect(changes[1]).toMatchObject({
        before: 'Mon: easy run 45 min; Wed: easy run 40 min; Thu: tempo run 50 min; Sat: long run 90 min',
        after: 'Mon: easy run 50 min; Wed: easy run 44 min; Thu: tempo run 53 min; Sat: long run 99 min',
      });
    });

    it('should count one applied and one overridden, by file position', () => {
      expect(countsOf(engine, 'applied')).toEqual({ less: 1 });
      expect(countsOf(engine, 'overridden')).toEqual({ more: 1 });
    });
  });

  describe('having hit policy collect and two changes to different things', () => {
    const rules: Rule[] = [
      { id: 'less', when: MONDAY, then: { action: 'scaleVolume', scope: 'restOfWeek', factor: 0.8 } },
      { id: 'easy', when: MONDAY, then: { action: 'makeHardSessionsEasy', scope: 'restOfWeek' } },
      { id: 'next-week-more', when: MONDAY, then: { action: 'progress', scope: 'nextMicrocycle', factor: 1.05 } },
    ];
    const { engine, changes } = engineFor(ruleSetOf('collect', rules));
    const plan = sampleWeek();
    runWeek(engine, plan, MON);

    it('should apply all three: intensity and volume this week, volume of next week', () => {
      expect(changes.map((c) => [c.ruleId, c.outcome])).toEqual([
        ['easy', 'applied'],
        ['less', 'applied'],
        ['next-week-more', 'applied'],
      ]);
    });

    it('should make the hard sessions easy (as long), then scale: Tue 60 × 0.8 = 48, Thu 50 × 0.8 = 40', () => {
      expect(week(plan)).toEqual([
        'Mon: easy run 36 min',
        'Tue: easy run 48 min',
        'Wed: easy run 32 min',
        'Thu: easy run 40 min',
        'Fri: rest',
        'Sat: long run 72 min',
        'Sun: rest',
      ]);
    });

    it('should scale next week\'s targets by 1.05 when it is planned', () => {
      const targets = Object.assign(new WeekTargets(), { totalMinutes: 300, z2Minutes: 30, z3Minutes: 40 });
      engine.adjustTargets(2, targets);
      expect([targets.totalMinutes, targets.z2Minutes, targets.z3Minutes]).toEqual([315, 31.5, 42]);
    });
  });

  describe('having hit policy collect and two equally conservative changes', () => {
    it('should keep the higher-priority one and say why', () => {
      const rules: Rule[] = [
        { id: 'low', priority: 10, when: MONDAY, then: { action: 'scaleVolume', scope: 'restOfWeek', factor: 0.8 } },
        { id: 'high', priority: 20, when: MONDAY, then: { action: 'scaleVolume', scope: 'restOfWeek', factor: 0.8 } },
      ];
      const { engine, changes } = engineFor(ruleSetOf('collect', rules));
      runWeek(engine, sampleWeek(), MON);
      expect(changes.map((c) => [c.ruleId, c.outcome, c.note])).toEqual([
        ['high', 'applied', ''],
        ['low', 'overridden', 'overridden by high (as conservative, higher priority)'],
      ]);
    });
  });

  describe('having a rule that makes next week easy', () => {
    const rules: Rule[] = [{ id: 'easy-next-week', when: onWeekday(7), then: { action: 'makeHardSessionsEasy', scope: 'nextMicrocycle' } }];
    const { engine, changes } = engineFor(ruleSetOf('first', rules));
    runWeek(engine, sampleWeek(), SUN);

    it('should record the change to the weeks ahead on Sunday', () => {
      expect(changes).toEqual([
        expect.objectContaining({
          day: 7,
          weekday: SUN,
          scope: 'nextMicrocycle',
          before: 'week 2: hard sessions as planned',
          after: 'week 2: every hard session an easy run',
        }),
      ]);
    });

    it('should turn week 2\'s hard sessions into easy runs when it is reviewed', () => {
      const next = sampleWeek();
      engine.reviewWeek(2, next);
      expect(week(next)).toContain('Tue: easy run 60 min');
      expect(week(next)).toContain('Thu: easy run 50 min');
    });
  });

  describe('having no HRV on record and rules on either side of the HRV band', () => {
    const rules: Rule[] = [
      { id: 'outside', when: { fact: 'hrvMean7dOutsideBand', op: 'isTrue' }, then: { action: 'rest', scope: 'today' } },
      { id: 'inside', when: { fact: 'hrvMean7dOutsideBand', op: 'isFalse' }, then: { action: 'progress', scope: 'today', factor: 1.1 } },
      { id: 'not-outside', when: { not: { fact: 'hrvMean7dOutsideBand', op: 'isTrue' } }, then: { action: 'progress', scope: 'today', factor: 1.2 } },
    ];

    it('should fire none of them: a missing fact is neither true nor false', () => {
      const { engine, changes } = engineFor(ruleSetOf('collect', rules), { record: historyOf(days(28, () => ({ restingHr: 50 }))) });
      const plan = sampleWeek();
      runWeek(engine, plan, SUN);
      expect(changes).toEqual([]);
      expect(week(plan)).toEqual(week(sampleWeek()));
    });
  });
});

describe('the guardrails', () => {
  describe('maxHardDaysInRow', () => {
    describe('having a limit of 1 and hard sessions planned Monday and Tuesday', () => {
      const { engine, changes } = engineFor(ruleSetOf('first', [], { maxHardDaysInRow: 1 }));
      const plan = hardMondayAndTuesday();
      runWeek(engine, plan, TUE);

      it('should make Tuesday easy after Monday\'s hard session, and record it as a guardrail', () => {
        expect(changes).toEqual([
          {
            day: 2,
            week: 1,
            weekday: TUE,
            ruleId: 'guardrail:maxHardDaysInRow',
            scope: 'today',
            action: 'makeHardSessionsEasy',
            outcome: 'guardrail',
            facts: [],
            reason: '2 hard days in a row would exceed the limit of 1',
            before: 'Tue: 5 × VO2max intervals (60 min)',
            after: 'Tue: easy run 60 min',
            note: '',
            trace: { outcome: 'guardrail', guardrail: 'maxHardDaysInRow', hardDaysBefore: 1, limit: 1 },
          },
        ]);
      });

      it('should count it under guardrail:maxHardDaysInRow', () => {
        expect(countsOf(engine, 'applied')).toEqual({ 'guardrail:maxHardDaysInRow': 1 });
      });
    });

    describe('having a limit of 2', () => {
      it('should let Tuesday stay hard', () => {
        const { engine, changes } = engineFor(ruleSetOf('first', [], { maxHardDaysInRow: 2 }));
        runWeek(engine, hardMondayAndTuesday(), TUE);
        expect(changes).toEqual([]);
        expect(Array.from(engine.history.hard.subarray(0, 2))).toEqual([1, 1]);
      });
    });
  });

  describe('minDaysBetweenHard', () => {
    describe('having 2 easy days asked between hard days, and the sample week (hard Tuesday and Thursday)', () => {
      it('should make Thursday easy: only Wednesday lies between', () => {
        const { engine, changes } = engineFor(ruleSetOf('first', [], { minDaysBetweenHard: 2 }));
        runWeek(engine, sampleWeek(), THU);
        expect(changes).toEqual([
          expect.objectContaining({
            day: 4,
            ruleId: 'guardrail:minDaysBetweenHard',
            scope: 'today',
            outcome: 'guardrail',
            reason: 'the last hard day was 2 days ago (at least 2 easy days between hard days)',
            before: 'Thu: tempo run 50 min',
            after: 'Thu: easy run 50 min',
          }),
        ]);
      });
    });

    describe('having 1 easy day asked between hard days', () => {
      it('should let Thursday stay hard', () => {
        const { engine, changes } = engineFor(ruleSetOf('first', [], { minDaysBetweenHard: 1 }));
        runWeek(engine, sampleWeek(), THU);
        expect(changes).toEqual([]);
      });
    });
  });

  describe('maxWeeklyIncrease', () => {
    describe('having +10 % allowed over a usual week of 250 min, and the 285-min sample week', () => {
      const { engine, changes } = engineFor(ruleSetOf('first', [], { maxWeeklyIncrease: 0.1 }), { usualWeeklyMinutes: 250 });
      const plan = sampleWeek();
      engine.reviewWeek(1, plan);

      // First every session by 275 / 285 = 0.9649: Mon 43.4, Tue 5 × 0.965 = 4.8 → 5 reps (unchanged),
      // Wed 38.6, Thu 15 + 24.1 + 10 = 49.1, Sat 86.8 — 277.98 min. Then the runs alone by what is
      // left (2.98 of their 217.98 min): Mon 42.8, Wed 38.1, Thu 15 + 23.8 + 10, Sat 85.7 — 275 min.
      it('should scale the week down, and record the days it changed with the reason', () => {
        expect(changes).toEqual([
          expect.objectContaining({
            day: 1,
            weekday: MON,
            ruleId: 'guardrail:maxWeeklyIncrease',
            scope: 'week',
            action: 'scaleVolume',
            outcome: 'guardrail',
            reason: 'planned 285 min is 14 % above the fullest of the recent weeks, 250 min (limit +10 %)',
            before: 'Mon: easy run 45 min; Wed: easy run 40 min; Thu: tempo run 50 min; Sat: long run 90 min',
            after: 'Mon: easy run 43 min; Wed: easy run 38 min; Thu: tempo run 49 min; Sat: long run 86 min',
          }),
        ]);
      });

      it('should bring the planned week within 250 × 1.1 = 275 min (the 0.5 % tolerance aside)', () => {
        expect(EDITOR.minutesOfDays(plan, MON, SUN)).toBeLessThanOrEqual(275 * 1.005);
      });
    });

    describe('having a usual week of 260 min', () => {
      it('should leave the 285-min week alone (within 286)', () => {
        const { engine, changes } = engineFor(ruleSetOf('first', [], { maxWeeklyIncrease: 0.1 }), { usualWeeklyMinutes: 260 });
        engine.reviewWeek(1, sampleWeek());
        expect(changes).toEqual([]);
      });
    });

    describe('having a usual week of 280 min, week 1 planned at 285 and week 2 at 330', () => {
      it('should judge week 2 against the fullest of the weeks before (285): 330 is 16 % above', () => {
        const { engine, changes } = engineFor(ruleSetOf('first', [], { maxWeeklyIncrease: 0.1 }), { usualWeeklyMinutes: 280 });
        engine.reviewWeek(1, sampleWeek());
        const second = sampleWeek();
        second.add(FRI, EASY_RUN, 45, 0);
        engine.reviewWeek(2, second);
        expect(changes.map((c) => [c.week, c.reason])).toEqual([[2, 'planned 330 min is 16 % above the fullest of the recent weeks, 285 min (limit +10 %)']]);
      });
    });

    describe('having a deload week (200 min) after a week of 285', () => {
      it('should let the next week come back to 300 (within 285 × 1.1): a deload is not the reference', () => {
        const { engine, changes } = engineFor(ruleSetOf('first', [], { maxWeeklyIncrease: 0.1 }), { usualWeeklyMinutes: 280 });
        engine.reviewWeek(1, sampleWeek());
        const deload = new WeekPlan();
        deload.add(MON, EASY_RUN, 100, 0);
        deload.add(SAT, LONG_RUN, 100, 0);
        engine.reviewWeek(2, deload);
        const back = sampleWeek();
        back.add(FRI, EASY_RUN, 15, 0);
        engine.reviewWeek(3, back);
        expect(changes).toEqual([]);
      });
    });
  });

  describe('acwrCap', () => {
    /** 21 days of `minutes` of easy running at RPE `rpe`, then the engine. */
    const cappedAt = (cap: number, minutes: number, rpe: number) =>
      engineFor(ruleSetOf('first', [], { acwrCap: cap }), {
        record: historyOf(days(21, () => ({ sessions: [{ workout: EASY_RUN, minutes, rpe }] }))),
      });

    /** Four easy runs of 50 min. An easy run (88 % of LT1, position −0.48) feels RPE 3 + 1.5 × 0.02 / 0.5 = 3.06: 153 AU each. */
    const easyWeek = (): WeekPlan => {
      const plan = new WeekPlan();
      for (const day of [MON, WED, FRI, SUN]) plan.add(day, EASY_RUN, 50, 0);
      return plan;
    };

    describe('having 21 days of 20 AU (420 AU) and an easy week of 612 AU planned, cap 1.5', () => {
      // Coupled ACWR 4 × 612 / (420 + 612) = 2.37; the factor 1.5 × 420 / (612 × 2.5) = 0.4118 makes
      // each run 50 × 0.4118 = 20.6 min, the week 252 AU and the ratio 4 × 252 / 672 = 1.5.
      const { engine, changes } = cappedAt(1.5, 10, 2);
      const plan = easyWeek();
      engine.reviewWeek(1, plan);

      it('should cut the week to the cap and record why', () => {
        expect(changes).toEqual([
          expect.objectContaining({
            ruleId: 'guardrail:acwrCap',
            scope: 'week',
            outcome: 'guardrail',
            reason: "the planned week's load 612 AU would make the acute:chronic ratio 2.37 (cap 1.5)",
            after: 'Mon: easy run 21 min; Wed: easy run 21 min; Fri: easy run 21 min; Sun: easy run 21 min',
          }),
        ]);
        for (let k = 0; k < plan.count; k++) expect(plan.reps[k]).toBeCloseTo((50 * 630) / 1530, 10);
      });
    });

    describe('having 21 days of 70 AU (1470 AU) and the sample week with its intervals, cap 1.5', () => {
      // Warm-ups and cool-downs do not scale and repetitions are whole, so one factor would leave the
      // week at about 1.56: the cut is repeated on the runs until the ratio is within the cap.
      it('should keep the planned week\'s coupled ACWR at or below 1.5', () => {
        const { engine } = cappedAt(1.5, 20, 3.5);
        const plan = sampleWeek();
        engine.reviewWeek(1, plan);
        const load = plannedLoad(plan, EDITOR);
        expect((4 * load) / (1470 + load)).toBeLessThanOrEqual(1.5 * 1.005);
      });
    });

    describe('having only 20 days on record', () => {
      it('should not cap: the ratio needs 21 days before the week', () => {
        const { engine, changes } = engineFor(ruleSetOf('first', [], { acwrCap: 1.5 }), {
          record: historyOf(days(20, () => ({ sessions: [{ workout: EASY_RUN, minutes: 10, rpe: 2 }] }))),
        });
        engine.reviewWeek(1, easyWeek());
        expect(changes).toEqual([]);
      });
    });
  });

  describe('having hrv-kiviniemi with at most 1 hard day in a row, on a threshold design (hard days may follow each other)', () => {
    // Normal mornings (alternating 3.9 / 4.1: never 1 SD below the 10-day mean, never falling 2 days)
    // make hrv-normal bring the next hard session forward each easy day. On Tuesday it brings
    // Thursday's tempo run to the day after Monday's hard session — and maxHardDaysInRow then makes
    // it easy: the tempo run would be lost, though nothing said the athlete should train less — so
    // bringForwardHardSession respects maxHardDaysInRow as well as the spacing.
    it('should keep both hard sessions of the week', () => {
      const normal = (i: number): ObservedDay => ({ hrv: i % 2 === 0 ? 3.9 : 4.1 });
      const kiviniemi = { ...BUILTIN_RULE_SETS.get('hrv-kiviniemi')!, guardrails: { maxHardDaysInRow: 1 } };
      const { engine } = engineFor(kiviniemi, { record: historyOf(days(14, normal)), macroplan: macroplanOf('threshold', 4) });
      const plan = sampleWeek();
      engine.reviewWeek(1, plan);
      runWeek(engine, plan, SUN, days(7, normal));
      const hardDays = Array.from(engine.history.hard.subarray(14, 21)).filter((hard) => hard > 0).length;
      expect(hardDays).toBe(2);
    });
  });
});

describe('the adjustment record', () => {
  // A baseline of 28 days: no watch on days 0–20, then 3.8, 3.8, 3.8, 4.0, 4.2, 4.2, 4.2 (mean 4.0,
  // SD 0.2: band 3.90–4.10). Monday's 2.8 makes the 7-day mean (24.2 + 2.8) / 7 = 3.857, outside.
  const baseline = historyOf([...days(21, () => ({})), ...[3.8, 3.8, 3.8, 4.0, 4.2, 4.2, 4.2].map((hrv) => ({ hrv }))]);

  describe('having a rule on the HRV band or a resting HR never measured', () => {
    const rule: Rule = {
      id: 'hrv-outside',
      when: { any: [{ fact: 'hrvMean7dOutsideBand', op: 'isTrue' }, { fact: 'restingHrDelta7d', op: 'atLeast', value: 5 }] },
      then: { action: 'makeHardSessionsEasy', scope: 'restOfWeek' },
    };
    const { engine, changes } = engineFor(ruleSetOf('first', [rule]), { record: baseline });
    runWeek(engine, sampleWeek(), MON, [{ hrv: 2.8 }]);
    const change = changes[0]!;

    it('should name the day, the rule, its scope and action', () => {
      expect(change).toMatchObject({ day: 1, week: 1, weekday: MON, ruleId: 'hrv-outside', scope: 'restOfWeek', action: 'makeHardSessionsEasy', outcome: 'applied', note: '' });
    });

    it('should give the facts the rule read, then their companions, a missing one as null', () => {
      expect(change.facts).toEqual([
        { fact: 'hrvMean7dOutsideBand', value: 1 },
        { fact: 'restingHrDelta7d', value: null },
        { fact: 'hrvMean7d', value: expect.closeTo(27 / 7, 10) },
        { fact: 'hrvSwcLow', value: expect.closeTo(3.9, 10) },
        { fact: 'hrvSwcHigh', value: expect.closeTo(4.1, 10) },
        { fact: 'restingHrMean7d', value: null },
        { fact: 'restingHrBaseline', value: null },
      ]);
    });

    it('should give the reason in the coach\'s words, from the part that held', () => {
      expect(change.reason).toBe('HRV 7-day mean 3.86 outside the band 3.90–4.10');
    });

    it('should describe the days that changed, before and after', () => {
      expect(change.before).toBe('Tue: 5 × VO2max intervals (60 min); Thu: tempo run 50 min');
      expect(change.after).toBe('Tue: easy run 60 min; Thu: easy run 50 min');
    });
  });

  describe('having a rule on days below the band, after 4 weeks inside it and one low morning', () => {
    // Days 0–27 alternate 3.9 / 4.1, day 28 is 3.0 and Monday (day 29) 3.0 again: the 7-day mean
    // 26.1 / 7 = 3.729 is below the lower edge of days 1–28 (mean 111.1 / 28, Σx² = 442.07):
    // 111.1 / 28 − 0.5 × √((442.07 − 111.1² / 28) / 27) = 3.861, for the second day.
    const record = historyOf([...days(28, (i) => ({ hrv: i % 2 === 0 ? 3.9 : 4.1 })), { hrv: 3.0 }]);
    const rule: Rule = {
      id: 'hrv-low',
      when: { fact: 'hrvMean7dBelowBandDays', op: 'atLeast', value: 2 },
      then: { action: 'makeHardSessionsEasy', scope: 'restOfWeek' },
    };
    const { engine, changes } = engineFor(ruleSetOf('first', [rule]), { record });
    runWeek(engine, sampleWeek(), MON, [{ hrv: 3.0 }]);
    const lowerEdge = 111.1 / 28 - 0.5 * Math.sqrt((442.07 - 111.1 ** 2 / 28) / 27);

    it('should give the count with the mean and the lower band it was judged against', () => {
      expect(changes[0]!.facts).toEqual([
        { fact: 'hrvMean7dBelowBandDays', value: 2 },
        { fact: 'hrvMean7d', value: expect.closeTo(26.1 / 7, 10) },
        { fact: 'hrvSwcLow', value: expect.closeTo(lowerEdge, 10) },
      ]);
    });

    it('should read as the coach would say it', () => {
      expect(changes[0]!.reason).toBe('HRV 7-day mean 3.73 below the lower band 3.86 for 2 days (≥ 2)');
    });
  });

  describe('having no listener', () => {
    it('should make the same changes to the plan and count them the same', () => {
      const rules: Rule[] = [
        { id: 'ease', when: TUESDAY, then: { action: 'makeHardSessionsEasy', scope: 'today' } },
        { id: 'rest', when: TUESDAY, then: { action: 'rest', scope: 'today' } },
      ];
      const heard = engineFor(ruleSetOf('collect', rules, { maxHardDaysInRow: 1 }));
      const silent = engineFor(ruleSetOf('collect', rules, { maxHardDaysInRow: 1 }));
      silent.engine.listener = null;
      const [heardPlan, silentPlan] = [hardMondayAndTuesday(), hardMondayAndTuesday()];
      runWeek(heard.engine, heardPlan, SUN);
      runWeek(silent.engine, silentPlan, SUN);
      expect(week(silentPlan)).toEqual(week(heardPlan));
      expect(Array.from(decisionCounts(silent.engine))).toEqual(Array.from(decisionCounts(heard.engine)));
      expect(changesApplied(decisionCounts(heard.engine), rules.length)).toBeGreaterThan(0);
      expect(silent.changes).toEqual([]);
    });
  });
});
