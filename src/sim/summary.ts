import type { Parameters } from '../models/parameters.ts';
import { OUTCOME_METRICS, type OutcomeMetric } from '../models/outcomes.ts';
import { classifyDistribution, polarizationIndex } from '../models/tid.ts';
import type { ZoneShares } from '../models/zones.ts';
import { AdjustmentTally, type RuleTally } from './adjustment-tally.ts';
import { ARM, TEST, TEST_COUNT, type AthleteResults } from './results.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { bootstrapMeanCi, cohensDz, monteCarloStandardError, pairedDifference, responderShares, summarize } from './stats/index.ts';
import { measured, measuredPairs } from './stats/measured.ts';
import { adjustP, pairedEquivalence, pairedTTest, type AdjustMethod } from './stats/hypothesis.ts';

/** The metrics of the summary contract (README.md, The outputs), plus peak speed. */
export const METRICS = OUTCOME_METRICS;
export type MetricName = OutcomeMetric;

/** Per-athlete metric values of one athlete-arm, in METRICS order. */
function metricValues(results: AthleteResults, arm: number, out: Float64Array): Float64Array {
  out[0] = results.changePct(arm, TEST.vo2max, false);
  out[1] = results.changePct(arm, TEST.lt2Speed, false);
  out[2] = results.changePct(arm, TEST.timeTrialMinutes, false);
  out[3] = results.changePct(arm, TEST.peakSpeed, false);
  out[4] = results.get(arm, ARM.finalWeekRestingHr) - results.baselineRestingHr;
  out[5] = results.get(arm, ARM.finalWeekLnRmssd) - results.baselineLnRmssd;
  out[6] = results.get(arm, ARM.illnessDays);
  out[7] = results.get(arm, ARM.injuries) > 0 ? 1 : 0;
  out[8] = results.get(arm, ARM.injuryDaysLost);
  out[9] = results.get(arm, ARM.overreachingEpisodes) > 0 ? 1 : 0;
  return out;
}

/** Arm totals the collector keeps (sums over athletes), by name. */
const TOTAL = {
  minutes: 0,
  hardSessions: 1,
  lowGoalSessions: 2,
  thresholdGoalSessions: 3,
  highGoalSessions: 4,
  missedSessions: 5,
  /** Athletes who trained at all (their zone shares are in the mean). */
  trainingAthletes: 6,
  /** Sums of each athlete's planned zone-2 and zone-3 shares, and how many athletes had a plan. */
  plannedZ2Share: 7,
  plannedZ3Share: 8,
  plannedAthletes: 9,
  /** Days inside scheduled sleep restrictions, or illnesses and the days back from them, and hard sessions done on them. */
  eventDays: 10,
  eventHardSessions: 11,
  /** Changes the adaptive engine applied. */
  adjustments: 12,
  /** Minutes the weekly targets asked for, summed over athletes and weeks. */
  targetMinutes: 13,
  /** Sums of the measured 10-km times before and after (minutes) and how many athletes were tested both times. */
  timeTrialBefore: 14,
  timeTrialAfter: 15,
  timeTrialAthletes: 16,
  /** Sum of the performance the athletes lost to training fatigue on the morning of the final tests, beyond the baseline tests'. */
  finalFatigueLoss: 17,
  /** Minutes of the sessions the plan held (done or not), and sums of each athlete's shares of them by zone (and how many had any). */
  writtenMinutes: 18,
  writtenZ1Share: 19,
  writtenZ2Share: 20,
  writtenZ3Share: 21,
  writtenAthletes: 22,
} as const;
const TOTAL_COUNT = 23;

/**
 * Collects what the summary needs while athletes stream past: every metric of every athlete-arm
 * (medians and paired comparisons need them all), the arm totals of time in zone and sessions, and
 * what the adaptive engine changed.
 */
export class SummaryCollector {
  private readonly values: Float64Array[][];
  private readonly zoneShares: Float64Array[];
  private readonly totals: Float64Array[];
  private readonly scratch = new Float64Array(METRICS.length);
  private readonly adjustments: AdjustmentTally;

