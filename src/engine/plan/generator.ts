import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import {
  DOSE_FIELDS,
  DOSE_Z1,
  DOSE_Z2,
  DOSE_Z3,
  PROFILE_STRIDE,
} from '../../models/workouts/dose.ts';
import { SECTION_ADD_ON, SECTION_FIXED, SECTION_REP } from '../../models/workouts/compile.ts';
import type { ResolvedDesign } from '../designs/resolve.ts';
import { PLANNING } from './constants.ts';
import type { WeekTargets } from './targets.ts';
import type { WeekPlan } from './week-plan.ts';

const ROLE_HIGH = 0;
const ROLE_THRESHOLD = 1;
/** The afternoon half of a double-threshold day: planned at its typical size. */
const ROLE_PAIRED = 2;
const MAX_HARD = 8;
const SOLVER_PASSES = 4;

/**
 * Builds a week of sessions for one athlete from a design's targets.
 *
 * The athlete enters through `profiles`: the dose of every catalogue workout at this athlete's
 * anchors as the coach knows them (tested thresholds and race paces), PROFILE_STRIDE numbers per
 * workout (see evaluateWorkout). So the generator knows that this runner's "10K pace" reps land in
 * zone 3 while another's land in zone 2, and sizes the hard sessions to hit the zone targets by time:
 *
 * 1. choose the training days, then the hard days with the design's spacing;
 * 2. pick zone-3 and zone-2 workouts from the design's menus (rotating every `rotateEvery` weeks)
 *    and solve their repetitions so that zone-3 and zone-2 minutes meet the targets, counting what
 *    each session spills into the other zone;
 * 3. close what integer repetitions leave open with strides (zone 3) and a fast finish on the long
 *    run (zone 2);
 * 4. fill the rest of the weekly minutes with a long run and easy runs (doubles when a day is long).
 *
 * Designs counted by sessions get their hard sessions by count at typical size instead.
 * Allocation-free: one planner per worker, scratch arrays reused.
 */
export class WeekPlanner {
  private readonly easyRun: number;
  private readonly longRun: number;
  private readonly hardWorkout = new Int16Array(MAX_HARD);
  private readonly hardRole = new Uint8Array(MAX_HARD);
  private readonly hardReps = new Float64Array(MAX_HARD);
  private readonly hardDay = new Int8Array(MAX_HARD);
  private hardCount = 0;
  private readonly training = new Uint8Array(7);
  private readonly hard = new Uint8Array(7);
  private readonly hardDays = new Int8Array(7);
  private readonly easyMinutes = new Float64Array(7);
  private readonly easyStrides = new Float64Array(7);

  constructor(private readonly catalogue: CompiledCatalogue) {
    this.easyRun = requireWorkout(catalogue, 'easy-run');
    this.longRun = requireWorkout(catalogue, 'long-run');
  }

