import type { Action, RuleSet } from '../../models/rules/schema.ts';
import { conservativeness } from './conservativeness.ts';
import { evaluate, traceRule, TRUE, type CompiledRule, type ConditionTrace, type TruthName } from './evaluate.ts';
import type { FactBook } from './fact-book.ts';

/** Guardrails by name, in the order their counts follow the rules' (see `changeNames`). */
export const GUARDRAIL_NAMES = ['maxWeeklyIncrease', 'acwrCap', 'maxHardDaysInRow', 'minDaysBetweenHard'] as const;
export type GuardrailName = (typeof GUARDRAIL_NAMES)[number];

/** The numbers a guardrail judged by, three per guardrail (see `GuardrailNumbers`). */
const GUARDRAIL_WIDTH = 3;

/**
 * A guardrail's cut, in its own numbers: `maxWeeklyIncrease` the planned minutes, the limit and the
 * increase allowed; `acwrCap` the planned load, the limit and the cap; `maxHardDaysInRow` the hard
 * days before today and the limit; `minDaysBetweenHard` the days since the last hard day and the
 * minimum.
 */
export type GuardrailNumbers =
  | { guardrail: 'maxWeeklyIncrease'; plannedMinutes: number; limitMinutes: number; increase: number }
  | { guardrail: 'acwrCap'; plannedLoad: number; limitLoad: number; cap: number }
  | { guardrail: 'maxHardDaysInRow'; hardDaysBefore: number; limit: number }
  | { guardrail: 'minDaysBetweenHard'; daysSinceHard: number; minimum: number };

/** What became of a rule this morning, by code (see `OUTCOME_NAMES`). */
export const OUTCOME_NONE = 0;
export const OUTCOME_APPLIED = 1;
export const OUTCOME_OVERRIDDEN = 2;
export const OUTCOME_UNCHANGED = 3;
/**
 * - `none`: the rule did not hold (or, under hit policy `first`, a rule before it did);
 * - `applied`: its change is in the plan;
 * - `overridden`: a more conservative (or as conservative, higher-priority) change took what it would have changed;
 * - `unchanged`: it held, but had nothing left to change (it made this change already, or there was nothing to change).
 */
export const OUTCOME_NAMES = ['none', 'applied', 'overridden', 'unchanged'] as const;
export type RuleOutcome = (typeof OUTCOME_NAMES)[number];

/** Why an overridden rule lost: the winner was more conservative, or as conservative with a higher priority. */
export const OVERRIDE_MORE_CONSERVATIVE = 1;
export const OVERRIDE_HIGHER_PRIORITY = 2;
export type OverrideReason = 'more conservative' | 'as conservative, higher priority';

/** A condition's truth when it was not evaluated (hit policy `first`: a rule before it held). */
export const NOT_EVALUATED = 3;

/** One rule's part in a decision, built on request (the condition tree with every fact's value). */
export interface RuleDecision {
  ruleId: string;
  priority: number;
  /** Whether the condition held: true, false, missing (a fact it needed had no value), or not evaluated. */
  result: TruthName | 'not evaluated';
  /** The condition tree, each node with whether it held, each fact with the value it had (null: missing). */
  condition: ConditionTrace;
  /** The change the rule proposes. */
  action: Action;
  outcome: RuleOutcome;
  /** The rule that took what this one would have changed, and why it won; null unless overridden. */
  overriddenBy: { ruleId: string; why: OverrideReason } | null;
}

/**
 * What the engine decided on one morning (or in one week's review): per rule whether its condition
 * held and what became of its change; per guardrail whether it cut the plan, and by which numbers.
 * The engine owns one and fills it again each morning (typed arrays, nothing allocated: callers
 * read them, only the engine writes); the condition trees are built only when asked for (`rule`),
 * from the morning's facts — so read a decision before the next morning, and before the day's
 * sessions go into the record (a fact no rule needed this morning is computed when asked for).
 */
