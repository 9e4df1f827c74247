import { keyedStream } from './rng.ts';
import type { RunOutcome } from './runner.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { moments } from './stats/hypothesis.ts';
import { studyShares } from './stats/significant-share.ts';
import { measured, measuredPairs } from './stats/measured.ts';
import type { MetricName } from './summary.ts';
import { quantileType7 } from './stats/bootstrap-mean-ci.ts';
import { MODEL_INTERVAL } from './calibration/draws.ts';

/** The metrics a study's power is worked out for: the tested % changes. */
export const POWER_METRICS: readonly MetricName[] = ['vo2maxPct', 'lt2SpeedPct', 'timeTrialPct', 'peakSpeedPct'];

/** power.csv's columns: one row per contrast, metric, test and n (`--n`: each size; `--target`: the n found). */
export const POWER_COLUMNS = ['arm', 'vs', 'metric', 'test', 'design', 'alpha', 'difference', 'difference_mcse', 'dropout', 'sesoi', 'target', 'n', 'reached', 'power', 'mcse', 'trials'] as const;

/** The largest study the sample-size search looks at, athletes per arm: far more than a training study enrols. */
export const MAX_SEARCH_N = 10_000;

/** How the simulated trials are run and analysed. */
export interface TrialDesign {
  /** Simulated trials per study size. */
  replicates: number;
  /** A crossover (the same athletes in both arms, paired t-test) rather than parallel groups (Welch's t-test). */
  paired: boolean;
  /** Significance level of each two-sided test (and of each one-sided test of the equivalence). */
  alpha: number;
}

/** One contrast on one metric as the simulated athletes give it: what every power and sample-size row starts with. */
export interface ContrastEstimate {
  arm: string;
  vs: string;
  metric: MetricName;
  /** The difference arm − vs a trial estimates, over the simulated population: of the pairs measured (paired), of each arm's own athletes (parallel). */
  difference: number;
  /** Its Monte Carlo standard error over the simulated athletes: near or above half the difference, the power is of noise. */
  differenceMcse: number;
  /** The share of the simulated athletes a trial loses (not tested at the end), of the arms or of the pairs. */
  dropout: number;
  /** The scenario's smallest effect of interest for the metric; null: no equivalence test. */
  sesoi: number | null;
}

/** One contrast on one metric: the population's difference and what trials of each size find. */
export interface PowerRow extends ContrastEstimate {
  /** Probability that a trial finds the difference (two-sided, at α, either direction), one per study size. */
  power: number[];
  /** Probability that a trial shows equivalence within ±sesoi (TOST at α), one per size; null without a sesoi. */
  equivalence: number[] | null;
}

/** The simulated population of one contrast and metric, as a trial of the design draws from it. */
interface ContrastPopulation {
  estimate: ContrastEstimate;
  treated: Float64Array;
  referred: Float64Array;
}

/**
 * Every contrast of the study (RunSpec.contrasts) on every tested metric: the athletes a trial
 * would draw from. An athlete not tested (injured on test day) drops out: of the pair in a
 * crossover, of their own arm in parallel groups. The difference is over the pairs measured.
 */
function contrastPopulations(spec: RunSpec, outcome: RunOutcome, paired: boolean): ContrastPopulation[] {
  if (spec.contrasts.length === 0) throw new RangeError('power needs contrasts: a reference arm, or contrasts: in the scenario');
  const size = spec.population.size;
  return spec.contrasts.flatMap(({ arm, vs }) =>
    POWER_METRICS.map((metric) => {
      const own = outcome.metrics.valuesOf(arm, metric);
      const other = outcome.metrics.valuesOf(vs, metric);
      const [pairedTreated, pairedReferred] = measuredPairs(own, other);
      const treated = paired ? pairedTreated : measured(own);
      const referred = paired ? pairedReferred : measured(other);
      // The difference the trial estimates, and its Monte Carlo SE over the simulated athletes:
      // paired, the mean of the pairs' differences; in parallel groups, each arm's own athletes.
      const { difference, mcse } = paired ? pairedEstimate(pairedTreated, pairedReferred) : parallelEstimate(treated, referred);
      const estimate: ContrastEstimate = {
        arm: spec.arms[arm]!.id,
        vs: spec.arms[vs]!.id,
        metric,
        difference,
        differenceMcse: mcse,
        // Athletes not tested at the end (injured on test day): the share of the arm, or of the pairs, a trial loses.
        dropout: size === 0 ? 0 : 1 - (paired ? pairedTreated.length : Math.min(treated.length, referred.length)) / size,
        sesoi: spec.sesoi[metric] ?? null,
      };
      return { estimate, treated, referred };
    }),
  );
}

