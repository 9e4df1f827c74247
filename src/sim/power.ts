import { deriveStreamSeed, RandomStream } from './rng.ts';
import type { RunOutcome } from './runner.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { significantShare } from './stats/index.ts';
import { measured, measuredPairs } from './stats/measured.ts';
import type { MetricName } from './summary.ts';
import { quantileType7 } from './stats/bootstrap-mean-ci.ts';
import { MODEL_INTERVAL } from './calibration/draws.ts';

/** The metrics a study's power is worked out for: the tested % changes. */
export const POWER_METRICS: readonly MetricName[] = ['vo2maxPct', 'lt2SpeedPct', 'timeTrialPct', 'peakSpeedPct'];

/** One arm against the reference on one metric: the population's difference and the power at each study size. */
export interface PowerRow {
  arm: string;
  metric: MetricName;
  /** Mean difference arm − reference over the whole simulated population. */
  difference: number;
  /** Probability of a significant difference (α = 0.05, in the population's direction), one per study size. */
  power: number[];
}

/**
 * "How many athletes would a real trial need?": for every arm against the reference and every
 * tested metric, the share of `replicates` simulated trials of n athletes per arm — drawn from the
 * simulated population — that find the difference significant at α = 0.05 in its direction.
 * Parallel groups (Welch's t-test) unless `paired` (a crossover: the same n athletes in both arms).
 */
export function studyPower(spec: RunSpec, outcome: RunOutcome, sizes: readonly number[], replicates: number, paired: boolean): PowerRow[] {
  const reference = spec.referenceIndex;
  if (reference < 0) throw new RangeError('power needs a reference arm');
  const rows: PowerRow[] = [];
  spec.arms.forEach((arm, a) => {
    if (a === reference) return;
    POWER_METRICS.forEach((metric, m) => {
      // An athlete not tested (injured on test day) drops out: of the pair in a crossover, of their
      // own arm in parallel groups. The population's difference is over the pairs measured.
      const [pairedTreated, pairedReferred] = measuredPairs(outcome.metrics.valuesOf(a, metric), outcome.metrics.valuesOf(reference, metric));
      const treated = paired ? pairedTreated : measured(outcome.metrics.valuesOf(a, metric));
      const referred = paired ? pairedReferred : measured(outcome.metrics.valuesOf(reference, metric));
      let sum = 0;
      for (let i = 0; i < pairedTreated.length; i++) sum += pairedTreated[i]! - pairedReferred[i]!;
      const difference = sum / pairedTreated.length;
      // One stream per (arm, metric), from the scenario's seed: the same answer on every run.
      const stream = new RandomStream(deriveStreamSeed(spec.seed, 1_000_000 + a * POWER_METRICS.length + m, 'tests', new Int32Array(4)));
      const power = sizes.map((n) => significantShare(treated, referred, n, paired ? 'paired' : 'parallel', replicates, stream, Math.sign(difference)));
      rows.push({ arm: arm.id, metric, difference, power });
    });
  });
  return rows;
}


/** A power row over the ensemble's parameter sets (`power --uncertainty`): the 5th, 50th and 95th percentiles of each number. */
export interface PowerRange {
  difference: [number, number, number];
  power: [number, number, number][];
}

/**
 * Each row's difference and power over the rows of every drawn set (`perSet[s]` is `studyPower`
 * under set s, rows in the same order): what the model does not know about the trial's power.
 */
export function powerRanges(perSet: readonly (readonly PowerRow[])[]): PowerRange[] {
  const spread = (values: number[]): [number, number, number] => {
    const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
    return sorted.length === 0 ? [Number.NaN, Number.NaN, Number.NaN] : [quantileType7(sorted, MODEL_INTERVAL[0]), quantileType7(sorted, 0.5), quantileType7(sorted, MODEL_INTERVAL[1])];
  };
  return perSet[0]!.map((row, r) => ({
    difference: spread(perSet.map((rows) => rows[r]!.difference)),
    power: row.power.map((_, n) => spread(perSet.map((rows) => rows[r]!.power[n]!))),
  }));
}
