import type { Parameters } from '../../models/parameters.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { loadScenario, readScenarioText } from './load.ts';
import type { RunSpec } from './prepare.ts';
import type { RuleVocabulary } from './rules-load.ts';

/**
 * A scenario as a run read it: the file as the command named it, its text (the outputs record its
 * SHA-256, README.md, The outputs) and what it resolved to.
 */
export interface LoadedScenario {
  file: string;
  text: string;
  spec: RunSpec;
}

/** Reads and checks scenario files against one workout catalogue, parameter set and rule vocabulary. */
export class ScenarioLoader {
  constructor(
    private readonly catalogue: CompiledCatalogue,
    private readonly parameters: Parameters,
    /** The rule sets a scenario may name and the facts its rule files may read. */
    private readonly vocabulary: RuleVocabulary,
  ) {}

  /**
   * Reads (unless its `text` is given, already read and checked), parses, checks and resolves a
   * scenario; throws InputError listing every problem.
   */
  load(file: string, text: string = readScenarioText(file)): LoadedScenario {
    return { file, text, spec: loadScenario(file, this.catalogue, this.parameters, text, this.vocabulary) };
  }
}
