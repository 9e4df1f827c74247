import type { Expectation, Role, Statistic, Trial, TrialMetric } from '../../models/trials/schema.ts';
import { measured, measuredPairs } from '../stats/measured.ts';
import { deriveStreamSeed, RandomStream } from '../rng.ts';
import { ARM, TEST, TEST_COUNT } from '../results.ts';
import type { ScenarioRunner } from '../runner.ts';
import type { RunSpec } from '../scenario/prepare.ts';
import { summarize } from '../stats/describe.ts';
import { hedgesG, significantShare, type StudyDesign } from '../stats/index.ts';
import { METRICS } from '../summary.ts';
import type { LoadedTrial } from './load.ts';

/** One outcome of a trial: the simulated value against the published one. */
export interface OutcomeResult {
  expectation: Expectation;
  /** The statistic over the simulated athletes (a mean, a percentile, or an smd). */
  simulated: number;
  /** 95 % CI of a simulated mean (t-based), null for a percentile or an smd. */
  ci95: [number, number] | null;
  /** The band the paper's uncertainty allows. */
  band: [number, number];
  within: boolean;
  /**
   * Share of `replicates` simulated trials of the study's own size that reproduce its significance
   * finding (significant at α = 0.05 in the published direction, or not significant); null when
   * not asked for or the trial states no finding.
   */
  power: number | null;
  /**
   * With `studies` asked for (`trials --uncertainty`): that many simulated estimates of the study
   * — the spread its own sampling adds to the population's value. When the paper states a 95 % CI
   * of the outcome, normal about the simulated value with the SE the interval implies (a
   * meta-analysis's, its pooled studies'); else the statistic of studies of the trial's own size
   * (its n per arm; paired for a crossover) drawn from the simulated athletes.
   */
  studies?: Float64Array;
}

export interface TrialResult {
  file: string;
  trial: Trial;
  /** Athletes simulated per scenario. */
  size: number;
  /** The seed the scenarios ran with (the trial's own unless another was asked for). */
  seed: number;
  /** The outcomes run, in the file's order (those of the roles asked for). */
  outcomes: OutcomeResult[];
}

/** Per scenario and arm, each athlete's value of every trial metric. */
type Values = Map<string, Map<string, Map<TrialMetric, Float64Array>>>;

/**
 * Runs a loaded trial and judges its outcomes — with `roles`, only the outcomes of those roles, and
 * only the scenarios they need (`npm run calibrate` runs the calibration outcomes alone).
 */
export function runTrial(loaded: LoadedTrial, runner: ScenarioRunner, replicates: number, roles?: readonly Role[], studies: StudyDraws | null = null): TrialResult {
  const onlyRun = [...loaded.runs.keys()][0]!;
  // Each outcome keeps its index in the file: the stream of its simulated studies derives from it.
  const chosen = loaded.trial.expect.map((e, index) => ({ e, index })).filter(({ e }) => roles === undefined || roles.includes(e.role));
  const needed = new Set(chosen.flatMap(({ e }) => [e.run ?? onlyRun, ...(e.vs === undefined ? [] : [e.vs.run ?? e.run ?? onlyRun])]));
  const values: Values = new Map();
  let size = 0;
  for (const [name, spec] of loaded.runs) {
    size = spec.population.size;
    if (!needed.has(name)) continue;
    values.set(name, simulate(spec, runner));
  }
  const outcomes = chosen.map(({ e, index }) => {
    const run = e.run ?? onlyRun;
    const own = values.get(run)!.get(e.arm)!.get(e.metric)!;
    const other = e.vs === undefined ? null : values.get(e.vs.run ?? run)!.get(e.vs.arm)!.get(e.metric)!;
    const seed = deriveStreamSeed(loaded.seed, index, 'tests', new Int32Array(4));
    const result = judge(e, own, other, loaded.trial, replicates, new RandomStream(seed));
    if (studies === null) return result;
    // A stream of its own, per outcome and parameter set, so that asking for the studies changes nothing else.
    const draws = new RandomStream(deriveStreamSeed(loaded.seed, STUDY_STREAMS + studies.stream * STUDY_STREAMS + index, 'tests', new Int32Array(4)));
    const ci = e.published.ci95;
    // A study that states its interval has told its own sampling error (a meta-analysis's is its
    // pooled studies'): about the population's value, each side with the SE its half of the
    // interval implies (z, as a meta-analysis's interval is). Else: drawn studies of its n.
    const drawn =
      ci === undefined
        ? simulatedStudies(e, own, other, loaded.trial, studies.count, draws)
        : aroundValue(result.simulated, halfWidthSes(ci, e.published.mean ?? (ci[0] + ci[1]) / 2), studies.count, draws);
    return { ...result, studies: drawn };
  });
  return { file: loaded.file, trial: loaded.trial, size, seed: loaded.seed, outcomes };
}

