import { describe, expect, it } from 'vitest';
import { compileRules, evaluate, factsRead, FALSE, MISSING, traceRule, TRUE, type Truth } from '../../../src/engine/adapt/evaluate.ts';
import { FactBook } from '../../../src/engine/adapt/fact-book.ts';
import { FACT_DEFAULTS, FactContext, type FactDefinition, type FactProvider } from '../../../src/engine/adapt/facts/index.ts';
import type { Condition, Operator, Rule, RuleSet } from '../../../src/models/rules/schema.ts';
import { historyOf } from './fixtures.ts';

/**
 * Facts whose values a spec sets by hand: `x`, `y` and `z` are numbers, `yes` reads 1, `no` 0 and
 * `unknown` is missing (NaN). Each counts how often it was computed.
 */
const values = new Map<string, number>();
const computed = new Map<string, number>();

function settable(name: string, kind: 'number' | 'flag' = 'number'): FactDefinition {
  return {
    name,
    label: name,
    unit: '',
    decimals: 2,
    kind,
    compute: (_context, out, slot) => {
      computed.set(name, (computed.get(name) ?? 0) + 1);
      out[slot] = values.get(name) ?? Number.NaN;
    },
  };
}

const SETTABLE: FactProvider = {
  facts: [settable('x'), settable('y'), settable('z'), settable('yes', 'flag'), settable('no', 'flag'), settable('unknown', 'flag')],
};

/** A fresh book over the settable facts, with `x`, `y`, `z` as given and the three flags. */
function bookWith(facts: Record<string, number> = {}): FactBook {
  values.clear();
  computed.clear();
  for (const [name, value] of Object.entries({ yes: 1, no: 0, unknown: Number.NaN, ...facts })) values.set(name, value);
  return new FactBook(FactBook.catalogue([SETTABLE]), new FactContext(historyOf([{}]), FACT_DEFAULTS));
}

function ruleSetOf(...rules: Rule[]): RuleSet {
  return { name: 'spec', hitPolicy: 'collect', rules };
}

function ruleOf(when: Condition, id = 'rule', priority?: number): Rule {
  return { id, ...(priority === undefined ? {} : { priority }), when, then: { action: 'keepPlan' } };
}

const TRUTH_NAMES: Record<Truth, string> = { [FALSE]: 'false', [TRUE]: 'true', [MISSING]: 'missing' };

/** The three-valued result of a condition on these facts: 'true', 'false' or 'missing'. */
function truthOf(when: Condition, facts: Record<string, number> = {}): string {
  const book = bookWith(facts);
  const [rule] = compileRules(ruleSetOf(ruleOf(when)), book);
  return TRUTH_NAMES[evaluate(rule!.when, book)];
}

// Leaves of known truth for the combinators: a flag read with isTrue.
const T: Condition = { fact: 'yes', op: 'isTrue' };
const F: Condition = { fact: 'no', op: 'isTrue' };
const M: Condition = { fact: 'unknown', op: 'isTrue' };

