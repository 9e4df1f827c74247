import type { Parameters } from '../models/parameters.ts';
import { requireWorkout, type CompiledCatalogue } from '../models/workouts/compile.ts';
import { DOSE_FIELDS, DoseEvaluator, PROFILE_HARD, PROFILE_STRIDE, sessionDose } from '../models/workouts/dose.ts';
import { SECTION_REP } from '../models/workouts/compile.ts';
import { vVO2max } from '../models/physiology/thresholds.ts';
import { PLANNER_WORKOUTS, type CoachView } from '../engine/plan/generator.ts';
import { coachAnchors, type CoachingRules, type TestedProfile } from '../engine/profile.ts';
import type { WeekPlan } from '../engine/plan/week-plan.ts';
import { applyReadinessToRacePaces, fillAnchors } from './anchors.ts';
import type { AthleteTraits } from './population.ts';
import type { AthleteState } from './model/state.ts';
import type { RunSpec } from './scenario/prepare.ts';

/** Anchors (and workout doses) are recomputed when they move by 2 %, and at least every 4 weeks. */
const ANCHOR_TOLERANCE = 0.02;
const ANCHOR_REFRESH_WEEKS = 4;

/**
 * How far a coach's race-pace estimate may be from the athlete's truth relative to LT2: time-trial
 * error (CV ≈ 1.5 %), lactate-test error (≈ 3 %) and race-prediction error: about 2 SD of their sum.
 */
const COACH_RACE_PACE_MARGIN = 0.06;

/** Catalogue indices of every workout the planner may use for the scenario's arms. */
function plannableWorkouts(spec: RunSpec, catalogue: CompiledCatalogue): number[] {
  const used = new Set<number>(PLANNER_WORKOUTS.map((id) => requireWorkout(catalogue, id)));
  for (const arm of spec.arms) {
    for (const block of arm.macroplan.blocks) for (const w of [...block.design.highMenu, ...block.design.thresholdMenu]) used.add(w);
  }
  for (const w of [...used]) if (catalogue.pairedWith[w]! >= 0) used.add(catalogue.pairedWith[w]!);
  return [...used].sort((a, b) => a - b);
}

/**
 * What each catalogue workout does to one athlete, two ways: the truth — minutes per zone, cost and
 * RPE at the athlete's current thresholds, which the physiology receives — and the coach's view, at
 * the anchors the coach set from the baseline tests, from which the engine plans. The truth is
 * re-evaluated lazily, workout by workout, when the athlete's thresholds have moved.
 */
export class WorkoutProfiles {
  /** The athlete's anchor speeds now (ANCHORS order, km/h). */
  private readonly anchors = new Float64Array(7);
  /** The coach's anchor speeds (ANCHORS order, km/h), set by `setCoachView`: what a plan's paces are written from. */
  readonly coachAnchorSpeeds = new Float64Array(7);
  private readonly raceMinutes = new Float64Array(4);
  /** True profiles (PROFILE_STRIDE numbers per workout), each valid while its stamp is current. */
  readonly trueProfiles: Float64Array;
  readonly coachView: CoachView;
  /** The habitual week is planned at the athlete's true anchors: the athlete plans it themselves. */
  readonly habitualView: CoachView;
  private readonly profileWeek: Int32Array;
  private profileStamp = 0;
  private anchorsWeek = 0;
  private readonly anchorsBasis = new Float64Array(3);
  private readonly doses: DoseEvaluator;
  private readonly doseScratch = new Float64Array(DOSE_FIELDS);
  private readonly easyScratch = new Float64Array(DOSE_FIELDS);
  /** The catalogue index of the easy run. */
  readonly easyRunIndex: number;
  private readonly coachingRules: CoachingRules;
  /** The workouts any arm's planner may choose (menus, their afternoon partners, the planner's stand-ins, easy and long runs). */
  private readonly plannable: readonly number[];

  constructor(
    spec: RunSpec,
    private readonly parameters: Parameters,
    catalogue: CompiledCatalogue,
  ) {
    this.doses = new DoseEvaluator(catalogue, parameters.effort);
    this.coachingRules = { peakSpeedOverVVO2max: parameters.tests.peakSpeedOverVVO2max, riegelExponent: parameters.coaching.riegelExponent };
    this.plannable = plannableWorkouts(spec, catalogue);
    this.easyRunIndex = requireWorkout(catalogue, 'easy-run');
    const table = () => new Float64Array(catalogue.count * PROFILE_STRIDE);
    this.coachView = { profiles: table(), slowerPaces: table(), fasterPaces: table() };
    this.trueProfiles = table();
    this.habitualView = { profiles: this.trueProfiles, slowerPaces: this.trueProfiles, fasterPaces: this.trueProfiles };
    this.profileWeek = new Int32Array(catalogue.count).fill(-1);
  }