  constructor(
    private readonly spec: RunSpec,
    readonly size: number,
    /** Each tested metric's typical error, in its own unit, for the responder shares. */
    private readonly typicalErrors: Partial<Record<MetricName, number>> = {},
    /** Mean performance lost to fatigue at the final tests above which an arm is warned (PARAMETERS.tests.fatigueWarningLoss). */
    private readonly fatigueWarningLoss = Number.POSITIVE_INFINITY,
  ) {
    this.adjustments = new AdjustmentTally(spec);
    this.values = spec.arms.map(() => METRICS.map(() => new Float64Array(size)));
    this.zoneShares = spec.arms.map(() => new Float64Array(3));
    this.totals = spec.arms.map(() => new Float64Array(TOTAL_COUNT));
  }

  /** Records athlete number `slot` (0-based within this run). */
  add(slot: number, results: AthleteResults): void {
    this.adjustments.add(results);
    this.spec.arms.forEach((_, arm) => {
      metricValues(results, arm, this.scratch);
      for (let m = 0; m < METRICS.length; m++) this.values[arm]![m]![slot] = this.scratch[m]!;
      const z1 = results.get(arm, ARM.z1Minutes);
      const z2 = results.get(arm, ARM.z2Minutes);
      const z3 = results.get(arm, ARM.z3Minutes);
      const minutes = z1 + z2 + z3;
      const shares = this.zoneShares[arm]!;
      if (minutes > 0) {
        shares[0]! += z1 / minutes;
        shares[1]! += z2 / minutes;
        shares[2]! += z3 / minutes;
      }
      const totals = this.totals[arm]!;
      totals[TOTAL.minutes]! += minutes;
      totals[TOTAL.hardSessions]! += results.get(arm, ARM.hardSessions);
      totals[TOTAL.lowGoalSessions]! += results.get(arm, ARM.lowGoalSessions);
      totals[TOTAL.thresholdGoalSessions]! += results.get(arm, ARM.thresholdGoalSessions);
      totals[TOTAL.highGoalSessions]! += results.get(arm, ARM.highGoalSessions);
      totals[TOTAL.missedSessions]! += results.get(arm, ARM.missedSessions);
      totals[TOTAL.eventDays]! += results.get(arm, ARM.eventDays);
      totals[TOTAL.eventHardSessions]! += results.get(arm, ARM.eventHardSessions);
      totals[TOTAL.adjustments]! += results.get(arm, ARM.adjustments);
      totals[TOTAL.trainingAthletes]! += minutes > 0 ? 1 : 0;
      const before = results.baselineMeasured[TEST.timeTrialMinutes]!;
      const after = results.finalMeasured[arm * TEST_COUNT + TEST.timeTrialMinutes]!;
      if (!Number.isNaN(before) && !Number.isNaN(after)) {
        totals[TOTAL.timeTrialBefore]! += before;
        totals[TOTAL.timeTrialAfter]! += after;
        totals[TOTAL.timeTrialAthletes]! += 1;
      }
      // Fatigue the final tests meet beyond what the baseline tests met.
      totals[TOTAL.finalFatigueLoss]! += results.get(arm, ARM.finalFatigueLoss) - results.baselineFatigueLoss;
      const w1 = results.get(arm, ARM.plannedZ1Minutes);
      const w2 = results.get(arm, ARM.plannedZ2Minutes);
      const w3 = results.get(arm, ARM.plannedZ3Minutes);
      const written = w1 + w2 + w3;
      totals[TOTAL.writtenMinutes]! += written;
      if (written > 0) {
        totals[TOTAL.writtenZ1Share]! += w1 / written;
        totals[TOTAL.writtenZ2Share]! += w2 / written;
        totals[TOTAL.writtenZ3Share]! += w3 / written;
        totals[TOTAL.writtenAthletes]! += 1;
      }
      const target = results.get(arm, ARM.targetMinutes);
      totals[TOTAL.targetMinutes]! += target;
      if (target > 0 && minutes > 0) {
        totals[TOTAL.plannedZ2Share]! += results.get(arm, ARM.targetZ2Minutes) / target;
        totals[TOTAL.plannedZ3Share]! += results.get(arm, ARM.targetZ3Minutes) / target;
        totals[TOTAL.plannedAthletes]! += 1;
      }
    });
  }

