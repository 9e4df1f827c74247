import { changeCountsLength, countDecision } from '../../../src/sim/adjustment-tally.ts';
import { BUILT_IN_ACTIONS } from '../../../src/engine/adapt/actions.ts';
import type { Adjustment } from '../../../src/engine/adapt/adjustment.ts';
import { AdaptiveEngine, type EngineParts } from '../../../src/engine/adapt/engine.ts';
import { ObservedHistory } from '../../../src/engine/adapt/history.ts';
import { PlanEditor } from '../../../src/engine/adapt/plan-edit.ts';
import { FactBook } from '../../../src/engine/adapt/fact-book.ts';
import { FACT_DEFAULTS, FACT_PROVIDERS_BUILT_IN, FactContext, type FactProvider, type ResolvedFactSettings } from '../../../src/engine/adapt/facts/index.ts';
import { resolveDesign, resolveMacroplan, type Macroplan, type ResolvedDesign, type ResolveIssue } from '../../../src/engine/designs/resolve.ts';
import { WeekPlan } from '../../../src/engine/plan/week-plan.ts';
import type { ArmRules } from '../../../src/engine/rules/arm-rules.ts';
import type { RuleSet } from '../../../src/models/rules/schema.ts';
import type { DesignRef } from '../../../src/models/scenario/schema.ts';
import { PARAMETERS } from '../../../src/models/parameters.ts';
import { WORKOUTS } from '../../../src/models/workouts/catalogue.ts';
import { compileCatalogue, requireWorkout } from '../../../src/models/workouts/compile.ts';
import { DoseEvaluator, PROFILE_STRIDE } from '../../../src/models/workouts/dose.ts';

/**
 * Shared inputs of the adaptive-engine specs: the real workout catalogue, one coach's view of one
 * athlete, a realistic week, and observed histories written morning by morning.
 */

export const CATALOGUE = compileCatalogue(WORKOUTS);

/**
 * The athlete as the coach has tested them (km/h, ANCHORS order): LT1 10, LT2 12, vVO2max 15, and race
 * paces 5k 14, 10k 13, half 12.5, marathon 11.5 — the round numbers of tests/models/workouts/dose.test.ts.
 */
export const ANCHOR_SPEEDS = Float64Array.from([10, 12, 15, 14, 13, 12.5, 11.5]);

/** Every catalogue workout's dose at the coach's anchors, with the calibrated effort curves. */
export function coachProfiles(anchors: Float64Array = ANCHOR_SPEEDS): Float64Array {
  const profiles = new Float64Array(CATALOGUE.count * PROFILE_STRIDE);
  new DoseEvaluator(CATALOGUE, PARAMETERS.effort).evaluateAll(anchors, profiles);
  return profiles;
}

export const PROFILES = coachProfiles();

/** Catalogue indices of the workouts the specs use. */
export const EASY_RUN = requireWorkout(CATALOGUE, 'easy-run');
export const LONG_RUN = requireWorkout(CATALOGUE, 'long-run');
export const VO2MAX_INTERVALS = requireWorkout(CATALOGUE, 'vo2max-intervals');
export const TEMPO_RUN = requireWorkout(CATALOGUE, 'tempo-run');

/** Weekdays as WeekPlan counts them. */
export const MON = 0;
export const TUE = 1;
export const WED = 2;
export const THU = 3;
export const FRI = 4;
export const SAT = 5;
export const SUN = 6;

/**
 * A recreational runner's week: Mon easy run 45 min, Tue 5 × VO2max intervals (15 min warm-up +
 * 5 × (4 + 3) min + 10 min cool-down = 60 min), Wed easy run 40 min, Thu tempo run 25 min (15 + 25 +
 * 10 = 50 min), Fri rest, Sat long run 90 min, Sun rest: 285 minutes, hard on Tuesday and Thursday.
 */
export function sampleWeek(): WeekPlan {
  const plan = new WeekPlan();
  plan.add(MON, EASY_RUN, 45, 0);
  plan.add(TUE, VO2MAX_INTERVALS, 5, 0);
  plan.add(WED, EASY_RUN, 40, 0);
  plan.add(THU, TEMPO_RUN, 25, 0);
  plan.add(SAT, LONG_RUN, 90, 0);
  return plan;
}

/** One session done: catalogue workout, minutes, session RPE and whether it was hard. */
export interface DoneSession {
  workout: number;
  minutes: number;
  rpe: number;
  hard?: boolean;
}

/** One day as the coach saw it; a reading left out was not measured (NaN). */
export interface ObservedDay {
  hrv?: number;
  restingHr?: number;
  sleep?: number;
  ill?: boolean;
  sessions?: readonly DoneSession[];
  missed?: number;
}

/** Writes one observed day into a record: the morning, then the sessions done and those missed. */
export function observe(history: ObservedHistory, day: ObservedDay): void {
  history.setMorning(day.restingHr ?? Number.NaN, day.hrv ?? Number.NaN, day.sleep ?? Number.NaN, day.ill ?? false);
  for (const s of day.sessions ?? []) history.setSession(s.workout, s.minutes, s.rpe, s.hard ?? false);
  for (let i = 0; i < (day.missed ?? 0); i++) history.missedSession();
}

/** A record of these days, oldest first (today is the last), with room for `spare` more. */
export function historyOf(days: readonly ObservedDay[], spare = 28): ObservedHistory {
  const history = new ObservedHistory(days.length + spare, CATALOGUE.count);
  for (const day of days) observe(history, day);
  return history;
}

