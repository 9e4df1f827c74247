import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { requireWorkout, SECTION_ADD_ON, SECTION_FIXED, SECTION_REP } from '../../models/workouts/compile.ts';
import {
  DOSE_FIELDS,
  DOSE_Z2,
  DOSE_Z3,
  PROFILE_STRIDE,
  sectionMinutes,
} from '../../models/workouts/dose.ts';
import type { ResolvedDesign } from '../designs/resolve.ts';
import { PLANNING } from './constants.ts';
import type { WeekTargets } from './targets.ts';
import type { WeekPlan } from './week-plan.ts';

/**
 * What the coach knows of the athlete: every catalogue workout's dose at the coach's anchors
 * (PROFILE_STRIDE numbers per workout), and the same with the race paces — set from a time trial,
 * so uncertain relative to the athlete's thresholds — a little slower and a little faster. A
 * workout is planned for a zone only if its reps stay in that zone either way.
 */
export interface CoachView {
  profiles: Float64Array;
  slowerPaces: Float64Array;
  fasterPaces: Float64Array;
}

/** Plain workouts a coach falls back on when nothing on a design's menu suits the athlete. */
const FALLBACK_HIGH = ['vo2max-intervals', 'thirty-thirty', 'fartlek'];
const FALLBACK_THRESHOLD = ['tempo-run', 'steady-run', 'sweet-spot-10min'];

/** Every workout the planner may use beyond a design's menus: easy and long runs and its stand-ins. */
export const PLANNER_WORKOUTS: readonly string[] = ['easy-run', 'long-run', ...FALLBACK_HIGH, ...FALLBACK_THRESHOLD];

const ROLE_HIGH = 0;
const ROLE_THRESHOLD = 1;
const MAX_HARD = 12;
const SOLVER_PASSES = 4;

