import type { Parameters } from '../models/parameters.ts';
import type { CompiledCatalogue } from '../models/workouts/compile.ts';
import { GOAL_CODE, requireWorkout } from '../models/workouts/compile.ts';
import {
  DOSE_COST,
  DOSE_FIELDS,
  DOSE_RPE,
  DOSE_RPE_SQUARED,
  DOSE_Z1,
  DOSE_Z2,
  DOSE_Z3,
  PROFILE_HARD,
  PROFILE_STRIDE,
  DoseEvaluator,
  sessionDose,
} from '../models/workouts/dose.ts';
import type { Adjustment, AdjustmentListener } from '../engine/adapt/adjustment.ts';
import { AdaptiveEngine, type EngineParts } from '../engine/adapt/engine.ts';
import { ObservedHistory } from '../engine/adapt/history.ts';
import type { ResolvedDesign } from '../engine/designs/resolve.ts';
import { habitualDesign } from '../engine/designs/habitual.ts';
import { PLANNER_WORKOUTS, WeekPlanner, type CoachView } from '../engine/plan/generator.ts';
import { TargetTracker, WeekTargets } from '../engine/plan/targets.ts';
import { WeekPlan } from '../engine/plan/week-plan.ts';
import { coachAnchors, type CoachingRules } from '../engine/profile.ts';
import { vVO2max } from '../models/physiology/thresholds.ts';
import { applyReadinessToRacePaces, fillAnchors } from './anchors.ts';
import { EventSchedule } from './events.ts';
import type { AdaptationModel } from './model/adaptation-model.ts';
import { AthleteConstants, AthleteState, setDone } from './model/state.ts';
import { AthleteTraits, sampleAthlete } from './population.ts';
import { ARM, ARM_COUNT, AthleteResults, TEST, TEST_COUNT } from './results.ts';
import { deriveAthleteSeeds, deriveFinalTestSeed, RandomStream, STREAM_PURPOSES, type StreamPurpose } from './rng.ts';
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

/** Receives every change the adaptive engine makes, for adjustments.csv and the summary. */
export interface AdjustmentSink {
  adjustment(traits: AthleteTraits, arm: number, change: Adjustment): void;
}

/** Anchors (and workout doses) are recomputed when they move by 2 %, and at least every 4 weeks. */
const ANCHOR_TOLERANCE = 0.02;
const ANCHOR_REFRESH_WEEKS = 4;

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
 * How far a coach's race-pace estimate may be from the athlete's truth relative to LT2: time-trial
 * error (CV ≈ 1.5 %), lactate-test error (≈ 3 %) and race-prediction error: about 2 SD of their sum.
 */
const COACH_RACE_PACE_MARGIN = 0.06;

/** The streams each arm replays from where the baseline left them. */
const DAILY_PURPOSES: readonly StreamPurpose[] = ['sleep', 'illness', 'markers', 'rpe', 'tests', 'wear'];

/** Session RPE on Foster's CR-10 scale, kept between 0.5 and 10. */
function clampRpe(rpe: number): number {
  return rpe < 0.5 ? 0.5 : rpe > 10 ? 10 : rpe;
}

/** Days of the baseline week (days −6 … 0), recorded before every arm's first day. */
const BASELINE_DAYS = 7;

/** Passes an engine's changes on to the run's sink with the athlete and the arm. */
class ArmListener implements AdjustmentListener {
  sink: AdjustmentSink | null = null;

  constructor(
    private readonly traits: AthleteTraits,
    private readonly arm: number,
  ) {}