/** `n` days made by `day(i)`, i = 0 … n − 1. */
export function days(n: number, day: (i: number) => ObservedDay): ObservedDay[] {
  return Array.from({ length: n }, (_, i) => day(i));
}

/** A fact book over a record, with the built-in facts (or `providers`) and the default windows (or `settings`). */
export function factBookOf(
  history: ObservedHistory,
  settings: Partial<ResolvedFactSettings> = {},
  providers: readonly FactProvider[] = FACT_PROVIDERS_BUILT_IN,
): FactBook {
  return new FactBook(FactBook.catalogue(providers), new FactContext(history, { ...FACT_DEFAULTS, ...settings }));
}

/** A fact's value this morning (NaN = missing). */
export function factOf(book: FactBook, name: string): number {
  return book.value(book.slot(name));
}

/** Resolves a design reference over `weeks` weeks; throws on a problem (a fixture bug). */
export function macroplanOf(ref: DesignRef, weeks: number): Macroplan {
  const issues: ResolveIssue[] = [];
  const plan = resolveMacroplan(ref, weeks, CATALOGUE, ['design'], issues);
  if (plan === null) throw new Error(issues.map((issue) => issue.message).join('; '));
  return plan;
}

/** The engine's parts as the composition root binds them: the built-in facts and actions, the real catalogue. */
export const ENGINE_PARTS: EngineParts = {
  facts: FactBook.catalogue(FACT_PROVIDERS_BUILT_IN),
  actions: BUILT_IN_ACTIONS,
  catalogue: CATALOGUE,
};

/** A rule set ready for an engine, with the designs its `shiftDesign` actions name resolved. */
export function armRulesOf(ruleSet: RuleSet): ArmRules {
  const designs = new Map<string, ResolvedDesign>();
  for (const rule of ruleSet.rules) {
    if (rule.then.action !== 'shiftDesign') continue;
    const issues: ResolveIssue[] = [];
    const design = resolveDesign(rule.then.design, CATALOGUE, [], issues);
    if (design === null) throw new Error(issues.map((issue) => issue.message).join('; '));
    designs.set(rule.then.design, design);
  }
  return { name: ruleSet.name, origin: 'test', ruleSet, designs };
}

/** What each engine of `engineFor` decided on the mornings `liveDay` ran, counted as the simulator counts it. */
const COUNTS = new WeakMap<AdaptiveEngine, Int32Array>();

/** An engine's counts (see `changeCountsLength`): changes applied and overridden by `changeNames` index, then mornings each rule held. */
export function decisionCounts(engine: AdaptiveEngine): Int32Array {
  return COUNTS.get(engine)!;
}

/** An engine for one arm, started from `record` (the baseline), listening into `changes`. */
export function engineFor(
  ruleSet: RuleSet,
  options: { record?: ObservedHistory; macroplan?: Macroplan; usualWeeklyMinutes?: number; weeks?: number } = {},
): { engine: AdaptiveEngine; changes: Adjustment[] } {
  const weeks = options.weeks ?? options.macroplan?.weeks ?? 4;
  const record = options.record ?? historyOf([]);
  const engine = new AdaptiveEngine(armRulesOf(ruleSet), ENGINE_PARTS, PROFILES, record.capacity + weeks * 7, weeks);
  const changes: Adjustment[] = [];
  engine.listener = { adjustment: (change) => changes.push(change) };
  COUNTS.set(engine, new Int32Array(changeCountsLength(ruleSet.rules.length)));
  engine.startArm(record, options.macroplan ?? macroplanOf('polarized', weeks), options.usualWeeklyMinutes ?? 300);
  return { engine, changes };
}

/** A week with hard sessions on Monday and Tuesday. */
export function hardMondayAndTuesday(): WeekPlan {
  const plan = new WeekPlan();
  for (const [day, workout, size] of [[MON, TEMPO_RUN, 25], [TUE, VO2MAX_INTERVALS, 5], [THU, EASY_RUN, 40], [SAT, LONG_RUN, 90]] as const) plan.add(day, workout, size, 0);
  return plan;
}

/** A plan editor on the coach's profiles of the fixtures. */
export const EDITOR = new PlanEditor(CATALOGUE, PROFILES);

/**
 * One day of an arm as the simulator runs it: the morning's readings go into the engine's record,
 * the engine adapts the plan, then today's sessions are done as now planned — at the RPE the coach
 * expects, or `rpe` — or missed when the athlete is ill.
 */
export function liveDay(engine: AdaptiveEngine, plan: WeekPlan, week: number, weekday: number, morning: ObservedDay = {}, rpe?: number): void {
  const history = engine.history;
  history.setMorning(morning.restingHr ?? Number.NaN, morning.hrv ?? Number.NaN, morning.sleep ?? Number.NaN, morning.ill ?? false);
  const counts = COUNTS.get(engine);
  const decision = engine.morning(week, weekday, plan);
  if (counts !== undefined) countDecision(decision, counts);
  for (let k = 0; k < plan.count; k++) {
    if (plan.day[k] !== weekday) continue;
    if (morning.ill === true) {
      history.missedSession();
      continue;
    }
    const minutes = EDITOR.minutes(plan, k);
    history.setSession(plan.workout[k]!, minutes, rpe ?? EDITOR.expectedLoad(plan, k) / minutes, EDITOR.isHard(plan, k));
  }
}