/** Runs one scenario of a trial: per arm, each athlete's value of every trial metric. */
function simulate(spec: RunSpec, runner: ScenarioRunner): Map<string, Map<TrialMetric, Float64Array>> {
  const size = spec.population.size;
  const mlMin = spec.arms.map(() => new Float64Array(size));
  const kmh = spec.arms.map(() => new Float64Array(size));
  const hard = spec.arms.map(() => new Float64Array(size));
  let slot = 0;
  const outcome = runner.run(spec, {
    athletes: {
      athlete(traits, results) {
        for (let arm = 0; arm < spec.arms.length; arm++) {
          const change = (test: number) => results.finalMeasured[arm * TEST_COUNT + test]! - results.baselineMeasured[test]!;
          // VO2max in ml/min: the measured change (ml/kg/min) × body mass; peak speed in km/h.
          mlMin[arm]![slot] = change(TEST.vo2max) * traits.bodyMass;
          kmh[arm]![slot] = change(TEST.peakSpeed);
          // As summary.json's hardSessionsPerWeek, per athlete: its mean over athletes is the summary's.
          hard[arm]![slot] = results.get(arm, ARM.hardSessions) / spec.weeks;
        }
        slot++;
      },
    },
  });
  const byArm = new Map<string, Map<TrialMetric, Float64Array>>();
  spec.arms.forEach((arm, a) => {
    const metrics = new Map<TrialMetric, Float64Array>();
    for (const metric of METRICS) metrics.set(metric, outcome.metrics.valuesOf(a, metric));
    metrics.set('vo2maxMlMin', mlMin[a]!);
    metrics.set('peakSpeedKmh', kmh[a]!);
    metrics.set('hardSessionsPerWeek', hard[a]!);
    byArm.set(arm.id, metrics);
  });
  return byArm;
}

function judge(e: Expectation, own: Float64Array, other: Float64Array | null, trial: Trial, replicates: number, stream: RandomStream): OutcomeResult {
  const values = other === null ? measured(own) : own.map((v, i) => v - other[i]!).filter((v) => !Number.isNaN(v));
  const statistic: Statistic = e.statistic ?? 'mean';
  let simulated: number;
  let ci95: [number, number] | null = null;
  if (statistic === 'mean') {
    const summary = summarize(values);
    simulated = summary.mean;
    ci95 = summary.ci95;
  } else if (statistic === 'smd') {
    simulated = standardisedMeanDifference(own, other!);
  } else {
    simulated = percentile(values, Number(statistic.slice(1)) / 100);
  }
  const band = bandOf(e);
  const power = replicates > 0 && e.significant !== undefined ? simulatedPower(e, own, other, trial, replicates, stream) : null;
  // A direction is met when the simulated mean is clearly on its side: its whole 95 % CI.
  const within = e.tolerance === 'direction' ? ci95 !== null && ci95[0] > band[0] && ci95[1] < band[1] : simulated >= band[0] && simulated <= band[1];
  return { expectation: e, simulated, ci95, band, within, power };
}

/** The band the expectation's tolerance gives: mean ± SD, the 95 % CI, the file's own band, or a side of zero. */
export function bandOf(e: Expectation): [number, number] {
  const p = e.published;
  if (e.tolerance === 'direction') return e.direction === 'higher' ? [0, Number.POSITIVE_INFINITY] : [Number.NEGATIVE_INFINITY, 0];
  if (e.tolerance === 'sd') return [p.mean! - p.sd!, p.mean! + p.sd!];
  if (e.tolerance === 'ci95') return [p.ci95![0], p.ci95![1]];
  return [e.band![0], e.band![1]];
}

/**
 * The standardised mean difference of two arms' changes as a meta-analysis takes it from a study:
 * the mean difference over the pooled SD of the two arms' changes (each arm's own, as two groups —
 * not the paired differences). From thousands of simulated athletes it is the population's value:
 * the small-sample correction, for a study's few, is negligible here, as it should be — a pooled g
 * estimates the population's value too.
 */
function standardisedMeanDifference(own: Float64Array, other: Float64Array): number {
  return hedgesG(groupOf(measured(own)), groupOf(measured(other)));
}