  adjustment(change: Adjustment): void {
    this.sink?.adjustment(this.traits, this.arm, change);
  }
}

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
  /** One stream per purpose, in STREAM_PURPOSES order. */
  private readonly streams: readonly RandomStream[];
  private readonly dailyStreams: readonly RandomStream[];
  private readonly traitStream: RandomStream;
  private readonly eventStream: RandomStream;
  private readonly sleepStream: RandomStream;
  private readonly illnessStream: RandomStream;
  private readonly markerStream: RandomStream;
  private readonly rpeStream: RandomStream;
  private readonly testStream: RandomStream;
  private readonly wearStream: RandomStream;
  /** A morning has readings when a 32-bit draw falls below this (the share of mornings monitored). */
  private readonly wornBelow: number;
  /** The adaptive engine of each arm (null for a fixed plan), and what the coach saw in the baseline week. */
  private readonly engines: readonly (AdaptiveEngine | null)[];
  private readonly listeners: readonly ArmListener[];
  private readonly baselineRecord: ObservedHistory | null;
  private readonly savedStreams: Int32Array;
  private readonly athleteSeeds = new Int32Array(STREAM_PURPOSES.length * 4);
  private readonly eventsSeed = new Int32Array(4);
  private readonly finalTestSeed = new Int32Array(4);
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
  private readonly baseIllnessHazard: number;
  private readonly coachingRules: CoachingRules;
  /** The workouts any arm's planner may choose (menus, their afternoon partners, the planner's stand-ins, easy and long runs). */
  private readonly plannable: readonly number[];

  constructor(
    private readonly spec: RunSpec,
    private readonly parameters: Parameters,
    private readonly model: AdaptationModel,
    private readonly catalogue: CompiledCatalogue,
    engineParts: EngineParts | null = null,
  ) {
    const streams = STREAM_PURPOSES.map(() => new RandomStream());
    const stream = (purpose: StreamPurpose) => streams[STREAM_PURPOSES.indexOf(purpose)]!;
    this.streams = streams;
    this.dailyStreams = DAILY_PURPOSES.map(stream);
    this.traitStream = stream('traits');
    this.eventStream = stream('events');
    this.sleepStream = stream('sleep');
    this.illnessStream = stream('illness');
    this.markerStream = stream('markers');
    this.rpeStream = stream('rpe');
    this.testStream = stream('tests');
    this.wearStream = stream('wear');
    this.wornBelow = (spec.scenario.monitoring?.wornShare ?? parameters.markers.wornShare) * 2 ** 32;
    this.savedStreams = new Int32Array(DAILY_PURPOSES.length * 4);
    this.schedule = new EventSchedule(spec.weeks);
    this.planner = new WeekPlanner(catalogue);
    this.doses = new DoseEvaluator(catalogue, parameters.effort);
    this.baseIllnessHazard = parameters.illness.episodesPerYear / 365;
    this.coachingRules = { peakSpeedOverVVO2max: parameters.tests.peakSpeedOverVVO2max, riegelExponent: parameters.coaching.riegelExponent };
    this.plannable = plannableWorkouts(spec, catalogue);
    const table = () => new Float64Array(catalogue.count * PROFILE_STRIDE);
    this.coachView = { profiles: table(), slowerPaces: table(), fasterPaces: table() };
    this.trueProfiles = table();
    this.habitualView = { profiles: this.trueProfiles, slowerPaces: this.trueProfiles, fasterPaces: this.trueProfiles };
    this.profileWeek = new Int32Array(catalogue.count).fill(-1);
    const days = BASELINE_DAYS + spec.weeks * 7 + 1;
    this.engines = spec.arms.map((arm) => {
      if (arm.rules === null) return null;
      if (engineParts === null) throw new Error(`arm "${arm.id}" adapts, but the simulator was given no engine parts`);
      return new AdaptiveEngine(arm.rules, engineParts, this.coachView.profiles, days, spec.weeks);
    });
    this.listeners = spec.arms.map((_, arm) => new ArmListener(this.traits, arm));
    this.baselineRecord = this.engines.some((engine) => engine !== null) ? new ObservedHistory(days, catalogue.count) : null;
  }

  /** Simulates athlete `index` in every arm, filling `results`; daily rows go to `days` if given. */
  runAthlete(index: number, results: AthleteResults, days: DaySink | null, adjustments: AdjustmentSink | null = null): void {
    const { spec, parameters, model, traits, constants } = this;
    const seed = spec.seed;
    deriveAthleteSeeds(seed, index, this.athleteSeeds);
    for (let i = 0; i < this.streams.length; i++) this.streams[i]!.reseed(this.athleteSeeds, i * 4);
    sampleAthlete(spec.population, index, this.traitStream, parameters, traits);
    this.eventStream.saveTo(this.eventsSeed);
    this.schedule.fill(spec.events, this.eventStream);

    // The habitual week, run at the athlete's true anchors, sets the starting equilibrium.
    const habitual = this.habitualDesign(traits);
    this.raceMinutes.fill(0);
    fillAnchors(traits.vo2max, traits.economy, traits.lt1Fraction, traits.lt2Fraction, parameters.race, this.raceMinutes, this.anchors);
    // Before any test, race paces are what the athlete races in habitual training (strain 1).
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
    // Over a year the athlete sustains only part of that week (PARAMETERS.habitual.consistency).
    const consistency = parameters.habitual.consistency;
    for (let k = 0; k < this.weekPlan.count; k++) {
      const day = this.weekPlan.day[k]!;
      const dose = this.sessionDose(this.weekPlan.workout[k]!, k);
      this.habitualZ1[day]! += consistency * dose[DOSE_Z1]!;
      this.habitualZ2[day]! += consistency * dose[DOSE_Z2]!;
      this.habitualZ3[day]! += consistency * dose[DOSE_Z3]!;
      this.habitualCost[day]! += consistency * dose[DOSE_COST]!;
    }
    model.initialize(traits, this.habitualZ1, this.habitualZ2, this.habitualZ3, this.habitualCost, constants, this.baselineState);

    // Baseline week (days −6 … 0) of habitual training with markers, then the night before day 1.
    const s = this.state;
    s.copyFrom(this.baselineState);
    let restingHrSum = 0;
    let lnRmssdSum = 0;
    let markerDays = 0;
    const record = this.baselineRecord;
    record?.clear();
    for (let d = 0; d < BASELINE_DAYS; d++) {
      this.night(s, 0);
      const ill = this.checkIllness(s, 0);
      if (this.morningMarkers(s)) {
        restingHrSum += this.today[0]!;
        lnRmssdSum += this.today[1]!;
        markerDays++;
      }
      // Session RPE of the habitual week, as in the arms: one noise draw a day, whoever listens.
      this.drawRpeShift(s);
      if (record !== null) this.recordHabitualDay(record, s, d, ill, consistency, this.rpeShift[0]!);
      if (ill) setDone(s, 0, 0, 0, 0);
      else setDone(s, this.habitualZ1[d]!, this.habitualZ2[d]!, this.habitualZ3[d]!, this.habitualCost[d]!);
      model.train(constants, s);
    }
    this.night(s, 1);
    results.baselineRestingHr = restingHrSum / markerDays;
    results.baselineLnRmssd = lnRmssdSum / markerDays;
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
      this.coachingRules,
      this.coachAnchorSpeeds,
    );
    this.buildCoachView();

    for (let arm = 0; arm < spec.arms.length; arm++) {
      // Without a sink the engine only counts its changes: no records, no descriptions.
      const engine = this.engines[arm]!;
      if (engine !== null) engine.listener = adjustments === null ? null : this.listeners[arm]!;
      this.listeners[arm]!.sink = adjustments;
      this.runArm(arm, results, days);
    }
  }

  /** What the coach saw of a baseline day: the morning's readings and the habitual sessions with their RPE. */
  private recordHabitualDay(record: ObservedHistory, s: AthleteState, day: number, ill: boolean, consistency: number, rpeShift: number): void {
    const worn = this.today[0] === this.today[0];
    record.setMorning(this.today[0]!, this.today[1]!, worn ? s.sleptHours : Number.NaN, ill);
    const plan = this.weekPlan;
    for (let k = 0; k < plan.count; k++) {
      if (plan.day[k] !== day) continue;
      if (ill) {
        record.missedSession();
        continue;
      }
      const w = plan.workout[k]!;
      const dose = this.sessionDose(w, k);
      const minutes = consistency * (dose[DOSE_Z1]! + dose[DOSE_Z2]! + dose[DOSE_Z3]!);
      // Before the baseline tests the coach knows the habitual sessions by their main sets' intensity.
      record.setSession(w, minutes, clampRpe(dose[DOSE_RPE_SQUARED]! / dose[DOSE_RPE]! + rpeShift), this.trueProfiles[w * PROFILE_STRIDE + PROFILE_HARD] === 1);
    }
  }

  private runArm(arm: number, results: AthleteResults, days: DaySink | null): void {
    const { spec, model, constants, traits, catalogue, parameters } = this;
    const s = this.state;
    const plan = this.weekPlan;
    const engine = this.engines[arm]!;
    // An adaptive arm plans from the engine's schedule (blocks it may have moved, designs it may have shifted).
    if (engine !== null) engine.startArm(this.baselineRecord!, spec.arms[arm]!.macroplan, traits.weeklyHours * 60);
    const macroplan = engine === null ? spec.arms[arm]!.macroplan : engine.schedule;
    const record = engine === null ? null : engine.history;
    s.copyFrom(this.baselineState);
    this.restoreStreams();
    if (spec.armSpecificEvents) {
      this.eventStream.reseed(this.eventsSeed);
      this.schedule.fill(spec.events, this.eventStream, spec.arms[arm]!.id);
    }
    this.tracker.reset(traits.weeklyHours, { z1: traits.habitualZ1, z2: traits.habitualZ2, z3: traits.habitualZ3 });
    this.anchorsWeek = -ANCHOR_REFRESH_WEEKS;
    const row = results.arm;
    const base = arm * ARM_COUNT;
    row.fill(0, base, base + ARM_COUNT);
    const lastWeekStart = (spec.weeks - 1) * 7 + 1;
    let restingHrSum = 0;
    let lnRmssdSum = 0;
    let markerDays = 0;

    for (let week = 1; week <= spec.weeks; week++) {
      model.refreshPhysiology(constants, s);
      this.refreshAnchorsIfMoved(s, week);
      const design = engine === null ? macroplan.blocks[macroplan.blockOfWeek[week]!]!.design : engine.schedule.designOf(week);
      this.tracker.next(macroplan, week, this.schedule.loadFactor[week]!, this.targets, design);
      engine?.adjustTargets(week, this.targets);
      row[base + ARM.targetMinutes]! += this.targets.totalMinutes;
      row[base + ARM.targetZ2Minutes]! += this.targets.z2Minutes;
      row[base + ARM.targetZ3Minutes]! += this.targets.z3Minutes;
      this.planner.plan(design, this.targets, week, this.coachView, plan);
      engine?.reviewWeek(week, plan);
      let k = 0;
      for (let weekday = 0; weekday < 7; weekday++) {
        const day = (week - 1) * 7 + weekday + 1;
        if (day > 1) this.night(s, day);
        const ill = this.checkIllness(s, this.schedule.illnessStart[day]!);
        const worn = this.morningMarkers(s);
        if (worn && day >= lastWeekStart) {
          restingHrSum += this.today[0]!;
          lnRmssdSum += this.today[1]!;
          markerDays++;
        }
        if (engine !== null) {
          // Written through the record's input array: nothing boxed in the daily loop.
          const input = record!.input;
          input[0] = this.today[0]!;
          input[1] = this.today[1]!;
          input[2] = worn ? s.sleptHours : Number.NaN;
          record!.morning(ill);
          engine.morning(week, weekday, plan);
        }
        const inEvent = this.schedule.inEvent[day] === 1;
        if (inEvent) row[base + ARM.eventDays]!++;
        let z1 = 0;
        let z2 = 0;
        let z3 = 0;
        let cost = 0;
        let load = 0;
        let minutes = 0;
        this.drawRpeShift(s);
        const rpeShift = this.rpeShift[0]!;
        for (; k < plan.count && plan.day[k] === weekday; k++) {
          const w = plan.workout[k]!;
          if (ill) {
            row[base + ARM.missedSessions]!++;
            record?.missedSession();
            continue;
          }
          this.ensureProfile(w);
          const dose = this.sessionDose(w, k);
          const m1 = dose[DOSE_Z1]!;
          const m2 = dose[DOSE_Z2]!;
          const m3 = dose[DOSE_Z3]!;
          const sessionMinutes = m1 + m2 + m3;
          z1 += m1;
          z2 += m2;
          z3 += m3;
          cost += dose[DOSE_COST]!;
          // Foster's session RPE: Σ min·RPE² / Σ min·RPE over the parts, so the hard parts dominate.
          const sessionRpe = clampRpe(dose[DOSE_RPE_SQUARED]! / dose[DOSE_RPE]! + rpeShift);
          load += sessionRpe * sessionMinutes;
          minutes += sessionMinutes;
          row[base + ARM.sessions]!++;
          const hard = this.trueProfiles[w * PROFILE_STRIDE + PROFILE_HARD] === 1;
          if (hard) {
            row[base + ARM.hardSessions]!++;
            if (inEvent) row[base + ARM.eventHardSessions]!++;
          }
          if (record !== null) {
            record.input[0] = sessionMinutes;
            record.input[1] = sessionRpe;
            // Hard as the coach prescribed it (the coach's view), not as the athlete's hidden thresholds make it.
            record.session(w, this.coachView.profiles[w * PROFILE_STRIDE + PROFILE_HARD] === 1);
          }
          const goal = catalogue.goal[w]!;
          row[base + (goal === GOAL_CODE.high ? ARM.highGoalSessions : goal === GOAL_CODE.threshold ? ARM.thresholdGoalSessions : ARM.lowGoalSessions)]!++;
        }
        s.doneZ1 = z1;
        s.doneZ2 = z2;
        s.doneZ3 = z3;
        s.doneCost = cost;
        model.train(constants, s);
        row[base + ARM.z1Minutes]! += z1;
        row[base + ARM.z2Minutes]! += z2;
        row[base + ARM.z3Minutes]! += z3;
        row[base + ARM.sessionRpeLoad]! += load;
        if (ill) row[base + ARM.illnessDays]!++;
        if (days !== null) {
          days.day(traits, arm, day, z1, z2, z3, load, this.today[0]!, this.today[1]!, worn ? s.sleptHours : Number.NaN, minutes > 0 ? load / minutes : Number.NaN, ill);
        }
      }
    }
    row[base + ARM.finalWeekRestingHr] = restingHrSum / markerDays;
    row[base + ARM.finalWeekLnRmssd] = lnRmssdSum / markerDays;
    row[base + ARM.finalWeekMarkerDays] = markerDays;
    if (engine !== null) {
      row[base + ARM.adjustments] = engine.changes;
      const n = engine.applied.length;
      const changes = (results.changes[arm] ??= new Int32Array(2 * n + engine.fired.length));
      changes.set(engine.applied);
      changes.set(engine.overridden, n);
      changes.set(engine.fired, 2 * n);
    }
    // The night before the final tests, and the tests.
    const testDay = spec.weeks * 7 + 1;
    this.night(s, testDay);
    this.checkIllness(s, this.schedule.illnessStart[testDay]!);
    // Each arm's final tests are their own occasion: their measurement error is independent of the
    // other arms' (life — sleep, illness, markers — is shared; a lab test is not).
    this.testStream.reseed(deriveFinalTestSeed(spec.seed, traits.index, arm, this.finalTestSeed));
    runTestBattery(model, parameters, constants, s, this.testStream, results.finalTrue, results.finalMeasured, arm * TEST_COUNT);
  }

  private anchorsWeek = 0;
  private readonly anchorsBasis = new Float64Array(3);

  /**
   * The anchors the athlete trains at: LT1, LT2 and vVO2max as they are now (run by feel, heart
   * rate or lactate), race paces as the coach set them from the baseline time trial (run by the
   * watch — so they get relatively easier as the athlete improves). Workout doses are recomputed
   * when a threshold has moved by ANCHOR_TOLERANCE since the last time, and at least every
   * ANCHOR_REFRESH_WEEKS weeks.
   */
  private refreshAnchorsIfMoved(s: AthleteState, week: number): void {
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
    this.invalidateProfiles();
  }

  /**
   * The night before `day` (0: a baseline night, no event): the scheduled hours of a sleep-restriction
   * event, or the athlete's own, with night-to-night spread.
   */
  private night(s: AthleteState, day: number): void {
    const noise = this.drawNormal(this.sleepStream);
    const c = this.constants;
    const sleep = this.parameters.sleep;
    const scheduled = day > 0 ? this.schedule.sleepHours[day]! : Number.NaN;
    let hours = scheduled === scheduled ? scheduled + sleep.restrictedNightSdHours * noise : c.habitualSleep + sleep.nightlySdHours * noise;
    if (hours < sleep.minNightHours) hours = sleep.minNightHours;
    else if (hours > sleep.maxNightHours) hours = sleep.maxNightHours;
    s.sleptHours = hours;
    this.model.sleep(c, s);
  }

  /**
   * Illness today: an ongoing episode counts down; a scheduled one starts; otherwise a new one starts
   * with a hazard that rises with strain and sleep debt. One draw every day keeps the stream aligned
   * across arms.
   */
  private checkIllness(s: AthleteState, scheduledDays: number): boolean {
    // One 32-bit draw a day, split in two: 16 bits for the onset, 16 for the length.
    const draw = this.illnessStream.nextInt32() >>> 0;
    const onset = (draw >>> 16) * (1 / 65536);
    const length = (draw & 0xffff) * (1 / 65536);
    const ill = this.parameters.illness;
    if (s.illDaysLeft > 0) s.illDaysLeft--;
    if (scheduledDays > 0 && scheduledDays > s.illDaysLeft) {
      s.illDaysLeft = scheduledDays;
    } else if (s.illDaysLeft === 0) {
      const extraDebt = s.sleepDebt - this.constants.baselineSleepDebt;
      let hazard = this.baseIllnessHazard * (extraDebt > 0 ? 1 + ill.sleepDebtHazard * extraDebt : 1);
      const excess = s.strain > 1 ? ill.strainHazard * (s.strain - 1) : 0;
      // e^excess < 21 while excess < 3: most days the draw is far above any hazard and exp is not needed.
      if (excess > 0 && (excess >= 3 || onset < 21 * hazard)) hazard *= Math.exp(excess);
      if (onset < hazard) s.illDaysLeft = ill.durationDays.min + Math.floor(length * (ill.durationDays.max - ill.durationDays.min + 1));
    }
    return s.illDaysLeft > 0;
  }

  /** This morning's resting HR (bpm) and lnRMSSD (ln ms), NaN when not measured, in a typed array so storing them boxes nothing. */
  private readonly today = new Float64Array(2);

  /**
   * The morning's markers, from the athlete's own baselines, moved by strain, sleep debt above
   * normal, illness and fitness: resting HR (bpm) up with fatigue and down with fitness, lnRMSSD
   * (ln ms) the other way; each with day-to-day noise.
   */
  private morningMarkers(s: AthleteState): boolean {
    const c = this.constants;
    const hr = this.parameters.markers.restingHr;
    const hrv = this.parameters.markers.lnRmssd;
    const strain = s.strain - 1;
    const debt = s.sleepDebt - c.baselineSleepDebt;
    const fitness = (s.vo2max / c.baselineVo2max - 1) * 100;
    const ill = s.illDaysLeft > 0;
    this.markerStream.normals(this.noise, 2);
    this.today[0] =
      c.restingHr + hr.perStrain * strain + hr.perSleepDebtHour * debt + (ill ? hr.illness : 0) + hr.perVo2maxGainPct * fitness + hr.noiseSd * this.noise[0]!;
    this.today[1] =
      c.lnRmssd + hrv.perStrain * strain + hrv.perSleepDebtHour * debt + (ill ? hrv.illness : 0) + hrv.perVo2maxGainPct * fitness + hrv.noiseSd * this.noise[1]!;
    // The watch was not worn: no readings this morning (the draws above keep the streams aligned).
    if (this.wearStream.nextInt32() >>> 0 >= this.wornBelow) {
      this.today[0] = Number.NaN;
      this.today[1] = Number.NaN;
      return false;
    }
    return true;
  }

  /** Today's shift of every session's RPE, in a typed array so that nothing is boxed. */
  private readonly rpeShift = new Float64Array(1);

  /** Draws today's RPE shift: up with strain and a short night; one noise draw a day keeps streams aligned. */
  private drawRpeShift(s: AthleteState): void {
    const rpe = this.parameters.markers.rpe;
    this.rpeShift[0] = rpe.perStrain * (s.strain - 1) + rpe.perHourDeficit * s.lastNightDeficit + rpe.noiseSd * this.drawNormal(this.rpeStream);
  }

  private readonly doseScratch = new Float64Array(DOSE_FIELDS);
  private readonly noise = new Float64Array(2);

  /** One normal variate from `stream`, passed through a typed array so that it is not boxed. */
  private drawNormal(stream: RandomStream): number {
    stream.normals(this.noise, 1);
    return this.noise[0]!;
  }

  /** Dose of session k of the week plan (workout w) from this week's true profile, in a reused buffer. */
  private sessionDose(w: number, k: number): Float64Array {
    const plan = this.weekPlan;
    return sessionDose(this.trueProfiles, w, plan.fixedScale[k]!, plan.reps[k]!, plan.addOns[k]!, this.doseScratch);
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

  private saveStreams(): void {
    for (let i = 0; i < this.dailyStreams.length; i++) this.dailyStreams[i]!.saveTo(this.savedStreams, i * 4);
  }

  private restoreStreams(): void {
    for (let i = 0; i < this.dailyStreams.length; i++) this.dailyStreams[i]!.reseed(this.savedStreams, i * 4);
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