describe(evaluate, () => {
  describe('having one fact condition', () => {
    // Each operator on a value, on its boundary, beyond it, and on a missing fact.
    const cases: { op: Operator; value?: number | number[]; checks: [actual: number, expected: string][] }[] = [
      { op: 'below', value: 5, checks: [[4.99, 'true'], [5, 'false'], [6, 'false'], [Number.NaN, 'missing']] },
      { op: 'above', value: 5, checks: [[5.01, 'true'], [5, 'false'], [4, 'false'], [Number.NaN, 'missing']] },
      { op: 'atMost', value: 5, checks: [[4, 'true'], [5, 'true'], [5.01, 'false'], [Number.NaN, 'missing']] },
      { op: 'atLeast', value: 5, checks: [[6, 'true'], [5, 'true'], [4.99, 'false'], [Number.NaN, 'missing']] },
      { op: 'equals', value: 5, checks: [[5, 'true'], [5.01, 'false'], [4.99, 'false'], [Number.NaN, 'missing']] },
      { op: 'between', value: [2, 4], checks: [[3, 'true'], [2, 'true'], [4, 'true'], [1.99, 'false'], [4.01, 'false'], [Number.NaN, 'missing']] },
      { op: 'outside', value: [2, 4], checks: [[1.99, 'true'], [4.01, 'true'], [2, 'false'], [4, 'false'], [3, 'false'], [Number.NaN, 'missing']] },
      { op: 'in', value: [1, 4], checks: [[1, 'true'], [4, 'true'], [2, 'false'], [Number.NaN, 'missing']] },
      { op: 'isTrue', checks: [[1, 'true'], [0, 'false'], [Number.NaN, 'missing']] },
      { op: 'isFalse', checks: [[0, 'true'], [1, 'false'], [Number.NaN, 'missing']] },
      // The one operator that sees a missing fact: it is never missing itself.
      { op: 'isMissing', checks: [[Number.NaN, 'true'], [0, 'false'], [5, 'false']] },
    ];

    describe.each(cases)('with "$op" $value', ({ op, value, checks }) => {
      it.each(checks)('should read %d as %s', (actual, expected) => {
        const condition: Condition = value === undefined ? { fact: 'x', op } : { fact: 'x', op, value };
        expect(truthOf(condition, { x: actual })).toBe(expected);
      });
    });

    describe('when the value is missing and the operator is a negative one', () => {
      it('should read "missing is not false": below, outside and isFalse stay missing', () => {
        expect(truthOf({ fact: 'x', op: 'below', value: 5 }, { x: Number.NaN })).toBe('missing');
        expect(truthOf({ fact: 'x', op: 'outside', value: [2, 4] }, { x: Number.NaN })).toBe('missing');
        expect(truthOf({ fact: 'x', op: 'isFalse' }, { x: Number.NaN })).toBe('missing');
      });
    });
  });

  describe('having combinators (Kleene three-valued logic)', () => {
    const cases: [name: string, condition: Condition, expected: string][] = [
      ['all [true, true]', { all: [T, T] }, 'true'],
      ['all [true, missing]', { all: [T, M] }, 'missing'],
      ['all [false, missing]', { all: [F, M] }, 'false'],
      ['all [missing, false]', { all: [M, F] }, 'false'],
      ['all [missing, missing]', { all: [M, M] }, 'missing'],
      ['any [true, missing]', { any: [T, M] }, 'true'],
      ['any [missing, true]', { any: [M, T] }, 'true'],
      ['any [false, missing]', { any: [F, M] }, 'missing'],
      ['any [false, false]', { any: [F, F] }, 'false'],
      ['not true', { not: T }, 'false'],
      ['not false', { not: F }, 'true'],
      ['not missing', { not: M }, 'missing'],
      ['not all [true, missing]', { not: { all: [T, M] } }, 'missing'],
      ['not all [false, missing]', { not: { all: [F, M] } }, 'true'],
      // atLeast n of: true with n trues; false when the trues and missings together cannot reach n.
      ['atLeast 2 of [true, missing, false]', { atLeast: 2, of: [T, M, F] }, 'missing'],
      ['atLeast 2 of [true, true, missing]', { atLeast: 2, of: [T, T, M] }, 'true'],
      ['atLeast 2 of [missing, true, true]', { atLeast: 2, of: [M, T, T] }, 'true'],
      ['atLeast 2 of [true, false, false]', { atLeast: 2, of: [T, F, F] }, 'false'],
      ['atLeast 2 of [false, false, missing]', { atLeast: 2, of: [F, F, M] }, 'false'],
      ['atLeast 2 of [missing, missing, false]', { atLeast: 2, of: [M, M, F] }, 'missing'],
      ['atLeast 1 of [missing]', { atLeast: 1, of: [M] }, 'missing'],
      ['atLeast 3 of [true, true]', { atLeast: 3, of: [T, T] }, 'false'],
    ];

    it.each(cases)('should read %s as %s', (_name, condition, expected) => {
      expect(truthOf(condition)).toBe(expected);
    });
  });

  describe('having a condition whose answer is known early', () => {
    it('should not compute the facts after a false part of an `all`', () => {
      const book = bookWith({ x: 1 });
      const [rule] = compileRules(ruleSetOf(ruleOf({ all: [F, { fact: 'x', op: 'above', value: 0 }] })), book);
      expect(evaluate(rule!.when, book)).toBe(FALSE);
      expect(computed.get('x')).toBeUndefined();
    });

    it('should not compute the facts after a true part of an `any`', () => {
      const book = bookWith({ x: 1 });
      const [rule] = compileRules(ruleSetOf(ruleOf({ any: [T, { fact: 'x', op: 'above', value: 0 }] })), book);
      expect(evaluate(rule!.when, book)).toBe(TRUE);
      expect(computed.get('x')).toBeUndefined();
    });
  });
});

