import type { Parameters } from '../models/parameters.ts';
import type { CompiledCatalogue } from '../models/workouts/compile.ts';
import { GOAL_CODE } from '../models/workouts/compile.ts';
import {
  DOSE_COST,
  DOSE_RPE,
  DOSE_RPE_SQUARED,
  DOSE_Z1,
  DOSE_Z2,
  DOSE_Z3,
  PROFILE_HARD,
  PROFILE_STRIDE,
  DoseEvaluator,
  sessionDoseField,
} from '../models/workouts/dose.ts';
import type { ResolvedDesign } from '../engine/designs/resolve.ts';
import { habitualDesign } from '../engine/designs/habitual.ts';
import { WeekPlanner, type CoachView } from '../engine/plan/generator.ts';
import { TargetTracker, WeekTargets } from '../engine/plan/targets.ts';
import { WeekPlan } from '../engine/plan/week-plan.ts';
import { coachAnchors } from '../engine/profile.ts';
import { applyReadinessToRacePaces, fillAnchors } from './anchors.ts';
import { EventSchedule } from './events.ts';
import type { AdaptationModel } from './model/adaptation-model.ts';
import { AthleteConstants, AthleteState } from './model/state.ts';
import { AthleteTraits, sampleAthlete } from './population.ts';
import { ARM, ARM_COUNT, AthleteResults, TEST, TEST_COUNT } from './results.ts';
import { deriveStreamSeed, RandomStream, type StreamPurpose } from './rng.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { runTestBattery } from './test-battery.ts';

/** Receives one row per athlete-arm-day when daily output is asked for. */
export interface DaySink {
  day(
    traits: AthleteTraits,
    arm: number,
    day: number,
    z1: number,
    z2: number,
    z3: number,
    sessionRpeLoad: number,
    restingHr: number,
    lnRmssd: number,
    sleepHours: number,
    sessionRpe: number,
    ill: boolean,
  ): void;
}

/** Anchors (and workout doses) are recomputed when they move by 1 %, and at least every 4 weeks. */
const ANCHOR_TOLERANCE = 0.01;
const ANCHOR_REFRESH_WEEKS = 4;

const DAILY_PURPOSES: readonly StreamPurpose[] = ['sleep', 'illness', 'markers', 'rpe', 'tests'];

/**
 * Runs athletes one at a time through the baseline week, the baseline tests and then every arm.
 *
 * Each arm restarts from the same baseline state and replays the same random streams, so arms differ
 * only by what the athlete was planned to do (common random numbers, DESIGN.md §4). The physiology
 * sees only the minutes per zone and the cost of what was done; the plan comes from the engine,
 * which sees only the coach's test results.
 *
 * Allocation-free after construction: one simulator per worker, its buffers reused for every athlete.
 */
export class Simulator {
  readonly traits = new AthleteTraits();
  private readonly constants = new AthleteConstants();
  private readonly baselineState = new AthleteState();
  private readonly state = new AthleteState();
  private readonly streams = new Map<StreamPurpose, RandomStream>();
  private readonly sleepStream: RandomStream;
  private readonly illnessStream: RandomStream;
  private readonly markerStream: RandomStream;
  private readonly rpeStream: RandomStream;
  private readonly testStream: RandomStream;
  private readonly savedStreams: Int32Array;
  private readonly seedScratch = new Int32Array(4);
  private readonly schedule: EventSchedule;
  private readonly planner: WeekPlanner;
  private readonly doses: DoseEvaluator;
  private readonly weekPlan = new WeekPlan();
  private readonly targets = new WeekTargets();
  private readonly tracker = new TargetTracker();
  private readonly coachView: CoachView;
  private readonly habitualView: CoachView;
  private readonly trueProfiles: Float64Array;
  private readonly profileWeek: Int32Array;
  private profileStamp = 0;
  private readonly anchors = new Float64Array(7);
  private readonly coachAnchorSpeeds = new Float64Array(7);
  private readonly raceMinutes = new Float64Array(4);
  private readonly habitualZ1 = new Float64Array(7);
  private readonly habitualZ2 = new Float64Array(7);
  private readonly habitualZ3 = new Float64Array(7);
  private readonly habitualCost = new Float64Array(7);
  private readonly habitualDesigns = new Map<string, ResolvedDesign>();
  private lastSleepHours = 0;