  plan(design: ResolvedDesign, targets: WeekTargets, week: number, profiles: Float64Array, out: WeekPlan): void {
    out.clear();
    const total = targets.totalMinutes;
    if (!(total > 0)) return;
    const days = design.sessionsPerWeek > 0 ? Math.min(7, design.sessionsPerWeek) : clamp(Math.round(total / PLANNING.minutesPerDay), 1, 7);
    this.chooseTrainingDays(days);
    const slots = this.chooseHardDays(design.hardDaySpacing, days <= 1 ? 0 : days - 1);

    let highDays: number;
    let thresholdDays: number;
    if (design.basis === 'sessions') {
      highDays = targets.highSessions;
      thresholdDays = targets.thresholdSessions;
    } else {
      highDays = targets.z3Minutes >= PLANNING.minHighSessionMinutes ? Math.ceil(targets.z3Minutes / PLANNING.highMinutesPerSession) : 0;
      thresholdDays = targets.z2Minutes >= PLANNING.minThresholdSessionMinutes ? Math.ceil(targets.z2Minutes / PLANNING.thresholdMinutesPerSession) : 0;
    }
    if (design.highMenu.length === 0) highDays = 0;
    if (design.thresholdMenu.length === 0) thresholdDays = 0;
    while (highDays + thresholdDays > slots) {
      if (thresholdDays > highDays || (thresholdDays === highDays && thresholdDays > 0 && targets.z2Minutes < targets.z3Minutes)) thresholdDays--;
      else highDays--;
    }

    this.pickHardSessions(design, week, highDays, thresholdDays);
    if (design.basis === 'sessions') this.typicalReps();
    else this.solveReps(targets, profiles);
    this.fitHardSessionsInto(total, profiles);

    let hardMinutes = 0;
    let z2 = 0;
    let z3 = 0;
    for (let k = 0; k < this.hardCount; k++) {
      hardMinutes += sessionMinutes(profiles, this.hardWorkout[k]!, this.hardReps[k]!, 0);
      z2 += sessionZone(profiles, this.hardWorkout[k]!, this.hardReps[k]!, 0, DOSE_Z2);
      z3 += sessionZone(profiles, this.hardWorkout[k]!, this.hardReps[k]!, 0, DOSE_Z3);
    }
    const fill = design.basis === 'time';
    this.fillEasyDays(design, total, total - hardMinutes, fill ? targets.z3Minutes - z3 : 0, fill ? targets.z2Minutes - z2 : 0, profiles, out);
    for (let k = 0; k < this.hardCount; k++) out.add(this.hardDay[k]!, this.hardWorkout[k]!, this.hardReps[k]!, 0);
  }

  private chooseTrainingDays(days: number): void {
    this.training.fill(1);
    for (let i = 0; i < 7 - days; i++) this.training[PLANNING.restDayOrder[i]!] = 0;
  }

  /** Marks hard days in preference order, keeping `spacing` easy days between them (around the week too). */
  private chooseHardDays(spacing: number, limit: number): number {
    this.hard.fill(0);
    let count = 0;
    for (const day of PLANNING.hardDayOrder) {
      if (count === limit) break;
      if (this.training[day] === 0) continue;
      let fits = true;
      for (let c = 0; c < count; c++) {
        const gap = Math.abs(day - this.hardDays[c]!);
        if (Math.min(gap, 7 - gap) <= spacing) fits = false;
      }
      if (fits) this.hardDays[count++] = day;
    }
    return count;
  }

  private pickHardSessions(design: ResolvedDesign, week: number, highDays: number, thresholdDays: number): void {
    const rotation = Math.floor((week - 1) / design.rotateEvery);
    // Hard days in weekday order, alternating the two kinds so that like sessions are spread out.
    const dayCount = highDays + thresholdDays;
    sortAscending(this.hardDays, dayCount);
    this.hardCount = 0;
    let high = 0;
    let threshold = 0;
    for (let d = 0; d < dayCount; d++) {
      const takeHigh = threshold >= thresholdDays || (high < highDays && (d % 2 === 0 || thresholdDays === 0));
      const day = this.hardDays[d]!;
      this.hard[day] = 1;
      if (takeHigh) {
        const menu = design.highMenu;
        this.pushHard(menu[(rotation + high++) % menu.length]!, ROLE_HIGH, day);
      } else {
        const menu = design.thresholdMenu;
        const workout = menu[(rotation + threshold++) % menu.length]!;
        this.pushHard(workout, ROLE_THRESHOLD, day);
        const partner = this.catalogue.pairedWith[workout]!;
        if (partner >= 0) this.pushHard(partner, ROLE_PAIRED, day);
      }
    }
  }

  private pushHard(workout: number, role: number, day: number): void {
    const k = this.hardCount++;
    this.hardWorkout[k] = workout;
    this.hardRole[k] = role;
    this.hardDay[k] = day;
    this.hardReps[k] = this.catalogue.repsTypical[workout]!;
  }

  private typicalReps(): void {
    for (let k = 0; k < this.hardCount; k++) this.hardReps[k] = this.catalogue.repsTypical[this.hardWorkout[k]!]!;
  }