  /**
   * Every workout at the athlete's true anchors before any test: thresholds from the traits, race
   * paces as the athlete races them in habitual training (at `readiness` of fresh).
   */
  startAthlete(traits: AthleteTraits, readiness: number): void {
    this.raceMinutes.fill(0);
    fillAnchors(traits.vo2max, traits.economy, traits.lt1Fraction, traits.lt2Fraction, this.parameters.race, this.raceMinutes, this.anchors);
    applyReadinessToRacePaces(this.anchors, readiness);
    this.profileStamp++;
    this.doses.evaluateAll(this.anchors, this.trueProfiles);
    this.profileWeek.fill(this.profileStamp);
  }

  /** The coach's anchors from the baseline tests, and every plannable workout's dose at them. */
  setCoachView(tested: TestedProfile): void {
    coachAnchors(tested, this.coachingRules, this.coachAnchorSpeeds);
    this.buildCoachView();
  }

  /** An arm starts: the anchors are refreshed in its first week. */
  startArm(): void {
    this.anchorsWeek = -ANCHOR_REFRESH_WEEKS;
  }

  /** Whether the workout's main set is above LT1 for the athlete (true) or as the coach prescribed it (coach). */
  isHard(w: number, coach: boolean): boolean {
    return (coach ? this.coachView.profiles : this.trueProfiles)[w * PROFILE_STRIDE + PROFILE_HARD] === 1;
  }

  /**
   * The anchors the athlete trains at: LT1, LT2 and vVO2max as they are now (run by feel, heart
   * rate or lactate), race paces as the coach set them from the baseline time trial (run by the
   * watch — so they get relatively easier as the athlete improves). Workout doses are recomputed
   * when a threshold has moved by ANCHOR_TOLERANCE since the last time, and at least every
   * ANCHOR_REFRESH_WEEKS weeks.
   */
  refreshIfMoved(s: AthleteState, week: number): void {
    const top = vVO2max(s.vo2max, s.economy);
    const basis = this.anchorsBasis;
    if (
      week - this.anchorsWeek < ANCHOR_REFRESH_WEEKS &&
      Math.abs(top / basis[0]! - 1) < ANCHOR_TOLERANCE &&
      Math.abs(s.lt1Fraction / basis[1]! - 1) < ANCHOR_TOLERANCE &&
      Math.abs(s.lt2Fraction / basis[2]! - 1) < ANCHOR_TOLERANCE
    ) {
      return;
    }
    basis[0] = top;
    basis[1] = s.lt1Fraction;
    basis[2] = s.lt2Fraction;
    this.anchorsWeek = week;
    const anchors = this.anchors;
    anchors[0] = s.lt1Fraction * top;
    anchors[1] = s.lt2Fraction * top;
    anchors[2] = top;
    for (let i = 3; i < 7; i++) anchors[i] = this.coachAnchorSpeeds[i]!;
    this.profileStamp++;
  }

  /** Makes workout w's true profile current. */
  ensure(w: number): void {
    if (this.profileWeek[w] === this.profileStamp) return;
    this.doses.evaluate(w, this.anchors, this.trueProfiles, w * PROFILE_STRIDE);
    this.profileWeek[w] = this.profileStamp;
  }

  /** The true dose of one minute of easy running (every field), for days the athlete can only run easy. */
  easyMinute(): Float64Array {
    const w = this.easyRunIndex;
    this.ensure(w);
    const at = w * PROFILE_STRIDE + SECTION_REP * DOSE_FIELDS;
    for (let field = 0; field < DOSE_FIELDS; field++) this.easyScratch[field] = this.trueProfiles[at + field]!;
    return this.easyScratch;
  }

  /** True dose of session k of a week plan (every field), in a reused buffer. */
  sessionDose(plan: WeekPlan, k: number): Float64Array {
    return sessionDose(this.trueProfiles, plan.workout[k]!, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!, this.doseScratch);
  }

  /**
   * The coach's view: workout doses at the coach's anchors, and the same with the race paces moved
   * by the coach's uncertainty about them relative to the athlete's thresholds (the threshold-relative
   * prescriptions are run by feel and need no margin).
   */
  private buildCoachView(): void {
    const anchors = this.coachAnchorSpeeds;
    const margin = COACH_RACE_PACE_MARGIN;
    const used = this.plannable;
    this.doses.evaluateAll(anchors, this.coachView.profiles, used);
    for (let i = 3; i < 7; i++) anchors[i]! *= 1 - margin;
    this.doses.evaluateAll(anchors, this.coachView.slowerPaces, used);
    for (let i = 3; i < 7; i++) anchors[i]! *= (1 + margin) / (1 - margin);
    this.doses.evaluateAll(anchors, this.coachView.fasterPaces, used);
    for (let i = 3; i < 7; i++) anchors[i]! /= 1 + margin;
  }
}
