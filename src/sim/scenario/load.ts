import type { Parameters } from '../../models/parameters.ts';
import { Scenario } from '../../models/scenario/schema.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { InputError, LocatedDocument, readInputText, zodProblems } from './located.ts';
import { prepareScenario, type RunSpec } from './prepare.ts';
import { BUILT_IN_VOCABULARY, loadScenarioRules, type RuleVocabulary } from './rules-load.ts';

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
  vocabulary: RuleVocabulary = BUILT_IN_VOCABULARY,
): RunSpec {
  const source = text ?? readInputText(file);
  const doc = LocatedDocument.parse(source, file);
  const parsed = Scenario.safeParse(doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, doc));
  const armRules = loadScenarioRules(parsed.data, doc, catalogue, vocabulary);
  const prepared = prepareScenario(parsed.data, catalogue, parameters, armRules.rules);
  if (!prepared.ok || armRules.problems.length > 0) {
    const scenarioProblems = prepared.ok ? [] : prepared.issues.map((issue) => doc.problem(issue.path, issue.message));
    throw new InputError([...scenarioProblems, ...armRules.problems]);
  }
  return prepared.spec;
}