  /** Solves repetitions so that zone-3 minutes meet the target (high sessions) and zone-2 minutes theirs. */
  private solveReps(targets: WeekTargets, profiles: Float64Array): void {
    let highSessions = 0;
    let thresholdSessions = 0;
    for (let k = 0; k < this.hardCount; k++) {
      if (this.hardRole[k] === ROLE_HIGH) highSessions++;
      else if (this.hardRole[k] === ROLE_THRESHOLD) thresholdSessions++;
    }
    for (let pass = 0; pass < SOLVER_PASSES; pass++) {
      const last = pass === SOLVER_PASSES - 1;
      let z2 = 0;
      let z3 = 0;
      for (let k = 0; k < this.hardCount; k++) {
        z2 += sessionZone(profiles, this.hardWorkout[k]!, this.hardReps[k]!, 0, DOSE_Z2);
        z3 += sessionZone(profiles, this.hardWorkout[k]!, this.hardReps[k]!, 0, DOSE_Z3);
      }
      for (let k = 0; k < this.hardCount; k++) {
        const role = this.hardRole[k]!;
        if (role === ROLE_PAIRED) continue;
        const workout = this.hardWorkout[k]!;
        const zone = role === ROLE_HIGH ? DOSE_Z3 : DOSE_Z2;
        const perRep = profiles[workout * PROFILE_STRIDE + SECTION_REP * DOSE_FIELDS + zone]!;
        if (perRep < 1e-6) continue;
        const gap = role === ROLE_HIGH ? (targets.z3Minutes - z3) / highSessions : (targets.z2Minutes - z2) / thresholdSessions;
        let reps = this.hardReps[k]! + gap / perRep;
        // Round down on the last pass: strides and a fast finish close the gap from below.
        if (last) reps = Math.floor(reps + 0.25);
        this.hardReps[k] = clamp(reps, this.catalogue.repsMin[workout]!, this.catalogue.repsMax[workout]!);
      }
    }
  }

  /** Hard sessions may take at most 70 % of a low-volume week: shrink their reps (to their minimum) if needed. */
  private fitHardSessionsInto(total: number, profiles: Float64Array): void {
    const budget = 0.7 * total;
    for (let k = this.hardCount - 1; k >= 0; k--) {
      let used = 0;
      for (let j = 0; j < this.hardCount; j++) used += sessionMinutes(profiles, this.hardWorkout[j]!, this.hardReps[j]!, 0);
      if (used <= budget) return;
      const workout = this.hardWorkout[k]!;
      const perRep = sectionMinutes(profiles, workout, SECTION_REP);
      const reps = Math.floor(this.hardReps[k]! - (used - budget) / Math.max(perRep, 1e-6));
      this.hardReps[k] = clamp(reps, this.catalogue.repsMin[workout]!, this.catalogue.repsMax[workout]!);
    }
    // Still over budget: drop hard sessions from the end of the list.
    let used = 0;
    for (let j = 0; j < this.hardCount; j++) used += sessionMinutes(profiles, this.hardWorkout[j]!, this.hardReps[j]!, 0);
    while (this.hardCount > 0 && used > budget) {
      const k = --this.hardCount;
      used -= sessionMinutes(profiles, this.hardWorkout[k]!, this.hardReps[k]!, 0);
      this.hard[this.hardDay[k]!] = 0;
    }
  }