  /** Per-athlete values of one metric in one arm (athletes in index order). */
  valuesOf(arm: number, metric: MetricName): Float64Array {
    return this.values[arm]![METRICS.indexOf(metric)]!;
  }

  /**
   * The summary of every athlete added. `interval` computes the bootstrap CIs (by default here, on
   * this process; a worker pool may compute them elsewhere — see WorkerPool.summary).
   */
  summary(interval: MeanInterval = bootstrapMeanCi): Summary {
    const { spec, size } = this;
    const weeks = spec.weeks;
    const reference = spec.referenceIndex;
    // Each paired comparison once (a reference contrast is also one of the study's), in a fixed
    // order: a pool computing the intervals elsewhere sees the same calls on both passes.
    const comparisons = new Map<string, Comparison>();
    const comparison = (a: number, vs: number, m: number): Comparison => {
      const key = `${a}:${vs}:${m}`;
      let found = comparisons.get(key);
      if (found === undefined) {
        const [treated, referred] = measuredPairs(this.values[a]![m]!, this.values[vs]![m]!);
        found = compare(treated, referred, spec.seed * 1_000 + a * METRICS.length + m, interval);
        comparisons.set(key, found);
      }
      return found;
    };
    const arms = this.armSummaries(comparison);
    return {
      name: spec.scenario.name,
      seed: spec.seed,
      weeks,
      population: describePopulation(spec, size),
      reference: reference >= 0 ? spec.arms[reference]!.id : null,
      zoneSystem: '3-zone',
      events: {
        scripted: spec.events.length,
        scriptedInEveryArm: !spec.armSpecificEvents,
        what: eventsInWords(spec.events.length, spec.armSpecificEvents),
      },
      arms,
      contrasts: this.studyContrasts(comparison),
    };
  }

  /** The study's contrasts (RunSpec.contrasts) on every metric, tested, adjusted within each metric and judged. */
  private studyContrasts(comparison: (a: number, vs: number, m: number) => Comparison): StudyContrasts {
    const { spec } = this;
    const rows = spec.contrasts.map(({ arm, vs }) => ({ arm: spec.arms[arm]!.id, vs: spec.arms[vs]!.id, metrics: {} as Record<MetricName, TestedComparison> }));
    METRICS.forEach((metric, m) => {
      const bound = spec.sesoi[metric];
      const tests = spec.contrasts.map(({ arm, vs }) => {
        const [treated, referred] = measuredPairs(this.values[arm]![m]!, this.values[vs]![m]!);
        const differences = treated.map((value, i) => value - referred[i]!);
        return { test: pairedTTest(differences), equivalence: bound === undefined ? null : pairedEquivalence(differences, bound) };
      });
      const adjusted = adjustP(tests.map(({ test }) => test?.p ?? Number.NaN), spec.adjust);
      const adjustedEquivalence = adjustP(tests.map(({ equivalence }) => equivalence?.p ?? Number.NaN), spec.adjust);
      spec.contrasts.forEach(({ arm, vs }, c) => {
        const { test, equivalence } = tests[c]!;
        const pAdjusted = test === null ? null : adjusted[c]!;
        const tested = equivalence === null ? null : { sesoi: bound!, p: significant(equivalence.p), pAdjusted: significant(adjustedEquivalence[c]!) };
        rows[c]!.metrics[metric] = {
          ...comparison(arm, vs, m),
          t: test === null || !Number.isFinite(test.t) ? null : round(test.t),
          df: test?.df ?? null,
          p: test === null ? null : significant(test.p),
          pAdjusted: pAdjusted === null ? null : significant(pAdjusted),
          equivalence: tested,
          // Judged on the adjusted p-values before they are rounded for the outputs.
          verdict: pAdjusted === null ? null : verdictOf(pAdjusted, equivalence === null ? null : adjustedEquivalence[c]!),
        };
      });
    });
    return {
      test: 'paired t-test of the mean difference, two-sided',
      adjust: spec.adjust,
      family: 'the contrasts of each metric',
      alpha: ALPHA,
      sesoi: spec.sesoi,
      equivalence: 'two one-sided paired t-tests (TOST) against ±sesoi, adjusted as the differences are',
      pairs: rows,
    };
  }

