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
import { maxHighMinutes, PLANNING } from './constants.ts';
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

/** Minutes of slack when checking a size against a cap (rounding of whole repetitions). */
const CAP_TOLERANCE = 1e-9;

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
 *    (one hard session a day, two only in a design with double days, from 8 h a week);
 * 2. pick zone-3 and zone-2 workouts from the design's menus, rotating every `rotateEvery` weeks and
 *    skipping any that would not land in the intended zone for this athlete or cannot be sized to
 *    the target within the caps, and solve their repetitions so that zone-3 and zone-2 minutes meet
 *    the targets, counting what each session spills into the other zone;
 * 3. close what whole repetitions leave open with strides (zone 3) and a fast finish on the long run
 *    (zone 2);
 * 4. fill the rest of the weekly minutes with a long run and easy runs (doubles when a day is long),
 *    and, when the easy days are full, with easy runs after the hard sessions.
 *
 * Everything it writes is what a coach writes (PLANNING's caps): repetitions within the catalogue's,
 * at most maxHighMinutes(week) above LT2 and maxThresholdMinutesPerSession between the thresholds in
 * a session, no easy run over maxEasyRunMinutes, no long run over maxLongRunMinutes, no day over
 * maxDayMinutes or maxSessionsPerDay. What does not fit is not planned: the week falls short of its
 * targets, and the outputs show it (achieved against target hours and time in zone).
 *
 * Designs counted by sessions get their hard sessions by count at typical size instead.
 * Every loop is bounded by the days of a week or the hard sessions it holds, whatever the targets.
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
  private readonly hardMinutesOnDay = new Float64Array(7);
  private readonly counts = new Int32Array(2);
  /** This week's largest zone-3 and zone-2 minutes of one session. */
  private highCap = 0;
  private thresholdCap = 0;
  /** Whether a hard day may hold two hard sessions this week. */
  private doubles = false;

  /** Per hard session: zone-2 and zone-3 minutes and total minutes of its fixed part and of one rep. */
  private readonly fixedZ2 = new Float64Array(MAX_HARD);
  private readonly fixedZ3 = new Float64Array(MAX_HARD);
  private readonly fixedMinutes = new Float64Array(MAX_HARD);
  private readonly repZ2 = new Float64Array(MAX_HARD);
  private readonly repZ3 = new Float64Array(MAX_HARD);
  private readonly repMinutes = new Float64Array(MAX_HARD);
  /** Per hard session: the most repetitions the caps allow (the catalogue's, and the zone minutes'). */
  private readonly repsCeiling = new Float64Array(MAX_HARD);

  private readonly fallbackHigh: readonly number[];
  private readonly fallbackThreshold: readonly number[];

  /**
   * This week's answers per workout, worked out once when first asked (each slot and each count
   * asks them again), valid where their stamp is this week's (`weekStamp`, one more every plan):
   * the most repetitions within the caps; and per workout and zone (index 2 × workout + 0 for zone
   * 3, + 1 for zone 2) whether it suits the zone (0 or 1) and the zone minutes of its smallest and
   * its largest version within the caps.
   */
  private readonly ceilings: Float64Array;
  private readonly ceilingStamp: Int32Array;
  private readonly suitsZone: Int8Array;
  private readonly zoneSmallest: Float64Array;
  private readonly zoneLargest: Float64Array;
  private readonly zoneStamp: Int32Array;
  private weekStamp = 0;

  constructor(private readonly catalogue: CompiledCatalogue) {
    this.ceilings = new Float64Array(catalogue.count);
    this.ceilingStamp = new Int32Array(catalogue.count);
    this.suitsZone = new Int8Array(2 * catalogue.count);
    this.zoneSmallest = new Float64Array(2 * catalogue.count);
    this.zoneLargest = new Float64Array(2 * catalogue.count);
    this.zoneStamp = new Int32Array(2 * catalogue.count);
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
    const wanted = design.sessionsPerWeek > 0 ? Math.min(7, design.sessionsPerWeek) : clamp(Math.round(total / PLANNING.minutesPerDay), Math.max(1, fewestDays), 7);
    const days = Math.min(wanted, this.availableCount);
    this.fixedScale = clamp(total / PLANNING.fullWarmUpAboveMinutes, PLANNING.minWarmUpScale, 1);
    this.highCap = maxHighMinutes(total);
    this.thresholdCap = PLANNING.maxThresholdMinutesPerSession;
    // This week's answers per workout (sizes within the caps) are worked out afresh.
    this.weekStamp = (this.weekStamp + 1) | 0;
    this.chooseTrainingDays(days);
    const hardDays = this.chooseHardDays(design.hardDaySpacing, days <= 1 ? 0 : days - 1);
    // A design with double days puts a second hard session on a hard day in high-volume weeks (the
    // Norwegian way); any other design keeps to one a day.
    this.doubles = design.doubleDays && total >= PLANNING.hardDoublesAboveMinutes;
    const slots = this.doubles ? 2 * hardDays : hardDays;

    // What one session of this athlete's menu holds within the caps: sessions are counted by it, and
    // a slot asks no more of a session than that (the design's own workouts, not bigger stand-ins).
    const highCapacity = targets.z3Minutes > 0 ? this.sessionCapacity(design.highMenu, this.fallbackHigh, view, DOSE_Z3) : this.highCap;
    const thresholdCapacity = targets.z2Minutes > 0 ? this.sessionCapacity(design.thresholdMenu, this.fallbackThreshold, view, DOSE_Z2) : this.thresholdCap;
    let high: number;
    let threshold: number;
    if (design.basis === 'sessions') {
      // No more of either kind than there are slots, then the fuller kind gives way: at most `slots` steps.
      high = Math.min(targets.highSessions, slots);
      threshold = Math.min(targets.thresholdSessions, slots);
      while (high + threshold > slots) {
        if (threshold >= high) threshold--;
        else high--;
      }
    } else {
      sessionCounts(targets.z3Minutes, targets.z2Minutes, slots, highCapacity, thresholdCapacity, this.counts);
      high = this.counts[0]!;
      threshold = this.counts[1]!;
    }
    if (design.highMenu.length === 0) high = 0;
    if (design.thresholdMenu.length === 0) threshold = 0;

    const highTarget = high > 0 ? Math.min(targets.z3Minutes / high, highCapacity) : 0;
    const thresholdTarget = threshold > 0 ? Math.min(targets.z2Minutes / threshold, thresholdCapacity) : 0;
    this.pickHardSessions(design, week, high, threshold, hardDays, highTarget, thresholdTarget, view);
    if (design.basis === 'sessions') this.typicalReps();
    else this.solveReps(targets);
    this.fitHardSessionsInto(total);
    this.fitHardDaysIntoDayCap();

    let z2 = 0;
    let z3 = 0;
    for (let k = 0; k < this.hardCount; k++) {
      z2 += this.fixedZ2[k]! + this.hardReps[k]! * this.repZ2[k]!;
      z3 += this.fixedZ3[k]! + this.hardReps[k]! * this.repZ3[k]!;
    }
    const hardMinutes = this.hardSessionMinutes();
    const fillGaps = design.basis === 'time';
    const left = this.fillEasyDays(design, total, total - hardMinutes, fillGaps ? targets.z3Minutes - z3 : 0, fillGaps ? targets.z2Minutes - z2 : 0, profiles, out);
    for (let k = 0; k < this.hardCount; k++) out.add(this.hardDay[k]!, this.hardWorkout[k]!, this.hardReps[k]!, 0, this.fixedScale);
    // Easy minutes the easy days cannot hold: easy runs after the hard sessions (an easy double).
    if (left >= PLANNING.minEasyMinutes) this.addEasyDoubles(left, out);
  }

  /** The athlete's available days, the rest days taken among them in PLANNING.restDayOrder until `days` are left. */
  private chooseTrainingDays(days: number): void {
    let left = 0;
    for (let d = 0; d < 7; d++) {
      this.training[d] = (this.available >> d) & 1;
      left += this.training[d]!;
    }
    for (let i = 0; i < 7 && left > days; i++) {
      const day = PLANNING.restDayOrder[i]!;
      if (this.training[day] === 1) {
        this.training[day] = 0;
        left--;
      }
    }
  }

  /**
   * The weekdays the athlete can train, a bit each (Monday bit 0): every day unless a coach's athlete
   * file says fewer (`periodize plan`); a week then has at most that many training days, and what
   * does not fit them falls short.
   */
  get availableDays(): number {
    return this.available;
  }

  set availableDays(mask: number) {
    this.available = mask & 0x7f;
    this.availableCount = 0;
    for (let d = 0; d < 7; d++) this.availableCount += (this.available >> d) & 1;
  }

  private available = 0x7f;
  private availableCount = 7;

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
   * that like sessions are spread out. A day holds one hard session — or, in a week with double
   * days, two (sessions beyond the number of hard days become second sessions on those days); a
   * workout paired with an afternoon half takes its day whole. A slot that no workout can fill
   * within the caps stays empty.
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
    // In a week of double days, a morning-and-afternoon pair takes a day whole: the threshold
    // sessions go first, so that single sessions do not take the days the pairs need.
    let pairsFirst = false;
    if (this.doubles) for (let i = 0; i < design.thresholdMenu.length; i++) if (this.catalogue.pairedWith[design.thresholdMenu[i]!]! >= 0) pairsFirst = true;
    for (let i = 0; i < sessions; i++) {
      const takeHigh = pairsFirst
        ? threshold >= thresholdCount
        : threshold >= thresholdCount || (high < highCount && (i % 2 === 0 || thresholdCount === 0));
      const workout = takeHigh
        ? this.pickFitting(design.highMenu, this.fallbackHigh, rotation + high++, view, DOSE_Z3, highTarget)
        : this.pickFitting(design.thresholdMenu, this.fallbackThreshold, rotation + threshold++, view, DOSE_Z2, thresholdTarget);
      if (workout < 0) continue;
      // The afternoon half of a double-threshold day, if it fits under the caps too.
      let partner = this.catalogue.pairedWith[workout]!;
      if (partner >= 0 && !this.underCaps(partner, view.profiles)) partner = -1;
      const needed = partner >= 0 ? 2 : 1;
      if (this.hardCount + needed > MAX_HARD) break;
      // The next hard day (in rotation) with room: a free day, or in a week of double days one with
      // a single hard session (at most PLANNING.maxSessionsPerDay sessions).
      let day = -1;
      for (let j = 0; j < hardDayCount && day < 0; j++) {
        const candidate = this.hardDays[(i + j) % hardDayCount]!;
        const taken = this.sessionsOnDay[candidate]!;
        if (taken === 0 || (this.doubles && taken + needed <= PLANNING.maxSessionsPerDay)) day = candidate;
      }
      // No day has room for it (a morning and afternoon pair needs a day of its own): try the next.
      if (day < 0) continue;
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
   * cannot be sized to the slot's target within the caps (its smallest version far too big, its
   * largest far too small). When nothing on the menu fits, a plain workout for the zone stands in;
   * failing that, the one of them that suits the zone and comes closest to the target; failing
   * that, the menu's workout — if its smallest version is within the caps. Otherwise −1: no session
   * a coach would write holds this slot.
   */
  private pickFitting(menu: readonly number[], fallback: readonly number[], start: number, view: CoachView, zone: number, target: number): number {
    let closest = -1;
    let closestMiss = Infinity;
    for (let i = 0; i < menu.length + fallback.length; i++) {
      const workout = i < menu.length ? menu[(start + i) % menu.length]! : fallback[i - menu.length]!;
      if (!this.suits(workout, view, zone)) continue;
      const miss = this.sizeMiss(workout, view, zone, target);
      if (miss === 0) return workout;
      if (miss < closestMiss) {
        closest = workout;
        closestMiss = miss;
      }
    }
    if (closest >= 0) return closest;
    const workout = menu[start % menu.length]!;
    return this.underCaps(workout, view.profiles) ? workout : -1;
  }

  /** Whether the smallest version of `workout` keeps within this week's zone-3 and zone-2 caps. */
  private underCaps(workout: number, profiles: Float64Array): boolean {
    const fixed = workout * PROFILE_STRIDE + SECTION_FIXED * DOSE_FIELDS;
    const rep = workout * PROFILE_STRIDE + SECTION_REP * DOSE_FIELDS;
    const reps = this.catalogue.repsMin[workout]!;
    const z3 = this.fixedScale * profiles[fixed + DOSE_Z3]! + reps * profiles[rep + DOSE_Z3]!;
    const z2 = this.fixedScale * profiles[fixed + DOSE_Z2]! + reps * profiles[rep + DOSE_Z2]!;
    return z3 <= this.highCap + CAP_TOLERANCE && z2 <= this.thresholdCap + CAP_TOLERANCE;
  }

  /** The most repetitions of `workout` within the catalogue's range and this week's zone caps (at least its minimum). */
  private ceilingOf(workout: number, profiles: Float64Array): number {
    if (this.ceilingStamp[workout] === this.weekStamp) return this.ceilings[workout]!;
    this.ceilingStamp[workout] = this.weekStamp;
    const fixed = workout * PROFILE_STRIDE + SECTION_FIXED * DOSE_FIELDS;
    const rep = workout * PROFILE_STRIDE + SECTION_REP * DOSE_FIELDS;
    let most = this.catalogue.repsMax[workout]!;
    const repZ3 = profiles[rep + DOSE_Z3]!;
    const repZ2 = profiles[rep + DOSE_Z2]!;
    if (repZ3 > 1e-9) most = Math.min(most, Math.floor((this.highCap - this.fixedScale * profiles[fixed + DOSE_Z3]!) / repZ3 + CAP_TOLERANCE));
    if (repZ2 > 1e-9) most = Math.min(most, Math.floor((this.thresholdCap - this.fixedScale * profiles[fixed + DOSE_Z2]!) / repZ2 + CAP_TOLERANCE));
    const least = this.catalogue.repsMin[workout]!;
    return (this.ceilings[workout] = most > least ? most : least);
  }

  /**
   * Whether `workout`'s reps land in `zone` for this athlete even allowing for the coach's test
   * error, and its smallest version keeps within this week's caps.
   */
  private suits(workout: number, view: CoachView, zone: number): boolean {
    return this.suitsZone[this.zoneFacts(workout, view, zone)] === 1;
  }

  /** Works out this week's zone facts of `workout` (see `suitsZone`) if not yet; returns their index. */
  private zoneFacts(workout: number, view: CoachView, zone: number): number {
    const at = 2 * workout + (zone === DOSE_Z3 ? 0 : 1);
    if (this.zoneStamp[at] === this.weekStamp) return at;
    this.zoneStamp[at] = this.weekStamp;
    const profiles = view.profiles;
    const suits = this.landsInZone(workout, view, zone) && this.underCaps(workout, profiles);
    this.suitsZone[at] = suits ? 1 : 0;
    if (suits) {
      const nominal = profiles[workout * PROFILE_STRIDE + SECTION_REP * DOSE_FIELDS + zone]!;
      const fixed = this.fixedScale * profiles[workout * PROFILE_STRIDE + SECTION_FIXED * DOSE_FIELDS + zone]!;
      this.zoneSmallest[at] = fixed + this.catalogue.repsMin[workout]! * nominal;
      this.zoneLargest[at] = fixed + this.ceilingOf(workout, profiles) * nominal;
    }
    return at;
  }

  private landsInZone(workout: number, view: CoachView, zone: number): boolean {
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
    return true;
  }

  /**
   * How far the sizes of `workout` (from its smallest version to its largest within the caps) stay
   * from `target` minutes in `zone`, relative to the target: 0 when some size lands within the
   * sizing slack of it.
   */
  private sizeMiss(workout: number, view: CoachView, zone: number, target: number): number {
    // A slot asks at most the cap of its zone: a session is sized to that, the rest falls short.
    const cap = zone === DOSE_Z3 ? this.highCap : this.thresholdCap;
    const goal = target < cap ? target : cap;
    const at = this.zoneFacts(workout, view, zone);
    const smallest = this.zoneSmallest[at]!;
    const largest = this.zoneLargest[at]!;
    if (smallest > goal * PLANNING.sizingSlack.over) return smallest / goal - PLANNING.sizingSlack.over;
    if (largest < goal * PLANNING.sizingSlack.under) return PLANNING.sizingSlack.under - largest / goal;
    return 0;
  }

  /**
   * The most `zone` minutes one session holds for this athlete this week: the largest version,
   * within the caps, of the menu's workouts that suit the zone — of the stand-ins when none on the
   * menu does, as pickFitting chooses — or the zone's cap when none at all does (a session then
   * falls back on the menu, see pickFitting).
   */
  private sessionCapacity(menu: readonly number[], fallback: readonly number[], view: CoachView, zone: number): number {
    const cap = zone === DOSE_Z3 ? this.highCap : this.thresholdCap;
    let most = this.largestSuiting(menu, view, zone);
    if (most === 0) most = this.largestSuiting(fallback, view, zone);
    return most > 0 && most < cap ? most : cap;
  }

  /** The largest `zone` minutes, within the caps, of the workouts in `workouts` that suit the zone (0 if none does). */
  private largestSuiting(workouts: readonly number[], view: CoachView, zone: number): number {
    let most = 0;
    for (let i = 0; i < workouts.length; i++) {
      const at = this.zoneFacts(workouts[i]!, view, zone);
      if (this.suitsZone[at] === 1 && this.zoneLargest[at]! > most) most = this.zoneLargest[at]!;
    }
    return most;
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
    this.repsCeiling[k] = this.ceilingOf(workout, profiles);
    if (this.hardReps[k]! > this.repsCeiling[k]!) this.hardReps[k] = this.repsCeiling[k]!;
  }

  private typicalReps(): void {
    for (let k = 0; k < this.hardCount; k++) {
      const typical = this.catalogue.repsTypical[this.hardWorkout[k]!]!;
      this.hardReps[k] = typical < this.repsCeiling[k]! ? typical : this.repsCeiling[k]!;
    }
  }

  /** Solves repetitions so that zone-3 minutes meet the target (high sessions) and zone-2 minutes theirs. */
  private solveReps(targets: WeekTargets): void {
    const { hardRole: role, hardReps: reps, hardWorkout: workout, fixedZ2, fixedZ3, repZ2, repZ3, repsCeiling } = this;
    const repsMin = this.catalogue.repsMin;
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
        reps[k] = clamp(next, repsMin[workout[k]!]!, repsCeiling[k]!);
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
      this.hardReps[k] = clamp(reps, this.catalogue.repsMin[workout]!, this.repsCeiling[k]!);
    }
    while (this.hardCount > 0 && this.hardSessionMinutes() > budget) {
      this.hardCount--;
      const day = this.hardDay[this.hardCount]!;
      let stillHard = 0;
      for (let k = 0; k < this.hardCount; k++) if (this.hardDay[k] === day) stillHard = 1;
      this.hard[day] = stillHard;
    }
  }

  /**
   * No day over PLANNING.maxDayMinutes: on a day whose hard sessions (a double) run over it, the
   * later session shrinks (to its minimum), then goes. One pass over the hard sessions.
   */
  private fitHardDaysIntoDayCap(): void {
    // Most weeks hold one hard session a day, each far shorter than a day: nothing to do.
    let shared = false;
    for (let k = 0; k < this.hardCount && !shared; k++) {
      shared = this.fixedMinutes[k]! + this.hardReps[k]! * this.repMinutes[k]! > PLANNING.maxDayMinutes;
      for (let j = 0; j < k && !shared; j++) shared = this.hardDay[j] === this.hardDay[k];
    }
    if (!shared) return;
    const onDay = this.hardMinutesOnDay;
    onDay.fill(0);
    for (let k = 0; k < this.hardCount; k++) onDay[this.hardDay[k]!]! += this.fixedMinutes[k]! + this.hardReps[k]! * this.repMinutes[k]!;
    for (let k = this.hardCount - 1; k >= 0; k--) {
      const day = this.hardDay[k]!;
      const over = onDay[day]! - PLANNING.maxDayMinutes;
      if (over <= CAP_TOLERANCE) continue;
      const least = this.catalogue.repsMin[this.hardWorkout[k]!]!;
      const reps = Math.floor(this.hardReps[k]! - over / Math.max(this.repMinutes[k]!, 1e-6));
      const was = this.fixedMinutes[k]! + this.hardReps[k]! * this.repMinutes[k]!;
      if (reps >= least) {
        this.hardReps[k] = reps;
        onDay[day]! += this.fixedMinutes[k]! + reps * this.repMinutes[k]! - was;
      } else {
        onDay[day]! -= was;
        this.removeHard(k);
      }
    }
  }

  /** Removes hard session k (the later ones move up); its day stays hard if another session is on it. */
  private removeHard(k: number): void {
    const day = this.hardDay[k]!;
    for (let j = k; j < this.hardCount - 1; j++) {
      this.hardWorkout[j] = this.hardWorkout[j + 1]!;
      this.hardRole[j] = this.hardRole[j + 1]!;
      this.hardReps[j] = this.hardReps[j + 1]!;
      this.hardDay[j] = this.hardDay[j + 1]!;
      this.fixedZ2[j] = this.fixedZ2[j + 1]!;
      this.fixedZ3[j] = this.fixedZ3[j + 1]!;
      this.fixedMinutes[j] = this.fixedMinutes[j + 1]!;
      this.repZ2[j] = this.repZ2[j + 1]!;
      this.repZ3[j] = this.repZ3[j + 1]!;
      this.repMinutes[j] = this.repMinutes[j + 1]!;
      this.repsCeiling[j] = this.repsCeiling[j + 1]!;
    }
    this.hardCount--;
    let stillHard = 0;
    for (let j = 0; j < this.hardCount; j++) if (this.hardDay[j] === day) stillHard = 1;
    this.hard[day] = stillHard;
  }

  private hardSessionMinutes(): number {
    let used = 0;
    for (let k = 0; k < this.hardCount; k++) used += this.fixedMinutes[k]! + this.hardReps[k]! * this.repMinutes[k]!;
    return used;
  }

  /**
   * Fills the easy days with `minutes`: a long run of about `longRunShare` of the week's `total`
   * (with a fast finish worth `z2Gap` zone-2 minutes) and easy runs (with strides worth `z3Gap`
   * zone-3 minutes), two on a day longer than one easy run may be. Returns the minutes the easy
   * days cannot hold within the caps (see addEasyDoubles).
   */
  private fillEasyDays(
    design: ResolvedDesign,
    total: number,
    minutes: number,
    z3Gap: number,
    z2Gap: number,
    profiles: Float64Array,
    out: WeekPlan,
  ): number {
    let easyDays = 0;
    for (let d = 0; d < 7; d++) if (this.training[d] === 1 && this.hard[d] === 0) easyDays++;
    if (easyDays === 0 || minutes < PLANNING.minEasyMinutes) return 0;
    while (easyDays > 1 && minutes / easyDays < PLANNING.minEasyMinutes) easyDays--;

    let longMinutes = minutes;
    if (easyDays > 1) {
      const share = Math.max(design.longRunShare * total, minutes / easyDays);
      longMinutes = Math.min(share, minutes - (easyDays - 1) * PLANNING.minEasyMinutes);
    }
    if (longMinutes > PLANNING.maxLongRunMinutes) longMinutes = PLANNING.maxLongRunMinutes;
    // Another easy day holds at most two runs of the longest easy run, within the day's cap.
    const fullDay = Math.min(PLANNING.maxDayMinutes, PLANNING.maxSessionsPerDay * PLANNING.maxEasyRunMinutes);
    let otherMinutes = easyDays > 1 ? (minutes - longMinutes) / (easyDays - 1) : 0;
    if (otherMinutes > fullDay) otherMinutes = fullDay;
    const left = minutes - longMinutes - (easyDays - 1) * otherMinutes;

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
      // Two runs on a long day, the strides within the first: each run, strides included, half the day.
      const runs = otherMinutes > PLANNING.maxEasyRunMinutes ? 2 : 1;
      out.add(day, this.easyRun, otherMinutes / runs - dayStrides * strideMinutes, dayStrides);
      if (runs === 2) out.add(day, this.easyRun, otherMinutes / 2, 0);
    }
    return left;
  }

  /**
   * The easy days are full: up to `minutes` more as easy runs after the hard sessions, spread over
   * the hard days with room for another session, each run within the longest easy run and the day
   * within its cap. What does not fit is not planned.
   */
  private addEasyDoubles(minutes: number, out: WeekPlan): void {
    const onDay = this.hardMinutesOnDay;
    onDay.fill(0);
    const sessions = this.sessionsOnDay;
    sessions.fill(0);
    for (let k = 0; k < this.hardCount; k++) {
      const day = this.hardDay[k]!;
      onDay[day]! += this.fixedMinutes[k]! + this.hardReps[k]! * this.repMinutes[k]!;
      sessions[day]!++;
    }
    let open = 0;
    for (let d = 0; d < 7; d++) if (sessions[d]! > 0 && sessions[d]! < PLANNING.maxSessionsPerDay) open++;
    let left = minutes;
    for (let d = 0; d < 7 && open > 0; d++) {
      if (sessions[d] === 0 || sessions[d]! >= PLANNING.maxSessionsPerDay) continue;
      const share = left / open--;
      const room = Math.min(PLANNING.maxEasyRunMinutes, PLANNING.maxDayMinutes - onDay[d]!);
      const run = share < room ? share : room;
      if (run < PLANNING.minEasyMinutes) continue;
      out.add(d, this.easyRun, run, 0);
      left -= run;
    }
  }
}

