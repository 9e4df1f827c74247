import type { RuleSet } from '../../models/rules/schema.ts';
import type { ResolvedDesign } from '../designs/resolve.ts';

/** An arm's adaptive rule set, checked and ready for the engine. */
export interface ArmRules {
  /** The rule set's name (a built-in's, or the `name:` of a rule file). */
  name: string;
  /** Where it came from: `built-in`, or the rule file's path as the scenario gave it. */
  origin: string;
  ruleSet: RuleSet;
  /** Every design a `shiftDesign` action names, resolved. */
  designs: ReadonlyMap<string, ResolvedDesign>;
}