  /** Each arm's summary: what it planned and did, its metrics, and its contrast with the reference. */
  private armSummaries(comparison: (a: number, vs: number, m: number) => Comparison): ArmSummary[] {
    const { spec, size } = this;
    const weeks = spec.weeks;
    const reference = spec.referenceIndex;
    return spec.arms.map((arm, a) => {
        const totals = this.totals[a]!;
        const trained = totals[TOTAL.trainingAthletes]!;
        // Mean of the athletes' own shares: every athlete counts the same, whatever their volume.
        const shares = this.zoneShares[a]!;
        const achieved = trained === 0 ? null : { z1: shares[0]! / trained, z2: shares[1]! / trained, z3: shares[2]! / trained };
        const planned = plannedShares(totals);
        const writers = totals[TOTAL.writtenAthletes]!;
        const written =
          writers === 0
            ? null
            : { z1: totals[TOTAL.writtenZ1Share]! / writers, z2: totals[TOTAL.writtenZ2Share]! / writers, z3: totals[TOTAL.writtenZ3Share]! / writers };
        const low = totals[TOTAL.lowGoalSessions]!;
        const threshold = totals[TOTAL.thresholdGoalSessions]!;
        const high = totals[TOTAL.highGoalSessions]!;
        const goalSessions = low + threshold + high;
        const metrics = {} as Record<MetricName, MetricSummary>;
        const vsReference = {} as Record<MetricName, Comparison>;
        const responders: Responders = {};
        METRICS.forEach((metric, m) => {
          const own = this.values[a]![m]!;
          metrics[metric] = roundAll(summarizeMeasured(own));
          const typicalError = this.typicalErrors[metric];
          if (typicalError !== undefined && own.some((value) => !Number.isNaN(value))) responders[metric] = roundAll(responderShares(own, typicalError));
          if (reference >= 0 && a !== reference) vsReference[metric] = comparison(a, reference, m);
        });
        const eventDays = totals[TOTAL.eventDays]!;
        const tested = totals[TOTAL.timeTrialAthletes]!;
        const fatigueLoss = totals[TOTAL.finalFatigueLoss]! / size;
        // The planner answers for the plan it wrote; what illness and injuries then took from it shows
        // in the done distribution and volume, and in the health metrics.
        const warnings = [
          ...volumeWarnings(totals[TOTAL.writtenMinutes]! / size, totals[TOTAL.targetMinutes]! / size, weeks, totals[TOTAL.adjustments]! > 0),
          ...(written === null || planned === null ? [] : distributionWarnings(written, planned, totals[TOTAL.adjustments]! > 0)),
        ];
        if (fatigueLoss > this.fatigueWarningLoss) warnings.push(fatigueWarning(fatigueLoss));
        return {
          id: arm.id,
          design: arm.label,
          description: arm.description,
          rules: arm.rules === null ? null : arm.rules.name,
          n: size,
          blocks: arm.macroplan.blocks.map((block) => ({
            name: block.name,
            weeks: block.weeks,
            target:
              block.design.distribution === null
                ? null
                : { system: '3-zone' as const, basis: block.design.basis, ...roundAll(block.design.distribution) },
          })),
          distribution:
            achieved === null
              ? null
              : {
                  system: '3-zone' as const,
                  basis: 'time' as const,
                  ...roundAll({ ...achieved, polarizationIndex: polarizationIndex(achieved, 0.02) }),
                  classification: classifyDistribution(achieved, 0.02),
                },
          sessionDistribution: {
            system: '3-zone' as const,
            basis: 'sessions' as const,
            ...roundAll({
              z1: goalSessions > 0 ? low / goalSessions : 0,
              z2: goalSessions > 0 ? threshold / goalSessions : 0,
              z3: goalSessions > 0 ? high / goalSessions : 0,
            }),
          },
          target: planned === null ? null : { system: '3-zone' as const, basis: 'time' as const, ...roundAll(planned) },
          planDistribution: written === null ? null : { system: '3-zone' as const, basis: 'time' as const, ...roundAll(written) },
          plannedWeeklyHours: round(totals[TOTAL.writtenMinutes]! / size / weeks / 60),
          warnings,
          raceTime:
            tested === 0
              ? null
              : { distanceKm: 10, beforeMinutes: round(totals[TOTAL.timeTrialBefore]! / tested), afterMinutes: round(totals[TOTAL.timeTrialAfter]! / tested), n: tested },
          finalFatigueLoss: round(fatigueLoss),
          hardSessionsPerWeek: round(totals[TOTAL.hardSessions]! / size / weeks),
          weeklyHours: round(totals[TOTAL.minutes]! / size / weeks / 60),
          targetWeeklyHours: round(totals[TOTAL.targetMinutes]! / size / weeks / 60),
          missedSessionsPerAthlete: round(totals[TOTAL.missedSessions]! / size),
          adjustments: this.adjustments.byRule(a),
          duringEvents: {
            days: round(eventDays / size),
            // Pooled over athletes: an athlete with two event days weighs less than one with ten.
            hardSessionsPerWeek: eventDays === 0 ? null : round((totals[TOTAL.eventHardSessions]! / eventDays) * 7),
          },
          metrics,
          responders,
          vsReference: reference >= 0 && a !== reference ? vsReference : null,
        };
      });
  }
}