  constructor(
    private readonly spec: RunSpec,
    private readonly parameters: Parameters,
    private readonly model: AdaptationModel,
    private readonly catalogue: CompiledCatalogue,
  ) {
    for (const purpose of ['traits', 'events', ...DAILY_PURPOSES] as const) this.streams.set(purpose, new RandomStream());
    this.sleepStream = this.streams.get('sleep')!;
    this.illnessStream = this.streams.get('illness')!;
    this.markerStream = this.streams.get('markers')!;
    this.rpeStream = this.streams.get('rpe')!;
    this.testStream = this.streams.get('tests')!;
    this.savedStreams = new Int32Array(DAILY_PURPOSES.length * 4);
    this.schedule = new EventSchedule(spec.weeks);
    this.planner = new WeekPlanner(catalogue);
    this.doses = new DoseEvaluator(catalogue, parameters.effort);
    const table = () => new Float64Array(catalogue.count * PROFILE_STRIDE);
    this.coachView = { profiles: table(), safeForHigh: table(), safeForThreshold: table() };
    this.trueProfiles = table();
    this.habitualView = { profiles: this.trueProfiles, safeForHigh: this.trueProfiles, safeForThreshold: this.trueProfiles };
    this.profileWeek = new Int32Array(catalogue.count).fill(-1);
  }

  /** Simulates athlete `index` in every arm, filling `results`; daily rows go to `days` if given. */
  runAthlete(index: number, results: AthleteResults, days: DaySink | null): void {
    const { spec, parameters, model, traits, constants } = this;
    const seed = spec.seed;
    for (const [purpose, stream] of this.streams) stream.reseed(deriveStreamSeed(seed, index, purpose, this.seedScratch));
    sampleAthlete(spec.population, index, this.streams.get('traits')!, parameters, traits);
    this.schedule.fill(spec.events, this.streams.get('events')!);

    // The habitual week, run at the athlete's true anchors, sets the starting equilibrium.
    const habitual = this.habitualDesign(traits);
    this.raceMinutes.fill(0);
    fillAnchors(traits.vo2max, traits.economy, traits.lt1Fraction, traits.lt2Fraction, parameters.race, this.raceMinutes, this.anchors);
    // In habitual training the athlete carries habitual fatigue (strain 1).
    applyReadinessToRacePaces(this.anchors, 1 - parameters.fatigue.performancePerStrain);
    this.invalidateProfiles();
    this.targets.totalMinutes = traits.weeklyHours * 60;
    this.targets.z2Minutes = this.targets.totalMinutes * traits.habitualZ2;
    this.targets.z3Minutes = this.targets.totalMinutes * traits.habitualZ3;
    this.evaluateAll(this.anchors, this.trueProfiles);
    this.planner.plan(habitual, this.targets, 1, this.habitualView, this.weekPlan);
    this.habitualZ1.fill(0);
    this.habitualZ2.fill(0);
    this.habitualZ3.fill(0);
    this.habitualCost.fill(0);
    for (let k = 0; k < this.weekPlan.count; k++) {
      const day = this.weekPlan.day[k]!;
      const w = this.weekPlan.workout[k]!;
      this.habitualZ1[day]! += this.sessionDose(w, k, DOSE_Z1);
      this.habitualZ2[day]! += this.sessionDose(w, k, DOSE_Z2);
      this.habitualZ3[day]! += this.sessionDose(w, k, DOSE_Z3);
      this.habitualCost[day]! += this.sessionDose(w, k, DOSE_COST);
    }
    model.initialize(traits, this.habitualZ1, this.habitualZ2, this.habitualZ3, this.habitualCost, constants, this.baselineState);

    // Baseline week (days −6 … 0) of habitual training with markers, then the night before day 1.
    const s = this.state;
    s.copyFrom(this.baselineState);
    let restingHrSum = 0;
    let lnRmssdSum = 0;
    for (let d = 0; d < 7; d++) {
      this.night(s, Number.NaN);
      const ill = this.checkIllness(s, 0);
      restingHrSum += this.restingHr(s);
      lnRmssdSum += this.lnRmssd(s);
      if (ill) model.train(constants, s, 0, 0, 0, 0);
      else model.train(constants, s, this.habitualZ1[d]!, this.habitualZ2[d]!, this.habitualZ3[d]!, this.habitualCost[d]!);
    }
    this.night(s, this.schedule.sleepHours[1]!);
    results.baselineRestingHr = restingHrSum / 7;
    results.baselineLnRmssd = lnRmssdSum / 7;
    runTestBattery(model, parameters, constants, s, this.testStream, results.baselineTrue, results.baselineMeasured, 0);
    this.baselineState.copyFrom(s);
    this.saveStreams();

    coachAnchors(
      {
        lt1Speed: results.baselineMeasured[TEST.lt1Speed]!,
        lt2Speed: results.baselineMeasured[TEST.lt2Speed]!,
        peakSpeed: results.baselineMeasured[TEST.peakSpeed]!,
        timeTrialMinutes: results.baselineMeasured[TEST.timeTrialMinutes]!,
      },
      this.coachAnchorSpeeds,
    );
    this.buildCoachView();

    for (let arm = 0; arm < spec.arms.length; arm++) this.runArm(arm, results, days);
  }

