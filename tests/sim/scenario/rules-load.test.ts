import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResolveIssue } from '../../../src/engine/designs/resolve.ts';
import { BUILTIN_RULE_SETS } from '../../../src/engine/rules/builtins.ts';
import { PARAMETERS } from '../../../src/models/parameters.ts';
import { WORKOUTS } from '../../../src/models/workouts/catalogue.ts';
import { compileCatalogue } from '../../../src/models/workouts/compile.ts';
import { InputError, LocatedDocument } from '../../../src/models/input/located.ts';
import { loadScenario } from '../../../src/sim/scenario/load.ts';
import { checkRuleSet, loadArmRules, RULE_VOCABULARY } from '../../../src/sim/scenario/rules-load.ts';
import { createContainer } from '../../../src/composition-root.ts';
import { temporaryFolder } from '../../helpers.ts';

const CATALOGUE = compileCatalogue(WORKOUTS);
const VOCABULARY = createContainer().get(RULE_VOCABULARY);
const SCENARIOS = new URL('../../../scenarios/', import.meta.url).pathname;

/** YAML from lines, so that line numbers can be read off the array (line n is lines[n − 1]). */
const yaml = (...lines: string[]): string => lines.join('\n');

/** A 4-week scenario whose arms (lines 6 on, one a line) name these rule sets; line 6 is arms[0]. */
const scenarioWithRules = (...references: string[]): string =>
  yaml(
    'name: Rules test',
    'seed: 1',
    'population: { size: 4, level: recreational }',
    'weeks: 4',
    'arms:',
    ...references.map((reference, i) => `  - { id: arm${i}, design: polarized, rules: ${reference} }`),
  );