/**
 * Builds a week of sessions for one athlete from a design's targets.
 *
 * The athlete enters through `profiles`: the dose of every catalogue workout at this athlete's
 * anchors as the coach knows them (tested thresholds and race paces), PROFILE_STRIDE numbers per
 * workout (see DoseEvaluator). So the generator knows that this runner's "10K pace" reps land in
 * zone 3 while another's land in zone 2, and sizes the hard sessions to hit the zone targets by time:
 *
 * 1. choose the training days from the weekly volume, then the hard days with the design's spacing
 *    (high-volume weeks may hold two hard sessions on a hard day);
 * 2. pick zone-3 and zone-2 workouts from the design's menus, rotating every `rotateEvery` weeks and
 *    skipping any that would not land in the intended zone for this athlete or cannot be sized to
 *    the target, and solve their repetitions so that zone-3 and zone-2 minutes meet the targets,
 *    counting what each session spills into the other zone;
 * 3. close what whole repetitions leave open with strides (zone 3) and a fast finish on the long run
 *    (zone 2);
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
  /** Warm-up and cool-down scale of this week's hard sessions. */
  private fixedScale = 1;
  private readonly training = new Uint8Array(7);
  private readonly hard = new Uint8Array(7);
  private readonly hardDays = new Int8Array(7);
  private readonly sessionsOnDay = new Uint8Array(7);
  private readonly counts = new Int32Array(2);

  /** Per hard session: zone-2 and zone-3 minutes and total minutes of its fixed part and of one rep. */
  private readonly fixedZ2 = new Float64Array(MAX_HARD);
  private readonly fixedZ3 = new Float64Array(MAX_HARD);
  private readonly fixedMinutes = new Float64Array(MAX_HARD);
  private readonly repZ2 = new Float64Array(MAX_HARD);
  private readonly repZ3 = new Float64Array(MAX_HARD);
  private readonly repMinutes = new Float64Array(MAX_HARD);

  private readonly fallbackHigh: readonly number[];
  private readonly fallbackThreshold: readonly number[];

  constructor(private readonly catalogue: CompiledCatalogue) {
    this.easyRun = requireWorkout(catalogue, 'easy-run');
    this.longRun = requireWorkout(catalogue, 'long-run');
    this.fallbackHigh = FALLBACK_HIGH.map((id) => requireWorkout(catalogue, id));
    this.fallbackThreshold = FALLBACK_THRESHOLD.map((id) => requireWorkout(catalogue, id));
  }

  plan(design: ResolvedDesign, targets: WeekTargets, week: number, view: CoachView, out: WeekPlan): void {
    out.clear();
    const profiles = view.profiles;
    const total = targets.totalMinutes;
    if (!(total > 0)) return;
    const fewestDays = Math.min(PLANNING.minDays, Math.floor(total / PLANNING.minEasyMinutes));
    const days = design.sessionsPerWeek > 0 ? Math.min(7, design.sessionsPerWeek) : clamp(Math.round(total / PLANNING.minutesPerDay), Math.max(1, fewestDays), 7);
    this.fixedScale = clamp(total / PLANNING.fullWarmUpAboveMinutes, PLANNING.minWarmUpScale, 1);
    this.chooseTrainingDays(days);
    const hardDays = this.chooseHardDays(design.hardDaySpacing, days <= 1 ? 0 : days - 1);
    // High-volume athletes double up: a second hard session on a hard day (the Norwegian way).
    const slots = total >= PLANNING.hardDoublesAboveMinutes ? 2 * hardDays : hardDays;

    let high: number;
    let threshold: number;
    if (design.basis === 'sessions') {
      high = targets.highSessions;
      threshold = targets.thresholdSessions;
      while (high + threshold > slots) {
        if (threshold >= high) threshold--;
        else high--;
      }
    } else {
      sessionCounts(targets.z3Minutes, targets.z2Minutes, slots, this.counts);
      high = this.counts[0]!;
      threshold = this.counts[1]!;
    }
    if (design.highMenu.length === 0) high = 0;
    if (design.thresholdMenu.length === 0) threshold = 0;

    const highTarget = high > 0 ? targets.z3Minutes / high : 0;
    const thresholdTarget = threshold > 0 ? targets.z2Minutes / threshold : 0;
    this.pickHardSessions(design, week, high, threshold, hardDays, highTarget, thresholdTarget, view);
    if (design.basis === 'sessions') this.typicalReps();
    else this.solveReps(targets);
    this.fitHardSessionsInto(total);

    let z2 = 0;
    let z3 = 0;
    for (let k = 0; k < this.hardCount; k++) {
      z2 += this.fixedZ2[k]! + this.hardReps[k]! * this.repZ2[k]!;
      z3 += this.fixedZ3[k]! + this.hardReps[k]! * this.repZ3[k]!;
    }
    const hardMinutes = this.hardSessionMinutes();
    const fillGaps = design.basis === 'time';
    this.fillEasyDays(design, total, total - hardMinutes, fillGaps ? targets.z3Minutes - z3 : 0, fillGaps ? targets.z2Minutes - z2 : 0, profiles, out);
    for (let k = 0; k < this.hardCount; k++) out.add(this.hardDay[k]!, this.hardWorkout[k]!, this.hardReps[k]!, 0, this.fixedScale);
  }

  private chooseTrainingDays(days: number): void {
    for (let d = 0; d < 7; d++) this.training[d] = 1;
    for (let i = 0; i < 7 - days; i++) this.training[PLANNING.restDayOrder[i]!] = 0;
  }

  /** Picks hard days in preference order, keeping `spacing` easy days between them (around the week too). */
  private chooseHardDays(spacing: number, limit: number): number {
    for (let d = 0; d < 7; d++) this.hard[d] = 0;
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
    sortAscending(this.hardDays, count);
    return count;
  }

  /**
   * Assigns the week's hard sessions to hard days in weekday order, alternating the two kinds so
   * that like sessions are spread out; sessions beyond the number of hard days become second
   * sessions on those days.
   */
  private pickHardSessions(
    design: ResolvedDesign,
    week: number,
    highCount: number,
    thresholdCount: number,
    hardDayCount: number,
    highTarget: number,
    thresholdTarget: number,
    view: CoachView,
  ): void {
    const rotation = Math.floor((week - 1) / design.rotateEvery);
    this.hardCount = 0;
    let high = 0;
    let threshold = 0;
    const sessions = highCount + thresholdCount;
    for (let d = 0; d < 7; d++) this.sessionsOnDay[d] = 0;
    for (let i = 0; i < sessions; i++) {
      const takeHigh = threshold >= thresholdCount || (high < highCount && (i % 2 === 0 || thresholdCount === 0));
      const workout = takeHigh
        ? this.pickFitting(design.highMenu, this.fallbackHigh, rotation + high++, view, DOSE_Z3, highTarget)
        : this.pickFitting(design.thresholdMenu, this.fallbackThreshold, rotation + threshold++, view, DOSE_Z2, thresholdTarget);
      const partner = this.catalogue.pairedWith[workout]!;
      const needed = partner >= 0 ? 2 : 1;
      if (this.hardCount + needed > MAX_HARD) break;
      // The next hard day (in rotation) with room: at most two sessions a day.
      let day = -1;
      for (let j = 0; j < hardDayCount && day < 0; j++) {
        const candidate = this.hardDays[(i + j) % hardDayCount]!;
        if (this.sessionsOnDay[candidate]! + needed <= 2) day = candidate;
      }
      if (day < 0) break;
      this.hard[day] = 1;
      this.sessionsOnDay[day]! += needed;
      this.pushHard(workout, takeHigh ? ROLE_HIGH : ROLE_THRESHOLD, day, view.profiles);
      if (partner >= 0) {
        // The afternoon half of a double-threshold day is sized with the zone its reps land in.
        const rep = partner * PROFILE_STRIDE + SECTION_REP * DOSE_FIELDS;
        this.pushHard(partner, view.profiles[rep + DOSE_Z3]! > view.profiles[rep + DOSE_Z2]! ? ROLE_HIGH : ROLE_THRESHOLD, day, view.profiles);
      }
    }
  }

  /**
   * The menu's workout for this slot (rotating), skipping any that would not fit this athlete: its
   * main set lands mostly outside the slot's zone even allowing for the coach's test error (a coach
   * does not prescribe "threshold" reps at a pace within a few per cent of this runner's LT2), or it
   * cannot be sized to the slot's target (its smallest version far too big, its largest far too
   * small). When nothing on the menu fits, a plain workout for the zone stands in.
   */
  private pickFitting(menu: readonly number[], fallback: readonly number[], start: number, view: CoachView, zone: number, target: number): number {
    for (let i = 0; i < menu.length; i++) {
      const workout = menu[(start + i) % menu.length]!;
      if (this.fits(workout, view, zone, target)) return workout;
    }
    for (let i = 0; i < fallback.length; i++) {
      const workout = fallback[i]!;
      if (this.fits(workout, view, zone, target)) return workout;
    }
    return menu[start % menu.length]!;
  }

  private fits(workout: number, view: CoachView, zone: number, target: number): boolean {
    const rep = workout * PROFILE_STRIDE + SECTION_REP * DOSE_FIELDS;
    const nominal = view.profiles[rep + zone]!;
    if (!(nominal > 0)) return false;
    if (zone === DOSE_Z3) {
      // Above LT2 even if the race paces are a little slower than the coach thinks.
      const slower = view.slowerPaces;
      if (slower[rep + DOSE_Z3]! < slower[rep + DOSE_Z2]!) return false;
    } else {
      // Between the thresholds whether the race paces are a little slower or a little faster.
      const slower = view.slowerPaces;
      const faster = view.fasterPaces;
      if (faster[rep + DOSE_Z2]! < faster[rep + DOSE_Z3]! || slower[rep + DOSE_Z2]! < PLANNING.minThresholdShareWhenSlower * nominal) return false;
    }
    const fixed = this.fixedScale * view.profiles[workout * PROFILE_STRIDE + SECTION_FIXED * DOSE_FIELDS + zone]!;
    const smallest = fixed + this.catalogue.repsMin[workout]! * nominal;
    const largest = fixed + this.catalogue.repsMax[workout]! * nominal;
    return smallest <= target * PLANNING.sizingSlack.over && largest >= target * PLANNING.sizingSlack.under;
  }

  private pushHard(workout: number, role: number, day: number, profiles: Float64Array): void {
    const k = this.hardCount++;
    this.hardWorkout[k] = workout;
    this.hardRole[k] = role;
    this.hardDay[k] = day;
    this.hardReps[k] = this.catalogue.repsTypical[workout]!;
    const fixed = workout * PROFILE_STRIDE + SECTION_FIXED * DOSE_FIELDS;
    const rep = workout * PROFILE_STRIDE + SECTION_REP * DOSE_FIELDS;
    const scale = this.fixedScale;
    this.fixedZ2[k] = scale * profiles[fixed + DOSE_Z2]!;
    this.fixedZ3[k] = scale * profiles[fixed + DOSE_Z3]!;
    this.fixedMinutes[k] = scale * sectionMinutes(profiles, workout, SECTION_FIXED);
    this.repZ2[k] = profiles[rep + DOSE_Z2]!;
    this.repZ3[k] = profiles[rep + DOSE_Z3]!;
    this.repMinutes[k] = sectionMinutes(profiles, workout, SECTION_REP);
  }

  private typicalReps(): void {
    for (let k = 0; k < this.hardCount; k++) this.hardReps[k] = this.catalogue.repsTypical[this.hardWorkout[k]!]!;
  }

  /** Solves repetitions so that zone-3 minutes meet the target (high sessions) and zone-2 minutes theirs. */
  private solveReps(targets: WeekTargets): void {
    const { hardRole: role, hardReps: reps, hardWorkout: workout, fixedZ2, fixedZ3, repZ2, repZ3 } = this;
    const { repsMin, repsMax } = this.catalogue;
    const count = this.hardCount;
    let highSessions = 0;
    for (let k = 0; k < count; k++) if (role[k] === ROLE_HIGH) highSessions++;
    const thresholdSessions = count - highSessions;
    for (let pass = 0; pass < SOLVER_PASSES; pass++) {
      const last = pass === SOLVER_PASSES - 1;
      let z2 = 0;
      let z3 = 0;
      for (let k = 0; k < count; k++) {
        z2 += fixedZ2[k]! + reps[k]! * repZ2[k]!;
        z3 += fixedZ3[k]! + reps[k]! * repZ3[k]!;
      }
      const highGap = highSessions > 0 ? (targets.z3Minutes - z3) / highSessions : 0;
      const thresholdGap = thresholdSessions > 0 ? (targets.z2Minutes - z2) / thresholdSessions : 0;
      for (let k = 0; k < count; k++) {
        const high = role[k] === ROLE_HIGH;
        const perRep = high ? repZ3[k]! : repZ2[k]!;
        if (perRep < 1e-6) continue;
        let next = reps[k]! + (high ? highGap : thresholdGap) / perRep;
        // Round down on the last pass: strides and a fast finish close the gap from below.
        if (last) next = Math.floor(next + 0.25);
        const w = workout[k]!;
        reps[k] = clamp(next, repsMin[w]!, repsMax[w]!);
      }
    }
  }

  /** Hard sessions take at most `maxHardShare` of a week: shrink their reps (to their minimum), then drop sessions. */
  private fitHardSessionsInto(total: number): void {
    const budget = PLANNING.maxHardShare * total;
    for (let k = this.hardCount - 1; k >= 0; k--) {
      const used = this.hardSessionMinutes();
      if (used <= budget) return;
      const workout = this.hardWorkout[k]!;
      const reps = Math.floor(this.hardReps[k]! - (used - budget) / Math.max(this.repMinutes[k]!, 1e-6));
      this.hardReps[k] = clamp(reps, this.catalogue.repsMin[workout]!, this.catalogue.repsMax[workout]!);
    }
    while (this.hardCount > 0 && this.hardSessionMinutes() > budget) {
      this.hardCount--;
      const day = this.hardDay[this.hardCount]!;
      let stillHard = 0;
      for (let k = 0; k < this.hardCount; k++) if (this.hardDay[k] === day) stillHard = 1;
      this.hard[day] = stillHard;
    }
  }

  private hardSessionMinutes(): number {
    let used = 0;
    for (let k = 0; k < this.hardCount; k++) used += this.fixedMinutes[k]! + this.hardReps[k]! * this.repMinutes[k]!;
    return used;
  }

  /**
   * Fills the easy days with `minutes`: a long run of about `longRunShare` of the week's `total`
   * (with a fast finish worth `z2Gap` zone-2 minutes) and easy runs (with strides worth `z3Gap`
   * zone-3 minutes).
   */
  private fillEasyDays(
    design: ResolvedDesign,
    total: number,
    minutes: number,
    z3Gap: number,
    z2Gap: number,
    profiles: Float64Array,
    out: WeekPlan,
  ): void {
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

    // A fast finish on the long run for the zone-2 gap (at most maxFastFinishShare of the run).
    const finishZ2 = profiles[this.longRun * PROFILE_STRIDE + SECTION_ADD_ON * DOSE_FIELDS + DOSE_Z2]!;
    const finishMinutes = sectionMinutes(profiles, this.longRun, SECTION_ADD_ON);
    let finish = z2Gap > 0 && finishZ2 > 1e-6 ? Math.round(z2Gap / finishZ2) : 0;
    finish = Math.min(finish, this.catalogue.addOnMax[this.longRun]!, Math.floor((longMinutes * PLANNING.maxFastFinishShare) / Math.max(finishMinutes, 1e-6)));

    // Strides after easy runs for the zone-3 gap.
    const strideZ3 = profiles[this.easyRun * PROFILE_STRIDE + SECTION_ADD_ON * DOSE_FIELDS + DOSE_Z3]!;
    const strideMinutes = sectionMinutes(profiles, this.easyRun, SECTION_ADD_ON);
    let strides = z3Gap > 0 && strideZ3 > 1e-6 ? Math.round(z3Gap / strideZ3) : 0;
    strides = Math.min(strides, (easyDays - 1) * this.catalogue.addOnMax[this.easyRun]!);

    let longDay = -1;
    for (const day of PLANNING.longRunDayOrder) {
      if (this.training[day] === 1 && this.hard[day] === 0) {
        longDay = day;
        break;
      }
    }
    out.add(longDay, this.longRun, longMinutes - finish * finishMinutes, finish);

    let placed = 1;
    const perRunStrides = easyDays > 1 ? Math.ceil(strides / (easyDays - 1)) : 0;
    for (let day = 0; day < 7 && placed < easyDays; day++) {
      if (this.training[day] === 0 || this.hard[day] === 1 || day === longDay) continue;
      placed++;
      const dayStrides = Math.min(perRunStrides, strides);
      strides -= dayStrides;
      const running = otherMinutes - dayStrides * strideMinutes;
      if (otherMinutes > PLANNING.doubleAboveMinutes) {
        out.add(day, this.easyRun, running / 2, dayStrides);
        out.add(day, this.easyRun, otherMinutes / 2, 0);
      } else {
        out.add(day, this.easyRun, running, dayStrides);
      }
    }
  }
}

