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
export function runTrial(loaded: LoadedTrial, runner: ScenarioRunner, replicates: number, roles?: readonly Role[]): TrialResult {
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
    return judge(e, own, other, loaded.trial, replicates, new RandomStream(seed));
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
  const group = (values: Float64Array) => {
    const summary = summarize(measured(values));
    return { mean: summary.mean, sd: summary.sd ?? 0, n: summary.n };
  };
  return hedgesG(group(own), group(other));
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
