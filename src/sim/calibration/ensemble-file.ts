import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { Parameters, UncertainParameter } from '../../models/parameters.ts';
import { ROOT } from '../../root.ts';
import type { Ensemble } from './ensemble.ts';
import { setParameter } from './parameter-path.ts';

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
    trials: z.array(z.object({ file: z.string(), sha256: z.string() })),
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
export function readEnsemble(priors: readonly UncertainParameter[], file: string = fileURLToPath(new URL(ENSEMBLE_FILE, ROOT))): { ensemble: Ensemble; sha256: string } {
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
  const calibrated = priors.filter((prior) => prior.calibrate === true).map((prior) => prior.path);
  const fitted = ensemble.constants.map((constant) => constant.path);
  if (JSON.stringify(fitted) !== JSON.stringify(calibrated)) {
    throw new EnsembleError(`${file} was fitted to other constants (${fitted.join(', ')}) than those marked for calibration today: npm run ensemble refits it`);
  }
  ensemble.sets.forEach((set, i) => {
    if (set.values.length !== fitted.length) throw new EnsembleError(`${file}: sets.${i}.values: ${set.values.length} values for ${fitted.length} constants`);
  });
  for (const trial of ensemble.provenance.trials) {
    const path = fileURLToPath(new URL(trial.file, ROOT));
    if (!existsSync(path) || sha256(readFileSync(path)) !== trial.sha256) {
      throw new EnsembleError(`${file} was fitted before ${trial.file} changed: npm run ensemble refits it`);
    }
  }
  return { ensemble, sha256: sha256(text) };
}

/** The parameter set of the ensemble's set `index`: `base` with the ensemble's constants set to that set's values. */
export function parametersOfSet(base: Parameters, ensemble: Ensemble, index: number): Parameters {
  const parameters = structuredClone(base);
  ensemble.constants.forEach((constant, c) => setParameter(parameters, constant.path, ensemble.sets[index]!.values[c]!));
  return parameters;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

