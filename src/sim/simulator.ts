import type { Parameters } from '../models/parameters.ts';
import type { CompiledCatalogue } from '../models/workouts/compile.ts';
import { GOAL_CODE } from '../models/workouts/compile.ts';
import { DOSE_COST, DOSE_FIELDS, DOSE_RPE, DOSE_RPE_SQUARED, DOSE_Z1, DOSE_Z2, DOSE_Z3 } from '../models/workouts/dose.ts';
import type { Adjustment, AdjustmentListener } from '../engine/adapt/adjustment.ts';
import { AdaptiveEngine, type EngineParts } from '../engine/adapt/engine.ts';
import { ObservedHistory } from '../engine/adapt/history.ts';
import type { ResolvedDesign } from '../engine/designs/resolve.ts';
import { habitualDesign } from '../engine/designs/habitual.ts';
import { WeekPlanner } from '../engine/plan/generator.ts';
import { TargetTracker, WeekTargets } from '../engine/plan/targets.ts';
import { WeekPlan } from '../engine/plan/week-plan.ts';
import { changeCountsLength, changesApplied, countDecision } from './adjustment-tally.ts';
import { DailyLife } from './daily-life.ts';
import { EventSchedule } from './events.ts';
import { HabitualWeek, type AdaptationModel } from './model/adaptation-model.ts';
import { AthleteConstants, AthleteState, setDone } from './model/state.ts';
import { fatigueLoss } from './model/multi-system.ts';
import { AthleteTraits, sampleAthlete } from './population.ts';
import { ARM, ARM_COUNT, AthleteResults, TEST, TEST_COUNT } from './results.ts';
import { deriveAthleteSeeds, deriveFinalTestSeed, RandomStream, STREAM_PURPOSES, type StreamPurpose } from './rng.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { runTestBattery } from './test-battery.ts';
import { WorkoutProfiles } from './workout-profiles.ts';

/**
 * One athlete-arm-day, as days.csv has it (DAY_COLUMNS). The simulator owns one and overwrites it
 * every day, so that the daily loop allocates nothing: a sink reads it during `day` and keeps none
 * of it (copy what is needed).
 */
export class DayRow {
  /** Training day: 1 is the Monday of week 1; the pre-test days follow the last week. */
  day = 0;
  /** The arm's index in the scenario. */
  arm = 0;
  // Numbers that start as doubles (NaN), so that writing a fraction later never changes the row's shape.
  z1Minutes = Number.NaN;
  z2Minutes = Number.NaN;
  z3Minutes = Number.NaN;
  /** Σ session RPE × minutes (Foster's session-RPE load, AU). */
  sessionRpeLoad = Number.NaN;
  /** This morning's readings; NaN when the watch was not worn. */
  restingHr = Number.NaN;
  lnRmssd = Number.NaN;
  sleepHours = Number.NaN;
  /** The day's load per minute run; NaN on a day without running. */
  sessionRpe = Number.NaN;
  ill = false;

  constructor(
    /** The athlete (the simulator's, overwritten for each athlete). */
    readonly traits: AthleteTraits,
  ) {}
}

/** Receives one row per athlete-arm-day when daily output is asked for. */
export interface DaySink {
  /** `row` is reused: it holds this day only until `day` returns. */
  day(row: Readonly<DayRow>): void;
}

/** Receives every change the adaptive engine makes, for adjustments.csv and the summary. */
export interface AdjustmentSink {
  adjustment(traits: AthleteTraits, arm: number, change: Adjustment): void;
}

