import { inject, injectable } from 'inversify';
import type { Role } from '../../models/trials/schema.ts';
import { ScenarioRunner } from '../runner.ts';
import { ScenarioLoader } from '../scenario/loader.ts';
import { InputError, type InputProblem } from '../../models/input/located.ts';
import { loadTrial, trialFiles, type LoadedTrial } from './load.ts';
import type { RuleFileAccess } from '../scenario/rules-load.ts';
import { runTrial, type StudyDraws, type TrialResult } from './run.ts';

export interface TrialOptions {
  /** Simulated athletes per scenario. */
  size: number;
  /** Simulated studies of each trial's own size, for the power (0: none). */
  replicates: number;
  /** Only the trial files whose names (without .yaml) are listed. */
  only?: readonly string[];
  /** Only the outcomes of these roles (a trial with none of them is left out); default: every outcome. */
  roles?: readonly Role[];
  /** Every trial's scenarios run with this seed instead of the trial's own. */
  seed?: number;
  /** Simulated estimates of each study (OutcomeResult.studies): how many, from which stream; none by default. */
  studies?: StudyDraws;
  /** Which rule files a trial's arms may name (RuleFileAccess): any by default; the command line: its folder's. */
  ruleFiles?: RuleFileAccess;
}

/**
 * `periodize trials`: every trial file of a folder, checked first (every problem of every file at
 * once), then run on the one parameter set. `npm run calibrate` and the calibration search run the
 * same files, their calibration outcomes only.
 */
@injectable()
export class RunTrials {
  constructor(
    @inject(ScenarioLoader) private readonly loader: ScenarioLoader,
    @inject(ScenarioRunner) private readonly runner: ScenarioRunner,
  ) {}

  run(folder: string, options: TrialOptions): TrialResult[] {
    const files = trialFiles(folder, options.only);
    const problems: InputProblem[] = [];
    const loaded: LoadedTrial[] = [];
    for (const file of files) {
      try {
        loaded.push(loadTrial(file, { size: options.size, ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.ruleFiles === undefined ? {} : { ruleFiles: options.ruleFiles }) }, this.loader));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.problems);
      }
    }
    if (problems.length > 0) throw new InputError(problems);
    const { roles } = options;
    return loaded
      .filter((trial) => roles === undefined || trial.trial.expect.some((e) => roles.includes(e.role)))
      .map((trial) => runTrial(trial, this.runner, options.replicates, roles, options.studies ?? null));
  }
}