/** Where the streams of an outcome's simulated studies start (past any outcome's power stream), and how many a parameter set takes. */
const STUDY_STREAMS = 1_000_000;

/** Simulated estimates of each study: how many, and the stream they draw from (one per parameter set). */
export interface StudyDraws {
  count: number;
  stream: number;
}

/**
 * The outcome's statistic in `count` simulated studies of the trial's own size, drawn from the
 * simulated athletes measured (with replacement): a mean of n changes, a paired mean difference of
 * n pairs (a crossover) or the difference of two groups' means of n each (parallel groups); an smd
 * of two groups of n; a percentile of n.
 */
export function simulatedStudies(e: Expectation, own: Float64Array, other: Float64Array | null, trial: Trial, count: number, stream: RandomStream): Float64Array {
  const n = trial.n;
  const statistic: Statistic = e.statistic ?? 'mean';
  const crossover = other !== null && trial.design === 'crossover' && statistic === 'mean';
  // A percentile of a difference is of the athletes' paired differences, as the outcome's value is (judge).
  const percentileOfDifferences = other !== null && statistic !== 'mean' && statistic !== 'smd';
  const [pairedA, pairedB] =
    other === null
      ? [measured(own), null]
      : crossover
        ? measuredPairs(own, other)
        : percentileOfDifferences
          ? [own.map((v, i) => v - other[i]!).filter((v) => !Number.isNaN(v)), null]
          : [measured(own), measured(other)];
  const draw = (from: Float64Array, into: Float64Array) => {
    for (let i = 0; i < n; i++) into[i] = from[Math.floor(stream.uniform() * from.length)]!;
    return into;
  };
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const out = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    if (crossover) {
      for (let i = 0; i < n; i++) {
        const k = Math.floor(stream.uniform() * pairedA.length);
        a[i] = pairedA[k]! - pairedB![k]!;
      }
      out[r] = meanOf(a);
    } else if (statistic === 'smd') {
      out[r] = hedgesG(groupOf(draw(pairedA, a)), groupOf(draw(pairedB!, b)));
    } else if (statistic === 'mean') {
      out[r] = pairedB === null ? meanOf(draw(pairedA, a)) : meanOf(draw(pairedA, a)) - meanOf(draw(pairedB, b));
    } else {
      out[r] = percentile(draw(pairedA, a), Number(statistic.slice(1)) / 100);
    }
  }
  return out;
}

/** The standard errors a 95 % CI implies below and above its estimate (z: a meta-analysis's, or a large study's). */
function halfWidthSes(ci: readonly [number, number], estimate: number): [number, number] {
  return [(estimate - ci[0]) / 1.959964, (ci[1] - estimate) / 1.959964];
}

/** `count` draws of a study's estimate about `value`: normal with standard error `se[0]` below and `se[1]` above (an interval printed asymmetric). */
function aroundValue(value: number, se: readonly [number, number], count: number, stream: RandomStream): Float64Array {
  return Float64Array.from({ length: count }, () => {
    const z = stream.normal();
    return value + z * (z < 0 ? se[0] : se[1]);
  });
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** A group's mean, SD and size, as Hedges' g takes them. */
function groupOf(values: Float64Array): { mean: number; sd: number; n: number } {
  const summary = summarize(values);
  return { mean: summary.mean, sd: summary.sd ?? 0, n: summary.n };
}

/** The p-th quantile (nearest rank) of the values. */
function percentile(values: Float64Array, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
}

/**
 * How often a study of the trial's own size, drawn from the simulated athletes, reproduces the
 * published finding: significant (α = 0.05, in the published direction) or not, as published. A
 * change within an arm: one-sample t-test; a difference: paired for a crossover, Welch's t-test
 * for parallel groups.
 */
function simulatedPower(e: Expectation, own: Float64Array, other: Float64Array | null, trial: Trial, replicates: number, stream: RandomStream): number {
  const direction = e.direction === 'higher' ? 1 : e.direction === 'lower' ? -1 : Math.sign(e.published.mean ?? 0);
  const design: StudyDesign = other === null ? 'one-sample' : trial.design === 'crossover' ? 'paired' : 'parallel';
  // A simulated study draws from the athletes measured: a dropout (injured on test day) is not in it.
  let a = measured(own);
  let b = other === null ? null : measured(other);
  if (other !== null && design === 'paired') [a, b] = measuredPairs(own, other);
  const share = significantShare(a, b, trial.n, design, replicates, stream, direction);
  return e.significant === true ? share : 1 - share;
}