/** The streams each arm replays from where the baseline left them. */
const DAILY_PURPOSES: readonly StreamPurpose[] = ['sleep', 'illness', 'markers', 'rpe', 'tests', 'wear', 'injury', 'stress'];

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
 * only by what the athlete was planned to do (common random numbers, docs/MODEL.md). The physiology
 * sees only the minutes per zone and the cost of what was done; the plan comes from the engine,
 * which sees only the coach's test results. What happens whatever the plan — nights, illness,
 * markers, how sessions feel — is the athlete's `DailyLife`; what each workout does to this athlete,
 * and what the coach thinks it does, is `WorkoutProfiles`.
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
  private readonly testStream: RandomStream;
  private readonly life: DailyLife;
  private readonly profiles: WorkoutProfiles;
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
  private readonly weekPlan = new WeekPlan();
  private readonly targets = new WeekTargets();
  private readonly tracker = new TargetTracker();
  private readonly habitualWeek = new HabitualWeek();
  private readonly habitualDesigns = new Map<string, ResolvedDesign>();
  /** Running minutes and longest session of each day of the habitual week, as the athlete reports it. */
  /** Easy days before the baseline and the final tests, and the minutes run on each. */
  private readonly preTestDays: number;
  /** Easy days before the final tests (the scenario's finalPreTestDays, else preTestDays). */
  private readonly finalPreTestDays: number;
  /** Minutes run on each of the last 7 days (a ring by weekday), for the pre-test days' volume. */
  private readonly lastWeekMinutes = new Float64Array(7);
  /** The row handed to the day sink, overwritten every day. */
  private readonly dayRow = new DayRow(this.traits);

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
    this.testStream = stream('tests');
    this.savedStreams = new Int32Array(DAILY_PURPOSES.length * 4);
    this.preTestDays = spec.scenario.tests?.preTestDays ?? parameters.tests.preTestDays;
    this.finalPreTestDays = spec.scenario.tests?.finalPreTestDays ?? this.preTestDays;
    this.schedule = new EventSchedule(spec.weeks, this.finalPreTestDays);
    const lifeStreams = {
      sleep: stream('sleep'),
      illness: stream('illness'),
      markers: stream('markers'),
      rpe: stream('rpe'),
      wear: stream('wear'),
      injury: stream('injury'),
      stress: stream('stress'),
    };
    const wornShare = spec.scenario.monitoring?.wornShare ?? parameters.markers.wornShare;
    this.life = new DailyLife(lifeStreams, parameters, model, this.constants, this.schedule, wornShare);
    this.planner = new WeekPlanner(catalogue);
    this.profiles = new WorkoutProfiles(spec, parameters, catalogue);
    const days = BASELINE_DAYS + spec.weeks * 7 + 1;
    this.engines = spec.arms.map((arm) => {
      if (arm.rules === null) return null;
      if (engineParts === null) throw new Error(`arm "${arm.id}" adapts, but the simulator was given no engine parts`);
      return new AdaptiveEngine(arm.rules, engineParts, this.profiles.coachView.profiles, days, spec.weeks);
    });
    this.listeners = spec.arms.map((_, arm) => new ArmListener(this.traits, arm));
    this.baselineRecord = this.engines.some((engine) => engine !== null) ? new ObservedHistory(days, catalogue.count) : null;
  }

  /** Simulates athlete `index` in every arm, filling `results`; daily rows go to `days` if given. */
  runAthlete(index: number, results: AthleteResults, days: DaySink | null, adjustments: AdjustmentSink | null = null): void {
    const { spec, parameters, model, traits, constants, life, profiles } = this;
    const seed = spec.seed;
    deriveAthleteSeeds(seed, index, this.athleteSeeds);
    for (let i = 0; i < this.streams.length; i++) this.streams[i]!.reseed(this.athleteSeeds, i * 4);
    sampleAthlete(spec.population, index, this.traitStream, parameters, traits);
    // Sessions only on the days the athlete can train, now (the habitual week) and in every arm.
    this.planner.availableDays = traits.availableDays;
    this.eventStream.saveTo(this.eventsSeed);
    this.schedule.fill(spec.events, this.eventStream);

    // The habitual week, run at the athlete's true anchors, sets the starting equilibrium. Before
    // any test, race paces are what the athlete races in habitual training (strain 1).
    const habitual = this.habitualDesign(traits);
    profiles.startAthlete(traits, 1 - fatigueLoss(parameters.fatigue.performancePerStrain, parameters.fatigue.maxPerformanceLoss, 1));
    this.targets.totalMinutes = traits.weeklyHours * 60;
    this.targets.z2Minutes = this.targets.totalMinutes * traits.habitualZ2;
    this.targets.z3Minutes = this.targets.totalMinutes * traits.habitualZ3;
    this.planner.plan(habitual, this.targets, 1, profiles.habitualView, this.weekPlan);
    const week = this.habitualWeek;
    week.clear();
    // The week as the athlete reports it and has run it lately (the model takes the year's average
    // of it, PARAMETERS.habitual.consistency, as what their fitness is in equilibrium with).
    for (let k = 0; k < this.weekPlan.count; k++) {
      const day = this.weekPlan.day[k]!;
      const dose = profiles.sessionDose(this.weekPlan, k);
      const minutes = dose[DOSE_Z1]! + dose[DOSE_Z2]! + dose[DOSE_Z3]!;
      week.z1[day]! += dose[DOSE_Z1]!;
      week.z2[day]! += dose[DOSE_Z2]!;
      week.z3[day]! += dose[DOSE_Z3]!;
      week.cost[day]! += dose[DOSE_COST]!;
      week.run[day]! += minutes;
      if (minutes > week.longest[day]!) week.longest[day] = minutes;
    }
    model.initialize(traits, week, constants, this.baselineState);
    // The month before the baseline, for the injury hazard: the reported week, as the athlete ran it lately.
    life.startHistory(this.baselineState, week.run, week.longest);
    life.startStress(this.baselineState);
    let habitualMinutes = 0;
    for (let d = 0; d < 7; d++) habitualMinutes += week.z1[d]! + week.z2[d]! + week.z3[d]!;
    const easyBefore = BASELINE_DAYS - this.preTestDays;

    // Baseline week (days −6 … 0) of habitual training with markers, then the night before day 1.
    const s = this.state;
    s.copyFrom(this.baselineState);
    let restingHrSum = 0;
    let lnRmssdSum = 0;
    let markerDays = 0;
    const record = this.baselineRecord;
    record?.clear();
    for (let d = 0; d < BASELINE_DAYS; d++) {
      life.stressDay(s);
      life.night(s, 0);
      const ill = life.checkIllness(s, 0);
      if (life.morningMarkers(s)) {
        restingHrSum += life.today[0]!;
        lnRmssdSum += life.today[1]!;
        markerDays++;
      }
      // Session RPE of the habitual week, as in the arms: one noise draw a day, whoever listens.
      life.drawRpeShift(s);
      const easy = d >= easyBefore ? (this.parameters.tests.preTestVolume * habitualMinutes) / 7 : -1;
      if (record !== null) this.recordHabitualDay(record, s, d, ill, life.rpeShift[0]!, easy);
      if (ill) setDone(s, 0, 0, 0, 0);
      else if (easy >= 0) this.setEasyDay(s, easy);
      else setDone(s, week.z1[d]!, week.z2[d]!, week.z3[d]!, week.cost[d]!);
      model.train(constants, s);
    }
    life.night(s, 1);
    results.baselineRestingHr = restingHrSum / markerDays;
    results.baselineLnRmssd = lnRmssdSum / markerDays;
    results.baselineFatigueLoss = model.fatigueLoss(constants, s);
    runTestBattery(model, parameters, constants, s, this.testStream, results.baselineTrue, results.baselineMeasured, 0);
    // The arms count what happens in them: nothing of the baseline week.
    s.startCounting();
    this.baselineState.copyFrom(s);
    this.saveStreams();

    profiles.setCoachView({
      lt1Speed: results.baselineMeasured[TEST.lt1Speed]!,
      lt2Speed: results.baselineMeasured[TEST.lt2Speed]!,
      peakSpeed: results.baselineMeasured[TEST.peakSpeed]!,
      timeTrialMinutes: results.baselineMeasured[TEST.timeTrialMinutes]!,
    });

    for (let arm = 0; arm < spec.arms.length; arm++) {
      // Without a sink the engine only counts its changes: no records, no descriptions.
      const engine = this.engines[arm]!;
      if (engine !== null) engine.listener = adjustments === null ? null : this.listeners[arm]!;
      this.listeners[arm]!.sink = adjustments;
      this.runArm(arm, results, days);
    }
  }

  /**
   * What the coach saw of a baseline day: the morning's readings and the habitual sessions with their
   * RPE — or, on a pre-test day, `easyMinutes` of easy running (negative on other days).
   */
  private recordHabitualDay(record: ObservedHistory, s: AthleteState, day: number, ill: boolean, rpeShift: number, easyMinutes: number): void {
    const today = this.life.today;
    const worn = today[0] === today[0];
    record.setMorning(today[0]!, today[1]!, worn ? s.sleptHours : Number.NaN, ill);
    if (easyMinutes >= 0) {
      if (ill) record.missedSession();
      else if (easyMinutes > 0) record.setSession(this.profiles.easyRunIndex, easyMinutes, clampRpe(this.easyRpe + rpeShift), false);
      return;
    }
    const plan = this.weekPlan;
    for (let k = 0; k < plan.count; k++) {
      if (plan.day[k] !== day) continue;
      if (ill) {
        record.missedSession();
        continue;
      }
      const w = plan.workout[k]!;
      const dose = this.profiles.sessionDose(plan, k);
      const minutes = dose[DOSE_Z1]! + dose[DOSE_Z2]! + dose[DOSE_Z3]!;
      // Before the baseline tests the coach knows the habitual sessions by their main sets' intensity.
      record.setSession(w, minutes, clampRpe(dose[DOSE_RPE_SQUARED]! / dose[DOSE_RPE]! + rpeShift), this.profiles.isHard(w, false));
    }
  }

  private runArm(arm: number, results: AthleteResults, days: DaySink | null): void {
    const { spec, model, constants, traits, catalogue, parameters, life, profiles } = this;
    const s = this.state;
    const plan = this.weekPlan;
    const engine = this.engines[arm]!;
    const today = life.today;
    // An adaptive arm plans from the engine's schedule (blocks it may have moved, designs it may have shifted).
    if (engine !== null) engine.startArm(this.baselineRecord!, spec.arms[arm]!.macroplan, traits.weeklyHours * 60);
    // What the engine decided, counted as it goes (by rule and guardrail, see `countDecision`).
    const changes = engine === null ? null : (results.changes[arm] ??= new Int32Array(changeCountsLength(engine.armRules.ruleSet.rules.length)));
    changes?.fill(0);
    const macroplan = engine === null ? spec.arms[arm]!.macroplan : engine.schedule;
    const record = engine === null ? null : engine.history;
    s.copyFrom(this.baselineState);
    this.restoreStreams();
    if (spec.armSpecificEvents) {
      this.eventStream.reseed(this.eventsSeed);
      this.schedule.fill(spec.events, this.eventStream, spec.arms[arm]!.id);
    }
    this.tracker.reset(traits.weeklyHours, { z1: traits.habitualZ1, z2: traits.habitualZ2, z3: traits.habitualZ3 });
    this.tracker.weeklyMinutesCap = traits.weeklyMinutesCap;
    profiles.startArm();
    this.dayRow.arm = arm;
    const row = results.arm;
    const base = arm * ARM_COUNT;
    row.fill(0, base, base + ARM_COUNT);
    const lastWeekStart = (spec.weeks - 1) * 7 + 1;
    this.lastWeekMinutes.fill(0);
    let restingHrSum = 0;
    let lnRmssdSum = 0;
    let markerDays = 0;

    for (let week = 1; week <= spec.weeks; week++) {
      model.refreshPhysiology(constants, s);
      profiles.refreshIfMoved(s, week);
      const design = engine === null ? macroplan.blocks[macroplan.blockOfWeek[week]!]!.design : engine.schedule.designOf(week);
      this.tracker.next(macroplan, week, this.schedule.loadFactor[week]!, this.targets, design);
      if (engine !== null) {
        engine.adjustTargets(week, this.targets);
        this.tracker.holdCap(this.targets);
      }
      row[base + ARM.targetMinutes]! += this.targets.totalMinutes;
      row[base + ARM.targetZ2Minutes]! += this.targets.z2Minutes;
      row[base + ARM.targetZ3Minutes]! += this.targets.z3Minutes;
      this.planner.plan(design, this.targets, week, profiles.coachView, plan);
      if (engine !== null) countDecision(engine.reviewWeek(week, plan), changes!);
      let k = 0;
      for (let weekday = 0; weekday < 7; weekday++) {
        const day = (week - 1) * 7 + weekday + 1;
        life.stressDay(s);
        if (day > 1) life.night(s, day);
        const ill = life.checkIllness(s, this.schedule.illnessStart[day]!);
        const worn = life.morningMarkers(s);
        if (worn && day >= lastWeekStart) {
          restingHrSum += today[0]!;
          lnRmssdSum += today[1]!;
          markerDays++;
        }
        if (engine !== null) {
          // Written into the record's fields: nothing boxed in the daily loop.
          const input = record!.morningIn;
          input.restingHr = today[0]!;
          input.lnRmssd = today[1]!;
          input.sleepHours = worn ? s.sleptHours : Number.NaN;
          record!.morning(ill);
          countDecision(engine.morning(week, weekday, plan), changes!);
        }
        const inEvent = this.schedule.inEvent[day] === 1;
        if (inEvent) row[base + ARM.eventDays]!++;
        // Injured: no running, then a graded return of easy running only.
        const allowance = life.injuryAllowance(s);
        let z1 = 0;
        let z2 = 0;
        let z3 = 0;
        let cost = 0;
        let load = 0;
        let minutes = 0;
        let longest = 0;
        life.drawRpeShift(s);
        const rpeShift = life.rpeShift[0]!;
        for (; k < plan.count && plan.day[k] === weekday; k++) {
          const w = plan.workout[k]!;
          profiles.ensure(w);
          let dose = profiles.sessionDose(plan, k);
          // The plan as written, done or not: what the planner is answerable for.
          row[base + ARM.plannedZ1Minutes]! += dose[DOSE_Z1]!;
          row[base + ARM.plannedZ2Minutes]! += dose[DOSE_Z2]!;
          row[base + ARM.plannedZ3Minutes]! += dose[DOSE_Z3]!;
          if (ill || allowance === 0) {
            row[base + ARM.missedSessions]!++;
            record?.missedSession();
            continue;
          }
          if (allowance < 1) dose = this.easyInstead(dose, allowance);
          const m1 = dose[DOSE_Z1]!;
          const m2 = dose[DOSE_Z2]!;
          const m3 = dose[DOSE_Z3]!;
          const sessionMinutes = m1 + m2 + m3;
          if (sessionMinutes > longest) longest = sessionMinutes;
          z1 += m1;
          z2 += m2;
          z3 += m3;
          cost += dose[DOSE_COST]!;
          // Foster's session RPE: Σ min·RPE² / Σ min·RPE over the parts, so the hard parts dominate.
          const sessionRpe = clampRpe(dose[DOSE_RPE_SQUARED]! / dose[DOSE_RPE]! + rpeShift);
          load += sessionRpe * sessionMinutes;
          minutes += sessionMinutes;
          row[base + ARM.sessions]!++;
          if (allowance === 1 && profiles.isHard(w, false)) {
            row[base + ARM.hardSessions]!++;
            if (inEvent) row[base + ARM.eventHardSessions]!++;
          }
          if (record !== null) {
            record.sessionIn.minutes = sessionMinutes;
            record.sessionIn.rpe = sessionRpe;
            // Hard as the coach prescribed it (the coach's view), not as the athlete's hidden thresholds make it.
            record.session(w, profiles.isHard(w, true));
          }
          const goal = catalogue.goal[w]!;
          row[base + (goal === GOAL_CODE.high ? ARM.highGoalSessions : goal === GOAL_CODE.threshold ? ARM.thresholdGoalSessions : ARM.lowGoalSessions)]!++;
        }
        s.doneZ1 = z1;
        s.doneZ2 = z2;
        s.doneZ3 = z3;
        s.doneCost = cost;
        model.train(constants, s);
        const running = life.running;
        running[0] = minutes;
        running[1] = z3;
        running[2] = longest;
        life.runningDay(s);
        this.lastWeekMinutes[weekday] = minutes;
        row[base + ARM.z1Minutes]! += z1;
        row[base + ARM.z2Minutes]! += z2;
        row[base + ARM.z3Minutes]! += z3;
        row[base + ARM.sessionRpeLoad]! += load;
        if (ill) row[base + ARM.illnessDays]!++;
        if (days !== null) {
          const out = this.dayRow;
          out.z1Minutes = z1;
          out.z2Minutes = z2;
          out.z3Minutes = z3;
          out.sessionRpeLoad = load;
          this.sendDay(days, day, minutes, worn, ill);
        }
      }
    }
    row[base + ARM.finalWeekRestingHr] = restingHrSum / markerDays;
    row[base + ARM.finalWeekLnRmssd] = lnRmssdSum / markerDays;
    row[base + ARM.finalWeekMarkerDays] = markerDays;
    if (changes !== null) row[base + ARM.adjustments] = changesApplied(changes, engine!.armRules.ruleSet.rules.length);
    // The pre-test days: easy running at a share of the last week's volume, as a trial standardises
    // its post-test.
    let lastWeek = 0;
    for (let d = 0; d < 7; d++) lastWeek += this.lastWeekMinutes[d]!;
    const easyMinutes = (parameters.tests.preTestVolume * lastWeek) / 7;
    for (let d = 1; d <= this.finalPreTestDays; d++) {
      const day = spec.weeks * 7 + d;
      life.stressDay(s);
      life.night(s, day);
      const ill = life.checkIllness(s, this.schedule.illnessStart[day]!);
      const worn = life.morningMarkers(s);
      const allowance = life.injuryAllowance(s);
      life.drawRpeShift(s);
      const minutes = ill ? 0 : allowance * easyMinutes;
      this.setEasyDay(s, minutes);
      model.train(constants, s);
      life.running[0] = minutes;
      life.running[1] = 0;
      life.running[2] = minutes;
      life.runningDay(s);
      if (ill) row[base + ARM.illnessDays]!++;
      if (days !== null) {
        const out = this.dayRow;
        out.z1Minutes = s.doneZ1;
        out.z2Minutes = 0;
        out.z3Minutes = 0;
        out.sessionRpeLoad = minutes * clampRpe(this.easyRpe + life.rpeShift[0]!);
        this.sendDay(days, day, minutes, worn, ill);
      }
    }
    // The night before the final tests, and the tests.
    const testDay = spec.weeks * 7 + this.finalPreTestDays + 1;
    life.night(s, testDay);
    life.checkIllness(s, this.schedule.illnessStart[testDay]!);
    row[base + ARM.injuries] = s.injuries;
    row[base + ARM.injuryDaysLost] = s.injuryRestDays;
    row[base + ARM.overreachingEpisodes] = s.overreachingEpisodes;
    row[base + ARM.finalFatigueLoss] = model.fatigueLoss(constants, s);
    // Each arm's final tests are their own occasion: their measurement error is independent of the
    // other arms' (life — sleep, illness, markers — is shared; a lab test is not).
    this.testStream.reseed(deriveFinalTestSeed(spec.seed, traits.index, arm, this.finalTestSeed));
    runTestBattery(model, parameters, constants, s, this.testStream, results.finalTrue, results.finalMeasured, arm * TEST_COUNT);
    // An athlete who cannot run on test day (injured) drops out of the final tests.
    if (s.injuryRestLeft > 0) {
      results.finalTrue.fill(Number.NaN, arm * TEST_COUNT, (arm + 1) * TEST_COUNT);
      results.finalMeasured.fill(Number.NaN, arm * TEST_COUNT, (arm + 1) * TEST_COUNT);
    }
  }

  /**
   * Completes the day's row — its arm, minutes per zone and load already in it — with the morning's
   * readings, and hands it to `days`.
   */
  private sendDay(days: DaySink, day: number, minutes: number, worn: boolean, ill: boolean): void {
    const out = this.dayRow;
    const today = this.life.today;
    const load = out.sessionRpeLoad;
    out.day = day;
    out.restingHr = today[0]!;
    out.lnRmssd = today[1]!;
    out.sleepHours = worn ? this.state.sleptHours : Number.NaN;
    out.sessionRpe = minutes > 0 ? load / minutes : Number.NaN;
    out.ill = ill;
    days.day(out);
  }

  /** RPE of an easy minute (the pre-test days' sessions). */
  private get easyRpe(): number {
    const minute = this.profiles.easyMinute();
    return minute[DOSE_RPE_SQUARED]! / minute[DOSE_RPE]!;
  }

  /** The day's work: `minutes` of easy running. */
  private setEasyDay(s: AthleteState, minutes: number): void {
    const minute = this.profiles.easyMinute();
    setDone(s, minutes * minute[DOSE_Z1]!, minutes * minute[DOSE_Z2]!, minutes * minute[DOSE_Z3]!, minutes * minute[DOSE_COST]!);
  }

  /** A planned session run as easy running at `allowance` of its minutes (the graded return from an injury), in a reused buffer. */
  private easyInstead(dose: Float64Array, allowance: number): Float64Array {
    const minutes = allowance * (dose[DOSE_Z1]! + dose[DOSE_Z2]! + dose[DOSE_Z3]!);
    const minute = this.profiles.easyMinute();
    const out = this.easyDose;
    for (let field = 0; field < out.length; field++) out[field] = minutes * minute[field]!;
    return out;
  }

  private readonly easyDose = new Float64Array(DOSE_FIELDS);

  private saveStreams(): void {
    for (let i = 0; i < this.dailyStreams.length; i++) this.dailyStreams[i]!.saveTo(this.savedStreams, i * 4);
  }

  private restoreStreams(): void {
    for (let i = 0; i < this.dailyStreams.length; i++) this.dailyStreams[i]!.reseed(this.savedStreams, i * 4);
  }

  /** The athlete's habitual training: a design of their habitual distribution (one per distribution, cached). */
  private habitualDesign(traits: AthleteTraits): ResolvedDesign {
    const key = `${traits.habitualZ1}/${traits.habitualZ2}/${traits.habitualZ3}`;
    let design = this.habitualDesigns.get(key);
    if (design === undefined) {
      design = habitualDesign({ z1: traits.habitualZ1, z2: traits.habitualZ2, z3: traits.habitualZ3 }, this.catalogue);
      this.habitualDesigns.set(key, design);
    }
    return design;
  }
}