/**
 * How many zone-3 and zone-2 sessions a week needs: at least enough to hold the targets at the largest
 * session size (`highCap`, `thresholdCap` minutes), more (up to the preferred session size) while hard
 * slots are free, and — when the slots cannot hold both — a share of the slots for each in proportion
 * to what it needs. No kind starts with more sessions than there are slots, so each of the two loops
 * takes at most `slots` steps, whatever the targets; returns the steps taken.
 */
export function sessionCounts(z3Minutes: number, z2Minutes: number, slots: number, highCap: number, thresholdCap: number, out: Int32Array): number {
  const wantsHigh = z3Minutes >= PLANNING.minHighSessionMinutes && highCap > 0;
  const wantsThreshold = z2Minutes >= PLANNING.minThresholdSessionMinutes && thresholdCap > 0;
  let high = wantsHigh ? Math.min(Math.ceil(z3Minutes / highCap), slots) : 0;
  let threshold = wantsThreshold ? Math.min(Math.ceil(z2Minutes / thresholdCap), slots) : 0;
  let steps = 0;
  while (high + threshold > slots) {
    steps++;
    // A lone session whose minutes a fast finish or strides can carry goes first; otherwise take a
    // session from the kind whose sessions would grow least, relative to their largest size.
    if (threshold === 1 && z2Minutes <= PLANNING.fastFinishMinutes) threshold--;
    else if (high === 1 && z3Minutes <= PLANNING.stridesMinutes) high--;
    else {
      const highLoad = high > 1 ? z3Minutes / (high - 1) / highCap : Infinity;
      const thresholdLoad = threshold > 1 ? z2Minutes / (threshold - 1) / thresholdCap : Infinity;
      if (highLoad === Infinity && thresholdLoad === Infinity) {
        if (threshold > 0 && (high === 0 || z2Minutes < z3Minutes)) threshold--;
        else high--;
      } else if (thresholdLoad <= highLoad) threshold--;
      else high--;
    }
  }
  // Free slots: split the fuller kind until sessions are of the preferred size (never above the cap).
  const highSize = Math.min(PLANNING.highMinutesPerSession, highCap);
  const thresholdSize = Math.min(PLANNING.thresholdMinutesPerSession, thresholdCap);
  while (high + threshold < slots) {
    const highLoad = high > 0 ? z3Minutes / high / highSize : 0;
    const thresholdLoad = threshold > 0 ? z2Minutes / threshold / thresholdSize : 0;
    if (Math.max(highLoad, thresholdLoad) <= 1) break;
    steps++;
    if (highLoad >= thresholdLoad) high++;
    else threshold++;
  }
  out[0] = high;
  out[1] = threshold;
  return steps;
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