/** What the arms share and what they do not, in words (summary.json's `events.what`, the terminal's line). */
export function eventsInWords(scripted: number, armSpecific: boolean): string {
  if (scripted === 0) return "no scripted events: illness and injuries follow from each arm's training, and differ between arms";
  const events = scripted === 1 ? 'the scripted event falls' : `the ${scripted} scripted events fall`;
  const where = armSpecific ? 'in every arm, or in the arms an event names' : 'in every arm';
  return `${events} on the same athletes and days ${where}; illness and injuries beyond them follow from each arm's training and differ between arms (ill days and injuries count both)`;
}

/** The significance level of the contrasts' tests and verdicts. */
export const ALPHA = 0.05;

/** What a contrast's tests say at ALPHA (adjusted p-values), in a word (VERDICTS says it in words). */
export type Verdict = 'different' | 'equivalent' | 'trivial' | 'inconclusive';
export const VERDICTS: Record<Verdict, string> = {
  different: 'a difference, not shown to lie within ±sesoi (where the scenario gives one)',
  equivalent: 'no difference shown, and shown to lie within ±sesoi',
  trivial: 'a difference, but shown to lie within ±sesoi',
  inconclusive: 'neither a difference nor equivalence shown at this n',
};

/**
 * The four outcomes of a difference test and an equivalence test (Lakens, Scheel & Isager 2018, Adv
 * Methods Pract Psychol Sci 1:259–269, fig. 1); without an equivalence test, a difference not shown
 * is inconclusive.
 */
function verdictOf(pDifference: number, pEquivalence: number | null): Verdict {
  const different = pDifference < ALPHA;
  const equivalent = pEquivalence !== null && pEquivalence < ALPHA;
  return different ? (equivalent ? 'trivial' : 'different') : equivalent ? 'equivalent' : 'inconclusive';
}

/** A p-value to 4 significant digits: a tiny p keeps its order of magnitude (4 decimals would make it 0). */
function significant(p: number): number {
  return Number(p.toPrecision(4));
}

export interface MetricSummary {
  n: number;
  mean: number;
  sd: number | null;
  median: number;
  ci95: [number, number] | null;
}
export interface Comparison {
  /** Mean paired difference, this arm − the reference (same athletes and scripted events). */
  diff: number;
  /** Seeded percentile-bootstrap 95 % CI of the mean difference (BOOTSTRAP_REPLICATES resamples). */
  ci95: [number, number] | null;
  /** Hedges' g_av (the difference over the arms' average SD, small-sample corrected). */
  hedgesG: number | null;
  /** Cohen's d_z (the difference over the SD of the differences). */
  dz: number | null;
  /** Monte Carlo standard error of the mean difference (SD of the differences / √n). */
  mcse: number | null;
  /** Athletes paired (measured in both arms). */
  n: number;
  /** With `--uncertainty`: the contrast over plausible parameter sets (src/sim/model-uncertainty.ts); absent otherwise. */
  modelUncertainty?: ModelInterval;
}