  private runArm(arm: number, results: AthleteResults, days: DaySink | null): void {
    const { spec, model, constants, traits, catalogue, parameters } = this;
    const s = this.state;
    const plan = this.weekPlan;
    const macroplan = spec.arms[arm]!.macroplan;
    s.copyFrom(this.baselineState);
    this.restoreStreams();
    this.tracker.reset(traits.weeklyHours, { z1: traits.habitualZ1, z2: traits.habitualZ2, z3: traits.habitualZ3 });
    this.raceMinutes.fill(0);
    this.anchorsWeek = -ANCHOR_REFRESH_WEEKS;
    const row = results.arm;
    const base = arm * ARM_COUNT;
    row.fill(0, base, base + ARM_COUNT);
    const lastWeekStart = (spec.weeks - 1) * 7 + 1;
    let restingHrSum = 0;
    let lnRmssdSum = 0;

    for (let week = 1; week <= spec.weeks; week++) {
      model.refreshPhysiology(constants, s);
      this.refreshAnchorsIfMoved(s, week);
      this.tracker.next(macroplan, week, this.schedule.loadFactor[week]!, this.targets);
      const design = macroplan.blocks[macroplan.blockOfWeek[week]!]!.design;
      this.planner.plan(design, this.targets, week, this.coachView, plan);
      let k = 0;
      for (let weekday = 0; weekday < 7; weekday++) {
        const day = (week - 1) * 7 + weekday + 1;
        if (day > 1) this.night(s, this.schedule.sleepHours[day]!);
        const ill = this.checkIllness(s, this.schedule.illnessStart[day]!);
        const restingHr = this.restingHr(s);
        const lnRmssd = this.lnRmssd(s);
        if (day >= lastWeekStart) {
          restingHrSum += restingHr;
          lnRmssdSum += lnRmssd;
        }
        let z1 = 0;
        let z2 = 0;
        let z3 = 0;
        let cost = 0;
        let load = 0;
        let minutes = 0;
        const strain = model.strain(constants, s);
        const rpeNoise = this.sessionRpeNoise();
        for (; k < plan.count && plan.day[k] === weekday; k++) {
          const w = plan.workout[k]!;
          if (ill) {
            row[base + ARM.missedSessions]!++;
            continue;
          }
          this.ensureProfile(w);
          const m1 = this.sessionDose(w, k, DOSE_Z1);
          const m2 = this.sessionDose(w, k, DOSE_Z2);
          const m3 = this.sessionDose(w, k, DOSE_Z3);
          const sessionMinutes = m1 + m2 + m3;
          z1 += m1;
          z2 += m2;
          z3 += m3;
          cost += this.sessionDose(w, k, DOSE_COST);
          const rpe = this.sessionRpe(w, k, strain, rpeNoise);
          load += rpe * sessionMinutes;
          minutes += sessionMinutes;
          row[base + ARM.sessions]!++;
          if (this.trueProfiles[w * PROFILE_STRIDE + PROFILE_HARD] === 1) row[base + ARM.hardSessions]!++;
          const goal = catalogue.goal[w]!;
          row[base + (goal === GOAL_CODE.high ? ARM.highGoalSessions : goal === GOAL_CODE.threshold ? ARM.thresholdGoalSessions : ARM.lowGoalSessions)]!++;
        }
        model.train(constants, s, z1, z2, z3, cost);
        row[base + ARM.z1Minutes]! += z1;
        row[base + ARM.z2Minutes]! += z2;
        row[base + ARM.z3Minutes]! += z3;
        row[base + ARM.sessionRpeLoad]! += load;
        if (ill) row[base + ARM.illnessDays]!++;
        if (days !== null) {
          days.day(traits, arm, day, z1, z2, z3, load, restingHr, lnRmssd, this.lastSleepHours, minutes > 0 ? load / minutes : Number.NaN, ill);
        }
      }
    }
    row[base + ARM.finalWeekRestingHr] = restingHrSum / 7;
    row[base + ARM.finalWeekLnRmssd] = lnRmssdSum / 7;
    row[base + ARM.finalWeekMarkerDays] = 7;
    // The night before the final tests, and the tests.
    const testDay = spec.weeks * 7 + 1;
    this.night(s, this.schedule.sleepHours[testDay]!);
    this.checkIllness(s, this.schedule.illnessStart[testDay]!);
    runTestBattery(model, parameters, constants, s, this.testStream, results.finalTrue, results.finalMeasured, arm * TEST_COUNT);
  }

