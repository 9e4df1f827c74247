import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { Scenario } from '../../models/scenario/schema.ts';
import { Trial } from '../../models/trials/schema.ts';
import { didYouMean } from '../../models/text/suggest.ts';
import { InputError, LocatedDocument, zodProblems, type InputProblem, type PathSegment } from '../../models/input/located.ts';
import { readInputText } from '../input-file.ts';
import { sha256 } from '../outputs/read-chunks.ts';
import { prepareScenario, type RunSpec } from '../scenario/prepare.ts';
import type { ScenarioLoader } from '../scenario/loader.ts';
import { loadArmRules, type RuleFileAccess } from '../scenario/rules-load.ts';

/** A trial file, checked, with each of its scenarios resolved at the size asked for. */
export interface LoadedTrial {
  file: string;
  trial: Trial;
  /** Resolved scenarios by name, each with `size` sampled athletes. */
  runs: ReadonlyMap<string, RunSpec>;
  /** The seed its scenarios run with: the trial's own, or the one asked for instead. */
  seed: number;
}

/** How a trial's scenarios are run: athletes per scenario, and a seed in place of the file's own. */
export interface TrialRun {
  size: number;
  /** Every scenario's seed instead of the trial's `seed` (to check a result on other athletes). */
  seed?: number;
  /** Which rule files a trial's arms may name (the command line: only those in the trial's folder). */
  ruleFiles?: RuleFileAccess;
}

/** A trial file's words: what it says of the study and its outcomes, none of which the simulation reads. */
const PROSE_KEYS = ['study', 'source', 'doi', 'population', 'duration', 'mapping', 'analysis'];
const OUTCOME_PROSE_KEYS = ['outcome', 'why'];

/**
 * The SHA-256 of a trial file as the simulation reads it: its YAML parsed, as JSON, without the
 * comments and the words (PROSE_KEYS; each outcome's name and `why`) — what an ensemble was fitted
 * to (ensemble/ensemble.json's provenance). Rewording what a result means leaves it valid; a change
 * of n, design, seed, a scenario, a band, a published value or a role does not.
 */
export function trialContentSha256(file: string): string {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const content = Object.fromEntries(Object.entries(doc).filter(([key]) => !PROSE_KEYS.includes(key)));
  if (Array.isArray(content.expect)) {
    content.expect = content.expect.map((outcome: Record<string, unknown>) => Object.fromEntries(Object.entries(outcome).filter(([key]) => !OUTCOME_PROSE_KEYS.includes(key))));
  }
  return sha256(JSON.stringify(content));
}

/**
 * The trial files of a folder (`*.yaml`, `*.yml`), in name order; with `only`, those named (without
 * the extension). A folder that cannot be read, holds no trial, or lacks one asked for is bad input.
 */
export function trialFiles(folder: string, only?: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'is a file, not a folder' : (error as Error).message;
    throw new InputError([{ file: folder, line: 1, col: 1, path: [], message: reason }]);
  }
  if (names.length === 0) throw new InputError([{ file: folder, line: 1, col: 1, path: [], message: 'no trial files (*.yaml) in this folder' }]);
  if (only === undefined) return names.map((name) => join(folder, name));
  const stems = names.map((name) => name.replace(/\.ya?ml$/, ''));
  const problems: InputProblem[] = only
    .filter((name) => !stems.includes(name))
    .map((name) => ({ file: folder, line: 1, col: 1, path: [], message: `no trial "${name}"${didYouMean(name, stems) || ` (trials: ${stems.join(', ')})`}` }));
  if (problems.length > 0) throw new InputError(problems);
  return names.filter((_, i) => only.includes(stems[i]!)).map((name) => join(folder, name));
}

/**
 * Reads and checks a trial file — its schema, then what the schema cannot see: every outcome names
 * a scenario and arms that exist, its tolerance has the numbers it needs, a difference across two
 * scenarios pairs the same athletes — and resolves its scenarios with `run.size` athletes each (a
 * sampled population's size is the trial runner's, not the file's). Every problem at once, located.
 */
