import { accessSync, constants, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ServiceIdentifier } from 'inversify';
import { FactBook } from '../../engine/adapt/fact-book.ts';
import type { FactDefinition, FactProvider } from '../../engine/adapt/facts/types.ts';
import { resolveDesign, type ResolvedDesign, type ResolveIssue } from '../../engine/designs/resolve.ts';
import type { ArmRules } from '../../engine/rules/arm-rules.ts';
import {
  RANGE_OPERATORS,
  RuleSet,
  SCALAR_OPERATORS,
  SCOPES,
  UNARY_OPERATORS,
  type Condition,
  type FactCondition,
} from '../../models/rules/schema.ts';
import type { Scenario } from '../../models/scenario/schema.ts';
import { didYouMean } from '../../models/text/suggest.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { formatProblem, InputError, LocatedDocument, zodProblems, type InputProblem, type PathSegment, type Vocabulary } from '../../models/input/located.ts';
import { readInputText } from '../input-file.ts';

/*
 * An arm's `rules:` is a built-in rule set's name or the path of a coach's YAML rule file, relative
 * to the scenario's folder. A rule file is checked as a scenario is: by its schema, then for what
 * the schema cannot see (facts the engine knows, values that fit their operators, unique rule ids,
 * designs that exist), every problem located in the rule file.
 */

/** An arm's rule set (null: the fixed plan), or the problems that stop it loading. */
export interface LoadedRules {
  rules: ArmRules | null;
  problems: InputProblem[];
}

/** Each arm's rule set in arm order, and every problem of every arm's rule set. */
export interface LoadedScenarioRules {
  rules: (ArmRules | null)[];
  problems: InputProblem[];
}

/**
 * What rules may name: the named rule sets, and the facts the engine is built with, by name — the
 * engine reads its facts from the same map, so a rule is checked against exactly what will run it.
 */
export interface RuleVocabulary {
  ruleSets: ReadonlyMap<string, RuleSet>;
  facts: ReadonlyMap<string, FactDefinition>;
}

/** The container's vocabulary: the composition root derives it from RULE_SOURCES and FACT_PROVIDERS. */
export const RULE_VOCABULARY: ServiceIdentifier<RuleVocabulary> = Symbol.for('RuleVocabulary');

/** What rules may name when the engine is built from these rule sets and fact providers (the one place the facts are catalogued). */
export function ruleVocabulary(ruleSets: ReadonlyMap<string, RuleSet>, factProviders: readonly FactProvider[]): RuleVocabulary {
  return { ruleSets, facts: FactBook.catalogue(factProviders) };
}

/**
 * Which rule files a scenario may name: only those in its own folder or below (`inside`: what the
 * command line reads from a scenario it is given, unless `--allow-outside-rules`), or any
 * (`anywhere`: a scenario the command has already checked, read again — by a worker, by a merge).
 */
export type RuleFileAccess = 'inside' | 'anywhere';

/** Loads the rule set of every arm that names one; a rule file that two arms share is reported once. */
export function loadScenarioRules(
  scenario: Scenario,
  doc: LocatedDocument,
  catalogue: CompiledCatalogue,
  vocabulary: RuleVocabulary,
  /** Where an arm's `rules:` is written (a sweep's arms: the sweep's `rules:`). */
  located: (path: PathSegment[]) => PathSegment[] = (path) => path,
  access: RuleFileAccess = 'anywhere',
): LoadedScenarioRules {
  const problems = new Map<string, InputProblem>();
  const rules = scenario.arms.map((arm, i) => {
    if (arm.rules === undefined) return null;
    const loaded = loadArmRules(arm.rules, doc, located(['arms', i, 'rules']), catalogue, vocabulary, access);
    for (const problem of loaded.problems) problems.set(formatProblem(problem), problem);
    return loaded.rules;
  });
  return { rules, problems: [...problems.values()] };
}

/**
 * Resolves one arm's `rules:` (at `path` in the scenario `doc`): a named rule set (the built-ins,
 * or whatever the composition root binds to RULE_SOURCES; `none` is the
 * fixed plan), else a rule file, relative to the scenario's folder unless absolute. A reference that
 * is neither is a problem at `path` in the scenario; a rule file's problems are located in it.
 */
