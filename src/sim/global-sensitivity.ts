import { priorValue, type Parameters, type UncertainParameter } from '../models/parameters.ts';
import { setParameter } from './calibration/parameter-path.ts';
import { readScenarioText } from './scenario/load.ts';
import { referenceContrasts, type Contrast, type RunSpec } from './scenario/prepare.ts';
import { meanPairedDifference, type PartsFor } from './sensitivity.ts';
import { morrisDesign, morrisIndices, saltelliDesign, sobolIndices, type MorrisIndex, type SobolIndex, type UnitDesign } from './stats/global-sensitivity.ts';
import type { MetricName } from './summary.ts';

export type SensitivityMethod = 'morris' | 'sobol';

/** `periodize sensitivity`: a scenario's paired contrasts over the uncertain constants' ranges. */
export interface GlobalSensitivityRequest {
  file: string;
  method: SensitivityMethod;
  /** Morris: trajectories (r, r (k + 1) parameter sets); Sobol': base samples (n, n (k + 2) sets). */
  samples: number;
  /** Athletes per parameter set: the scenario's first `size` (the same athletes under every set). */
  size: number;
  /** Which points of the design (the scenario's own seed draws the athletes). */
  seed: number;
  /** Bootstrap resamples of the Sobol' intervals. */
  replicates: number;
  /** The outcomes whose contrasts are analysed. */
  metrics: readonly MetricName[];
  /** The inputs and their priors (uniform or log-uniform over their ranges: `priorValue`). */
  priors: readonly UncertainParameter[];
  /** The values of every other constant. */
  base: Parameters;
  progress?: (done: number, total: number, athleteDays: number) => void;
  /** Sets in flight at once (a pool's workers and a few more to keep them busy); 1 on this process. */
  concurrency?: number;
}

/** One paired contrast (arm − reference on a metric) and what drives it. */
export interface ContrastSensitivity {
  arm: string;
  reference: string;
  metric: MetricName;
  /** The contrast with the constants as committed (pp). */
  value: number;
  /** Its lowest and highest over the parameter sets that gave a value (NaN if none did). */
  min: number;
  max: number;
  /** Sets that gave no value (no athlete measured in both arms): their indices are NaN. */
  missing: number;
  /**
   * Sobol' only (its A and B rows, 2n sets, are a uniform sample of the ranges): the share of those
   * that gave a value in which the contrast has the sign it has with the committed constants; null
   * for Morris, whose grid is not a sample, and when the committed value has no sign (0 or missing).
   */
  sameSign: number | null;
  morris: MorrisIndex[] | null;
  sobol: SobolIndex[] | null;
}

export interface GlobalSensitivityResult {
  method: SensitivityMethod;
  priors: readonly UncertainParameter[];
  athletes: number;
  /** Every parameter set run: its inputs (row-major, one column per prior) and each contrast's value (one column per contrast). */
  sets: number;
  inputs: Float64Array;
  outputs: Float64Array;
  contrasts: ContrastSensitivity[];
  athleteDays: number;
}

/** Paired contrasts on each metric: the pairs in order, the metrics within each. */
export function contrastsOf(pairs: readonly Contrast[], metrics: readonly MetricName[]): { arm: number; vs: number; metric: MetricName }[] {
  return pairs.flatMap(({ arm, vs }) => metrics.map((metric) => ({ arm, vs, metric })));
}

/** One parameter set to run: the scenario (its text, as read once), the set, the athletes and the outcomes. */
export interface SetTask {
  file: string;
  text: string;
  parameters: Parameters;
  size: number;
  metrics: readonly MetricName[];
  /** The contrasts to compute (arm − vs, arm indices), each on every metric. */
  pairs: readonly Contrast[];
}

/** What one set gave: each contrast's value (in `contrastsOf` order) and the athlete-days it took. */
export interface SetResult {
  values: Float64Array;
  athleteDays: number;
}