/**
 * How many zone-3 and zone-2 sessions a week needs: at least enough to hold the targets at the largest
 * session size, more (up to the preferred session size) while hard slots are free, and — when the
 * slots cannot hold both — a share of the slots for each in proportion to what it needs.
 */
export function sessionCounts(z3Minutes: number, z2Minutes: number, slots: number, out: Int32Array): void {
  const wantsHigh = z3Minutes >= PLANNING.minHighSessionMinutes;
  const wantsThreshold = z2Minutes >= PLANNING.minThresholdSessionMinutes;
  let high = wantsHigh ? Math.ceil(z3Minutes / PLANNING.maxHighMinutesPerSession) : 0;
  let threshold = wantsThreshold ? Math.ceil(z2Minutes / PLANNING.maxThresholdMinutesPerSession) : 0;
  while (high + threshold > slots) {
    // A lone session whose minutes a fast finish or strides can carry goes first; otherwise take a
    // session from the kind whose sessions would grow least, relative to their largest size.
    if (threshold === 1 && z2Minutes <= PLANNING.fastFinishMinutes) threshold--;
    else if (high === 1 && z3Minutes <= PLANNING.stridesMinutes) high--;
    else {
      const highLoad = high > 1 ? z3Minutes / (high - 1) / PLANNING.maxHighMinutesPerSession : Infinity;
      const thresholdLoad = threshold > 1 ? z2Minutes / (threshold - 1) / PLANNING.maxThresholdMinutesPerSession : Infinity;
      if (highLoad === Infinity && thresholdLoad === Infinity) {
        if (threshold > 0 && (high === 0 || z2Minutes < z3Minutes)) threshold--;
        else high--;
      } else if (thresholdLoad <= highLoad) threshold--;
      else high--;
    }
  }
  // Free slots: split the fuller kind until sessions are of the preferred size.
  while (high + threshold < slots) {
    const highSize = high > 0 ? z3Minutes / high / PLANNING.highMinutesPerSession : 0;
    const thresholdSize = threshold > 0 ? z2Minutes / threshold / PLANNING.thresholdMinutesPerSession : 0;
    if (Math.max(highSize, thresholdSize) <= 1) break;
    if (highSize >= thresholdSize) high++;
    else threshold++;
  }
  out[0] = high;
  out[1] = threshold;
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