export function loadArmRules(
  reference: string,
  doc: LocatedDocument,
  path: readonly PathSegment[],
  catalogue: CompiledCatalogue,
  vocabulary: RuleVocabulary,
  access: RuleFileAccess = 'anywhere',
): LoadedRules {
  const builtin = vocabulary.ruleSets.get(reference);
  if (builtin !== undefined) return { rules: builtinArmRules(builtin, catalogue, vocabulary.facts), problems: [] };
  const file = isAbsolute(reference) ? reference : join(dirname(doc.file), reference);
  // A scenario names files beside it: one elsewhere on the machine — by its path, `../`, or a
  // symlink leading out — is refused unread, unless the user said it may be read.
  if (access === 'inside' && !insideFolder(file, dirname(doc.file))) {
    return { rules: null, problems: [doc.problem(path, `rule file "${reference}" is outside the scenario's folder: put it there (or below), or pass --allow-outside-rules to read it where it is`)] };
  }
  // A file missing and one that cannot be read are told alike: the message says nothing of what is on the machine.
  if (!readableFile(file)) {
    const names = [...vocabulary.ruleSets.keys()];
    const hint = didYouMean(reference, names);
    return { rules: null, problems: [doc.problem(path, `no built-in rule set or readable rule file "${reference}"${hint || ` (built-in: ${names.join(', ')})`}`)] };
  }
  return loadRuleFile(file, reference, catalogue, vocabulary.facts);
}

/** Reads, parses and checks a rule file; `origin` is its path as the scenario gives it. */
export function loadRuleFile(file: string, origin: string, catalogue: CompiledCatalogue, facts: ReadonlyMap<string, FactDefinition>): LoadedRules {
  let doc: LocatedDocument;
  let value: unknown;
  try {
    doc = LocatedDocument.parse(readInputText(file), file);
    value = doc.toJS();
  } catch (error) {
    if (error instanceof InputError) return { rules: null, problems: [...error.problems] };
    throw error;
  }
  // A file that is not a rule file at all (no mapping with `rules`) is said to be so in one line:
  // its content is never quoted back (a scenario could name any file on the machine).
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'rules')) {
    return { rules: null, problems: [{ file, line: 1, col: 1, path: [], message: 'not a rule file (a YAML mapping with name, hitPolicy and rules: README, Writing your own rule file)' }] };
  }
  const parsed = RuleSet.safeParse(value);
  if (!parsed.success) return { rules: null, problems: zodProblems(parsed.error.issues, doc, [], RULE_FILE_WORDS) };
  const issues: ResolveIssue[] = [];
  const designs = checkRuleSet(parsed.data, catalogue, issues, facts);
  if (issues.length > 0) return { rules: null, problems: issues.map((issue) => doc.problem(issue.path, issue.message)) };
  return { rules: { name: parsed.data.name, origin, ruleSet: parsed.data, designs }, problems: [] };
}

/** A built-in rule set, checked like a file (a failure is a bug of ours, not bad input); `none` is no rule set. */
function builtinArmRules(ruleSet: RuleSet, catalogue: CompiledCatalogue, facts: ReadonlyMap<string, FactDefinition>): ArmRules | null {
  if (ruleSet.name === 'none') return null;
  const issues: ResolveIssue[] = [];
  const designs = checkRuleSet(ruleSet, catalogue, issues, facts);
  if (issues.length > 0) {
    throw new Error(`built-in rule set "${ruleSet.name}": ${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return { name: ruleSet.name, origin: 'built-in', ruleSet, designs };
}

/**
 * What a rule set's schema cannot check: every fact is one the engine knows, every operator has the
 * value it needs, rule ids are unique, and every design a `shiftDesign` names exists. Pushes the
 * problems (paths within the rule set) to `issues`; returns the designs named, resolved.
 */
export function checkRuleSet(
  ruleSet: RuleSet,
  catalogue: CompiledCatalogue,
  issues: ResolveIssue[],
  facts: ReadonlyMap<string, FactDefinition>,
): Map<string, ResolvedDesign> {
  const designs = new Map<string, ResolvedDesign>();
  const firstWithId = new Map<string, number>();
  ruleSet.rules.forEach((rule, i) => {
    const seen = firstWithId.get(rule.id);
    if (seen !== undefined) issues.push({ path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}" (also rules[${seen}])` });
    else firstWithId.set(rule.id, i);
    checkCondition(rule.when, ['rules', i, 'when'], issues, facts);
    if (rule.then.action === 'shiftDesign' && !designs.has(rule.then.design)) {
      const design = resolveDesign(rule.then.design, catalogue, ['rules', i, 'then', 'design'], issues);
      if (design !== null) designs.set(rule.then.design, design);
    }
  });
  return designs;
}