/** summary.json's `modelUncertainty`: what its intervals are over. */
export interface ModelUncertaintyAbout {
  ensemble: string;
  ensembleSha256: string;
  /** Sets drawn, and how many of them differ (systematic resampling draws a heavy set more than once). */
  sets: number;
  distinct: number;
  athletesPerSet: number;
  interval: string;
  sameSign: string;
}

/** A paired contrast's model uncertainty (summary.json: `vsReference.<metric>.modelUncertainty`; src/sim/model-uncertainty.ts). */
export interface ModelInterval {
  /** The median and the 5th and 95th percentiles of the per-set mean difference. */
  median: number;
  interval90: [number, number];
  /** The share of the sets whose mean difference has the sign of the run's own (null: the run's is 0 or missing). */
  sameSign: number | null;
  /** Sets that gave a difference (none is missing unless no athlete was measured in both arms). */
  sets: number;
}

/**
 * Athletes whose measured gain exceeds 2 × the test's typical error (high responders) or falls
 * below 0.5 × it (low responders), as shares of the athletes measured; for the tested metrics.
 */
export type Responders = Partial<Record<MetricName, { high: number; low: number }>>;
export type Summary = {
  name: string;
  seed: number;
  weeks: number;
  population: PopulationSummary;
  reference: string | null;
  zoneSystem: '3-zone';
  arms: ArmSummary[];
  /**
   * Which events the arms share: the scenario's scripted events (how many, and whether each applies
   * to every arm) fall on the same athletes and days; illness and injuries beyond them follow from
   * each arm's training and differ by arm.
   */
  events: { scripted: number; scriptedInEveryArm: boolean; what: string };
  /** The study's contrasts (the scenario's `contrasts`, or every arm against the reference), tested. */
  contrasts: StudyContrasts;
  /** With `--uncertainty`: the sets the contrasts' model intervals are over; absent otherwise. */
  modelUncertainty?: ModelUncertaintyAbout;
};

/** summary.json's `contrasts`: how they were tested, and each pair's comparisons by metric. */
export interface StudyContrasts {
  test: string;
  adjust: AdjustMethod;
  /** Over which p-values the adjustment runs. */
  family: string;
  alpha: number;
  sesoi: Partial<Record<MetricName, number>>;
  equivalence: string;
  pairs: { arm: string; vs: string; metrics: Record<MetricName, TestedComparison> }[];
}

