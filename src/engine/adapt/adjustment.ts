import type { Action, Scope } from '../../models/rules/schema.ts';
import type { GuardrailNumbers, OverrideReason } from './decision.ts';
import type { ConditionTrace, TruthName } from './evaluate.ts';

/** A fact's value when a rule fired; `null` when the fact was missing (too few readings). */
export interface FactReading {
  fact: string;
  value: number | null;
}

/**
 * What happened to a change: applied; overridden by a more conservative change to the same sessions
 * (the note names the winner); or made by a guardrail after the rules.
 */
export type AdjustmentOutcome = 'applied' | 'overridden' | 'guardrail';

/**
 * One change the engine made (or would have made) to an athlete's plan, with its reason: the
 * record behind adjustments.csv and `periodize explain`. Days count from 1 (the first training day);
 * weekday 0 is Monday.
 */
export interface Adjustment {
  day: number;
  week: number;
  weekday: number;
  /** The rule's id, or `guardrail:<name>` for a change a guardrail made. */
  ruleId: string;
  /** The rule's scope, or `week` for a guardrail acting on the week's plan. */
  scope: Scope | 'week';
  action: string;
  outcome: AdjustmentOutcome;
  /** The facts the rule's conditions read (and their companions: the band a mean was judged against). */
  facts: readonly FactReading[];
  /** The reason in a coach's words: "HRV 7-day mean 3.42 below the lower band 3.51 for 2 days". */
  reason: string;
  /** The sessions in scope before and after: "Thu: 5×4 min VO2max intervals (52 min)" → "Thu: easy run 50 min". */
  before: string;
  after: string;
  /** Why an outcome is not plain "applied": "overridden by hrv-low (more conservative)". Empty otherwise. */
  note: string;
  /** The same, as structure. */
  trace: AdjustmentTrace;
}

/**
 * The structure behind a change (adjustments.csv's `trace` column, as JSON): for a rule, its
 * condition tree with the value each fact had (null: missing) and whether each node held, the
 * values of the facts it read and their companions, the change it proposed, its outcome and what
 * overrode it; for a guardrail, the numbers it judged by. `periodize explain` writes its reasons
 * from this, not from the words.
 */
export type AdjustmentTrace =
  | {
      rule: string;
      priority: number;
      held: TruthName;
      when: ConditionTrace;
      facts: Record<string, number | null>;
      action: Action;
      outcome: 'applied' | 'overridden';
      overriddenBy: { rule: string; why: OverrideReason } | null;
    }
  | ({ outcome: 'guardrail' } & GuardrailNumbers);

/**
 * A trace as compact JSON; a value that is not finite (days since a hard day: Infinity) as a string.
 * Most traces hold none: they go through JSON.stringify alone, which is several times faster than
 * with a replacer called on every key (adjustments.csv writes one trace per change).
 */
export function traceJson(trace: AdjustmentTrace): string {
  if (allFinite(trace)) return JSON.stringify(trace);
  return JSON.stringify(trace, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
}

/** Whether every number in a JSON-like value is finite (what JSON.stringify writes as itself). */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!allFinite(item)) return false;
    return true;
  }
  for (const key in value) if (!allFinite((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** Receives the engine's changes as they happen. */
export interface AdjustmentListener {
  adjustment(change: Adjustment): void;
}
