import { WeekPlanner } from '../../engine/plan/generator.ts';
import { TargetTracker, WeekTargets } from '../../engine/plan/targets.ts';
import { WeekPlan } from '../../engine/plan/week-plan.ts';
import type { Macroplan, ResolvedDesign } from '../../engine/designs/resolve.ts';
import type { Parameters } from '../../models/parameters.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { DOSE_FIELDS, DOSE_Z1, DOSE_Z2, DOSE_Z3, sessionDose } from '../../models/workouts/dose.ts';
import { ANCHORS, type Intensity, type Segment } from '../../models/workouts/types.ts';
import { zoneOfSpeed } from '../../models/physiology/thresholds.ts';
import { RACE_DISTANCES_KM } from '../../models/physiology/race.ts';
import { WorkoutProfiles } from '../workout-profiles.ts';
import type { KnownProfile, LoadedAthlete } from './load.ts';
import { WEEKDAY_NAMES } from '../../models/athlete/schema.ts';
import { availableDayMask } from '../../models/scenario/schema.ts';
import { pace, raceTime } from '../../models/text/clock.ts';
import { addDays, weekdayOf } from '../../models/calendar.ts';

/** One step of a planned session: what to run, how long, at what pace and heart rate. */
export interface PlannedStep {
  label: string;
  /** How many times in a row (a main set's repetitions, strides); 1 for a warm-up. */
  times: number;
  minutes: number | null;
  km: number | null;
  /** min/km, e.g. "4:50". */
  pace: string;
  /** The same, km/h. */
  speed: number;
  zone: 1 | 2 | 3;
  /** The zone's heart-rate range from the athlete's known heart rates ("148–168 bpm"), or null when they are not known. */
  hr: string | null;
  /** A recovery between efforts (a jog or walk in a set): run by feel, given no pace. */
  between: boolean;
  /** Which part of the session: its steps repeated together are those of one part and count (`stepGroups`). */
  part: 'warm-up' | 'main' | 'add-on' | 'cool-down' | 'race';
}

/** A planned session with its date, workout, structure and time in zone (at the coach's anchors). */
export interface PlannedSession {
  date: string;
  weekday: string;
  workout: string;
  name: string;
  /** The structure in a line, e.g. "15 min warm-up · 5 × (4 min at 3:58/km, 3 min jog) · 10 min cool-down". */
  structure: string;
  steps: PlannedStep[];
  minutes: number;
  z1Minutes: number;
  z2Minutes: number;
  z3Minutes: number;
}

/** A planned week: its dates, block, sessions, and its totals against the design's targets. */
export interface PlannedWeek {
  week: number;
  start: string;
  block: string;
  design: string;
  target: { minutes: number; z1Minutes: number; z2Minutes: number; z3Minutes: number };
  planned: { minutes: number; z1Minutes: number; z2Minutes: number; z3Minutes: number };
  sessions: PlannedSession[];
}

/** The weekdays as a plan prints them, Monday first: Mon, Tue, … */
export const WEEKDAYS = WEEKDAY_NAMES.map((day) => `${day[0]!.toUpperCase()}${day.slice(1)}`);

/**
 * The athlete's plan, week by week from the Monday `from` (YYYY-MM-DD): the same planner the
 * simulator runs (src/engine/plan/generator.ts) with the same targets (TargetTracker), at the
 * anchors the coach knows (the athlete file's race and thresholds: `known`), so that what a coach
 * reads here is what a simulated athlete of this file trains. Each session's steps get their pace
 * from the anchors and their heart-rate range from the zone they fall in.
 */
export function planAthlete(loaded: LoadedAthlete, from: string, parameters: Parameters, catalogue: CompiledCatalogue): PlannedWeek[] {
  const planner = new AthletePlanner(loaded, parameters, catalogue);
  const macroplan = loaded.spec.arms[0]!.macroplan;
  const weeks: PlannedWeek[] = [];
  for (let week = 1; week <= loaded.spec.weeks; week++) {
    planner.planWeek(macroplan, week);
    weeks.push(planner.plannedWeek(macroplan, week, addDays(from, (week - 1) * 7)));
  }
  return weeks;
}

/**
 * One athlete's weeks as the planner makes them, a week at a time — for `plan` (the weeks as
 * written) and `coach` (the weeks as the adaptive engine changes them between plannings): the
 * targets the tracker sets for the macroplan's week, capped to the hours available, the week planned
 * into `plan`, and a planned week read out of it with dates, steps, paces and heart rates.
 */