/** A paired comparison with its tests: the difference (two-sided t-test) and, with a sesoi, equivalence. */
export interface TestedComparison extends Comparison {
  t: number | null;
  df: number | null;
  /** Two-sided p-value of the paired t-test, and adjusted within the metric's family (4 significant digits). */
  p: number | null;
  pAdjusted: number | null;
  /** TOST against ±sesoi (the larger one-sided p), and adjusted; null without a sesoi for the metric. */
  equivalence: { sesoi: number; p: number; pAdjusted: number } | null;
  verdict: Verdict | null;
}
export type ArmSummary = {
  id: string;
  design: string;
  description: string | null;
  /** The adaptive engine's rule set (its name), or null for a fixed plan. */
  rules: string | null;
  n: number;
  blocks: { name: string; weeks: number; target: Record<string, unknown> | null }[];
  /** Planned time in zone over the whole arm (the weekly targets, mean of the athletes); null if nothing was planned. */
  target: { system: '3-zone'; basis: 'time'; z1: number; z2: number; z3: number } | null;
  /**
   * Time in zone of the sessions the plan held, done or not (mean of the athletes' shares): what the
   * planner answers for. `distribution` is what was done — less where illness and injuries took sessions.
   */
  planDistribution: { system: '3-zone'; basis: 'time'; z1: number; z2: number; z3: number } | null;
  /** Weekly hours of the sessions the plan held, done or not (`weeklyHours`: done; `targetWeeklyHours`: asked for). */
  plannedWeeklyHours: number;
  warnings: string[];
  /** The time trial as times: mean measured 10-km time before and after (minutes), over the athletes tested both times. */
  raceTime: { distanceKm: number; beforeMinutes: number; afterMinutes: number; n: number } | null;
  /** Mean performance lost to training fatigue on the morning of the final tests beyond what the baseline tests met (a fraction: 0.02 = 2 %). */
  finalFatigueLoss: number;
  /** Achieved time in zone (mean of the athletes' shares); null when nobody trained. */
  distribution: { system: '3-zone'; basis: 'time'; z1: number; z2: number; z3: number; polarizationIndex: number; classification: string } | null;
  sessionDistribution: { system: '3-zone'; basis: 'sessions'; z1: number; z2: number; z3: number };
  hardSessionsPerWeek: number;
  /** Achieved hours a week (mean of the athletes), against the hours the weekly targets asked for. */
  weeklyHours: number;
  targetWeeklyHours: number;
  missedSessionsPerAthlete: number;
  /** Per rule id (guardrails as `guardrail:<name>`, after the rules): what the engine changed. Empty for a fixed plan. */
  adjustments: Record<string, RuleTally>;
  /**
   * Scheduled sleep restriction and illness: mean event days per athlete, and hard sessions per 7
   * event days pooled over athletes (null when nobody had an event day).
   */
  duringEvents: { days: number; hardSessionsPerWeek: number | null };
  metrics: Record<MetricName, MetricSummary>;
  responders: Responders;
  vsReference: Record<MetricName, Comparison> | null;
};

/** Planned time in zone over the arm: the mean of the athletes' planned shares; null if nobody had a plan. */
function plannedShares(totals: Float64Array): ZoneShares | null {
  const athletes = totals[TOTAL.plannedAthletes]!;
  if (athletes === 0) return null;
  const z2 = totals[TOTAL.plannedZ2Share]! / athletes;
  const z3 = totals[TOTAL.plannedZ3Share]! / athletes;
  return { z1: 1 - z2 - z3, z2, z3 };
}

/**
 * A marker metric is missing (NaN) for an athlete without a reading in the baseline or the final
 * week (the watch not worn): it is summarised over the athletes measured, and `n` says how many.
 */
function summarizeMeasured(values: Float64Array): MetricSummary {
  const present = measured(values);
  if (present.length === 0) return { n: 0, mean: Number.NaN, sd: null, median: Number.NaN, ci95: null };
  return summarize(present);
}

/**
 * The typical error of the tests behind the % change metrics, in %: the test's CV (Hopkins 2000,
 * Sports Med 30:1–15) — VO2max, LT2 speed, time trial and peak speed.
 */
export function typicalErrorsOf(parameters: Parameters): Partial<Record<MetricName, number>> {
  const tests = parameters.tests;
  return { vo2maxPct: tests.vo2maxCv * 100, lt2SpeedPct: tests.lt2SpeedCv * 100, timeTrialPct: tests.timeTrialCv * 100, peakSpeedPct: tests.peakSpeedCv * 100 };
}

/** Resamples of the bootstrap CI of a mean paired difference. */
export const BOOTSTRAP_REPLICATES = 2000;

/** A confidence interval of the mean of `values` from `replicates` bootstrap resamples seeded by `seed` (bootstrapMeanCi's contract). */
export type MeanInterval = (values: Float64Array, replicates: number, seed: number) => [number, number];

/**
 * The paired comparison of one metric: the mean difference with its seeded bootstrap 95 % CI,
 * Hedges' g_av, d_z and the Monte Carlo standard error. Fields that need a spread are null below
 * two pairs or without spread.
 */
