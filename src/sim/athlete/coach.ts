import { AdaptiveEngine, type EngineParts } from '../../engine/adapt/engine.ts';
import type { Adjustment, AdjustmentListener } from '../../engine/adapt/adjustment.ts';
import { OUTCOME_NAMES, type RuleOutcome } from '../../engine/adapt/decision.ts';
import { ObservedHistory } from '../../engine/adapt/history.ts';
import { WeekPlan } from '../../engine/plan/week-plan.ts';
import type { Parameters } from '../../models/parameters.ts';
import { estimatedRpe, zoneRpes } from '../../models/workouts/dose.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import type { Activity } from './activities.ts';
import type { LoadedAthlete } from './load.ts';
import { addDays, daysBetween, weekdayOf } from '../../models/calendar.ts';
import { AthletePlanner, type PlannedSession, type PlannedWeek } from './plan.ts';
import type { Morning } from './wellness.ts';
import { counted } from '../../models/text/plural.ts';

/**
 * `periodize coach`: the athlete's own mornings and training replayed through the adaptive engine
 * the simulator runs (src/engine/adapt/engine.ts), morning by morning, with the same record
 * (ObservedHistory) a simulated athlete's coach keeps — so that what the engine says of a real
 * athlete is what it would say of a simulated one with the same readings. The plan is the athlete
 * file's (the same AthletePlanner as `plan`), each week planned when it begins, from the engine's
 * schedule (blocks moved, volume changed), and changed by the rules each morning.
 */

/** The weeks before the plan's first day whose data form the engine's baseline (its longest window, 28 days, and the sleep baseline's week before it, with room). */
export const BASELINE_DAYS = 56;

/**
 * How a coach reads a run from its time in zone (a baseline day, a run the plan did not have, or a
 * run whose records contradict its plan): hard when it held this much time above LT1 — a session's
 * goal by its main set, as Seiler & Kjerland (2006) classify sessions by zone; long from 90 min.
 * Conventions of ours [M], not physiology: the shortest main sets of the catalogue's hard sessions (a
 * 10 × 1 min VO2max set, a 3 × 10 min threshold set) pass them; a few strides or a hilly easy run do not.
 */
export const COACH_READING = { hardZone3Minutes: 5, hardZone2Minutes: 15, longRunMinutes: 90 } as const;

/** Today is not a day of the plan: the command says which date it took and from where. */
export class OutsidePlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutsidePlanError';
  }
}

/** One day of the replay: the morning's readings, the sessions planned and done, the engine's changes. */
export interface CoachDay {
  date: string;
  /** Plan week and weekday (Monday 0); week 0: a baseline day before the plan. */
  week: number;
  weekday: number;
  morning: Morning | null;
  /** The sessions planned for the day after the morning's changes (names and minutes), and those done. */
  planned: string[];
  done: Activity[];
  /** What the engine changed (or would have, overridden) this morning, with its reasons. */
  changes: Adjustment[];
  /**
   * The HRV band the rules read this morning: the 7-day mean of lnRMSSD and the smallest worthwhile
   * change around its baseline (NaN until the baselines fill); null without a rule set, or before the plan.
   */
  band: { hrvMean7d: number; swcLow: number; swcHigh: number } | null;
}

export interface CoachReport {
  /** Every day of the replay, the baseline's first day to today. */
  days: CoachDay[];
  today: CoachDay;
  /** The rules whose condition held this morning, in the order they were applied, and what became of each (unchanged: nothing left for it to change). */
  held: { rule: string; outcome: RuleOutcome }[];
  /** The facts today's rules read, as the engine had them this morning: label and value in words. */
  facts: { name: string; label: string; value: string }[];
  /** The rest of this week from today as the engine left it, and the next week as it plans it now (null after the plan's last week). */
  thisWeek: PlannedWeek;
  nextWeek: PlannedWeek | null;
  /** What the engine's review of the next week changed in it (its guardrails), with the reasons. */
  nextWeekChanges: Adjustment[];
  /** What a coach should know about how the data were used. */
  notes: string[];
  /** Whether the athlete file names a rule set (without one the engine changes nothing: a fixed plan, compared with what was done). */
  adaptive: boolean;
}