export class AthletePlanner {
  /** The workouts at the coach's anchors (`profiles.coachView`), as the planner and the engine see them. */
  readonly profiles: WorkoutProfiles;
  /** This week's targets (after `targetsFor`) and plan (after `planWeek`). */
  readonly targets = new WeekTargets();
  readonly plan = new WeekPlan();
  private readonly tracker = new TargetTracker();
  private readonly planner: WeekPlanner;
  private readonly anchors: Float64Array;
  private readonly dose = new Float64Array(DOSE_FIELDS);

  constructor(
    private readonly loaded: LoadedAthlete,
    parameters: Parameters,
    private readonly catalogue: CompiledCatalogue,
  ) {
    this.profiles = new WorkoutProfiles(loaded.spec, parameters, catalogue);
    this.profiles.setCoachView(loaded.known);
    // The coach's anchor speeds (ANCHORS order), as the planner's view of the workouts was made from them.
    this.anchors = this.profiles.coachAnchorSpeeds;
    const habitual = loaded.athlete.habitualDistribution ?? parameters.levels[loaded.athlete.level].habitualDistribution;
    this.tracker.reset(loaded.athlete.weeklyHours, habitual);
    // When the athlete can train, as the simulator's planner takes it from the same file (src/sim/population.ts).
    const available = loaded.athlete.available;
    this.tracker.weeklyMinutesCap = available?.hours === undefined ? Number.POSITIVE_INFINITY : available.hours * 60;
    this.planner = new WeekPlanner(catalogue);
    this.planner.availableDays = availableDayMask(available);
  }

  /**
   * The week's targets into `targets`: the tracker's for the macroplan's week (weeks in order, each
   * once), at most the hours available. `design`: the design the week
   * trains to, when something (the engine) changed it from the block's.
   */
  targetsFor(macroplan: Macroplan, week: number, design?: ResolvedDesign): WeekTargets {
    this.tracker.next(macroplan, week, 1, this.targets, design);
    return this.targets;
  }

  /** `targets` held to the hours available again, after something (the adaptive engine) changed them. */
  holdCap(): void {
    this.tracker.holdCap(this.targets);
  }

  /** The week planned into `plan` from `targets` (after `targetsFor`, and whatever changed them since). */
  planInto(design: ResolvedDesign, week: number): WeekPlan {
    this.planner.plan(design, this.targets, week, this.profiles.coachView, this.plan);
    return this.plan;
  }

  /** `targetsFor` and `planInto` for the block's own design. */
  planWeek(macroplan: Macroplan, week: number): WeekPlan {
    const design = macroplan.blocks[macroplan.blockOfWeek[week]!]!.design;
    this.targetsFor(macroplan, week, design);
    return this.planInto(design, week);
  }

  /**
   * The week in `plan` (or `plan`'s sessions from weekday `fromDay` on) as a coach reads it, the
   * week starting on the Monday `start`: its sessions with dates, steps and minutes in zone, the goal
   * race in its week, its totals against `targets`.
   */
  plannedWeek(macroplan: Macroplan, week: number, start: string, plan: WeekPlan = this.plan, fromDay = 0): PlannedWeek {
    const block = macroplan.blocks[macroplan.blockOfWeek[week]!]!;
    const sessions: PlannedSession[] = [];
    for (let k = 0; k < plan.count; k++) {
      if (plan.day[k]! < fromDay) continue;
      sessions.push(this.session(addDays(start, plan.day[k]!), plan.day[k]!, plan.workout[k]!, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!));
    }
    const goal = this.loaded.athlete.goal;
    if (goal !== undefined && goal.date >= addDays(start, fromDay) && goal.date <= addDays(start, 6)) {
      const easy = this.catalogue.indexOf.get('easy-run')!;
      raceWeek(sessions, goal, this.loaded.known, this.anchors, (date, weekday) => this.session(date, weekday, easy, 1, RACE_WEEK.shakeoutMinutes, 0));
    }
    const sum = (field: 'minutes' | 'z1Minutes' | 'z2Minutes' | 'z3Minutes') => sessions.reduce((total, session) => total + session[field], 0);
    const targets = this.targets;
    return {
      week,
      start,
      block: block.name,
      design: block.design.label,
      target: { minutes: targets.totalMinutes, z1Minutes: targets.totalMinutes - targets.z2Minutes - targets.z3Minutes, z2Minutes: targets.z2Minutes, z3Minutes: targets.z3Minutes },
      planned: { minutes: sum('minutes'), z1Minutes: sum('z1Minutes'), z2Minutes: sum('z2Minutes'), z3Minutes: sum('z3Minutes') },
      sessions,
    };
  }