function checkCondition(condition: Condition, path: PathSegment[], issues: ResolveIssue[], facts: ReadonlyMap<string, FactDefinition>): void {
  if ('fact' in condition) {
    checkFactCondition(condition, path, issues, facts);
  } else if ('not' in condition) {
    checkCondition(condition.not, [...path, 'not'], issues, facts);
  } else if ('all' in condition) {
    condition.all.forEach((inner, i) => checkCondition(inner, [...path, 'all', i], issues, facts));
  } else if ('any' in condition) {
    condition.any.forEach((inner, i) => checkCondition(inner, [...path, 'any', i], issues, facts));
  } else {
    const count = condition.of.length;
    if (condition.atLeast > count) {
      issues.push({ path: [...path, 'atLeast'], message: `${condition.atLeast} of ${count} condition${count === 1 ? '' : 's'} can never be true` });
    }
    condition.of.forEach((inner, i) => checkCondition(inner, [...path, 'of', i], issues, facts));
  }
}

function checkFactCondition(condition: FactCondition, path: PathSegment[], issues: ResolveIssue[], facts: ReadonlyMap<string, FactDefinition>): void {
  if (!facts.has(condition.fact)) {
    const names = [...facts.keys()];
    const hint = didYouMean(condition.fact, names);
    issues.push({ path: [...path, 'fact'], message: `unknown fact "${condition.fact}"${hint || ` (facts: ${names.join(', ')})`}` });
  }
  const kind = facts.get(condition.fact)?.kind;
  const truthOperator = condition.op === 'isTrue' || condition.op === 'isFalse';
  if (kind === 'flag' && !truthOperator && condition.op !== 'isMissing') {
    issues.push({ path: [...path, 'op'], message: `"${condition.fact}" is true or false: use isTrue, isFalse or isMissing (got "${condition.op}")` });
  } else if (kind === 'number' && truthOperator) {
    issues.push({ path: [...path, 'op'], message: `"${condition.fact}" is a number: compare it (below, above, atLeast, …), not "${condition.op}"` });
  }
  const problem = valueProblem(condition);
  if (problem !== null) issues.push({ path: [...path, 'value'], message: problem });
}

/** What is wrong with a condition's value for its operator, or null. */
function valueProblem({ op, value }: FactCondition): string | null {
  const got = value === undefined ? '' : ` (got ${Array.isArray(value) ? `[${value.join(', ')}]` : value})`;
  if (UNARY_OPERATORS.includes(op)) return value === undefined ? null : `"${op}" takes no value${got}`;
  if (SCALAR_OPERATORS.includes(op)) return typeof value === 'number' ? null : `"${op}" needs one number${got}`;
  if (RANGE_OPERATORS.includes(op)) {
    if (!Array.isArray(value) || value.length !== 2) return `"${op}" needs [low, high]${got}`;
    return value[0]! <= value[1]! ? null : `"${op}" needs low ≤ high${got}`;
  }
  // The one operator left: `in`.
  return Array.isArray(value) && value.length > 0 ? null : `"${op}" needs a non-empty list of numbers${got}`;
}

/**
 * A rule file's problems in a coach's words: `op` is an operator, a scope one action does not take
 * is still a scope, and a mapping under a rule's `when` that zod cannot place is a condition (the
 * only union of mappings in a rule file).
 */
const RULE_FILE_WORDS: Vocabulary = {
  names: { op: { word: 'operator' }, hitPolicy: { word: 'hit policy' }, scope: { known: SCOPES } },
  nameOf: (path) => (path[0] === 'rules' && path[2] === 'when' ? 'a condition' : undefined),
};

/**
 * Whether `file` lies in `folder` or below, as written and, where it exists, as the file system
 * resolves it (symlinks followed, the folder's own included).
 */
export function insideFolder(file: string, folder: string): boolean {
  const within = (path: string, root: string) => {
    const away = relative(root, path);
    return away !== '' && away !== '..' && !away.startsWith(`..${sep}`) && !isAbsolute(away);
  };
  if (!within(resolve(file), resolve(folder))) return false;
  try {
    return within(realpathSync(file), realpathSync(folder));
  } catch {
    // Not there (or not reachable): nothing outside is read; it is reported as missing.
    return true;
  }
}

/** Whether `file` is there for this process to read (a folder is, to be told it is a folder). */
function readableFile(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
