import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { requireWorkout } from '../../models/workouts/compile.ts';
import { SECTION_ADD_ON, SECTION_FIXED, SECTION_REP } from '../../models/workouts/compile.ts';
import { DOSE_FIELDS, DOSE_RPE, DOSE_RPE_SQUARED, DOSE_Z1, DOSE_Z2, DOSE_Z3, PROFILE_HARD, PROFILE_STRIDE, sectionMinutes, sessionDose } from '../../models/workouts/dose.ts';
import { maxHighMinutes, PLANNING } from '../plan/constants.ts';
import type { WeekPlan } from '../plan/week-plan.ts';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * Reads and edits a week's plan as the coach sees it: which sessions are hard, how long they are
 * and how hard they should feel, all from the coach's view of the athlete (workout doses at the
 * tested anchors), never from the athlete's truth. Allocation-free except for descriptions, which
 * are built only when a change is recorded.
 */
export class PlanEditor {
  readonly easyRun: number;
  readonly longRun: number;
  private readonly continuous: Uint8Array;
  private readonly dose = new Float64Array(DOSE_FIELDS);

  constructor(
    readonly catalogue: CompiledCatalogue,
    /** The coach's view: PROFILE_STRIDE dose numbers per workout at the coach's anchors. */
    public profiles: Float64Array,
  ) {
    this.easyRun = requireWorkout(catalogue, 'easy-run');
    this.longRun = requireWorkout(catalogue, 'long-run');
    // A continuous run's main set is one minute repeated: its repetitions are minutes.
    this.continuous = Uint8Array.from(catalogue.workouts, (w) => (w.main.rep.length === 1 && w.main.rep[0]!.minutes === 1 ? 1 : 0));
  }

  /** Whether session k is a continuous run (its repetitions are minutes). */
  isContinuous(plan: WeekPlan, k: number): boolean {
    return this.continuous[plan.workout[k]!] === 1;
  }

  isHard(plan: WeekPlan, k: number): boolean {
    return this.profiles[plan.workout[k]! * PROFILE_STRIDE + PROFILE_HARD] === 1;
  }

  /** Planned minutes of session k. */
  minutes(plan: WeekPlan, k: number): number {
    const d = sessionDose(this.profiles, plan.workout[k]!, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!, this.dose);
    return d[DOSE_Z1]! + d[DOSE_Z2]! + d[DOSE_Z3]!;
  }

  /** Session-RPE load the coach expects of session k: expected RPE (Σ min·RPE² / Σ min·RPE) × minutes. */
  expectedLoad(plan: WeekPlan, k: number): number {
    const d = sessionDose(this.profiles, plan.workout[k]!, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!, this.dose);
    const minutes = d[DOSE_Z1]! + d[DOSE_Z2]! + d[DOSE_Z3]!;
    return d[DOSE_RPE]! > 0 ? (d[DOSE_RPE_SQUARED]! / d[DOSE_RPE]!) * minutes : 0;
  }

  hardOn(plan: WeekPlan, day: number): number {
    let hard = 0;
    for (let k = 0; k < plan.count; k++) if (plan.day[k] === day && this.isHard(plan, k)) hard++;
    return hard;
  }

  /**
   * The week at a glance, a bit per weekday: days with sessions (`out[0]`), with a hard session
   * (`out[1]`), with the long run (`out[2]`). One pass over the plan.
   */
  dayMasks(plan: WeekPlan, out: Int32Array): void {
    let sessions = 0;
    let hard = 0;
    let long = 0;
    for (let k = 0; k < plan.count; k++) {
      const bit = 1 << plan.day[k]!;
      sessions |= bit;
      if (this.isHard(plan, k)) hard |= bit;
      if (plan.workout[k] === this.longRun) long |= bit;
    }
    out[0] = sessions;
    out[1] = hard;
    out[2] = long;
  }

  /**
   * Session k becomes an easy run of `minutes` (default: as long as the session was), within the
   * easy run's range and the longest easy run a coach writes (PLANNING.maxEasyRunMinutes) — but
   * never longer than the session it replaces.
   */
  makeEasy(plan: WeekPlan, k: number, minutes?: number): void {
    const was = this.minutes(plan, k);
    const w = this.easyRun;
    const longest = Math.min(this.catalogue.repsMax[w]!, PLANNING.maxEasyRunMinutes);
    const length = clamp(minutes ?? was, this.catalogue.repsMin[w]!, longest);
    plan.replace(k, w, length < was ? length : was, 0, 1);
  }

