import type { Parameters } from '../models/parameters.ts';
import { modelIntervalOf, resampleSets, runDrawnSets } from './calibration/draws.ts';
import { ENSEMBLE_FILE, parametersOfSet, type Ensemble } from './calibration/ensemble-file.ts';
import { contrastsOf, type SetResult, type SetTask } from './global-sensitivity.ts';
import { shownContrasts, type RunSpec } from './scenario/prepare.ts';
import { METRICS, round, type Comparison, type MetricName, type ModelInterval, type ModelUncertaintyAbout, type Summary } from './summary.ts';

export type { ModelInterval, ModelUncertaintyAbout } from './summary.ts';
export { MODEL_INTERVAL, modelIntervalOf } from './calibration/draws.ts';

/**
 * What the model does not know, carried into a run's contrasts (issue 12, item 3; README, What the
 * model does not know): the scenario's athletes run again under M parameter sets drawn from the
 * calibrated ensemble — the same athletes and events under every set (the scenario's seed: common
 * random numbers), so that what moves a contrast from set to set is the constants, not which
 * athletes were drawn — and each paired contrast's per-set mean difference. Its spread over the sets
 * is the model-uncertainty interval; the bootstrap 95 % CI of the summary stays what it is, the
 * sampling error of these athletes under the committed constants.
 */

/** Sets drawn when `--uncertainty ensemble` names no number. */
export const DEFAULT_UNCERTAINTY_SETS = 20;
/** `--uncertainty ensemble[:M]`: M sets of the committed ensemble; a message when the text is not that. */
export function parseUncertainty(text: string): { sets: number } | string {
  const match = /^ensemble(?::(\d+))?$/.exec(text);
  if (match === null) return `expected ensemble or ensemble:M, M the parameter sets to draw (got ${text})`;
  const sets = match[1] === undefined ? DEFAULT_UNCERTAINTY_SETS : Number(match[1]);
  if (sets < 2 || sets > 1000) return `ensemble:M: M from 2 to 1000 parameter sets (got ${sets})`;
  return { sets };
}

/** What to run: the scenario, the ensemble and how many of its sets. */
export interface EnsembleRunRequest {
  /** The scenario file and its text, as read once. */
  file: string;
  text: string;
  ensemble: Ensemble;
  /** The ensemble file's SHA-256, for the manifest. */
  sha256: string;
  /** Sets to draw (by weight, systematic resampling: deterministic). */
  sets: number;
  /** The values of every constant the ensemble leaves alone. */
  base: Parameters;
  /** Sets in flight at once (a pool's workers and a few more); 1 on this process. */
  concurrency?: number;
  progress?: (done: number, total: number, athleteDays: number) => void;
}

/** Every contrast's mean paired difference under each drawn set, and what was drawn. */
export interface EnsembleRuns {
  /** How the sets were drawn, for summary.json and manifest.json. */
  about: ModelUncertaintyAbout;
  /** One row per drawn set (a set drawn twice is run once and counted twice), one column per contrast (`contrastsOf(spec, METRICS)`). */
  values: Float64Array;
  athleteDays: number;
}

/**
 * Runs the scenario's athletes under `request.sets` sets of the ensemble, drawn by weight; `run`
 * runs one set, here or on a worker (each set lands in its own row: the same for any number of workers).
 */
export async function runEnsembleSets(spec: RunSpec, request: EnsembleRunRequest, run: (task: SetTask) => SetResult | Promise<SetResult>): Promise<EnsembleRuns> {
  const pairs = shownContrasts(spec);
  const contrasts = contrastsOf(pairs, METRICS);
  const drawn = resampleSets(request.ensemble, request.sets);
  let athleteDays = 0;
  const perSet = await runDrawnSets(
    drawn,
    async (set) => {
      const parameters = parametersOfSet(request.base, request.ensemble, set);
      const result = await run({ file: request.file, text: request.text, parameters, size: spec.population.size, metrics: METRICS, pairs });
      athleteDays += result.athleteDays;
      return result.values;
    },
    request.concurrency ?? 1,
    request.progress === undefined ? undefined : (done, total) => request.progress!(done, total, athleteDays),
  );
  const values = new Float64Array(drawn.length * contrasts.length);
  perSet.forEach((row, r) => values.set(row, r * contrasts.length));
  const distinct = new Set(drawn);
  return {
    about: {
      ensemble: ENSEMBLE_FILE,
      ensembleSha256: request.sha256,
      sets: drawn.length,
      distinct: distinct.size,
      athletesPerSet: spec.population.size,
      interval: "the 5th to 95th percentile over the sets of the contrast's mean paired difference, the same athletes under every set: what the calibrated model does not know (ci95 is the sampling error of these athletes under the committed constants)",
      sameSign: "the share of the sets whose mean difference has the sign of the run's own",
    },
    values,
    athleteDays,
  };
}

/**
 * The summary with its model uncertainty: `modelUncertainty` (what the intervals are over) after its
 * arms, and each paired comparison's `modelUncertainty` after its own statistics. A summary without
 * it is unchanged, byte for byte.
 */
export function withModelUncertainty(summary: Summary, spec: RunSpec, runs: EnsembleRuns): Summary {
  const contrasts = contrastsOf(shownContrasts(spec), METRICS);
  const rows = runs.values.length / contrasts.length;
  const index = new Map(spec.arms.map((arm, a) => [arm.id, a]));
  const withInterval = <C extends Comparison>(comparison: C, arm: number, vs: number, metric: MetricName): C => {
    const c = contrasts.findIndex((contrast) => contrast.arm === arm && contrast.vs === vs && contrast.metric === metric);
    const values = Float64Array.from({ length: rows }, (_, row) => runs.values[row * contrasts.length + c]!);
    return { ...comparison, modelUncertainty: rounded(modelIntervalOf(values, comparison.diff)) };
  };
  const arms = summary.arms.map((arm, a) => {
    if (arm.vsReference === null) return arm;
    const vsReference = { ...arm.vsReference };
    for (const metric of METRICS) vsReference[metric] = withInterval(vsReference[metric], a, spec.referenceIndex, metric);
    return { ...arm, vsReference };
  });
  const pairs = summary.contrasts.pairs.map((pair) => {
    const metrics = { ...pair.metrics };
    for (const metric of METRICS) metrics[metric] = withInterval(metrics[metric], index.get(pair.arm)!, index.get(pair.vs)!, metric);
    return { ...pair, metrics };
  });
  return { ...summary, arms, contrasts: { ...summary.contrasts, pairs }, modelUncertainty: runs.about };
}

/** As the summary rounds its statistics (4 decimals). */
function rounded(interval: ModelInterval): ModelInterval {
  const r = round;
  return { ...interval, median: r(interval.median), interval90: [r(interval.interval90[0]), r(interval.interval90[1])], sameSign: interval.sameSign === null ? null : r(interval.sameSign) };
}
