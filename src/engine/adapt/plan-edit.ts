import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { requireWorkout } from '../../models/workouts/compile.ts';
import { DOSE_FIELDS, DOSE_RPE, DOSE_RPE_SQUARED, DOSE_Z1, DOSE_Z2, DOSE_Z3, PROFILE_HARD, PROFILE_STRIDE, sessionDose } from '../../models/workouts/dose.ts';
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
   * easy run's range — but never longer than the session it replaces.
   */
  makeEasy(plan: WeekPlan, k: number, minutes?: number): void {
    const was = this.minutes(plan, k);
    const w = this.easyRun;
    const length = clamp(minutes ?? was, this.catalogue.repsMin[w]!, this.catalogue.repsMax[w]!);
    plan.replace(k, w, length < was ? length : was, 0, 1);
  }

  /**
   * Scales session k's volume: minutes of a continuous run, repetitions of an interval session
   * (whole: to the nearest, or always down when `down` — a cap must be met), add-ons (whole, down
   * when cutting, at most the catalogue's).
   * Within the catalogue's range — but never the wrong way: a cut never lengthens a session the
   * planner made shorter than the catalogue's minimum, an increase never shortens one.
   */
  scale(plan: WeekPlan, k: number, factor: number, down = false): void {
    const w = plan.workout[k]!;
    const was = plan.reps[k]!;
    let reps = was * factor;
    if (this.continuous[w] === 0) reps = down ? Math.floor(reps + 1e-9) : Math.round(reps);
    reps = clamp(reps, this.catalogue.repsMin[w]!, this.catalogue.repsMax[w]!);
    plan.reps[k] = factor < 1 ? (reps < was ? reps : was) : reps > was ? reps : was;
    const addOns = plan.addOns[k]!;
    const scaled = factor < 1 ? Math.floor(addOns * factor) : Math.min(Math.round(addOns * factor), this.catalogue.addOnMax[w]!);
    plan.addOns[k] = factor < 1 ? scaled : scaled > addOns ? scaled : addOns;
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

export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
