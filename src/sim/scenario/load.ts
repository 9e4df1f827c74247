import type { Parameters } from '../../models/parameters.ts';
import { Arm, Scenario } from '../../models/scenario/schema.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { InputError, LocatedDocument, zodProblems } from '../../models/input/located.ts';
import { readInputText } from '../input-file.ts';
import { prepareScenario, type RunSpec } from './prepare.ts';
import { loadScenarioRules, type RuleFileAccess, type RuleVocabulary } from './rules-load.ts';
import { expandSweep } from '../../engine/designs/sweep.ts';
import type { ResolveIssue } from '../../engine/designs/resolve.ts';

/** A scenario's text, read as every input file is. */
export { readInputText as readScenarioText } from '../input-file.ts';

/**
 * Reads (unless given its text), parses, validates and resolves a scenario file, with the rule
 * files its arms name; throws InputError with every problem of the scenario and its rule files.
 */
export function loadScenario(
  file: string,
  catalogue: CompiledCatalogue,
  parameters: Parameters,
  text: string | undefined,
  vocabulary: RuleVocabulary,
  access: RuleFileAccess = 'anywhere',
): RunSpec {
  const source = text ?? readInputText(file);
  const doc = LocatedDocument.parse(source, file);
  const parsed = Scenario.safeParse(doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, doc));
  // A sweep's combinations become arms after the scenario's own; their problems point at the sweep.
  const sweepIssues: ResolveIssue[] = [];
  const sweep = expandSweep(parsed.data, sweepIssues);
  const written = parsed.data.arms.length;
  sweep?.arms.forEach((arm, i) => {
    const checked = Arm.safeParse(arm);
    if (!checked.success) sweepIssues.push({ path: ['sweep', 'vary'], message: `${sweep.arms[i]!.id}: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` });
  });
  if (sweepIssues.length > 0) throw new InputError(sweepIssues.map((issue) => doc.problem(issue.path, issue.message)));
  const scenario = sweep === null ? parsed.data : { ...parsed.data, arms: [...parsed.data.arms, ...sweep.arms] };
  // A sweep's arms are not written as arms: their problems point at the sweep.
  const located = (path: (string | number)[]) => (path[0] === 'arms' && typeof path[1] === 'number' && path[1] >= written ? ['sweep', ...path.slice(2)] : path);
  const armRules = loadScenarioRules(scenario, doc, catalogue, vocabulary, located, access);
  const prepared = prepareScenario(scenario, catalogue, parameters, armRules.rules);
  if (!prepared.ok || armRules.problems.length > 0) {
    const scenarioProblems = prepared.ok ? [] : prepared.issues.map((issue) => doc.problem(located(issue.path), issue.message));
    throw new InputError([...scenarioProblems, ...armRules.problems]);
  }
  return { ...prepared.spec, sweep };
}
