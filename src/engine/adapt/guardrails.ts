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

/** Passes of `cutWeekTo`, and how close to the limit is on it (warm-ups that do not scale leave a sliver). */
const CUT_PASSES = 4;
const CUT_TOLERANCE = 1.001;

/** What a guardrail caps, session by session: minutes or expected session-RPE load. */
export type SessionMeasure = (plan: WeekPlan, editor: PlanEditor, k: number) => number;

/** The week's total `measure`; with `fromDay`, only the continuous runs from that weekday on. */
function total(plan: WeekPlan, editor: PlanEditor, measure: SessionMeasure, runsFromDay = -1): number {
  let sum = 0;
  for (let k = 0; k < plan.count; k++) {
    if (runsFromDay < 0 || (plan.day[k]! >= runsFromDay && editor.isContinuous(plan, k))) sum += measure(plan, editor, k);
  }
  return sum;
}

/**
 * Cuts the week until its total `measure` is at most `limit`, as little below it as whole
 * repetitions allow: first every session by limit / total (repetitions to the nearest whole); then,
 * since warm-ups do not scale and repetitions are whole, the continuous runs alone by what is left
 * to cut, and every session again with repetitions rounded down. When sessions at the catalogue's
 * smallest still exceed the limit, the hard sessions become easy runs, and then the last sessions
 * of the week are dropped: a cap is a cap. Only sessions from weekday `fromDay` on are touched (the
 * days before are done); the days before still count toward the total.
 */
export function cutWeekTo(plan: WeekPlan, editor: PlanEditor, limit: number, measure: SessionMeasure, fromDay = 0): void {
  const within = limit * CUT_TOLERANCE;
  for (let pass = 0; pass < CUT_PASSES; pass++) {
    const now = total(plan, editor, measure);
    if (now <= within) return;
    const runs = total(plan, editor, measure, fromDay);
    const runsOnly = pass > 0 && runs > now - limit;
    // Runs scale in proportion (their repetitions are minutes): this factor lands on the limit.
    let factor = runsOnly ? (runs - (now - limit)) / runs : limit / now;
    if (!(factor > 0)) factor = 0.2;
    const down = pass > 0 && !runsOnly;
    for (let k = 0; k < plan.count; k++) {
      if (plan.day[k]! >= fromDay && (!runsOnly || editor.isContinuous(plan, k))) editor.scale(plan, k, factor, down);
    }
  }
  if (total(plan, editor, measure) <= within) return;
  for (let k = 0; k < plan.count; k++) if (plan.day[k]! >= fromDay && editor.isHard(plan, k)) editor.makeEasy(plan, k);
  while (plan.count > 0 && plan.day[plan.count - 1]! >= fromDay && total(plan, editor, measure) > within) plan.remove(plan.count - 1);
}

/** The planned minutes of session k, and of the week. */
export const sessionMinutes: SessionMeasure = (plan, editor, k) => editor.minutes(plan, k);
export const sessionLoad: SessionMeasure = (plan, editor, k) => editor.expectedLoad(plan, k);



/** The session-RPE load the coach expects of the whole week. */
export function plannedLoad(plan: WeekPlan, editor: PlanEditor): number {
  let load = 0;
  for (let k = 0; k < plan.count; k++) load += editor.expectedLoad(plan, k);
  return load;
}

/** Days of load history the ACWR cap needs before the planned week (with it, the 28-day window). */
export const ACWR_HISTORY_DAYS = 21;

/**
 * The largest planned load of a week that keeps the coupled ACWR (Hulin 2016: the acute week inside
 * the 28-day chronic window) at or below `cap`, given the load of the 21 days before it:
 * L / ((H + L) / 4) ≤ cap ⇔ L ≤ cap·H / (4 − cap). Infinity for a cap of 4 or more (never reached).
 * @example acwrLoadLimit(3000, 1.5) // 1.5 × 3000 / 2.5 = 1800
 */
export function acwrLoadLimit(history21: number, cap: number): number {
  return cap >= 4 ? Number.POSITIVE_INFINITY : (cap * history21) / (4 - cap);
}