/** The mean paired difference and its standard error (SD of the differences / √n). */
function pairedEstimate(treated: Float64Array, referred: Float64Array): { difference: number; mcse: number } {
  const { mean, variance } = moments(treated.map((value, i) => value - referred[i]!));
  return { difference: mean, mcse: Math.sqrt(variance / treated.length) };
}

/** The difference of the arms' means, each over its own athletes, and its standard error (Welch's). */
function parallelEstimate(treated: Float64Array, referred: Float64Array): { difference: number; mcse: number } {
  const a = moments(treated);
  const b = moments(referred);
  return { difference: a.mean - b.mean, mcse: Math.sqrt(a.variance / treated.length + b.variance / referred.length) };
}

/**
 * What `replicates` simulated trials of `n` per arm find, from a stream keyed by the scenario's
 * seed, the contrast, the metric and n: the same answer on every run, whatever other sizes were
 * asked for or searched before it.
 */
function sharesAt(spec: RunSpec, { estimate, treated, referred }: ContrastPopulation, n: number, design: TrialDesign) {
  const stream = keyedStream(`periodize:${spec.seed}:power:${estimate.arm}:${estimate.vs}:${estimate.metric}:${n}`);
  return studyShares(treated, referred, n, design.paired ? 'paired' : 'parallel', design.replicates, stream, design.alpha, estimate.sesoi);
}

/**
 * "What power would a real trial of n athletes per arm have?": for every contrast and tested
 * metric, the share of simulated trials of each size — drawn from the simulated population — that
 * find the difference (two-sided at α), and with a sesoi the share that show equivalence.
 */
export function studyPower(spec: RunSpec, outcome: RunOutcome, sizes: readonly number[], design: TrialDesign): PowerRow[] {
  return contrastPopulations(spec, outcome, design.paired).map((population) => {
    const shares = sizes.map((n) => sharesAt(spec, population, n, design));
    const { estimate } = population;
    return { ...estimate, power: shares.map((s) => s.significant), equivalence: estimate.sesoi === null ? null : shares.map((s) => s.equivalent!) };
  });
}

/** The smallest n per arm found to reach the target power for one test of one contrast. */
export interface SampleSize {
  /** The n found; null when even MAX_SEARCH_N per arm does not reach the target (or, with power NaN, when no athlete was measured). */
  n: number | null;
  /** The estimated power at that n (at MAX_SEARCH_N when not reached), and its Monte Carlo standard error. */
  power: number;
  mcse: number;
}

/** One contrast on one metric: the n for the difference, and for equivalence when there is a sesoi. */
export interface SampleSizeRow extends ContrastEstimate {
  /** The n to find the difference; and to show equivalence (null without a sesoi). */
  found: { difference: SampleSize; equivalence: SampleSize | null };
}

/**
 * "How many athletes does a real trial need?": for every contrast and tested metric, the smallest
 * n per arm whose simulated trials reach `target` power — for the difference, and with a sesoi for
 * equivalence. The search (`smallestSize`) doubles n from 2 until the estimate reaches the target
 * and then bisects; each n's power is estimated from `design.replicates` trials of its own stream.
 */
export function studySampleSize(spec: RunSpec, outcome: RunOutcome, target: number, design: TrialDesign): SampleSizeRow[] {
  if (!(target > 0 && target < 1)) throw new RangeError(`the target power must be between 0 and 1 (got ${target})`);
  return contrastPopulations(spec, outcome, design.paired).map((population) => {
    const cache = new Map<number, ReturnType<typeof sharesAt>>();
    const at = (n: number) => {
      let found = cache.get(n);
      if (found === undefined) cache.set(n, (found = sharesAt(spec, population, n, design)));
      return found;
    };
    const { estimate } = population;
    return {
      ...estimate,
      found: {
        difference: smallestSize((n) => at(n).significant, target, design.replicates),
        equivalence: estimate.sesoi === null ? null : smallestSize((n) => at(n).equivalent!, target, design.replicates),
      },
    };
  });
}

