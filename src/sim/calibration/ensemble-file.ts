import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { Parameters, UncertainParameter } from '../../models/parameters.ts';
import { ROOT } from '../../root.ts';
import { setParameter } from './parameter-path.ts';
import { trialContentSha256, trialFiles } from '../trials/load.ts';
import { sha256 } from '../outputs/read-chunks.ts';
import { basename, join } from 'node:path';

/** The ensemble as data: its provenance, then one parameter set per kept point. */
export interface Ensemble {
  provenance: {
    command: string;
    version: string;
    method: string;
    discrepancy: string;
    acceptance: string;
    athletesPerScenario: number;
    seed: number;
    particles: number;
    quantile: number;
    generation: number;
    tolerance: number;
    modelRuns: number;
    /** The SHA-256 of the parameter set the fit held fixed: every constant but the fitted ones (fixedParametersSha256). */
    fixedParametersSha256: string;
    /** The trial files, each with its content's SHA-256 (trialContentSha256: without the words). */
    trials: { file: string; contentSha256: string }[];
    /** Leave-one-study-out: the trial file whose calibration outcomes the fit left out. */
    leftOut?: string[];
  };
  constants: { path: string; low: number; high: number; distribution: 'uniform' | 'logUniform' }[];
  sets: { weight: number; discrepancy: number; values: number[] }[];
}

/** Where the calibrated ensemble is committed (`npm run ensemble` writes it; docs/CALIBRATION.md, The ensemble). */
export const ENSEMBLE_FILE = 'ensemble/ensemble.json';

/** The ensemble cannot serve: missing, malformed, or fitted to a model that is no longer there. */
export class EnsembleError extends Error {}

const EnsembleSchema = z.object({
  provenance: z.object({
    command: z.string(),
    version: z.string(),
    method: z.string(),
    discrepancy: z.string(),
    acceptance: z.string(),
    athletesPerScenario: z.number(),
    seed: z.number(),
    particles: z.number(),
    quantile: z.number(),
    generation: z.number(),
    tolerance: z.number(),
    modelRuns: z.number(),
    fixedParametersSha256: z.string(),
    trials: z.array(z.object({ file: z.string(), contentSha256: z.string() })),
    leftOut: z.array(z.string()).optional(),
  }),
  constants: z.array(z.object({ path: z.string(), low: z.number(), high: z.number(), distribution: z.enum(['uniform', 'logUniform']) })),
  sets: z.array(z.object({ weight: z.number().nonnegative(), discrepancy: z.number(), values: z.array(z.number()) })).min(1),
});

/**
 * The committed ensemble, checked against the model it is for: fitted to the constants marked for
 * calibration today (`priors`) and to the trial files as they are now (their SHA-256). An ensemble
 * fitted to other constants or other trials describes a model that is no longer there: refused,
 * with the command that refits it.
 */
export function readEnsemble(
  priors: readonly UncertainParameter[],
  base: Parameters,
  file: string = fileURLToPath(new URL(ENSEMBLE_FILE, ROOT)),
): { ensemble: Ensemble; sha256: string } {
  if (!existsSync(file)) throw new EnsembleError(`${file}: no calibrated ensemble there (npm run ensemble writes it)`);
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EnsembleError(`${file}: not JSON (${error instanceof Error ? error.message : String(error)}): npm run ensemble rewrites it`);
  }
  const parsed = EnsembleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnsembleError(`${file}: ${issue.path.join('.')}: ${issue.message}: npm run ensemble rewrites it`);
  }
  const ensemble: Ensemble = parsed.data;
  const calibratedPriors = priors.filter((prior) => prior.calibrate === true);
  const calibrated = calibratedPriors.map((prior) => prior.path);
  const fitted = ensemble.constants.map((constant) => constant.path);
  if (JSON.stringify(fitted) !== JSON.stringify(calibrated)) {
    throw new EnsembleError(`${file} was fitted to other constants (${fitted.join(', ')}) than those marked for calibration today: npm run ensemble refits it`);
  }
  ensemble.constants.forEach((constant, c) => {
    const prior = calibratedPriors[c]!;
    if (constant.low !== prior.low || constant.high !== prior.high || constant.distribution !== (prior.distribution ?? 'uniform')) {
      throw new EnsembleError(`${file} was fitted to another prior of ${constant.path} (${constant.low} – ${constant.high}, ${constant.distribution}): npm run ensemble refits it`);
    }
  });
  if (ensemble.provenance.fixedParametersSha256 !== fixedParametersSha256(base, calibratedPriors)) {
    throw new EnsembleError(`${file} was fitted with other values of the constants it holds fixed (src/models/parameters.ts has changed since): npm run ensemble refits it`);
  }
  const now = trialFiles(fileURLToPath(new URL('trials/', ROOT))).map((path) => `trials/${basename(path)}`);
  const then = [...ensemble.provenance.trials.map((trial) => trial.file), ...(ensemble.provenance.leftOut ?? [])];
  const added = now.filter((name) => !then.includes(name));
  if (added.length > 0) throw new EnsembleError(`${file} was fitted before ${added.join(', ')} ${added.length === 1 ? 'was' : 'were'} added: npm run ensemble refits it`);
  ensemble.sets.forEach((set, i) => {
    if (set.values.length !== fitted.length) throw new EnsembleError(`${file}: sets.${i}.values: ${set.values.length} values for ${fitted.length} constants`);
  });
  for (const trial of ensemble.provenance.trials) {
    const path = fileURLToPath(new URL(trial.file, ROOT));
    if (!existsSync(path) || trialContentSha256(path) !== trial.contentSha256) {
      throw new EnsembleError(`${file} was fitted before ${trial.file} changed: npm run ensemble refits it`);
    }
  }
  return { ensemble, sha256: sha256(text) };
}