  private anchorsWeek = 0;
  private readonly anchorsBasis = new Float64Array(4);

  /**
   * The athlete's anchors (thresholds, vVO2max, race paces as they can run them today) and with them
   * the dose of each workout, recomputed when any of LT1, LT2, vVO2max or readiness has moved by more
   * than ANCHOR_TOLERANCE since the last time, and at least every ANCHOR_REFRESH_WEEKS weeks.
   */
  private refreshAnchorsIfMoved(s: AthleteState, week: number): void {
    const top = (s.vo2max / s.economy) * 60;
    // Race paces follow fatigue (strain), not one night's sleep.
    const readiness = 1 - this.parameters.fatigue.performancePerStrain * this.model.strain(this.constants, s);
    const basis = this.anchorsBasis;
    if (
      week - this.anchorsWeek < ANCHOR_REFRESH_WEEKS &&
      Math.abs(top / basis[0]! - 1) < ANCHOR_TOLERANCE &&
      Math.abs(s.lt1Fraction / basis[1]! - 1) < ANCHOR_TOLERANCE &&
      Math.abs(s.lt2Fraction / basis[2]! - 1) < ANCHOR_TOLERANCE &&
      Math.abs(readiness / basis[3]! - 1) < ANCHOR_TOLERANCE
    ) {
      return;
    }
    basis[0] = top;
    basis[1] = s.lt1Fraction;
    basis[2] = s.lt2Fraction;
    basis[3] = readiness;
    this.anchorsWeek = week;
    fillAnchors(s.vo2max, s.economy, s.lt1Fraction, s.lt2Fraction, this.parameters.race, this.raceMinutes, this.anchors);
    applyReadinessToRacePaces(this.anchors, readiness);
    this.invalidateProfiles();
  }

  /** One night: the scheduled hours (a sleep-restriction event) or the athlete's own, with night-to-night spread. */
  private night(s: AthleteState, scheduled: number): void {
    const noise = this.sleepStream.normal();
    const c = this.constants;
    const restricted = scheduled === scheduled;
    let hours = restricted ? scheduled + 0.3 * noise : c.habitualSleep + this.parameters.sleep.nightlySdHours * noise;
    if (hours < 2) hours = 2;
    else if (hours > 12) hours = 12;
    this.lastSleepHours = hours;
    this.model.sleep(c, s, hours);
  }

  /**
   * Illness today: an ongoing episode counts down; a scheduled one starts; otherwise a new one starts
   * with a hazard that rises with strain and sleep debt. Two draws every day keep the stream aligned
   * across arms.
   */
  private checkIllness(s: AthleteState, scheduledDays: number): boolean {
    const onset = this.illnessStream.uniform();
    const length = this.illnessStream.uniform();
    const ill = this.parameters.illness;
    if (s.illDaysLeft > 0) s.illDaysLeft--;
    if (scheduledDays > 0 && scheduledDays > s.illDaysLeft) {
      s.illDaysLeft = scheduledDays;
    } else if (s.illDaysLeft === 0) {
      const strain = this.model.strain(this.constants, s);
      const hazard =
        (ill.episodesPerYear / 365) *
        Math.exp(ill.strainHazard * (strain > 1 ? strain - 1 : 0)) *
        (1 + ill.sleepDebtHazard * Math.max(0, s.sleepDebt - this.constants.baselineSleepDebt));
      if (onset < hazard) s.illDaysLeft = ill.durationDays.min + Math.floor(length * (ill.durationDays.max - ill.durationDays.min + 1));
    }
    return s.illDaysLeft > 0;
  }