  /** A session of workout w on `date` as planned, with its steps and its minutes in zone at the coach's anchors. */
  session(date: string, weekday: number, w: number, fixedScale: number, reps: number, addOns: number): PlannedSession {
    const dose = this.dose;
    sessionDose(this.profiles.coachView.profiles, w, fixedScale, reps, addOns, dose);
    const workout = this.catalogue.workouts[w]!;
    const steps = stepsOf(workout, fixedScale, reps, addOns, this.anchors, this.loaded.known);
    return {
      date,
      weekday: WEEKDAYS[weekday]!,
      workout: workout.id,
      name: workout.name,
      structure: structureOf(steps),
      steps,
      minutes: dose[DOSE_Z1]! + dose[DOSE_Z2]! + dose[DOSE_Z3]!,
      z1Minutes: dose[DOSE_Z1]!,
      z2Minutes: dose[DOSE_Z2]!,
      z3Minutes: dose[DOSE_Z3]!,
    };
  }
}

/**
 * The race week's days around the goal race, as coaches keep them: the two days before it hold no
 * hard session and no long run — each day's training becomes one short easy run (a shake-out) — and
 * the days after it in its week hold nothing (the race's recovery; Mujika & Padilla 2003: the last
 * days of a taper are the lightest).
 */
const RACE_WEEK = { easyDaysBefore: 2, shakeoutMinutes: 25 } as const;

/**
 * The goal race in its week: it takes the place of the sessions planned that day (nobody runs a long
 * run on race day), at its race pace among the coach's anchors (from the known race by Riegel's
 * formula), all in the zone that pace falls in; the days before and after it as RACE_WEEK says. `shakeout`: an
 * easy run of RACE_WEEK.shakeoutMinutes on a date.
 */
function raceWeek(
  sessions: PlannedSession[],
  goal: { distance: keyof typeof RACE_DISTANCES_KM; date: string },
  known: KnownProfile,
  anchors: Float64Array,
  shakeout: (date: string, weekday: number) => PlannedSession,
): void {
  const speed = anchors[ANCHORS.indexOf(goal.distance)]!;
  const minutes = (RACE_DISTANCES_KM[goal.distance] / speed) * 60;
  const zone = zoneOfSpeed(speed, known.lt1Speed, known.lt2Speed);
  const race: PlannedStep = { label: `${goal.distance} race`, times: 1, minutes, km: null, pace: pace(speed), speed, zone, hr: heartRateRange(zone, known), between: false, part: 'race' };
  const kept: PlannedSession[] = [];
  for (let before = RACE_WEEK.easyDaysBefore; before >= 1; before--) {
    const date = addDays(goal.date, -before);
    if (sessions.some((session) => session.date === date)) kept.push(shakeout(date, weekdayOf(date)));
  }
  const entry: PlannedSession = {
    date: goal.date,
    weekday: WEEKDAYS[weekdayOf(goal.date)]!,
    workout: 'race',
    name: `Race: ${goal.distance}`,
    structure: `the goal race, ${goal.distance} at about ${pace(speed)}/km (≈ ${raceTime(minutes)} from ${known.raceKnown ? 'the race you gave' : 'the thresholds'})`,
    steps: [race],
    minutes,
    z1Minutes: zone === 1 ? minutes : 0,
    z2Minutes: zone === 2 ? minutes : 0,
    z3Minutes: zone === 3 ? minutes : 0,
  };
  const earlier = sessions.filter((session) => session.date < addDays(goal.date, -RACE_WEEK.easyDaysBefore));
  sessions.splice(0, sessions.length, ...earlier, ...kept, entry);
}