describe(compileRules, () => {
  describe('having rules of mixed priority, some equal and one without', () => {
    const rules = [
      ruleOf(T, 'a', 10),
      ruleOf(T, 'b', 50),
      ruleOf(T, 'c'),
      ruleOf(T, 'd', 50),
      ruleOf(T, 'e', 10),
    ];

    it('should order them by priority, highest first, and by file order among equals (no priority counts as 0)', () => {
      const compiled = compileRules(ruleSetOf(...rules), bookWith());
      expect(compiled.map((rule) => rule.rule.id)).toEqual(['b', 'd', 'a', 'e', 'c']);
    });

    it('should remember each rule\'s position in the file', () => {
      const compiled = compileRules(ruleSetOf(...rules), bookWith());
      expect(compiled.map((rule) => rule.order)).toEqual([1, 3, 0, 4, 2]);
    });

    it('should give the same order for the same rules, whatever the run', () => {
      const first = compileRules(ruleSetOf(...rules), bookWith()).map((rule) => rule.rule.id);
      const second = compileRules(ruleSetOf(...rules), bookWith()).map((rule) => rule.rule.id);
      expect(second).toEqual(first);
    });
  });

  describe('having a condition on a fact no provider defines', () => {
    it('should throw, naming the fact', () => {
      expect(() => compileRules(ruleSetOf(ruleOf({ fact: 'hrvMean7', op: 'below', value: 3 })), bookWith())).toThrow('unknown fact "hrvMean7"');
    });
  });
});