export class Decision {
  week = 1;
  /** 0 = Monday; -1 for a week's review (only the week's guardrails act then). */
  weekday = 0;
  /** Per rule, in file order: FALSE, TRUE, MISSING or NOT_EVALUATED. */
  readonly truth: Uint8Array;
  /** Per rule, in file order: an OUTCOME_* code. */
  readonly outcome: Uint8Array;
  /** Per rule, in file order: the file position of the rule that overrode it (-1: none). */
  readonly overriddenBy: Int16Array;
  /** Per rule, in file order: an OVERRIDE_* code (0: not overridden). */
  readonly overrideReason: Uint8Array;
  /** The rules that held, by file position, most conservative first (the order they were applied in). */
  readonly held: Int16Array;
  heldCount = 0;
  /** Per guardrail (GUARDRAIL_NAMES order): how often it cut the plan in this decision (0 or 1). */
  readonly guardrailCuts: Uint8Array;
  /** Per guardrail, its numbers when it cut (see `GuardrailNumbers`). */
  readonly guardrailValues: Float64Array;
  /** Changes made to the plan: rules applied and guardrail cuts. */
  changes = 0;
  /** Per rule, in file order: how conservative its action is (see `CONSERVATIVENESS`). */
  readonly rank: Float64Array;
  /** Guardrail cuts among the changes (a quiet morning resets nothing). */
  cuts = 0;

  constructor(
    /** The rules in file order. */
    readonly rules: readonly CompiledRule[],
    private readonly book: FactBook,
  ) {
    const n = rules.length;
    this.truth = new Uint8Array(n);
    this.outcome = new Uint8Array(n);
    this.overriddenBy = new Int16Array(n);
    this.overrideReason = new Uint8Array(n);
    this.held = new Int16Array(n);
    this.guardrailCuts = new Uint8Array(GUARDRAIL_NAMES.length);
    this.guardrailValues = new Float64Array(GUARDRAIL_NAMES.length * GUARDRAIL_WIDTH);
    this.rank = Float64Array.from(rules, (rule) => conservativeness(rule.rule.then));
    this.truth.fill(NOT_EVALUATED);
    this.overriddenBy.fill(-1);
  }

  /**
   * Empties the decision for a new morning, or a week's review (`weekday` -1: no rule evaluated).
   * Only what the last one wrote is undone (outcomes are written for rules that held only): on a
   * quiet morning, next to nothing; `decide` writes every rule's truth.
   */
  reset(week: number, weekday: number): void {
    this.week = week;
    this.weekday = weekday;
    if (weekday < 0) this.truth.fill(NOT_EVALUATED);
    for (let i = 0; i < this.heldCount; i++) {
      const order = this.held[i]!;
      this.outcome[order] = OUTCOME_NONE;
      this.overriddenBy[order] = -1;
      this.overrideReason[order] = 0;
    }
    this.heldCount = 0;
    this.changes = 0;
    if (this.cuts !== 0) {
      for (let g = 0; g < GUARDRAIL_NAMES.length; g++) this.guardrailCuts[g] = 0;
      this.cuts = 0;
    }
  }

  /** Marks rule `order` (file position) as held; the engine orders `held` before applying. */
  hold(order: number): void {
    this.held[this.heldCount++] = order;
  }

  setOutcome(order: number, outcome: number): void {
    this.outcome[order] = outcome;
    if (outcome === OUTCOME_APPLIED) this.changes++;
  }

  override(order: number, winner: number, reason: number): void {
    this.setOutcome(order, OUTCOME_OVERRIDDEN);
    this.overriddenBy[order] = winner;
    this.overrideReason[order] = reason;
  }

  /** Records a guardrail's cut with its numbers (see `GuardrailNumbers`; the third is NaN for two). */
  guardrailCut(name: GuardrailName, first: number, second: number, third = Number.NaN): void {
    const g = GUARDRAIL_NAMES.indexOf(name);
    this.guardrailCuts[g]!++;
    this.guardrailValues[g * GUARDRAIL_WIDTH] = first;
    this.guardrailValues[g * GUARDRAIL_WIDTH + 1] = second;
    this.guardrailValues[g * GUARDRAIL_WIDTH + 2] = third;
    this.changes++;
    this.cuts++;
  }