/**
 * The SHA-256 of a parameter set with the fitted constants blanked (null): what an ensemble was
 * fitted conditional on. Changing any other constant moves the fit; changing the committed values
 * of the fitted ones (the default set) does not, since every set replaces them.
 */
export function fixedParametersSha256(parameters: Parameters, fitted: readonly UncertainParameter[]): string {
  const blanked = JSON.parse(JSON.stringify(parameters)) as Record<string, unknown>;
  for (const { path } of fitted) {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, blanked);
    parent[keys[keys.length - 1]!] = null;
  }
  return sha256(JSON.stringify(blanked));
}

/** The parameter set of the ensemble's set `index`: `base` with the ensemble's constants set to that set's values. */
export function parametersOfSet(base: Parameters, ensemble: Ensemble, index: number): Parameters {
  const parameters = structuredClone(base);
  ensemble.constants.forEach((constant, c) => setParameter(parameters, constant.path, ensemble.sets[index]!.values[c]!));
  return parameters;
}


/**
 * The ensemble's weighted median of each constant: the smallest of its values at which the sets'
 * cumulative weight reaches half. The default parameter set takes these values
 * (docs/CALIBRATION.md, The default parameter set).
 */
export function ensembleMedian(ensemble: Ensemble): number[] {
  const total = ensemble.sets.reduce((sum, set) => sum + set.weight, 0);
  return ensemble.constants.map((_, c) => {
    const byValue = ensemble.sets.map((set) => ({ value: set.values[c]!, weight: set.weight })).sort((a, b) => a.value - b.value);
    let cumulative = 0;
    for (const { value, weight } of byValue) {
      cumulative += weight;
      if (cumulative >= total / 2) return value;
    }
    return byValue[byValue.length - 1]!.value;
  });
}

/** Where the leave-one-study-out fits are committed (`npm run ensemble -- --leave-out <trial>`), one file per trial file left out. */
export const LEAVE_OUT_FOLDER = 'ensemble/leave-out';

/** A committed leave-one-study-out fit of one trial file: the ensemble, or why it cannot serve today. */
export type LeaveOutFit = { trial: string; file: string } & ({ ensemble: Ensemble; stale: null } | { ensemble: null; stale: string });

/**
 * The committed leave-one-study-out fits of the trial files named (without .yaml), in their order:
 * `<folder>/<trial>.json` for each that has one, each read as `readEnsemble` reads the ensemble —
 * a fit of a model that is no longer there comes back with the reason instead (a stale fit is
 * reported, never used, and costs ≈ 40 min to refit, so it does not stop the other checks).
 */
export function leaveOutFits(
  priors: readonly UncertainParameter[],
  base: Parameters,
  trials: readonly string[],
  folder: string = fileURLToPath(new URL(`${LEAVE_OUT_FOLDER}/`, ROOT)),
): LeaveOutFit[] {
  const fits: LeaveOutFit[] = [];
  for (const trial of trials) {
    const file = join(folder, `${trial}.json`);
    if (!existsSync(file)) continue;
    try {
      const { ensemble } = readEnsemble(priors, base, file);
      const expected = `trials/${trial}.yaml`;
      if (JSON.stringify(ensemble.provenance.leftOut ?? []) !== JSON.stringify([expected])) {
        fits.push({ trial, file, ensemble: null, stale: `${file} does not leave out ${expected} alone: npm run ensemble -- --leave-out ${trial} refits it` });
      } else fits.push({ trial, file, ensemble, stale: null });
    } catch (error) {
      // Whatever stops the fit from serving (stale, broken, not a file) is reported with the command that refits this one.
      const refit = `npm run ensemble -- --leave-out ${trial} refits it`;
      const message = error instanceof EnsembleError ? error.message.replace(/npm run ensemble (refits|rewrites) it$/, refit) : `${file}: ${(error as Error).message}: ${refit}`;
      fits.push({ trial, file, ensemble: null, stale: message.endsWith(refit) ? message : `${message}: ${refit}` });
    }
  }
  return fits;
}