export interface CoachInput {
  loaded: LoadedAthlete;
  /** The plan's first day (a Monday) and today (the morning to decide), YYYY-MM-DD. */
  from: string;
  today: string;
  mornings: readonly Morning[];
  activities: readonly Activity[];
}

/**
 * Replays the athlete's record from the baseline (BASELINE_DAYS before the plan, or the first data,
 * whichever is later) to this morning. Days before the plan enter the record as they were; from the
 * plan's first Monday each week is planned as it begins and each morning's readings go to the
 * engine, which changes the plan; the runs of each day before today are matched to its planned
 * sessions in order (a run the plan did not have is classified by its time in zone; a planned session
 * with no run is missed). Today stops after the morning: today's decision, before training.
 */
export function coachAthlete(input: CoachInput, parameters: Parameters, catalogue: CompiledCatalogue, parts: EngineParts): CoachReport {
  const { loaded, from, today } = input;
  const spec = loaded.spec;
  const notes: string[] = [];
  const planDay = daysBetween(from, today);
  if (planDay < 0) throw new OutsidePlanError(`${today} is before the plan's first day (${from})`);
  if (planDay >= spec.weeks * 7) throw new OutsidePlanError(`${today} is after the plan's last day (${addDays(from, spec.weeks * 7 - 1)})`);
  const firstData = [input.mornings[0]?.date, input.activities[0]?.date].filter((date): date is string => date !== undefined && date < from).sort()[0] ?? from;
  const start = daysBetween(from, firstData) < -BASELINE_DAYS ? addDays(from, -BASELINE_DAYS) : firstData;
  const baselineDays = daysBetween(start, from);
  const morningOf = new Map(input.mornings.map((morning) => [morning.date, morning]));
  const runsOf = new Map<string, Activity[]>();
  for (const activity of input.activities) {
    if (activity.date < start || activity.date > today) continue;
    const runs = runsOf.get(activity.date) ?? [];
    runs.push(activity);
    runsOf.set(activity.date, runs);
  }
  const ignored = input.mornings.filter((morning) => morning.date > today).length + input.activities.filter((activity) => activity.date > today).length;
  if (ignored > 0) notes.push(`${ignored} ${ignored === 1 ? 'morning or run' : 'mornings or runs'} after ${today} not read: the replay stops at this morning`);
  const older = input.mornings.filter((morning) => morning.date < start).length;
  if (older > 0) notes.push(`${counted(older, 'morning')} before ${start} not read: the engine's baseline is the ${BASELINE_DAYS / 7} weeks before the plan`);

  const planner = new AthletePlanner(loaded, parameters, catalogue);
  const arm = spec.arms[0]!;
  const capacity = baselineDays + spec.weeks * 7 + 1;
  const record = new ObservedHistory(capacity, catalogue.count);
  const engine = arm.rules === null ? null : new AdaptiveEngine(arm.rules, parts, planner.profiles.coachView.profiles, capacity, spec.weeks + 1);
  const changes: Adjustment[] = [];
  const listener: AdjustmentListener = { adjustment: (change) => changes.push(change) };
  if (engine !== null) engine.listener = listener;
  const loadRpe = zoneRpes(parameters.effort);
  const easy = catalogue.indexOf.get('easy-run')!;
  // A run the plan did not have, as a coach reads it from its time in zone (COACH_READING).
  const classify = (run: Activity): number => {
    if (run.z3Minutes >= COACH_READING.hardZone3Minutes) return catalogue.indexOf.get('vo2max-intervals')!;
    if (run.z2Minutes >= COACH_READING.hardZone2Minutes) return catalogue.indexOf.get('tempo-run')!;
    return run.minutes >= COACH_READING.longRunMinutes ? catalogue.indexOf.get('long-run')! : easy;
  };
  let unrated = 0;
  let reclassified = 0;
  /**
   * A run done into the record, as the simulator records a session: its planned workout, hard as
   * the coach prescribed it — unless its own records (a FIT file's heart rate or pace, second by
   * second) show it was of another kind: less than half the planned time above LT1 in a hard
   * session (an easy run where intervals were planned), or a hard session's time above LT1
   * (COACH_READING) beyond what an easy one planned. Then, and for a run the plan did not have, the
   * workout its time in zone reads as. A run zoned by its average alone cannot contradict the plan
   * (an interval session's average is easy).
   */
  const sessionDone = (history: ObservedHistory, run: Activity, planned: PlannedSession | null): void => {
    const fromRecords = run.zonesBy === 'heart rate' || run.zonesBy === 'pace';
    const plannedW = planned === null ? null : catalogue.indexOf.get(planned.workout)!;
    let w = plannedW ?? classify(run);
    if (planned !== null && fromRecords) {
      const hardPlanned = planner.profiles.isHard(plannedW!, true);
      const ranEasy = hardPlanned && run.z2Minutes + run.z3Minutes < 0.5 * (planned.z2Minutes + planned.z3Minutes);
      const ranHard =
        !hardPlanned && (run.z3Minutes - planned.z3Minutes >= COACH_READING.hardZone3Minutes || run.z2Minutes - planned.z2Minutes >= COACH_READING.hardZone2Minutes);
      if (ranEasy || ranHard) {
        w = ranEasy ? (run.minutes >= COACH_READING.longRunMinutes ? catalogue.indexOf.get('long-run')! : easy) : classify(run);
        reclassified++;
      }
    }
    // Without the athlete's RPE, the load from the time in zone (a run with no zone at all: zone 1).
    const zoned = run.z1Minutes + run.z2Minutes + run.z3Minutes;
    const [z1, z2, z3] = zoned > 0 ? [run.z1Minutes, run.z2Minutes, run.z3Minutes] : [run.minutes, 0, 0];
    const estimated = estimatedRpe(z1, z2, z3, loadRpe);
    if (run.rpe !== run.rpe) unrated++;
    history.setSession(w, run.minutes, run.rpe, planner.profiles.isHard(w, true), estimated);
  };
  const morning = (history: ObservedHistory, date: string): Morning | null => {
    const reading = morningOf.get(date) ?? null;
    history.setMorning(reading?.restingHr ?? Number.NaN, reading?.lnRmssd ?? Number.NaN, reading?.sleepHours ?? Number.NaN, reading?.ill ?? false);
    return reading;
  };

  const days: CoachDay[] = [];
  const held: CoachReport['held'] = [];
  const facts: CoachReport['facts'] = [];
  for (let d = 0; d < baselineDays; d++) {
    const date = addDays(start, d);
    const reading = morning(record, date);
    const done = runsOf.get(date) ?? [];
    for (const run of done) sessionDone(record, run, null);
    days.push({ date, week: 0, weekday: weekdayOf(date), morning: reading, planned: [], done, changes: [], band: null });
  }
  const history = engine?.history ?? record;
  if (engine !== null) engine.startArm(record, arm.macroplan, loaded.athlete.weeklyHours * 60);
  const macroplan = engine?.schedule ?? arm.macroplan;
  let plan = planner.plan;
  const todayWeek = Math.floor(planDay / 7) + 1;
  let week = 0;
  for (let d = 0; d <= planDay; d++) {
    week = Math.floor(d / 7) + 1;
    const weekday = d % 7;
    const date = addDays(from, d);
    changes.length = 0;
    if (weekday === 0) plan = planWeek(planner, engine, macroplan, week);
    const reading = morning(history, date);
    let band: CoachDay['band'] = null;
    if (engine !== null) {
      const decision = engine.morning(week, weekday, plan);
      band = { hrvMean7d: engine.factValue('hrvMean7d'), swcLow: engine.factValue('hrvSwcLow'), swcHigh: engine.factValue('hrvSwcHigh') };
      if (d === planDay) {
        // Today's decision, read before anything else asks the engine: every rule that held, and what became of it.
        for (let i = 0; i < decision.heldCount; i++) {
          const order = decision.held[i]!;
          held.push({ rule: decision.rules[order]!.rule.id, outcome: OUTCOME_NAMES[decision.outcome[order]!]! });
        }
        facts.push(...engine.ruleFacts());
      }
    }
    const planned: PlannedSession[] = [];
    for (let k = 0; k < plan.count; k++) {
      if (plan.day[k] === weekday) planned.push(planner.session(date, weekday, plan.workout[k]!, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!));
    }
    const plannedNames = planned.map((session) => `${session.name} ${Math.round(session.minutes)} min`);
    const done = d < planDay ? (runsOf.get(date) ?? []) : [];
    if (d < planDay) {
      done.forEach((run, i) => sessionDone(history, run, planned[i] ?? null));
      for (let i = done.length; i < planned.length; i++) history.missedSession();
    }
    days.push({ date, week, weekday, morning: reading, planned: plannedNames, done, changes: changes.slice(), band });
  }
  const weekStart = addDays(from, (todayWeek - 1) * 7);
  const thisWeek = planner.plannedWeek(macroplan, todayWeek, weekStart, plan, planDay % 7);
  let nextWeek: PlannedWeek | null = null;
  let nextWeekChanges: Adjustment[] = [];
  if (todayWeek < spec.weeks) {
    // The next week as the engine would plan it on Monday, with what it knows this morning (its week's guardrails said).
    changes.length = 0;
    const next = planWeek(planner, engine, macroplan, todayWeek + 1);
    nextWeek = planner.plannedWeek(macroplan, todayWeek + 1, addDays(weekStart, 7), next);
    nextWeekChanges = changes.slice();
  }
  if (reclassified > 0) notes.push(`${counted(reclassified, 'run')} of another kind than planned (by their records: an easy run where intervals were planned, or the reverse): recorded as what was run`);
  if (baselineDays < 28) {
    notes.push(`${baselineDays === 0 ? 'no mornings' : `${baselineDays} days`} before the plan's first day: the engine's 4-week baselines (the HRV band, resting HR) fill from the plan's own first weeks, and facts that need them are missing until then`);
  }
  const todays = input.activities.filter((activity) => activity.date === today).length;
  if (todays > 0) notes.push(`${counted(todays, 'run')} dated today not counted yet: today's decision is the morning's`);
  const before = input.activities.filter((activity) => activity.date < start).length;
  if (before > 0) notes.push(`${counted(before, 'run')} before ${start} not read: the replay starts ${BASELINE_DAYS / 7} weeks before the plan`);
  if (unrated > 0) notes.push(`${counted(unrated, 'run')} without a session RPE: their load estimated from time in zone (the RPE curve of the model), and left out of the RPE facts`);
  const missing = days.filter((day) => day.morning === null).length;
  if (missing > 0) notes.push(`${missing} of ${days.length} days without a morning reading: missing to the engine, never zero`);
  return { days, today: days.at(-1)!, held, facts, thisWeek, nextWeek, nextWeekChanges, notes, adaptive: engine !== null };
}

/** A week planned as it begins: the engine's schedule (its design and volume changes), the targets, the plan, the engine's review. */
function planWeek(planner: AthletePlanner, engine: AdaptiveEngine | null, macroplan: AdaptiveEngine['schedule'] | LoadedAthlete['spec']['arms'][number]['macroplan'], week: number): WeekPlan {
  const design = engine === null ? macroplan.blocks[macroplan.blockOfWeek[week]!]!.design : engine.schedule.designOf(week);
  const targets = planner.targetsFor(macroplan, week, design);
  if (engine !== null) {
    engine.adjustTargets(week, targets);
    planner.holdCap();
  }
  const plan = planner.planInto(design, week);
  engine?.reviewWeek(week, plan);
  return plan;
}


