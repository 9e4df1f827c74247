import type { Parameters } from '../../models/parameters.ts';
import { Scenario } from '../../models/scenario/schema.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { InputError, LocatedDocument, readInputText, zodProblems } from './located.ts';
import { prepareScenario, type RunSpec } from './prepare.ts';
import { loadScenarioRules } from './rules-load.ts';
import { BUILTIN_RULE_SETS } from '../../engine/rules/builtins.ts';
import type { RuleSet } from '../../models/rules/schema.ts';

export {
  formatPath,
  formatProblem,
  InputError,
  LocatedDocument,
  readInputText as readScenarioText,
  zodProblems,
  type InputProblem,
  type PathSegment,
} from './located.ts';

/**
 * Reads (unless given its text), parses, validates and resolves a scenario file, with the rule
 * files its arms name; throws InputError with every problem of the scenario and its rule files.
 */
export function loadScenario(
  file: string,
  catalogue: CompiledCatalogue,
  parameters: Parameters,
  text?: string,
  ruleSets: ReadonlyMap<string, RuleSet> = BUILTIN_RULE_SETS,
): RunSpec {
  const source = text ?? readInputText(file);
  const doc = LocatedDocument.parse(source, file);
  const parsed = Scenario.safeParse(doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, doc));
  const armRules = loadScenarioRules(parsed.data, doc, catalogue, ruleSets);
  const prepared = prepareScenario(parsed.data, catalogue, parameters, armRules.rules);
  if (!prepared.ok || armRules.problems.length > 0) {
    const scenarioProblems = prepared.ok ? [] : prepared.issues.map((issue) => doc.problem(issue.path, issue.message));
    throw new InputError([...scenarioProblems, ...armRules.problems]);
  }
  return prepared.spec;
}
