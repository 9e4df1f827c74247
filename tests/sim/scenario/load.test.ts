import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../src/models/scenario/schema.ts';
import { PARAMETERS } from '../../../src/models/parameters.ts';
import { WORKOUTS } from '../../../src/models/workouts/catalogue.ts';
import { compileCatalogue } from '../../../src/models/workouts/compile.ts';
import { InputError } from '../../../src/models/input/located.ts';
import { loadScenario } from '../../../src/sim/scenario/load.ts';
import { RULE_VOCABULARY } from '../../../src/sim/scenario/rules-load.ts';
import { createContainer } from '../../../src/composition-root.ts';

const CATALOGUE = compileCatalogue(WORKOUTS);
const VOCABULARY = createContainer().get(RULE_VOCABULARY);
const FILE = 'scenarios/test.yaml';

/** YAML from lines, so that line numbers can be read off the array (line n is lines[n − 1]). */
const yaml = (...lines: string[]): string => lines.join('\n');

interface Located {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

/** Each line of an InputError's message, split into `file:line:col: path: message`. */
const problemsIn = (text: string, file = FILE): Located[] => {
  let error: unknown;
  try {
    loadScenario(file, CATALOGUE, PARAMETERS, text, VOCABULARY);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message.split('\n').map((line) => {
    const match = /^([^:]+):(\d+):(\d+): (\S+): (.+)$/.exec(line);
    expect(match, `not file:line:col: path: message — ${line}`).not.toBeNull();
    const [, name, row, col, path, message] = match!;
    return { file: name!, line: Number(row), col: Number(col), path: path!, message: message! };
  });
};

/** The one problem in a scenario that has exactly one. */
const onlyProblemIn = (text: string): Located => {
  const problems = problemsIn(text);
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

// Lines 1–7 of a valid scenario; cases below replace or append lines.
const HEADER = ['name: Minimal', 'seed: 42', 'population: { size: 10, level: recreational }', 'weeks: 9'] as const;
const TWO_ARMS = ['arms:', '  - { id: polarized, design: polarized }', '  - { id: threshold, design: threshold }'] as const;

describe(loadScenario, () => {
  describe('having problems of every stage at once (schema, names and references)', () => {
    const problems = problemsIn(
      yaml(
        ...HEADER,
        'arms:',
        '  - { id: polarized, design: polarised }',
        '  - { id: pyramidal, design: pyramidal, colour: red }',
        '  - { id: threshold, design: threshold }',
        'reference: treshold',
        'contrasts: [[polarized, pyramidl]]',
        'summary: true',
        'events:',
        '  - { type: illness, fromWeek: 2, days: 3, arms: [polarised] }',
        '  - { type: illness, fromWeek: two, days: 3 }',
      ),
    );

    it('should report the names of the parts that parsed beside the schema problems of those that did not', () => {
      expect(problems.map(({ line, path }) => `${line} ${path}`)).toEqual([
        '6 arms[0].design',
        '7 arms[1]',
        '9 reference',
        '10 contrasts[0][1]',
        '11 (document)',
        '13 events[0].arms[0]',
        '14 events[1].fromWeek',
      ]);
      expect(problems[0]!.message).toBe('unknown design "polarised" (did you mean "polarized"?)');
      expect(problems[2]!.message).toBe('no arm has id "treshold" (did you mean "threshold"?)');
    });

    it("should know a sweep's arms by name while another part is wrong", () => {
      const found = problemsIn(
        yaml(
          ...HEADER,
          'arms:',
          '  - { id: polarized, design: polarized }',
          'contrasts: [[z2-0.1_weeklyHours-4, polarized], [z2-0.1_weeklyHours-44, polarized]]',
          'outputs: { daily: maybe }',
          'sweep: { design: polarized, vary: { z2: { from: 0.1, to: 0.2, step: 0.1 }, weeklyHours: { from: 4, to: 4, step: 1 } } }',
        ),
      );
      expect(found.map(({ path, message }) => `${path}: ${message}`)).toEqual([
        'contrasts[1][0]: no arm has id "z2-0.1_weeklyHours-44" (did you mean "z2-0.1_weeklyHours-4"?)',
        'outputs.daily: expected boolean, received string',
      ]);
    });

    it('should refuse a sesoi with no contrast to test it on', () => {
      const problem = onlyProblemIn(yaml(...HEADER, ...TWO_ARMS, 'sesoi: { timeTrialPct: 1 }'));
      expect(`${problem.path}: ${problem.message}`).toBe('sesoi: no contrasts to test for equivalence: add reference: <arm id> or contrasts: pairwise');
      // Contrasts given but wrong: their own problem, not that the sesoi has none.
      const wrong = onlyProblemIn(yaml(...HEADER, ...TWO_ARMS, 'contrasts: every', 'sesoi: { timeTrialPct: 1 }'));
      expect(wrong.path).toBe('contrasts');
    });

    it('should refuse pairwise contrasts of more than 30 arms, naming the pairs they would make', () => {
      const problem = onlyProblemIn(
        yaml(...HEADER, ...TWO_ARMS, 'contrasts: pairwise', 'sweep: { design: polarized, vary: { z2: { from: 0, to: 0.3, step: 0.01 } } }'),
      );
      expect(problem.path).toBe('contrasts');
      expect(problem.message).toMatch(/^pairwise contrasts of 33 arms are 528 pairs, each with its bootstrap and tests; at most 30 arms \(435 pairs\): name the pairs/);
    });

    it('should leave a part the schema faulted to the schema, and say nothing of stand-ins', () => {
      // events[1] failed its schema: no second problem there; arms[1] (an unknown key) keeps its id.
      expect(problems.filter(({ path }) => path.startsWith('events[1]'))).toHaveLength(1);
      expect(problems.some(({ message }) => message.includes('#'))).toBe(false);
    });
  });

  describe('having a valid minimal scenario', () => {
    const spec = loadScenario(FILE, CATALOGUE, PARAMETERS, yaml(...HEADER, ...TWO_ARMS, 'reference: threshold'), VOCABULARY);

    it('should return its weeks, seed and population size', () => {
      expect(spec.weeks).toBe(9);
      expect(spec.seed).toBe(42);
      expect(spec.population.size).toBe(10);
      expect(spec.population.describe(0).level).toBe('recreational');
    });

    it('should resolve each arm to a 9-week macroplan labelled with its design', () => {
      expect(spec.arms.map((arm) => [arm.id, arm.label, arm.macroplan.weeks])).toEqual([
        ['polarized', 'polarized', 9],
        ['threshold', 'threshold', 9],
      ]);
    });

    it('should find the reference arm (index 1) and default to no events and no daily output', () => {
      expect(spec.referenceIndex).toBe(1);
      expect(spec.events).toEqual([]);
      expect(spec.daily).toBe(false);
    });

    it('should give referenceIndex −1 when no reference is named', () => {
      expect(loadScenario(FILE, CATALOGUE, PARAMETERS, yaml(...HEADER, ...TWO_ARMS), VOCABULARY).referenceIndex).toBe(-1);
    });
  });

  describe('having a YAML syntax error', () => {
    // Line 2 "seed: 42: 43": the compact nested mapping starts at the "4", column 7.
    it('should point at the offending node with a "YAML:" message for the whole document', () => {
      expect(onlyProblemIn(yaml('name: Minimal', 'seed: 42: 43'))).toEqual({
        file: FILE, line: 2, col: 7, path: '(document)', message: 'YAML: nested mappings are not allowed in compact mappings',
      });
    });
  });

  describe('having aliases that expand beyond reason (a "billion laughs" document)', () => {
    it('should report it at 1:1 as a YAML problem, not crash', () => {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (let level = 1; level <= 4; level++) {
        bomb.push(`${'bcde'[level - 1]}: &${'bcde'[level - 1]} [${Array(10).fill(`*${'abcd'[level - 1]}`).join(', ')}]`);
      }
      const problem = onlyProblemIn(yaml(...bomb));
      expect(problem).toMatchObject({ file: FILE, line: 1, col: 1, path: '(document)' });
      expect(problem.message).toMatch(/^YAML: excessive alias count/);
    });
  });

  describe('having a key twice', () => {
    // The second "seed" is at the start of line 5.
    it('should point at the second occurrence', () => {
      expect(onlyProblemIn(yaml(...HEADER, 'seed: 43', ...TWO_ARMS))).toEqual({
        file: FILE, line: 5, col: 1, path: '(document)', message: 'YAML: map keys must be unique',
      });
    });
  });

  describe('having no population', () => {
    // Nothing to point at: the nearest existing ancestor is the document, which starts at 1:1.
    it('should report "population: required" at 1:1', () => {
      const problem = onlyProblemIn(yaml('name: Minimal', 'seed: 42', 'weeks: 9', ...TWO_ARMS));
      expect(problem).toMatchObject({ line: 1, col: 1, path: 'population' });
      expect(problem.message).toMatch(/^required/);
    });
  });

  describe('having an unknown key', () => {
    // Line 10 "  csv: true": the key starts at column 3.
    it('should point at the key, not at its value', () => {
      const text = yaml(...HEADER, ...TWO_ARMS, 'outputs:', '  daily: true', '  csv: true');
      expect(onlyProblemIn(text)).toEqual({ file: FILE, line: 10, col: 3, path: 'outputs', message: 'unknown key "csv"' });
    });
  });

  describe('having a value of the wrong type', () => {
    // Line 4 "weeks: nine": the value starts at column 8.
    it('should point at the value and say what was expected', () => {
      const problem = onlyProblemIn(yaml(...HEADER.slice(0, 3), 'weeks: nine', ...TWO_ARMS));
      expect(problem).toMatchObject({ line: 4, col: 8, path: 'weeks' });
      expect(problem.message).toMatch(/expected number/);
    });
  });

  describe('having a misspelt level', () => {
    // "population: { size: 10, level: recreationl }": "population:" is columns 1–11, "{" 13,
    // "size:" 15–19, "10" 21–22, "," 23, "level:" 25–30, the value at 32.
    it('should point at the level inside the population and suggest the level meant', () => {
      const problem = onlyProblemIn(yaml('name: Minimal', 'seed: 42', 'population: { size: 10, level: recreationl }', 'weeks: 9', ...TWO_ARMS));
      expect(problem).toMatchObject({ line: 3, col: 32, path: 'population.level', message: 'unknown level "recreationl" (did you mean "recreational"?)' });
    });

    it('should list the levels when no level is close', () => {
      const problem = onlyProblemIn(yaml('name: Minimal', 'seed: 42', 'population: { size: 10, level: pro }', 'weeks: 9', ...TWO_ARMS));
      expect(problem).toMatchObject({ line: 3, col: 32, path: 'population.level', message: `unknown level "pro" (expected ${LEVELS.slice(0, -1).join(', ')} or ${LEVELS.at(-1)})` });
    });
  });

  describe('having a misspelt built-in design', () => {
    // "  - { id: polarized, design: polarised }": "-" 3, "{" 5, "id:" 7–9, "polarized" 11–19,
    // "," 20, "design:" 22–28, the value at 30.
    it('should point at the design and suggest the right name', () => {
      const text = yaml(...HEADER, 'arms:', '  - { id: polarized, design: polarised }');
      expect(onlyProblemIn(text)).toEqual({
        file: FILE, line: 6, col: 30, path: 'arms[0].design', message: 'unknown design "polarised" (did you mean "polarized"?)',
      });
    });
  });

  describe('having zone shares that do not add up to 1', () => {
    // 0.8 + 0.1 + 0.2 = 1.1. Line 8 "      distribution: { … }": the flow mapping's "{" is at column 21.
    it('should point at the distribution', () => {
      const text = yaml(...HEADER, 'arms:', '  - id: custom', '    design:', '      distribution: { z1: 0.8, z2: 0.1, z3: 0.2 }');
      const problem = onlyProblemIn(text);
      expect(problem).toMatchObject({ line: 8, col: 21, path: 'arms[0].design.distribution' });
      expect(problem.message).toBe('zone shares must add up to 1 (got 1.1)');
    });
  });

  describe('having blocks whose weeks do not add up to the scenario\'s', () => {
    // 4 + 4 = 8 ≠ 9. The block sequence starts at the "-" of line 9, column 9.
    it('should point at the blocks and give both totals', () => {
      const text = yaml(
        ...HEADER,
        'arms:',
        '  - id: periodized',
        '    design:',
        '      blocks:',
        '        - { weeks: 4, design: pyramidal }',
        '        - { weeks: 4, design: polarized }',
      );
      expect(onlyProblemIn(text)).toEqual({
        file: FILE, line: 9, col: 9, path: 'arms[0].design.blocks', message: 'block weeks add up to 8, but the scenario has 9 weeks',
      });
    });
  });

  describe('having a named athlete whose LT1 is not below LT2', () => {
    // Line 3 "  athletes: [ { …, lt1Fraction: 0.85, lt2Fraction: 0.86 } ]": the value 0.85 is at column 68.
    it('should point at the LT1 value', () => {
      const text = yaml(
        'name: Coach', 'population:', '  athletes: [ { id: ana, level: trained, sex: female, lt1Fraction: 0.85, lt2Fraction: 0.86 } ]', 'seed: 1', 'weeks: 4', ...TWO_ARMS,
      );
      expect(onlyProblemIn(text)).toEqual({
        file: FILE, line: 3, col: 68, path: 'population.athletes[0].lt1Fraction',
        message: `LT1 must be at least ${PARAMETERS.trainability.minThresholdGap} of VO2max below LT2 (got 0.85 with LT2 at 0.86)`,
      });
    });
  });

  describe('having more named athletes × replicates than a run takes', () => {
    it('should say how many that is, at the replicates', () => {
      const athletes = Array.from({ length: 101 }, (_, i) => `{ id: a${i}, level: trained }`).join(', ');
      const problem = onlyProblemIn(yaml('name: Club', 'seed: 1', 'weeks: 4', `population: { replicates: 100000, athletes: [${athletes}] }`, ...TWO_ARMS));
      expect(problem).toMatchObject({ line: 4, path: 'population.replicates' });
      expect(problem.message).toBe('101 athletes × 100000 replicates is 10,100,000 athletes; at most 10,000,000 run at once');
    });
  });

  describe('having a load change that starts on a given day', () => {
    it('should reject fromDay: load changes act on whole weeks', () => {
      const problem = onlyProblemIn(yaml(...HEADER, ...TWO_ARMS, 'events:', '  - { type: load-multiplier, fromWeek: 2, fromDay: 3, factor: 1.2 }'));
      expect(problem).toMatchObject({ line: 9, path: 'events[0]', message: 'unknown key "fromDay"' });
    });
  });

  describe('having two arms with the same id', () => {
    // Line 7 "  - { id: polarized, design: threshold }": the id's value is at column 11.
    it('should point at the second id and name the first arm', () => {
      const text = yaml(...HEADER, 'arms:', '  - { id: polarized, design: polarized }', '  - { id: polarized, design: threshold }');
      expect(onlyProblemIn(text)).toEqual({
        file: FILE, line: 7, col: 11, path: 'arms[1].id', message: 'duplicate arm id "polarized" (also arms[0])',
      });
    });
  });

  describe('having a reference that is not an arm', () => {
    // Line 8 "reference: …": the value is at column 12.
    it('should suggest a close arm id', () => {
      expect(onlyProblemIn(yaml(...HEADER, ...TWO_ARMS, 'reference: thresold'))).toEqual({
        file: FILE, line: 8, col: 12, path: 'reference', message: 'no arm has id "thresold" (did you mean "threshold"?)',
      });
    });

    it('should list the arm ids when none is close', () => {
      expect(onlyProblemIn(yaml(...HEADER, ...TWO_ARMS, 'reference: control'))).toEqual({
        file: FILE, line: 8, col: 12, path: 'reference', message: 'no arm has id "control" (arms: polarized, threshold)',
      });
    });
  });

  describe('having an event after the final tests', () => {
    // Line 9 "  - { type: illness, fromWeek: 12, days: 5 }": "type:" 7–11, "illness" 13–19, "," 20,
    // "fromWeek:" 22–30, the value at 32.
    it('should point at fromWeek and say when the final tests are', () => {
      const text = yaml(...HEADER, ...TWO_ARMS, 'events:', '  - { type: illness, fromWeek: 12, days: 5 }');
      expect(onlyProblemIn(text)).toEqual({
        file: FILE, line: 9, col: 32, path: 'events[0].fromWeek', message: 'week 12, day 1 is after the final tests (the morning after week 9 and 3 easy pre-test days)',
      });
    });
  });

  describe('having an unknown workout in a design\'s high menu', () => {
    // Line 9 "      workouts: { high: [vo2max-intervals, hill-sprint] }": "workouts:" 7–15, "{" 17,
    // "high:" 19–23, "[" 25, "vo2max-intervals" 26–41, "," 42, "hill-sprint" at 44.
    it('should point at the workout id and suggest the catalogue\'s', () => {
      const text = yaml(...HEADER, 'arms:', '  - id: custom', '    design:', '      extends: polarized', '      workouts: { high: [vo2max-intervals, hill-sprint] }');
      expect(onlyProblemIn(text)).toEqual({
        file: FILE, line: 9, col: 44, path: 'arms[0].design.workouts.high[1]', message: 'unknown workout "hill-sprint" (did you mean "hill-sprints"?)',
      });
    });
  });

  describe('having several problems found while resolving', () => {
    // Found in the order: duplicate id (line 8), reference (line 5), event (line 10), design (line 7).
    it('should report them all, sorted by line', () => {
      const text = yaml(
        ...HEADER,
        'reference: control',
        'arms:',
        '  - { id: a, design: polarised }',
        '  - { id: a, design: threshold }',
        'events:',
        '  - { type: illness, fromWeek: 12, days: 5 }',
      );
      expect(problemsIn(text).map(({ line, col, path }) => `${line}:${col} ${path}`)).toEqual([
        '5:12 reference',
        '7:22 arms[0].design',
        '8:11 arms[1].id',
        '10:32 events[0].fromWeek',
      ]);
    });
  });

  describe('having several problems found by the schema', () => {
    // Keys in reverse order of the schema, so the order found (seed, population, weeks, arms) is
    // the reverse of the order in the file. Line 2: "colour" is at column 41.
    it('should report them all, sorted by line', () => {
      const text = yaml(
        'arms:',
        '  - { id: polarized, design: polarized, colour: red }',
        'weeks: nine',
        'population: { size: 10, level: recreationl }',
        'seed: -1',
        'name: Reversed',
      );
      const problems = problemsIn(text);
      expect(problems.map(({ line, col, path }) => `${line}:${col} ${path}`)).toEqual([
        '2:41 arms[0]',
        '3:8 weeks',
        '4:32 population.level',
        '5:7 seed',
      ]);
      expect(problems[0]!.message).toBe('unknown key "colour"');
    });
  });

  describe('having no file and no text', () => {
    it('should report "no such file" at 1:1 of the file', () => {
      const file = join(tmpdir(), `periodize-no-such-dir-${process.pid}`, 'scenario.yaml');
      let error: unknown;
      try {
        loadScenario(file, CATALOGUE, PARAMETERS, undefined, VOCABULARY);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(`${file}:1:1: (document): no such file`);
    });
  });
});