function compare(treated: Float64Array, referred: Float64Array, seed: number, interval: MeanInterval): Comparison {
  const n = treated.length;
  if (n === 0) return { diff: Number.NaN, ci95: null, hedgesG: null, dz: null, mcse: null, n };
  const paired = pairedDifference(treated, referred);
  const differences = treated.map((value, i) => value - referred[i]!);
  const spread = paired.sdDiff !== null && paired.sdDiff > 0;
  return roundAll({
    diff: paired.diff,
    ci95: n > 1 ? interval(differences, BOOTSTRAP_REPLICATES, seed) : null,
    hedgesG: paired.hedgesG,
    dz: spread ? cohensDz(differences) : null,
    mcse: n > 1 ? monteCarloStandardError(differences) : null,
    n,
  });
}

/**
 * The final tests met unabsorbed fatigue: what a trial would read then is not the fitness the block
 * built. Said with the remedy a coach or researcher has.
 */
function fatigueWarning(loss: number): string {
  return (
    `the final tests meet unabsorbed fatigue: ${(loss * 100).toFixed(1)} % of performance on average more than the baseline tests did ` +
    `(more than a time trial's typical error); end the block on a lighter week or give more easy days before the tests (tests: { preTestDays })`
  );
}

/** Why an arm's plan can hold less than its design asks, when no rule changed it. */
const PLANNER_CAPS = "the planner's caps on sessions and days (src/engine/plan/constants.ts)";
const ADAPTED = 'the adaptive engine changed sessions from the design: see adjustments';

/** Planned hours this far below the target are worth a warning. */
const VOLUME_SHORTFALL_WARNING = 0.1;

/** The plan as written holds less volume than its weekly targets asked for (the planner's caps, or the engine's changes). */
function volumeWarnings(minutes: number, targetMinutes: number, weeks: number, adapted: boolean): string[] {
  if (!(targetMinutes > 0) || minutes >= (1 - VOLUME_SHORTFALL_WARNING) * targetMinutes) return [];
  const why = adapted ? ADAPTED : `more than ${PLANNER_CAPS} allow`;
  const hours = (total: number) => (total / weeks / 60).toFixed(1);
  return [`the plan holds ${hours(minutes)} h a week, ${((1 - minutes / targetMinutes) * 100).toFixed(1)} % below the ${hours(targetMinutes)} h its targets asked for (${why})`];
}

/** The plan as written departs from the design's time in zone by more than 3 pp (the planner's promise): a warning per zone, with the likely reason. */
function distributionWarnings(achieved: ZoneShares, planned: ZoneShares, adapted: boolean): string[] {
  // An arm whose plan the adaptive engine changed departs from its design on purpose: say so.
  const why = adapted ? ADAPTED : `too little volume for the design, ${PLANNER_CAPS}, or race paces that fall in another zone for these athletes`;
  const warnings: string[] = [];
  const zones: [string, number, number][] = [
    ['Z1', achieved.z1, planned.z1],
    ['Z2', achieved.z2, planned.z2],
    ['Z3', achieved.z3, planned.z3],
  ];
  for (const [zone, achieved, target] of zones) {
    const gap = (achieved - target) * 100;
    if (Math.abs(gap) > 3) {
      warnings.push(`the plan's ${zone} ${(achieved * 100).toFixed(1)} % is ${Math.abs(gap).toFixed(1)} pp ${gap > 0 ? 'above' : 'below'} the design's ${(target * 100).toFixed(1)} % (${why})`);
    }
  }
  return warnings;
}

/** Who was simulated: a sampled level, or named athletes and how many versions of each. */
export type PopulationSummary = { level: string; size: number } | { athletes: string[]; replicates: number; size: number };

function describePopulation(spec: RunSpec, size: number): PopulationSummary {
  const population = spec.scenario.population;
  if ('athletes' in population) {
    return { athletes: population.athletes.map((a) => a.id), replicates: size / population.athletes.length, size };
  }
  return { level: population.level, size };
}

/** Rounds to 4 decimals: summaries are for reading; athletes.csv keeps more. */
export function round(value: number): number {
  return Math.round(value * 1e4) / 1e4 + 0;
}

function roundAll<T>(value: T): T {
  if (typeof value === 'number') return round(value) as T;
  if (Array.isArray(value)) return value.map(roundAll) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundAll(v)])) as T;
  }
  return value;
}