/** Writes the files (path relative to a fresh folder → text) and returns the folder. */
const folderWith = (files: Record<string, string>): string => {
  const folder = temporaryFolder('periodize-rules-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
};

/** Every line of the InputError that loading `scenario.yaml` in `folder` throws. */
const problemLines = (folder: string): string[] => {
  let error: unknown;
  try {
    loadScenario(join(folder, 'scenario.yaml'), CATALOGUE, PARAMETERS, undefined, VOCABULARY);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message.split('\n');
};

// Lines 1–3 of a valid rule file; cases below append rules from line 4 on.
const RULES_HEADER = ['name: test-rules', 'hitPolicy: collect', 'rules:'] as const;
const REST_TODAY = '    then: { action: rest, scope: today }';

/** The problems of a rule file `rules.yaml` made of these lines, named by the scenario's only arm. */
const ruleFileProblems = (...lines: string[]): { file: string; problems: string[] } => {
  const folder = folderWith({ 'scenario.yaml': scenarioWithRules('rules.yaml'), 'rules.yaml': yaml(...lines) });
  return { file: join(folder, 'rules.yaml'), problems: problemLines(folder) };
};

describe(loadArmRules, () => {
  const scenarioAt = (folder: string): LocatedDocument => LocatedDocument.parse(scenarioWithRules('x'), join(folder, 'scenario.yaml'));

  describe('having the name of a built-in rule set', () => {
    const loaded = loadArmRules('hrv-swc', scenarioAt(temporaryFolder()), ['arms', 0, 'rules'], CATALOGUE, VOCABULARY);

    it('should return that rule set, from "built-in", with no problems', () => {
      expect(loaded.problems).toEqual([]);
      expect(loaded.rules).toMatchObject({ name: 'hrv-swc', origin: 'built-in', ruleSet: BUILTIN_RULE_SETS.get('hrv-swc') });
      expect(loaded.rules!.designs.size).toBe(0);
    });
  });

  describe('having "none"', () => {
    it('should return no rule set: the fixed plan', () => {
      expect(loadArmRules('none', scenarioAt(temporaryFolder()), ['arms', 0, 'rules'], CATALOGUE, VOCABULARY)).toEqual({ rules: null, problems: [] });
    });
  });

  describe('having a path relative to the scenario', () => {
    const folder = folderWith({
      'coach/rules.yaml': yaml(
        'name: my-rules',
        'hitPolicy: first',
        'rules:',
        '  - id: tired',
        '    when: { fact: sleepLastNight, op: below, value: 6 }',
        '    then: { action: shiftDesign, scope: nextMicrocycle, design: base }',
      ),
    });
    const loaded = loadArmRules('coach/rules.yaml', scenarioAt(folder), ['arms', 0, 'rules'], CATALOGUE, VOCABULARY);

    it('should read the file in the scenario\'s folder, keeping the path as written as its origin', () => {
      expect(loaded.problems).toEqual([]);
      expect(loaded.rules).toMatchObject({ name: 'my-rules', origin: 'coach/rules.yaml' });
      expect(loaded.rules!.ruleSet.rules.map((rule) => rule.id)).toEqual(['tired']);
    });

    it('should resolve every design a shiftDesign action names', () => {
      expect([...loaded.rules!.designs.keys()]).toEqual(['base']);
      expect(loaded.rules!.designs.get('base')!.label).toBe('base');
    });

    it('should take an absolute path as it is', () => {
      const absolute = loadArmRules(join(folder, 'coach/rules.yaml'), scenarioAt(temporaryFolder()), ['arms', 0, 'rules'], CATALOGUE, VOCABULARY);
      expect(absolute.rules?.name).toBe('my-rules');
    });
  });
});

describe(loadScenario, () => {
  describe('having scenarios/coach-rules-file.yaml', () => {
    const spec = loadScenario(join(SCENARIOS, 'coach-rules-file.yaml'), CATALOGUE, PARAMETERS, undefined, VOCABULARY);

    it('should give the fixed arm no rules and the coached arm the rule file, named as in the file', () => {
      expect(spec.arms.map((arm) => [arm.id, arm.rules?.name ?? null, arm.rules?.origin ?? null])).toEqual([
        ['as-planned', null, null],
        ['my-rules', 'my-coach', 'rules/my-coach.yaml'],
      ]);
    });

    it('should resolve the design its shiftDesign rule names', () => {
      expect([...spec.arms[1]!.rules!.designs.keys()]).toEqual(['base']);
    });
  });

  describe('having built-in rule sets and "none"', () => {
    it('should give each arm its built-in rule set, and "none" no rule set', () => {
      const folder = folderWith({ 'scenario.yaml': scenarioWithRules('none', 'hrv-kiviniemi', 'conservative-coach') });
      const spec = loadScenario(join(folder, 'scenario.yaml'), CATALOGUE, PARAMETERS, undefined, VOCABULARY);
      expect(spec.arms.map((arm) => arm.rules && [arm.rules.name, arm.rules.origin])).toEqual([
        null,
        ['hrv-kiviniemi', 'built-in'],
        ['conservative-coach', 'built-in'],
      ]);
    });
  });

  describe('having a name that is neither a built-in rule set nor a file', () => {
    // Line 6 "  - { id: arm0, design: polarized, rules: hrv-swk }": the value starts at column 43.
    it('should point at the arm\'s rules in the scenario, with the closest built-in name', () => {
      const folder = folderWith({ 'scenario.yaml': scenarioWithRules('hrv-swk') });
      expect(problemLines(folder)).toEqual([
        `${join(folder, 'scenario.yaml')}:6:43: arms[0].rules: no built-in rule set or readable rule file "hrv-swk" (did you mean "hrv-swc"?)`,
      ]);
    });

    it('should list the built-in rule sets when no name is close', () => {
      const folder = folderWith({ 'scenario.yaml': scenarioWithRules('rules/coach.yaml') });
      expect(problemLines(folder)).toEqual([
        `${join(folder, 'scenario.yaml')}:6:43: arms[0].rules: no built-in rule set or readable rule file "rules/coach.yaml" ` +
          '(built-in: none, hrv-kiviniemi, hrv-swc, multi-marker, conservative-coach)',
      ]);
    });
  });

  describe('having a folder where the rule file should be', () => {
    it('should report it at 1:1 of the rule file', () => {
      const folder = folderWith({ 'scenario.yaml': scenarioWithRules('coach'), 'coach/notes.txt': '' });
      expect(problemLines(folder)).toEqual([`${join(folder, 'coach')}:1:1: (document): is a folder, not a file`]);
    });
  });

  describe('having a YAML syntax error in the rule file', () => {
    // Line 2 "hitPolicy: first: collect": the compact nested mapping starts at column 12.
    it('should point at it in the rule file', () => {
      const { file, problems } = ruleFileProblems('name: x', 'hitPolicy: first: collect', 'rules: []');
      expect(problems).toEqual([`${file}:2:12: (document): YAML: nested mappings are not allowed in compact mappings`]);
    });
  });

  describe('having a rule file the schema rejects', () => {
    it('should point at an unknown key', () => {
      // Line 6 "    colour: red": the key starts at column 5.
      const { file, problems } = ruleFileProblems(
        ...RULES_HEADER,
        '  - id: a',
        '    when: { fact: ill, op: isTrue }',
        '    colour: red',
        REST_TODAY,
      );
      expect(problems).toEqual([`${file}:6:5: rules[0]: unknown key "colour"`]);
    });

    it('should say that a rule without `then` needs one, at the rule', () => {
      // Line 4 "  - id: a": the rule's mapping starts at column 5.
      const { file, problems } = ruleFileProblems(...RULES_HEADER, '  - id: a', '    when: { fact: ill, op: isTrue }');
      expect(problems).toEqual([`${file}:4:5: rules[0].then: required (object)`]);
    });
  });

  describe('having a name the schema does not know', () => {
    /** The only problem of a rule whose lines 5 and 6 (`when`, `then`) are these, its file called rules.yaml. */
    const problemOf = (when: string, then: string): string => {
      const { file, problems } = ruleFileProblems(...RULES_HEADER, '  - id: a', `    when: ${when}`, `    then: ${then}`);
      expect(problems).toHaveLength(1);
      return problems[0]!.replace(file, 'rules.yaml');
    };
    const ILL = '{ fact: ill, op: isTrue }';
    const REST = '{ action: rest, scope: today }';

    // Line 6 "    then: { action: <name>, …": the action's value starts at column 21.
    it('should point at a misspelt action, with the action meant', () => {
      expect(problemOf(ILL, '{ action: makeHardSessionEasy, scope: today }')).toBe(
        'rules.yaml:6:21: rules[0].then.action: unknown action "makeHardSessionEasy" (did you mean "makeHardSessionsEasy"?)',
      );
    });

    it('should list the actions when no action is close', () => {
      expect(problemOf(ILL, '{ action: jump, scope: today }')).toBe(
        'rules.yaml:6:21: rules[0].then.action: unknown action "jump" (expected makeHardSessionsEasy, postponeHardSession, ' +
          'bringForwardHardSession, rest, scaleVolume, progress, insertDeloadWeek, extendBlock, shortenBlock, shiftDesign or keepPlan)',
      );
    });

    // Line 6 "    then: { scope: today }": the mapping starts at column 11.
    it('should list the actions when `then` has none', () => {
      expect(problemOf(ILL, '{ scope: today }')).toBe(
        'rules.yaml:6:11: rules[0].then.action: required (makeHardSessionsEasy, postponeHardSession, ' +
          'bringForwardHardSession, rest, scaleVolume, progress, insertDeloadWeek, extendBlock, shortenBlock, shiftDesign or keepPlan)',
      );
    });

    // Line 5 "    when: { fact: ill, op: <name> }": the operator starts at column 28.
    it('should point at a misspelt operator, with the operator meant', () => {
      expect(problemOf('{ fact: ill, op: belo, value: 1 }', REST)).toBe('rules.yaml:5:28: rules[0].when.op: unknown operator "belo" (did you mean "below"?)');
      expect(problemOf('{ fact: ill, op: isTru }', REST)).toBe('rules.yaml:5:28: rules[0].when.op: unknown operator "isTru" (did you mean "isTrue"?)');
    });

    it('should list the operators when no operator is close, or none is given', () => {
      expect(problemOf('{ fact: ill, op: lt, value: 1 }', REST)).toBe(
        'rules.yaml:5:28: rules[0].when.op: unknown operator "lt" ' +
          '(expected below, above, atMost, atLeast, equals, between, outside, in, isTrue, isFalse or isMissing)',
      );
      expect(problemOf('{ fact: ill }', REST)).toBe(
        'rules.yaml:5:11: rules[0].when.op: required (below, above, atMost, atLeast, equals, between, outside, in, isTrue, isFalse or isMissing)',
      );
    });

    // Line 6 "    then: { action: scaleVolume, scope: <name>, …": the scope starts at column 41.
    it('should point at a misspelt scope, with the scope meant', () => {
      expect(problemOf(ILL, '{ action: scaleVolume, scope: restOfWek, factor: 0.8 }')).toBe(
        'rules.yaml:6:41: rules[0].then.scope: unknown scope "restOfWek" (did you mean "restOfWeek"?)',
      );
    });

    // Line 6 "    then: { action: rest, scope: restOfWeek }": the scope starts at column 34.
    it('should say which scopes an action takes when given another one', () => {
      expect(problemOf(ILL, '{ action: rest, scope: restOfWeek }')).toBe(
        'rules.yaml:6:34: rules[0].then.scope: scope "restOfWeek" is not allowed here (expected today or nextSession)',
      );
    });

    // Line 6 "    then: { action: rest }": the mapping starts at column 11.
    it('should say which scopes an action needs when it has none', () => {
      expect(problemOf(ILL, '{ action: rest }')).toBe('rules.yaml:6:11: rules[0].then.scope: required (today or nextSession)');
      expect(problemOf(ILL, '{ action: shiftDesign, design: base }')).toBe('rules.yaml:6:11: rules[0].then.scope: required (nextMicrocycle or nextMesocycle)');
    });

    it('should point at a misspelt hit policy, with the policy meant', () => {
      // Line 2 "hitPolicy: colect": the value starts at column 12.
      const { file, problems } = ruleFileProblems('name: x', 'hitPolicy: colect', 'rules: []');
      expect(problems).toEqual([`${file}:2:12: hitPolicy: unknown hit policy "colect" (did you mean "collect"?)`]);
    });
  });

  describe('having a condition with none of the keys a condition needs', () => {
    const problemOf = (when: string): string => {
      const { file, problems } = ruleFileProblems(...RULES_HEADER, '  - id: a', `    when: ${when}`, REST_TODAY);
      expect(problems).toHaveLength(1);
      return problems[0]!.replace(file, 'rules.yaml');
    };

    // Line 5 "    when: {}": the mapping starts at column 11.
    it('should say at `when` what a condition needs', () => {
      expect(problemOf('{}')).toBe('rules.yaml:5:11: rules[0].when: a condition needs fact and op, or all, any, not, or atLeast and of');
    });

    // Line 5 "    when: { all: [ { fact: ill, op: isTrue }, {} ] }": the empty mapping starts at column 47.
    it('should say it of a condition inside all / any / not / atLeast too', () => {
      expect(problemOf('{ all: [ { fact: ill, op: isTrue }, {} ] }')).toBe(
        'rules.yaml:5:47: rules[0].when.all[1]: a condition needs fact and op, or all, any, not, or atLeast and of',
      );
    });
  });

  describe('having a rule file with semantic problems', () => {
    const problemOf = (when: string): string => {
      const { file, problems } = ruleFileProblems(...RULES_HEADER, '  - id: a', `    when: ${when}`, REST_TODAY);
      expect(problems).toHaveLength(1);
      return problems[0]!.replace(file, 'rules.yaml');
    };

    // Line 5 is "    when: <condition>": "    when: " is columns 1–10, the condition starts at 11.
    it('should point at an unknown fact, with the closest fact name', () => {
      expect(problemOf('{ fact: hrvMean7D, op: below, value: 1 }')).toBe(
        'rules.yaml:5:19: rules[0].when.fact: unknown fact "hrvMean7D" (did you mean "hrvMean7d"?)',
      );
    });

    it('should list the facts when no fact name is close', () => {
      expect(problemOf('{ fact: mood, op: below, value: 1 }')).toMatch(
        /^rules\.yaml:5:19: rules\[0\]\.when\.fact: unknown fact "mood" \(facts: hrvToday, hrvMean7d, .*, weekOfBlock\)$/,
      );
    });

    it('should want one number for a comparison', () => {
      expect(problemOf('{ fact: acwr, op: above, value: [1, 2] }')).toBe('rules.yaml:5:43: rules[0].when.value: "above" needs one number (got [1, 2])');
    });

    it('should want a number for a comparison that has none, pointing at the condition', () => {
      expect(problemOf('{ fact: acwr, op: above }')).toBe('rules.yaml:5:11: rules[0].when.value: "above" needs one number');
    });

    it('should want [low, high] for a range', () => {
      expect(problemOf('{ fact: acwr, op: between, value: 1.3 }')).toBe('rules.yaml:5:45: rules[0].when.value: "between" needs [low, high] (got 1.3)');
      expect(problemOf('{ fact: acwr, op: outside, value: [0.8, 1, 1.3] }')).toBe(
        'rules.yaml:5:45: rules[0].when.value: "outside" needs [low, high] (got [0.8, 1, 1.3])',
      );
    });

    it('should want low ≤ high', () => {
      expect(problemOf('{ fact: acwr, op: between, value: [1.3, 0.8] }')).toBe(
        'rules.yaml:5:45: rules[0].when.value: "between" needs low ≤ high (got [1.3, 0.8])',
      );
    });

    it('should want a non-empty list for `in`', () => {
      expect(problemOf('{ fact: weekday, op: in, value: [] }')).toBe('rules.yaml:5:43: rules[0].when.value: "in" needs a non-empty list of numbers (got [])');
      expect(problemOf('{ fact: weekday, op: in, value: 3 }')).toBe('rules.yaml:5:43: rules[0].when.value: "in" needs a non-empty list of numbers (got 3)');
    });

    it('should want no value for isTrue, isFalse and isMissing', () => {
      expect(problemOf('{ fact: ill, op: isTrue, value: 1 }')).toBe('rules.yaml:5:43: rules[0].when.value: "isTrue" takes no value (got 1)');
    });

    it('should find a problem deep inside all / any / not / atLeast', () => {
      // "{ all: [ { not: { any: [ { atLeast: 1, of: [ " is columns 11–55; the inner condition's fact value starts at 64.
      expect(problemOf('{ all: [ { not: { any: [ { atLeast: 1, of: [ { fact: sleepLastNite, op: isMissing } ] } ] } } ] }')).toBe(
        'rules.yaml:5:64: rules[0].when.all[0].not.any[0].of[0].fact: unknown fact "sleepLastNite" (did you mean "sleepLastNight"?)',
      );
    });

    it('should say that at least n of fewer than n conditions is never true', () => {
      expect(problemOf('{ atLeast: 2, of: [ { fact: ill, op: isTrue } ] }')).toBe('rules.yaml:5:22: rules[0].when.atLeast: 2 of 1 condition can never be true');
    });

    it('should point at a second rule with the same id', () => {
      // Line 7 "  - id: a": the id's value starts at column 9.
      const { file, problems } = ruleFileProblems(
        ...RULES_HEADER,
        '  - id: a',
        '    when: { fact: ill, op: isTrue }',
        REST_TODAY,
        '  - id: a',
        '    when: { fact: ill, op: isFalse }',
        '    then: { action: keepPlan }',
      );
      expect(problems).toEqual([`${file}:7:9: rules[1].id: duplicate rule id "a" (also rules[0])`]);
    });

    it('should point at a design that does not exist, with the closest design name', () => {
      // Line 6 "    then: { action: shiftDesign, scope: nextMicrocycle, design: polarised }": the design at column 65.
      const { file, problems } = ruleFileProblems(
        ...RULES_HEADER,
        '  - id: a',
        '    when: { fact: ill, op: isTrue }',
        '    then: { action: shiftDesign, scope: nextMicrocycle, design: polarised }',
      );
      expect(problems).toEqual([`${file}:6:65: rules[0].then.design: unknown design "polarised" (did you mean "polarized"?)`]);
    });
  });

  describe('having problems in the scenario, in two rule files and in two arms', () => {
    const folder = folderWith({
      'scenario.yaml': yaml(
        'name: Rules test',
        'seed: 1',
        'population: { size: 4, level: recreational }',
        'weeks: 4',
        'arms:',
        '  - { id: a, design: polarized, rules: first.yaml }',
        '  - { id: b, design: polarised, rules: second.yaml }',
        '  - { id: c, design: polarized, rules: first.yaml }',
        '  - { id: d, design: polarized, rules: multi-markers }',
      ),
      'first.yaml': yaml(...RULES_HEADER, '  - id: a', '    when: { fact: ill, op: isTrue, value: 1 }', REST_TODAY),
      'second.yaml': yaml('name: second', 'hitPolicy: everything', 'rules: []'),
    });

    it('should report every problem at once, each in its own file, a shared rule file once', () => {
      expect(problemLines(folder)).toEqual([
        `${join(folder, 'first.yaml')}:5:43: rules[0].when.value: "isTrue" takes no value (got 1)`,
        `${join(folder, 'scenario.yaml')}:7:22: arms[1].design: unknown design "polarised" (did you mean "polarized"?)`,
        `${join(folder, 'scenario.yaml')}:9:40: arms[3].rules: no built-in rule set or readable rule file "multi-markers" (did you mean "multi-marker"?)`,
        `${join(folder, 'second.yaml')}:2:12: hitPolicy: unknown hit policy "everything" (expected first or collect)`,
      ]);
    });
  });
});

describe(checkRuleSet, () => {
  describe('having the built-in rule sets', () => {
    // The same checks as a coach's file: a misspelt fact in a built-in would otherwise never fire.
    it.each([...BUILTIN_RULE_SETS.keys()])('should find nothing wrong with %s', (name) => {
      const issues: ResolveIssue[] = [];
      checkRuleSet(BUILTIN_RULE_SETS.get(name)!, CATALOGUE, issues, VOCABULARY.facts);
      expect(issues).toEqual([]);
    });
  });
});