  /**
   * Fills the easy days with `minutes`: a long run of about `longRunShare` of the week's `total`
   * (with a fast finish worth `z2Gap` zone-2 minutes)
   * and easy runs (with strides worth `z3Gap` zone-3 minutes).
   */
  private fillEasyDays(design: ResolvedDesign, total: number, minutes: number, z3Gap: number, z2Gap: number, profiles: Float64Array, out: WeekPlan): void {
    let easyDays = 0;
    for (let d = 0; d < 7; d++) if (this.training[d] === 1 && this.hard[d] === 0) easyDays++;
    if (easyDays === 0 || minutes < PLANNING.minEasyMinutes) return;
    while (easyDays > 1 && minutes / easyDays < PLANNING.minEasyMinutes) easyDays--;

    let longMinutes = minutes;
    if (easyDays > 1) {
      const share = Math.max(design.longRunShare * total, minutes / easyDays);
      longMinutes = Math.min(PLANNING.maxLongRunMinutes, share, minutes - (easyDays - 1) * PLANNING.minEasyMinutes);
    }
    const otherMinutes = easyDays > 1 ? (minutes - longMinutes) / (easyDays - 1) : 0;

    // Fast finish on the long run for the zone-2 gap.
    const finishUnitZ2 = profiles[this.longRun * PROFILE_STRIDE + SECTION_ADD_ON * DOSE_FIELDS + DOSE_Z2]!;
    const finishUnitMinutes = sectionMinutes(profiles, this.longRun, SECTION_ADD_ON);
    let finish = z2Gap > 0 && finishUnitZ2 > 1e-6 ? Math.round(z2Gap / finishUnitZ2) : 0;
    finish = Math.min(finish, this.catalogue.addOnMax[this.longRun]!, Math.floor((longMinutes * 0.4) / Math.max(finishUnitMinutes, 1e-6)));

    // Strides on easy runs for the zone-3 gap.
    const strideUnitZ3 = profiles[this.easyRun * PROFILE_STRIDE + SECTION_ADD_ON * DOSE_FIELDS + DOSE_Z3]!;
    const strideUnitMinutes = sectionMinutes(profiles, this.easyRun, SECTION_ADD_ON);
    let strides = z3Gap > 0 && strideUnitZ3 > 1e-6 ? Math.round(z3Gap / strideUnitZ3) : 0;
    strides = Math.min(strides, (easyDays - 1) * this.catalogue.addOnMax[this.easyRun]!);

    let longDay = -1;
    for (const day of PLANNING.longRunDayOrder) {
      if (this.training[day] === 1 && this.hard[day] === 0) {
        longDay = day;
        break;
      }
    }
    const longRunMinutes = longMinutes - finish * finishUnitMinutes;
    out.add(longDay, this.longRun, longRunMinutes, finish);

    let placed = 1;
    const perRunStrides = easyDays > 1 ? Math.ceil(strides / (easyDays - 1)) : 0;
    for (let day = 0; day < 7 && placed < easyDays; day++) {
      if (this.training[day] === 0 || this.hard[day] === 1 || day === longDay) continue;
      placed++;
      const dayStrides = Math.min(perRunStrides, strides);
      strides -= dayStrides;
      const running = otherMinutes - dayStrides * strideUnitMinutes;
      if (otherMinutes > PLANNING.doubleAboveMinutes) {
        out.add(day, this.easyRun, running / 2, dayStrides);
        out.add(day, this.easyRun, otherMinutes / 2, 0);
      } else {
        out.add(day, this.easyRun, running, dayStrides);
      }
    }
  }
}

function requireWorkout(catalogue: CompiledCatalogue, id: string): number {
  const index = catalogue.indexOf.get(id);
  if (index === undefined) throw new Error(`the catalogue has no "${id}" workout`);
  return index;
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

function sortAscending(values: Int8Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const v = values[i]!;
    let j = i;
    while (j > 0 && values[j - 1]! > v) {
      values[j] = values[j - 1]!;
      j--;
    }
    values[j] = v;
  }
}

function sectionMinutes(profiles: Float64Array, workout: number, section: number): number {
  const base = workout * PROFILE_STRIDE + section * DOSE_FIELDS;
  return profiles[base + DOSE_Z1]! + profiles[base + DOSE_Z2]! + profiles[base + DOSE_Z3]!;
}

/** Minutes in one zone of a session with `reps` repetitions and `addOns` add-on units. */
export function sessionZone(profiles: Float64Array, workout: number, reps: number, addOns: number, zone: number): number {
  const base = workout * PROFILE_STRIDE + zone;
  return (
    profiles[base + SECTION_FIXED * DOSE_FIELDS]! +
    reps * profiles[base + SECTION_REP * DOSE_FIELDS]! +
    addOns * profiles[base + SECTION_ADD_ON * DOSE_FIELDS]!
  );
}

/** Total minutes of a session. */
export function sessionMinutes(profiles: Float64Array, workout: number, reps: number, addOns: number): number {
  return (
    sessionZone(profiles, workout, reps, addOns, DOSE_Z1) +
    sessionZone(profiles, workout, reps, addOns, DOSE_Z2) +
    sessionZone(profiles, workout, reps, addOns, DOSE_Z3)
  );
}
