import type { Action, Scope } from '../../models/rules/schema.ts';
import type { WeekPlan } from '../plan/week-plan.ts';
import type { Adjustment, AdjustmentListener, AdjustmentOutcome, AdjustmentTrace, FactReading } from './adjustment.ts';
import { OUTCOME_OVERRIDDEN, overrideReasonOf, type Decision, type GuardrailNumbers } from './decision.ts';
import { factsRead, traceRule, type CompiledRule } from './evaluate.ts';
import type { FactBook } from './fact-book.ts';
import type { PlanEditor } from './plan-edit.ts';
import { bookView, describeReason, guardrailReason, overrideNote } from './reasons.ts';

/** The scope an action without one acts on. */
function scopeOf(action: Action): Scope {
  if ('scope' in action && action.scope !== undefined) return action.scope;
  if (action.action === 'insertDeloadWeek') return 'nextMicrocycle';
  if (action.action === 'extendBlock' || action.action === 'shortenBlock') return 'nextMesocycle';
  return 'today';
}

/**
 * Turns the engine's changes into records for whoever listens (adjustments.csv, `explain`): the
 * facts a rule read and their companions, its reason in a coach's words, and the days before and
 * after. Records are built only when there is a listener; the engine returns its decision either way.
 */
export class ChangeRecorder {
  listener: AdjustmentListener | null = null;
  /** Where the engine stands: week (from 1) and weekday (0 = Monday). */
  week = 1;
  weekday = 0;

  constructor(
    private readonly book: FactBook,
    private readonly editor: PlanEditor,
  ) {}

  /** A rule's change to this week's sessions (its outcome as `decision` has it): the days of `was` and `now` that differ. */
  sessions(rule: CompiledRule, decision: Decision, was: WeekPlan, now: WeekPlan): void {
    const [before, after] = this.describeDays(was, now);
    this.rule(rule, decision, before, after);
  }

  /** A rule's change (or would-be change) described in words, applied or overridden as `decision` has it. */
  rule(rule: CompiledRule, decision: Decision, before: string, after: string): void {
    if (this.listener === null) return;
    const slots = factsRead(rule.when);
    for (const slot of [...slots]) {
      for (const companion of this.book.definitions[slot]!.companions ?? []) {
        const s = this.book.slotOf(companion)!;
        if (!slots.includes(s)) slots.push(s);
      }
    }
    const facts: FactReading[] = slots.map((slot) => this.book.reading(slot));
    const evaluated = traceRule(rule, this.book);
    const winner = decision.overriddenBy[rule.order]!;
    const trace: AdjustmentTrace = {
      rule: rule.rule.id,
      priority: rule.priority,
      held: evaluated.result,
      when: evaluated.condition,
      facts: Object.fromEntries(facts.map((reading) => [reading.fact, reading.value])),
      action: rule.rule.then,
      outcome: decision.outcome[rule.order] === OUTCOME_OVERRIDDEN ? 'overridden' : 'applied',
      overriddenBy: winner < 0 ? null : { rule: decision.rules[winner]!.rule.id, why: overrideReasonOf(decision.overrideReason[rule.order]!) },
    };
    const reason = describeReason(evaluated.condition, bookView(this.book));
    this.listener.adjustment(this.change(rule.rule.id, scopeOf(rule.rule.then), rule.rule.then.action, trace.outcome, facts, reason, before, after, overrideNote(trace), trace));
  }

  /** A guardrail's change; its reason is built only here, when someone listens, from the numbers it judged by. */
  guardrail(name: string, scope: 'week' | 'today', was: WeekPlan, now: WeekPlan, numbers: GuardrailNumbers): void {
    if (this.listener === null) return;
    const [before, after] = this.describeDays(was, now);
    this.listener.adjustment(
      this.change(`guardrail:${name}`, scope, scope === 'week' ? 'scaleVolume' : 'makeHardSessionsEasy', 'guardrail', [], guardrailReason(numbers), before, after, '', { outcome: 'guardrail', ...numbers }),
    );
  }

  /** The days whose sessions differ between two plans: each as it was and as it is. */
  private describeDays(was: WeekPlan, now: WeekPlan): [string, string] {
    const before: string[] = [];
    const after: string[] = [];
    for (let day = 0; day < 7; day++) {
      if (was.sameDay(now, day)) continue;
      before.push(this.editor.describeDay(was, day));
      after.push(this.editor.describeDay(now, day));
    }
    return [before.join('; '), after.join('; ')];
  }

  /** A record of a change made today, in one shape (one hidden class for every record). */
  private change(
    ruleId: string,
    scope: Adjustment['scope'],
    action: string,
    outcome: AdjustmentOutcome,
    facts: readonly FactReading[],
    reason: string,
    before: string,
    after: string,
    note: string,
    trace: AdjustmentTrace,
  ): Adjustment {
    const day = (this.week - 1) * 7 + this.weekday + 1;
    return { day, week: this.week, weekday: this.weekday, ruleId, scope, action, outcome, facts, reason, before, after, note, trace };
  }
}
