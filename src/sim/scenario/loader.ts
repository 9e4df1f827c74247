import { inject, injectable } from 'inversify';
import type { LocatedDocument } from '../../models/input/located.ts';
import type { Parameters } from '../../models/parameters.ts';
import type { Scenario } from '../../models/scenario/schema.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { CATALOGUE, PARAMETER_SET } from '../tokens.ts';
import { loadScenario, readScenarioText } from './load.ts';
import { prepareScenario, type Prepared, type RunSpec } from './prepare.ts';
import { loadScenarioRules, RULE_VOCABULARY, type RuleFileAccess, type RuleVocabulary } from './rules-load.ts';

/**
 * A scenario as a run read it: the file as the command named it, its text (the outputs record its
 * SHA-256, README.md, The outputs) and what it resolved to.
 */
export interface LoadedScenario {
  file: string;
  text: string;
  spec: RunSpec;
}

/**
 * What a scenario is read against — the workout catalogue, the parameter set and the rule
 * vocabulary of the container (src/composition-root.ts) — and the reading itself: a scenario file,
 * or a scenario built as data (the plausibility scan's, a trial's) with the YAML its rule files are
 * located in.
 */
@injectable()
export class ScenarioLoader {
  constructor(
    @inject(CATALOGUE) readonly catalogue: CompiledCatalogue,
    @inject(PARAMETER_SET) readonly parameters: Parameters,
    /** The rule sets a scenario may name and the facts its rule files may read. */
    @inject(RULE_VOCABULARY) readonly vocabulary: RuleVocabulary,
  ) {}

  /**
   * Reads (unless its `text` is given, already read and checked), parses, checks and resolves a
   * scenario; throws InputError listing every problem. `access`: which rule files it may name
   * (the command line's first reading of a scenario: only those in its folder, RuleFileAccess).
   */
  load(file: string, text: string = readScenarioText(file), access: RuleFileAccess = 'anywhere'): LoadedScenario {
    return { file, text, spec: loadScenario(file, this.catalogue, this.parameters, text, this.vocabulary, access) };
  }

  /** Resolves a scenario given as data, its arms' rule files read relative to `doc`. */
  prepare(scenario: Scenario, doc: LocatedDocument): Prepared {
    return prepareScenario(scenario, this.catalogue, this.parameters, loadScenarioRules(scenario, doc, this.catalogue, this.vocabulary).rules);
  }
}