describe(traceRule, () => {
  describe('having an `all` of a fact that holds and a missing fact', () => {
    const book = bookWith({ x: 3 });
    const [rule] = compileRules(
      ruleSetOf(ruleOf({ all: [{ fact: 'x', op: 'below', value: 5 }, { fact: 'unknown', op: 'atLeast', value: 2 }] }, 'low-x', 40)),
      book,
    );
    const trace = traceRule(rule!, book);

    it('should annotate each condition with the value it saw, its result and whether the fact was missing', () => {
      expect(trace).toEqual({
        ruleId: 'low-x',
        priority: 40,
        fired: false,
        result: 'missing',
        condition: {
          combinator: 'all',
          result: 'missing',
          conditions: [
            { fact: 'x', op: 'below', value: 5, actual: 3, result: 'true', missing: false },
            { fact: 'unknown', op: 'atLeast', value: 2, actual: null, result: 'missing', missing: true },
          ],
        },
      });
    });
  });

  describe('having an `all` whose first part is false', () => {
    const book = bookWith({ x: 7 });
    const [rule] = compileRules(ruleSetOf(ruleOf({ all: [F, { fact: 'x', op: 'below', value: 5 }] })), book);
    const trace = traceRule(rule!, book);

    it('should still trace every part (no short cut), each with its value', () => {
      expect(trace.result).toBe('false');
      expect(trace.condition).toEqual({
        combinator: 'all',
        result: 'false',
        conditions: [
          { fact: 'no', op: 'isTrue', value: undefined, actual: 0, result: 'false', missing: false },
          { fact: 'x', op: 'below', value: 5, actual: 7, result: 'false', missing: false },
        ],
      });
    });
  });

  describe('having `atLeast 2 of` three conditions, two of them true', () => {
    const book = bookWith({ x: 1, y: 9 });
    const [rule] = compileRules(
      ruleSetOf(ruleOf({ atLeast: 2, of: [{ fact: 'x', op: 'equals', value: 1 }, M, { fact: 'y', op: 'between', value: [8, 10] }] })),
      book,
    );
    const trace = traceRule(rule!, book);

    it('should fire, and name the count in the trace', () => {
      expect(trace.fired).toBe(true);
      expect(trace.condition).toMatchObject({ combinator: 'atLeast', count: 2, result: 'true' });
    });

    it('should show the missing part as missing, not as false', () => {
      expect((trace.condition as { conditions: unknown[] }).conditions[1]).toEqual({
        fact: 'unknown',
        op: 'isTrue',
        value: undefined,
        actual: null,
        result: 'missing',
        missing: true,
      });
    });
  });

  describe('having `isMissing` on a missing fact', () => {
    const book = bookWith();
    const [rule] = compileRules(ruleSetOf(ruleOf({ fact: 'unknown', op: 'isMissing' })), book);

    it('should fire, with the fact flagged missing and the result true', () => {
      expect(traceRule(rule!, book)).toMatchObject({ fired: true, result: 'true', condition: { actual: null, result: 'true', missing: true } });
    });
  });
});

describe(factsRead, () => {
  describe('having a condition that reads x twice, then y and z', () => {
    it('should list the facts\' slots in the order first read, each once', () => {
      const book = bookWith();
      const when: Condition = {
        any: [{ fact: 'x', op: 'above', value: 1 }, { all: [{ fact: 'y', op: 'below', value: 2 }, { fact: 'x', op: 'below', value: 9 }] }, { not: { fact: 'z', op: 'isTrue' } }],
      };
      const [rule] = compileRules(ruleSetOf(ruleOf(when)), book);
      expect(factsRead(rule!.when).map((slot) => book.definitions[slot]!.name)).toEqual(['x', 'y', 'z']);
    });
  });
});

describe(FactBook, () => {
  describe('having one fact read by two conditions on one morning', () => {
    it('should compute it once, and again after the next morning\'s invalidate', () => {
      const book = bookWith({ x: 2 });
      const [rule] = compileRules(ruleSetOf(ruleOf({ all: [{ fact: 'x', op: 'above', value: 1 }, { fact: 'x', op: 'below', value: 3 }] })), book);
      evaluate(rule!.when, book);
      evaluate(rule!.when, book);
      expect(computed.get('x')).toBe(1);
      book.invalidate();
      values.set('x', 5);
      expect(TRUTH_NAMES[evaluate(rule!.when, book)]).toBe('false');
      expect(computed.get('x')).toBe(2);
    });
  });

  describe('having a fact with companions', () => {
    it('should give its companions slots too, so that a change can show them', () => {
      const withCompanion: FactProvider = { facts: [{ ...settable('mean'), companions: ['band'] }, settable('band')] };
      const book = new FactBook(FactBook.catalogue([withCompanion]), new FactContext(historyOf([{}]), FACT_DEFAULTS));
      book.slot('mean');
      expect(book.slotOf('band')).toBe(1);
    });
  });

  describe('having two providers that define the same fact', () => {
    it('should refuse the catalogue, naming the fact', () => {
      expect(() => FactBook.catalogue([SETTABLE, { facts: [settable('x')] }])).toThrow('two fact providers define "x"');
    });
  });

  describe('having a missing fact', () => {
    it('should read it for a trace as null', () => {
      const book = bookWith();
      expect(book.reading(book.slot('unknown'))).toEqual({ fact: 'unknown', value: null });
    });
  });
});