  /** Rule `order`'s part, with its condition tree traced on this morning's facts (allocates: on request only). */
  rule(order: number): RuleDecision {
    const compiled = this.rules[order]!;
    const truth = this.truth[order]!;
    const trace = traceRule(compiled, this.book);
    const winner = this.overriddenBy[order]!;
    return {
      ruleId: compiled.rule.id,
      priority: compiled.priority,
      result: truth === NOT_EVALUATED ? 'not evaluated' : trace.result,
      condition: trace.condition,
      action: compiled.rule.then,
      outcome: OUTCOME_NAMES[this.outcome[order]!]!,
      overriddenBy: winner < 0 ? null : { ruleId: this.rules[winner]!.rule.id, why: overrideReasonOf(this.overrideReason[order]!) },
    };
  }

  /** A guardrail's numbers from its last cut in this decision; null when it did not cut. */
  guardrail(name: GuardrailName): GuardrailNumbers | null {
    const g = GUARDRAIL_NAMES.indexOf(name);
    if (this.guardrailCuts[g] === 0) return null;
    const v = this.guardrailValues;
    const [a, b, c] = [v[g * GUARDRAIL_WIDTH]!, v[g * GUARDRAIL_WIDTH + 1]!, v[g * GUARDRAIL_WIDTH + 2]!];
    switch (name) {
      case 'maxWeeklyIncrease':
        return { guardrail: name, plannedMinutes: a, limitMinutes: b, increase: c };
      case 'acwrCap':
        return { guardrail: name, plannedLoad: a, limitLoad: b, cap: c };
      case 'maxHardDaysInRow':
        return { guardrail: name, hardDaysBefore: a, limit: b };
      default:
        return { guardrail: name, daysSinceHard: a, minimum: b };
    }
  }
}

export function overrideReasonOf(code: number): OverrideReason {
  return code === OVERRIDE_HIGHER_PRIORITY ? 'as conservative, higher priority' : 'more conservative';
}

/**
 * Decides which rules hold on the facts as they are: evaluates the rules in evaluation order
 * (priority, then file order) under the hit policy — `first`: the first that holds and no other;
 * `collect`: every one — and lists those that hold, most conservative first (by `rank`, then
 * priority, then file order: the order their changes are applied in). Reads only the facts; writes
 * only `into` (no allocation). What becomes of each change is settled when it is applied.
 * @param rules in evaluation order (as `compileRules` returns them)
 */
export function decide(facts: FactBook, rules: readonly CompiledRule[], hitPolicy: RuleSet['hitPolicy'], into: Decision): Decision {
  const collect = hitPolicy === 'collect';
  let i = 0;
  for (; i < rules.length; i++) {
    const rule = rules[i]!;
    const truth = evaluate(rule.when, facts);
    into.truth[rule.order] = truth;
    if (truth !== TRUE) continue;
    into.hold(rule.order);
    // Hit policy `first`: the highest-priority rule that holds, and no other.
    if (!collect) break;
  }
  for (i++; i < rules.length; i++) into.truth[rules[i]!.order] = NOT_EVALUATED;
  // Most conservative first (insertion sort: a handful of rules, no allocation).
  const held = into.held;
  const byOrder = into.rules;
  for (let i = 1; i < into.heldCount; i++) {
    const order = held[i]!;
    let j = i;
    while (j > 0 && compareConservativeness(byOrder[held[j - 1]!]!, byOrder[order]!, into.rank) > 0) {
      held[j] = held[j - 1]!;
      j--;
    }
    held[j] = order;
  }
  return into;
}

/** Orders rules most conservative first, then by priority and file order. */
function compareConservativeness(x: CompiledRule, y: CompiledRule, rank: Float64Array): number {
  return rank[y.order]! - rank[x.order]! || y.priority - x.priority || x.order - y.order;
}