/**
 * The smallest n in [2, MAX_SEARCH_N] whose estimated power reaches `target`, assuming the power
 * rises with n: n doubled from 2 until it does, then bisected between the last n short of it and
 * the first past it. Estimates are noisy (each n has its own simulated trials), so the n found is
 * uncertain by about the n over which the power rises by two Monte Carlo SEs — the SE given with it.
 */
export function smallestSize(power: (n: number) => number, target: number, replicates: number): SampleSize {
  const result = (n: number | null, p: number): SampleSize => ({ n, power: p, mcse: Math.sqrt((p * (1 - p)) / replicates) });
  let low = 2;
  const first = power(low);
  // No trial could be analysed (no athletes measured): no n reaches anything.
  if (Number.isNaN(first)) return result(null, Number.NaN);
  if (first >= target) return result(low, first);
  let high = low;
  let atHigh = first;
  while (atHigh < target) {
    if (high >= MAX_SEARCH_N) return result(null, atHigh);
    low = high;
    high = Math.min(MAX_SEARCH_N, high * 2);
    atHigh = power(high);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const p = power(middle);
    if (p >= target) [high, atHigh] = [middle, p];
    else low = middle;
  }
  return result(high, atHigh);
}

/** A power row over the ensemble's parameter sets (`power --uncertainty`): the 5th, 50th and 95th percentiles of each number. */
export interface PowerRange {
  difference: [number, number, number];
  power: [number, number, number][];
  /** The power to show equivalence, per size; null without a sesoi. */
  equivalence: [number, number, number][] | null;
}

/** The 5th, 50th and 95th percentiles (R's type 7) of the values that are not NaN; an infinity counts as the largest. */
function spread(values: number[]): [number, number, number] {
  const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  return sorted.length === 0 ? [Number.NaN, Number.NaN, Number.NaN] : [quantileType7(sorted, MODEL_INTERVAL[0]), quantileType7(sorted, 0.5), quantileType7(sorted, MODEL_INTERVAL[1])];
}

/**
 * Each row's difference and power over the rows of every drawn set (`perSet[s]` is `studyPower`
 * under set s, rows in the same order): what the model does not know about the trial's power.
 */
export function powerRanges(perSet: readonly (readonly PowerRow[])[]): PowerRange[] {
  return perSet[0]!.map((row, r) => ({
    difference: spread(perSet.map((rows) => rows[r]!.difference)),
    power: row.power.map((_, n) => spread(perSet.map((rows) => rows[r]!.power[n]!))),
    equivalence: row.equivalence === null ? null : row.equivalence.map((_, n) => spread(perSet.map((rows) => rows[r]!.equivalence?.[n] ?? Number.NaN))),
  }));
}

/** A sample-size row over the ensemble's parameter sets: percentiles of the difference and of each n found (Infinity: not reached by MAX_SEARCH_N). */
export interface SampleSizeRange {
  difference: [number, number, number];
  n: { difference: [number, number, number]; equivalence: [number, number, number] | null };
}

/** Each row's difference and n over the rows of every drawn set (`perSet[s]` is `studySampleSize` under set s). */
export function sampleSizeRanges(perSet: readonly (readonly SampleSizeRow[])[]): SampleSizeRange[] {
  const n = (size: SampleSize | null | undefined) => (size == null ? Number.NaN : (size.n ?? Number.POSITIVE_INFINITY));
  return perSet[0]!.map((row, r) => ({
    difference: spread(perSet.map((rows) => rows[r]!.difference)),
    n: {
      difference: spread(perSet.map((rows) => n(rows[r]!.found.difference))),
      equivalence: row.found.equivalence === null ? null : spread(perSet.map((rows) => n(rows[r]!.found.equivalence))),
    },
  }));
}
