import { describe, expect, it } from 'vitest';
import type { AdaptiveEngine } from '../../../src/engine/adapt/engine.ts';
import type { Decision } from '../../../src/engine/adapt/decision.ts';
import type { WeekPlan } from '../../../src/engine/plan/week-plan.ts';
import type { Condition, Guardrails, Rule } from '../../../src/models/rules/schema.ts';
import { engineFor, hardMondayAndTuesday, liveDay, MON, sampleWeek, TUE } from './fixtures.ts';

const onWeekday = (weekday: number): Condition => ({ fact: 'weekday', op: 'equals', value: weekday });
const TUESDAY = onWeekday(2);

/** An engine for these rules, run from Monday up to `weekday`'s morning (sessions done as planned before it). */
function decisionOn(weekday: number, hitPolicy: 'first' | 'collect', rules: Rule[], plan: WeekPlan, guardrails?: Guardrails): { engine: AdaptiveEngine; decision: Decision } {
  const { engine } = engineFor({ name: 'spec', hitPolicy, ...(guardrails === undefined ? {} : { guardrails }), rules });
  for (let day = MON; day < weekday; day++) liveDay(engine, plan, 1, day);
  engine.history.setMorning(Number.NaN, Number.NaN, Number.NaN, false);
  return { engine, decision: engine.morning(1, weekday, plan) };
}

/** Rule `id`'s part in a decision. */
function ruleIn(decision: Decision, id: string) {
  return decision.rule(decision.rules.findIndex((rule) => rule.rule.id === id));
}

describe('AdaptiveEngine.morning (decide, then apply)', () => {
  describe('having a rule that holds on Tuesday, one that never holds and one on a fact with no readings', () => {
    const rules: Rule[] = [
      { id: 'ease-tuesday', when: TUESDAY, then: { action: 'makeHardSessionsEasy', scope: 'today' } },
      { id: 'never', when: onWeekday(9), then: { action: 'rest', scope: 'today' } },
      { id: 'low-hrv', when: { all: [TUESDAY, { fact: 'hrvMean7d', op: 'below', value: 3.5 }] }, then: { action: 'rest', scope: 'today' } },
    ];
    const { engine, decision } = decisionOn(TUE, 'collect', rules, sampleWeek());

    it('should return the rule that held with its condition, the value it saw and its change applied', () => {
      expect(ruleIn(decision, 'ease-tuesday')).toEqual({
        ruleId: 'ease-tuesday',
        priority: 0,
        result: 'true',
        condition: { fact: 'weekday', op: 'equals', value: 2, actual: 2, result: 'true', missing: false },
        action: { action: 'makeHardSessionsEasy', scope: 'today' },
        outcome: 'applied',
        overriddenBy: null,
      });
      expect(decision.changes).toBe(1);
    });

    it('should return the rule that did not hold as false, with nothing applied', () => {
      expect(ruleIn(decision, 'never')).toMatchObject({ result: 'false', outcome: 'none', condition: { actual: 2, result: 'false' } });
    });

    it('should tell a missing fact from a false one: the tree says which fact was missing', () => {
      const lowHrv = ruleIn(decision, 'low-hrv');
      expect(lowHrv.result).toBe('missing');
      expect(lowHrv.outcome).toBe('none');
      expect(lowHrv.condition).toMatchObject({
        combinator: 'all',
        result: 'missing',
        conditions: [
          { fact: 'weekday', result: 'true', missing: false },
          { fact: 'hrvMean7d', actual: null, result: 'missing', missing: true },
        ],
      });
    });

    it('should return the same decision object every morning (engine-owned, reused)', () => {
      engine.history.setMorning(Number.NaN, Number.NaN, Number.NaN, false);
      const wednesday = engine.morning(1, TUE + 1, sampleWeek());
      expect(wednesday).toBe(decision);
      expect(wednesday.heldCount).toBe(0);
      expect(wednesday.changes).toBe(0);
    });
  });

  describe('having hit policy first and two rules that hold', () => {
    const rules: Rule[] = [
      { id: 'rest', priority: 50, when: TUESDAY, then: { action: 'rest', scope: 'today' } },
      { id: 'ease', priority: 100, when: TUESDAY, then: { action: 'makeHardSessionsEasy', scope: 'today' } },
    ];
    const { decision } = decisionOn(TUE, 'first', rules, sampleWeek());

    it('should evaluate only up to the first that holds, and say so of the other', () => {
      expect(ruleIn(decision, 'ease')).toMatchObject({ result: 'true', outcome: 'applied' });
      expect(ruleIn(decision, 'rest')).toMatchObject({ result: 'not evaluated', outcome: 'none' });
    });
  });

  /** Two rules that hold on Tuesday: `loser` easy today, `winner` this action, at these priorities. */
  const contest = (loserPriority: number, winner: Rule['then'], winnerPriority: number): Rule[] => [
    { id: 'loser', priority: loserPriority, when: TUESDAY, then: { action: 'makeHardSessionsEasy', scope: 'today' } },
    { id: 'winner', priority: winnerPriority, when: TUESDAY, then: winner },
  ];

  describe.each([
    { having: 'a more conservative rule (rest) on the same day', rules: contest(100, { action: 'rest', scope: 'today' }, 50), why: 'more conservative' },
    {
      having: 'an as conservative rule of higher priority on the same day',
      rules: contest(10, { action: 'makeHardSessionsEasy', scope: 'restOfWeek' }, 90),
      why: 'as conservative, higher priority',
    },
  ])('having hit policy collect and $having', ({ rules, why }) => {
    const { decision } = decisionOn(TUE, 'collect', rules, sampleWeek());

    it(`should apply the winner, and return the other as overridden by it: ${why}`, () => {
      expect(ruleIn(decision, 'winner')).toMatchObject({ result: 'true', outcome: 'applied', overriddenBy: null });
      expect(ruleIn(decision, 'loser')).toMatchObject({ result: 'true', outcome: 'overridden', overriddenBy: { ruleId: 'winner', why } });
    });

    it('should list the rules that held in the order they were applied: the winner first', () => {
      expect(Array.from(decision.held.subarray(0, decision.heldCount))).toEqual([1, 0]);
    });
  });

  describe('having a guardrail of one hard day in a row and hard sessions on Monday and Tuesday', () => {
    const rules: Rule[] = [{ id: 'never', when: onWeekday(9), then: { action: 'rest', scope: 'today' } }];
    const { decision } = decisionOn(TUE, 'collect', rules, hardMondayAndTuesday(), { maxHardDaysInRow: 1 });

    it('should return the guardrail\'s cut with the numbers it judged by', () => {
      expect(decision.guardrail('maxHardDaysInRow')).toEqual({ guardrail: 'maxHardDaysInRow', hardDaysBefore: 1, limit: 1 });
      expect(decision.guardrail('minDaysBetweenHard')).toBeNull();
      expect(decision.changes).toBe(1);
    });
  });
});
