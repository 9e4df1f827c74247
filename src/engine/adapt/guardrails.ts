import type { Guardrails } from '../../models/rules/schema.ts';
import type { WeekPlan } from '../plan/week-plan.ts';
import type { ObservedHistory } from './history.ts';
import type { PlanEditor } from './plan-edit.ts';

/**
 * Guardrails run after the rules, on what the rules and the plan together would do. A rule set
 * has only the guardrails it states: none is switched on behind a coach's back. Conventions, not
 * physiology, so they live with the engine:
 * - ACWR as a spike cap only (Gabbett 2016's descriptive 1.5 "danger zone"; the ratio predicts
 *   nothing beyond acute load, Impellizzeri 2020);
 * - a week-to-week increase cap: no evidence backs the "10 % rule" (Buist et al. 2008, Am J Sports
 *   Med 36:33–39), so the number is the coach's.
 */
export type ResolvedGuardrails = { [K in keyof Required<Guardrails>]: number | null };

export function resolveGuardrails(guardrails: Guardrails | undefined): ResolvedGuardrails {
  return {
    maxWeeklyIncrease: guardrails?.maxWeeklyIncrease ?? null,
    maxHardDaysInRow: guardrails?.maxHardDaysInRow ?? null,
    minDaysBetweenHard: guardrails?.minDaysBetweenHard ?? null,
    acwrCap: guardrails?.acwrCap ?? null,
  };
}

/** Hard days in a row that end yesterday (days with a hard session done). */
export function hardDaysBefore(history: ObservedHistory): number {
  let days = 0;
  for (let slot = history.today - 1; slot >= 0 && history.hard[slot]! > 0; slot--) days++;
  return days;
}

/** Days since the last hard day before today (Infinity when none is on record). */
export function daysSinceHardDay(history: ObservedHistory): number {
  return history.lastHard < 0 ? Number.POSITIVE_INFINITY : history.today - history.lastHard;
}

/** Makes today's hard sessions easy; true when there were any. */
export function easeToday(plan: WeekPlan, editor: PlanEditor, today: number): boolean {
  let changed = false;
  for (let k = 0; k < plan.count; k++) {
    if (plan.day[k] === today && editor.isHard(plan, k)) {
      editor.makeEasy(plan, k);
      changed = true;
    }
  }
  return changed;
}

/** Scales every session of the plan (minutes of runs, repetitions of intervals, add-ons). */
export function scaleWeek(plan: WeekPlan, editor: PlanEditor, factor: number): void {
  for (let k = 0; k < plan.count; k++) editor.scale(plan, k, factor);
}

/** The session-RPE load the coach expects of the whole week. */
export function plannedLoad(plan: WeekPlan, editor: PlanEditor): number {
  let load = 0;
  for (let k = 0; k < plan.count; k++) load += editor.expectedLoad(plan, k);
  return load;
}

/** Days of load history the ACWR cap needs before the planned week (with it, the 28-day window). */
export const ACWR_HISTORY_DAYS = 21;

/**
 * The largest factor on the week's volume that keeps the coupled ACWR (Hulin 2016: acute week
 * inside the 28-day chronic window) at or below `cap`, given the last 21 days of load `history21`
 * and the week's planned load: f·P / ((H + f·P) / 4) ≤ cap ⇔ f ≤ cap·H / (P·(4 − cap)).
 * @example acwrScale(3000, 1500, 1.5) // 1.5·3000 / (1500·2.5) = 1.2 → 1 (no cut needed)
 */
export function acwrScale(history21: number, planned: number, cap: number): number {
  if (!(planned > 0) || cap >= 4) return 1;
  return Math.min(1, (cap * history21) / (planned * (4 - cap)));
}