export function loadTrial(
  file: string,
  run: TrialRun,
  { catalogue, parameters, vocabulary }: ScenarioLoader,
): LoadedTrial {
  const doc = LocatedDocument.parse(readInputText(file), file);
  const parsed = Trial.safeParse(doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, doc));
  const trial = parsed.data;
  const problems: InputProblem[] = [];
  if (trial.design === 'single-arm' && trial.expect.some((e) => e.vs !== undefined)) {
    problems.push(doc.problem(['design'], 'a single-arm study compares no arms: an outcome with vs needs design crossover or parallel'));
  }
  const runs = new Map<string, RunSpec>();
  for (const [name, body] of Object.entries(trial.scenarios)) {
    const base: PathSegment[] = ['scenarios', name];
    const population = 'size' in body.population ? { ...body.population, size: run.size } : body.population;
    const scenario = Scenario.parse({ ...body, population, name: `${trial.study}: ${name}`, seed: run.seed ?? trial.seed });
    const armRules = body.arms.map((arm, i) => {
      if (arm.rules === undefined) return null;
      const loaded = loadArmRules(arm.rules, doc, [...base, 'arms', i, 'rules'], catalogue, vocabulary, run.ruleFiles);
      problems.push(...loaded.problems);
      return loaded.rules;
    });
    const prepared = prepareScenario(scenario, catalogue, parameters, armRules);
    if (prepared.ok) runs.set(name, prepared.spec);
    else for (const issue of prepared.issues) problems.push(doc.problem([...base, ...issue.path], issue.message));
  }
  trial.expect.forEach((_, i) => checkExpectation(trial, i, doc, problems));
  if (problems.length > 0) throw new InputError(problems);
  return { file, trial, runs, seed: run.seed ?? trial.seed };
}

function checkExpectation(trial: Trial, index: number, doc: LocatedDocument, problems: InputProblem[]): void {
  const e = trial.expect[index]!;
  const at = (...path: PathSegment[]) => ['expect', index, ...path];
  const names = Object.keys(trial.scenarios);
  const runOf = (run: string | undefined, path: PathSegment[]): string | null => {
    if (run === undefined) {
      if (names.length === 1) return names[0]!;
      problems.push(doc.problem(path.slice(0, -1), `say which scenario (run: ${names.join(' or ')})`));
      return null;
    }
    if (!names.includes(run)) {
      problems.push(doc.problem(path, `no scenario "${run}"${didYouMean(run, names) || ` (scenarios: ${names.join(', ')})`}`));
      return null;
    }
    return run;
  };
  const armOf = (run: string | null, arm: string, path: PathSegment[]): void => {
    if (run === null) return;
    const arms = trial.scenarios[run]!.arms.map((a) => a.id);
    if (!arms.includes(arm)) problems.push(doc.problem(path, `no arm "${arm}" in scenario "${run}"${didYouMean(arm, arms) || ` (arms: ${arms.join(', ')})`}`));
  };
  const run = runOf(e.run, at('run'));
  armOf(run, e.arm, at('arm'));
  if (e.vs !== undefined) {
    const vsRun = runOf(e.vs.run ?? e.run, at('vs', 'run'));
    armOf(vsRun, e.vs.arm, at('vs', 'arm'));
    if (run !== null && vsRun !== null && run !== vsRun) {
      // Across two scenarios, the difference pairs athletes by index: they must be the same athletes.
      const a = trial.scenarios[run]!.population;
      const b = trial.scenarios[vsRun]!.population;
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        problems.push(doc.problem(at('vs', 'run'), `scenarios "${run}" and "${vsRun}" must have the same population to compare the same athletes`));
      }
    }
    if (!['mean', 'smd'].includes(e.statistic ?? 'mean')) problems.push(doc.problem(at('statistic'), 'a difference is compared by its mean or its smd'));
  } else if (e.statistic === 'smd') {
    problems.push(doc.problem(at('statistic'), 'an smd compares two arms: say which other arm (vs: { arm: … })'));
  }
  if (e.tolerance === 'direction') {
    if (e.direction === undefined) problems.push(doc.problem(at('tolerance'), 'tolerance direction needs direction: higher or lower'));
    if ((e.statistic ?? 'mean') !== 'mean') problems.push(doc.problem(at('statistic'), 'tolerance direction judges a mean (its 95 % CI)'));
  } else if (e.tolerance === 'band') {
    if (e.published.mean === undefined && e.published.range === undefined) problems.push(doc.problem(at('published'), 'tolerance band needs the published mean or range'));
  } else if (e.published.mean === undefined) {
    problems.push(doc.problem(at('published'), `tolerance ${e.tolerance} needs the published mean`));
  }
  if (e.tolerance === 'sd' && e.published.sd === undefined) problems.push(doc.problem(at('published'), 'tolerance sd needs the published sd'));
  if (e.tolerance === 'ci95' && e.published.ci95 === undefined) problems.push(doc.problem(at('published'), 'tolerance ci95 needs the published ci95'));
  if (e.tolerance === 'band') {
    if (e.band === undefined) problems.push(doc.problem(at('band'), 'tolerance band needs band: [low, high]'));
    else if (e.band[0] > e.band[1]) problems.push(doc.problem(at('band'), `band needs low ≤ high (got [${e.band.join(', ')}])`));
    if (e.why === undefined) problems.push(doc.problem(at('tolerance'), 'a band of your own needs its reason (why:)'));
  }
}