  /**
   * Scales session k's volume: minutes of a continuous run, repetitions of an interval session
   * (whole: to the nearest, or always down when `down` — a cap must be met), add-ons (whole, down
   * when cutting, at most the catalogue's).
   * Within the catalogue's range, and an increase within what the planner writes (largestReps) —
   * but never the wrong way: a cut never lengthens a session the planner made shorter than the
   * catalogue's minimum, an increase never shortens one.
   */
  scale(plan: WeekPlan, k: number, factor: number, down = false): void {
    const w = plan.workout[k]!;
    const was = plan.reps[k]!;
    let reps = was * factor;
    if (this.continuous[w] === 0) reps = down ? Math.floor(reps + 1e-9) : Math.round(reps);
    reps = clamp(reps, this.catalogue.repsMin[w]!, this.catalogue.repsMax[w]!);
    if (factor > 1) {
      const largest = this.largestReps(plan, k);
      if (reps > largest) reps = this.continuous[w] === 1 ? largest : Math.floor(largest + 1e-9);
    }
    plan.reps[k] = factor < 1 ? (reps < was ? reps : was) : reps > was ? reps : was;
    const addOns = plan.addOns[k]!;
    const scaled = factor < 1 ? Math.floor(addOns * factor) : Math.min(Math.round(addOns * factor), this.catalogue.addOnMax[w]!);
    plan.addOns[k] = factor < 1 ? scaled : scaled > addOns ? scaled : addOns;
  }

  /**
   * The most repetitions session k can have within the planner's caps (PLANNING): an easy run no
   * longer than maxEasyRunMinutes, a long run than maxLongRunMinutes, its day no longer than
   * maxDayMinutes, and no more minutes above LT2 than maxHighMinutes of the week's planned minutes,
   * nor between the thresholds than maxThresholdMinutesPerSession, at the coach's anchors.
   */
  largestReps(plan: WeekPlan, k: number): number {
    const w = plan.workout[k]!;
    const profiles = this.profiles;
    const fixedScale = plan.fixedScale[k]!;
    const addOns = plan.addOns[k]!;
    let others = 0;
    let week = 0;
    for (let j = 0; j < plan.count; j++) {
      const minutes = this.minutes(plan, j);
      week += minutes;
      if (j !== k && plan.day[j] === plan.day[k]) others += minutes;
    }
    let limit = PLANNING.maxDayMinutes - others;
    if (w === this.easyRun && PLANNING.maxEasyRunMinutes < limit) limit = PLANNING.maxEasyRunMinutes;
    if (w === this.longRun && PLANNING.maxLongRunMinutes < limit) limit = PLANNING.maxLongRunMinutes;
    let most = repsWithin(limit, fixedScale * sectionMinutes(profiles, w, SECTION_FIXED) + addOns * sectionMinutes(profiles, w, SECTION_ADD_ON), sectionMinutes(profiles, w, SECTION_REP));
    const z3 = repsWithin(maxHighMinutes(week), zoneMinutes(profiles, w, SECTION_FIXED, DOSE_Z3, fixedScale) + zoneMinutes(profiles, w, SECTION_ADD_ON, DOSE_Z3, addOns), zoneMinutes(profiles, w, SECTION_REP, DOSE_Z3, 1));
    const z2 = repsWithin(PLANNING.maxThresholdMinutesPerSession, zoneMinutes(profiles, w, SECTION_FIXED, DOSE_Z2, fixedScale) + zoneMinutes(profiles, w, SECTION_ADD_ON, DOSE_Z2, addOns), zoneMinutes(profiles, w, SECTION_REP, DOSE_Z2, 1));
    if (z3 < most) most = z3;
    if (z2 < most) most = z2;
    return most;
  }

  /** Total planned minutes of the days `from … to` (weekdays, inclusive). */
  minutesOfDays(plan: WeekPlan, from: number, to: number): number {
    let total = 0;
    for (let k = 0; k < plan.count; k++) if (plan.day[k]! >= from && plan.day[k]! <= to) total += this.minutes(plan, k);
    return total;
  }

  /** "Thu: 5 × VO2max intervals (52 min)", "Sat: long run 95 min + easy run 30 min", "Wed: rest". */
  describeDay(plan: WeekPlan, day: number): string {
    const parts: string[] = [];
    for (let k = 0; k < plan.count; k++) if (plan.day[k] === day) parts.push(this.describeSession(plan, k));
    return `${WEEKDAYS[day]}: ${parts.length > 0 ? parts.join(' + ') : 'rest'}`;
  }

  describeSession(plan: WeekPlan, k: number): string {
    const w = plan.workout[k]!;
    const workout = this.catalogue.workouts[w]!;
    const minutes = Math.round(this.minutes(plan, k));
    if (this.continuous[w] === 1) return `${workout.name.toLowerCase()} ${minutes} min`;
    return `${Math.round(plan.reps[k]!)} × ${workout.name} (${minutes} min)`;
  }
}

/** Repetitions of `perRep` minutes that fit in `limit` after `fixed` minutes (Infinity when a rep adds none). */
function repsWithin(limit: number, fixed: number, perRep: number): number {
  return perRep > 1e-9 ? (limit - fixed) / perRep : Infinity;
}

/** Minutes in one zone of `units` of one section of workout `w`. */
function zoneMinutes(profiles: Float64Array, w: number, section: number, zone: number, units: number): number {
  return units * profiles[w * PROFILE_STRIDE + section * DOSE_FIELDS + zone]!;
}

export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