/** Runs the scenario's first `size` athletes under one parameter set (on this process, or in a worker: src/workers/tasks.ts). */
export function runSet(partsFor: PartsFor, task: SetTask): SetResult {
  const { loader, runner } = partsFor(task.parameters);
  const spec = loader.load(task.file, task.text).spec;
  const outcome = runner.run(spec, { slice: [0, Math.min(task.size, spec.population.size)] });
  const contrasts = contrastsOf(task.pairs, task.metrics);
  return {
    values: Float64Array.from(contrasts, ({ arm, vs, metric }) => meanPairedDifference(outcome.metrics, arm, vs, metric)),
    athleteDays: outcome.athleteDays,
  };
}

/**
 * Global sensitivity of a scenario's paired contrasts to the uncertain constants: the scenario run
 * at every point of a Morris or Saltelli design over the constants' ranges — the same athletes and
 * seed at every point (common random numbers), so that what moves a contrast is the constants, not
 * which athletes were drawn — and the indices of each contrast. `spec` is the scenario as the
 * committed constants read it; `run` runs one set, here or on a pool of workers (the sets are
 * independent, and each lands in its own row: the result is the same for any number of workers).
 */
export async function globalSensitivity(
  spec: RunSpec,
  request: GlobalSensitivityRequest,
  run: (task: SetTask) => SetResult | Promise<SetResult>,
): Promise<GlobalSensitivityResult> {
  const { priors, base } = request;
  const k = priors.length;
  if (spec.referenceIndex < 0) throw new RangeError('global sensitivity needs a reference arm to compare with');
  const text = readScenarioText(request.file);
  const pairs = referenceContrasts(spec);
  const task = (parameters: Parameters): SetTask => ({ file: request.file, text, parameters, size: request.size, metrics: request.metrics, pairs });
  const contrasts = contrastsOf(pairs, request.metrics);
  const plan =
    request.method === 'morris'
      ? { method: 'morris' as const, design: morrisDesign(k, request.samples, request.seed) }
      : { method: 'sobol' as const, design: saltelliDesign(k, request.samples, request.seed) };
  const design: UnitDesign = plan.design;
  const inputs = new Float64Array(design.rows * k);
  const outputs = new Float64Array(design.rows * contrasts.length);
  const committed = await run(task(base));
  let athleteDays = committed.athleteDays;
  let done = 0;
  let next = 0;
  // A few lanes take the next set as each finishes: no more sets in memory than lanes, whatever the design's size.
  const lane = async () => {
    while (next < design.rows) {
      const row = next++;
      const parameters = structuredClone(base);
      priors.forEach((prior, i) => {
        const value = priorValue(prior, design.points[row * k + i]!);
        inputs[row * k + i] = value;
        setParameter(parameters, prior.path, value);
      });
      const result = await run(task(parameters));
      outputs.set(result.values, row * contrasts.length);
      athleteDays += result.athleteDays;
      request.progress?.(++done, design.rows, athleteDays);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, request.concurrency ?? 1) }, lane));
  const reference = spec.referenceIndex;
  return {
    method: request.method,
    priors,
    athletes: Math.min(request.size, spec.population.size),
    sets: design.rows,
    inputs,
    outputs,
    athleteDays,
    contrasts: contrasts.map(({ arm, metric }, c) => {
      const values = Float64Array.from({ length: design.rows }, (_, row) => outputs[row * contrasts.length + c]!);
      const value = committed.values[c]!;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      let missing = 0;
      for (const v of values) {
        if (Number.isNaN(v)) missing++;
        else {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      let sameSign: number | null = null;
      if (plan.method === 'sobol' && value !== 0 && !Number.isNaN(value)) {
        const sample = values.subarray(0, 2 * request.samples).filter((v) => !Number.isNaN(v));
        if (sample.length > 0) sameSign = sample.filter((v) => Math.sign(v) === Math.sign(value)).length / sample.length;
      }
      return {
        arm: spec.arms[arm]!.id,
        reference: spec.arms[reference]!.id,
        metric,
        value,
        min: missing === values.length ? Number.NaN : min,
        max: missing === values.length ? Number.NaN : max,
        missing,
        sameSign,
        morris: plan.method === 'morris' ? morrisIndices(plan.design, values) : null,
        sobol: plan.method === 'sobol' ? sobolIndices(plan.design, values, request.replicates, request.seed) : null,
      };
    }),
  };
}