  /** Morning resting HR (bpm): the athlete's own baseline, moved by strain, sleep debt, illness and fitness. */
  private restingHr(s: AthleteState): number {
    const c = this.constants;
    const m = this.parameters.markers.restingHr;
    const strain = this.model.strain(c, s);
    return (
      c.restingHr +
      m.perStrain * (strain - 1) +
      m.perSleepDebtHour * (s.sleepDebt - c.baselineSleepDebt) +
      (s.illDaysLeft > 0 ? m.illness : 0) +
      m.perVo2maxGainPct * (s.vo2max / c.baselineVo2max - 1) * 100 +
      m.noiseSd * this.markerStream.normal()
    );
  }

  /** Morning lnRMSSD (ln ms), moved the other way by the same causes. */
  private lnRmssd(s: AthleteState): number {
    const c = this.constants;
    const m = this.parameters.markers.lnRmssd;
    const strain = this.model.strain(c, s);
    return (
      c.lnRmssd +
      m.perStrain * (strain - 1) +
      m.perSleepDebtHour * (s.sleepDebt - c.baselineSleepDebt) +
      (s.illDaysLeft > 0 ? m.illness : 0) +
      m.perVo2maxGainPct * (s.vo2max / c.baselineVo2max - 1) * 100 +
      m.noiseSd * this.markerStream.normal()
    );
  }

  /** One noise draw a day for session RPE (shared by the day's sessions), so streams stay aligned. */
  private sessionRpeNoise(): number {
    return this.parameters.markers.rpe.noiseSd * this.rpeStream.normal();
  }

  /**
   * Session RPE (CR-10) as the athlete would report it: Σ min·RPE² / Σ min·RPE over the session's
   * parts, so the hard parts dominate as in Foster's session RPE, raised by strain and short sleep.
   */
  private sessionRpe(w: number, k: number, strain: number, noise: number): number {
    const r = this.parameters.markers.rpe;
    const weighted = this.sessionDose(w, k, DOSE_RPE);
    const squared = this.sessionDose(w, k, DOSE_RPE_SQUARED);
    const rpe = squared / weighted + r.perStrain * (strain - 1) + r.perHourDeficit * this.state.lastNightDeficit + noise;
    return rpe < 0.5 ? 0.5 : rpe > 10 ? 10 : rpe;
  }

  /** One field of the dose of session k of the week plan (workout w), from this week's true profile. */
  private sessionDose(w: number, k: number, field: number): number {
    const plan = this.weekPlan;
    return sessionDoseField(this.trueProfiles, w, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!, field);
  }

  private invalidateProfiles(): void {
    this.profileStamp++;
  }

  private ensureProfile(w: number): void {
    if (this.profileWeek[w] === this.profileStamp) return;
    this.doses.evaluate(w, this.anchors, this.trueProfiles, w * PROFILE_STRIDE);
    this.profileWeek[w] = this.profileStamp;
  }

  private evaluateAll(anchors: Float64Array, out: Float64Array): void {
    this.doses.evaluateAll(anchors, out);
    if (out === this.trueProfiles) this.profileWeek.fill(this.profileStamp);
  }

  /** The coach's view: workout doses at the coach's anchors, and with LT2 moved by the test error either way. */
  private buildCoachView(): void {
    const anchors = this.coachAnchorSpeeds;
    const lt2 = anchors[1]!;
    const margin = this.parameters.tests.lt2SpeedCv;
    this.evaluateAll(anchors, this.coachView.profiles);
    anchors[1] = lt2 * (1 + margin);
    this.evaluateAll(anchors, this.coachView.safeForHigh);
    anchors[1] = lt2 * (1 - margin);
    this.evaluateAll(anchors, this.coachView.safeForThreshold);
    anchors[1] = lt2;
  }

  private saveStreams(): void {
    DAILY_PURPOSES.forEach((purpose, i) => this.streams.get(purpose)!.saveTo(this.savedStreams.subarray(i * 4, i * 4 + 4)));
  }

  private restoreStreams(): void {
    DAILY_PURPOSES.forEach((purpose, i) => this.streams.get(purpose)!.reseed(this.savedStreams.subarray(i * 4, i * 4 + 4)));
  }

  /** The athlete's habitual training, by level (the distribution is the level's). */
  private habitualDesign(traits: AthleteTraits): ResolvedDesign {
    let design = this.habitualDesigns.get(traits.level);
    if (design === undefined) {
      design = habitualDesign({ z1: traits.habitualZ1, z2: traits.habitualZ2, z3: traits.habitualZ3 }, this.catalogue);
      this.habitualDesigns.set(traits.level, design);
    }
    return design;
  }
}