/** The steps of a session as planned: warm-up and cool-down scaled, the main set's reps, the add-ons. */
function stepsOf(
  workout: CompiledCatalogue['workouts'][number],
  fixedScale: number,
  reps: number,
  addOns: number,
  anchors: Float64Array,
  known: KnownProfile,
): PlannedStep[] {
  const step = (segment: Segment, times: number, scale: number, part: PlannedStep['part'], inSet = false): PlannedStep => {
    const speed = speedOf(segment.intensity, anchors);
    const zone = zoneOfSpeed(speed, anchors[0]!, anchors[1]!);
    return {
      label: segment.label,
      times,
      minutes: segment.minutes === undefined ? null : segment.minutes * scale,
      km: segment.km === undefined ? null : segment.km * scale,
      pace: pace(speed),
      speed,
      zone,
      hr: heartRateRange(zone, known),
      between: inSet && segment.recovery === true,
      part,
    };
  };
  const steps: PlannedStep[] = workout.warmup.map((segment) => step(segment, 1, fixedScale, 'warm-up'));
  // A continuous run's repetitions are its minutes: one step of that length.
  const continuous = workout.main.rep.length === 1 && workout.main.rep[0]!.minutes === 1;
  if (continuous) steps.push(step(workout.main.rep[0]!, 1, reps, 'main'));
  else if (reps > 0) for (const segment of workout.main.rep) steps.push(step(segment, reps, 1, 'main', true));
  if (workout.addOn !== undefined && addOns > 0) {
    const unit = workout.addOn.rep;
    const perMinute = unit.length === 1 && unit[0]!.minutes === 1;
    if (perMinute) steps.push(step(unit[0]!, 1, addOns, 'add-on'));
    else for (const segment of unit) steps.push(step(segment, addOns, 1, 'add-on', true));
  }
  steps.push(...workout.cooldown.map((segment) => step(segment, 1, fixedScale, 'cool-down')));
  return steps;
}

/**
 * A session's steps as they are run: each step alone, or the steps of a part repeated together (a
 * rep and its jog, `times` times) as one group.
 */
export function stepGroups(steps: readonly PlannedStep[]): PlannedStep[][] {
  const groups: PlannedStep[][] = [];
  for (const step of steps) {
    const last = groups.at(-1)?.[0];
    if (last !== undefined && step.times > 1 && last.times === step.times && last.part === step.part) groups.at(-1)!.push(step);
    else groups.push([step]);
  }
  return groups;
}

/** The structure in a line: "15 min warm-up @ 6:38/km · 5 × (4 min at 97 % vVO2max @ 4:21/km, 3 min jog) · …". */
function structureOf(steps: readonly PlannedStep[]): string {
  return stepGroups(steps)
    .map((group) => (group[0]!.times > 1 ? `${fmt(group[0]!.times)} × (${group.map(describe).join(', ')})` : describe(group[0]!)))
    .join(' · ');
}

/**
 * A step in words: "4 min at 97 % vVO2max @ 3:46/km (168–188 bpm)", "52 min easy @ 6:38/km (≤ 148
 * bpm)", "3 min jog" — no pace for the recoveries between efforts (jog, walk): run by feel.
 */
function describe(step: PlannedStep): string {
  const amount = step.minutes !== null ? minutesText(step.minutes) : `${fmt(step.km!)} km`;
  // A label that says its own length ("4 min at 97 % vVO2max") is not given it twice.
  const head = /^\d/.test(step.label) ? step.label : `${amount} ${step.label}`;
  if (step.between) return head;
  return `${head} @ ${step.pace}/km${step.hr === null ? '' : ` (${step.hr})`}`;
}

/** Minutes as a plan writes them: "20 s", "4 min", "7.5 min", "52 min". */
function minutesText(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  return minutes >= 10 ? `${Math.round(minutes)} min` : `${fmt(minutes)} min`;
}

/** A number as a plan writes it: whole where whole, else one decimal. */
function fmt(value: number): string {
  return Number.isInteger(Math.round(value * 10) / 10) ? String(Math.round(value)) : value.toFixed(1);
}

/** An intensity's speed at the anchors (ANCHORS order), km/h. */
function speedOf(intensity: Intensity, anchors: Float64Array): number {
  let speed = 0;
  ANCHORS.forEach((anchor, i) => (speed += (intensity[anchor] ?? 0) * anchors[i]!));
  return speed;
}

/** The heart rates of a zone from what the coach knows, or null: zone 1 up to LT1, zone 2 between the thresholds, zone 3 from LT2. */
function heartRateRange(zone: 1 | 2 | 3, known: KnownProfile): string | null {
  const { lt1, lt2, max } = known.hr;
  if (zone === 1) return lt1 === null ? null : `≤ ${lt1} bpm`;
  if (zone === 2) return lt1 === null || lt2 === null ? null : `${lt1}–${lt2} bpm`;
  return lt2 === null ? null : max === null ? `≥ ${lt2} bpm` : `${lt2}–${max} bpm`;
}

