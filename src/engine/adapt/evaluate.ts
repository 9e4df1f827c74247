import { OPERATORS, type Condition, type FactCondition, type Operator, type Rule, type RuleSet } from '../../models/rules/schema.ts';
import type { FactBook } from './fact-book.ts';

/** Three-valued results: a condition on a missing fact is neither true nor false. */
export const FALSE = 0;
export const TRUE = 1;
export const MISSING = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof MISSING;

const KIND_FACT = 0;
const KIND_ALL = 1;
const KIND_ANY = 2;
const KIND_NOT = 3;
const KIND_AT_LEAST = 4;

/** Operators by code, in OPERATORS order (a number switches faster than a string). */
const OP = Object.fromEntries(OPERATORS.map((op, i) => [op, i])) as Record<Operator, number>;

/**
 * A condition compiled against a fact book: operator and values as numbers, children as an array.
 * One class, so every node has the same shape and evaluation stays monomorphic.
 */
export class CompiledCondition {
  readonly opCode: number;

  constructor(
    readonly kind: number,
    readonly source: Condition,
    readonly slot: number,
    readonly op: Operator,
    readonly low: number,
    readonly high: number,
    readonly list: Float64Array,
    readonly count: number,
    readonly children: readonly CompiledCondition[],
  ) {
    this.opCode = OP[op];
  }
}

export interface CompiledRule {
  readonly rule: Rule;
  /** Position in the rule file (ties of priority keep it). */
  readonly order: number;
  /** Position in evaluation order (priority, then file order). */
  readonly index: number;
  readonly priority: number;
  readonly when: CompiledCondition;
}

/**
 * Compiles a rule set's conditions against a fact book (which learns the facts they read) and
 * orders the rules: higher priority first, file order among equals — the order is always defined.
 */
export function compileRules(ruleSet: RuleSet, book: FactBook): CompiledRule[] {
  return ruleSet.rules
    .map((rule, order) => ({ rule, order, priority: rule.priority ?? 0, when: compileCondition(rule.when, book) }))
    .sort((a, b) => b.priority - a.priority || a.order - b.order)
    .map((compiled, index) => ({ ...compiled, index }));
}

function compileCondition(condition: Condition, book: FactBook): CompiledCondition {
  const group = (kind: number, children: Condition[], count = 0) =>
    new CompiledCondition(kind, condition, -1, 'equals', 0, 0, EMPTY, count, children.map((c) => compileCondition(c, book)));
  if ('fact' in condition) return compileFact(condition, book);
  if ('all' in condition) return group(KIND_ALL, condition.all);
  if ('any' in condition) return group(KIND_ANY, condition.any);
  if ('not' in condition) return group(KIND_NOT, [condition.not]);
  return group(KIND_AT_LEAST, condition.of, condition.atLeast);
}

const EMPTY = new Float64Array(0);
const IS_MISSING = OP.isMissing;

function compileFact(condition: FactCondition, book: FactBook): CompiledCondition {
  const value = condition.value;
  const numbers = value === undefined ? [] : typeof value === 'number' ? [value] : value;
  const low = numbers[0] ?? 0;
  return new CompiledCondition(KIND_FACT, condition, book.slot(condition.fact), condition.op, low, numbers[1] ?? low, Float64Array.from(numbers), 0, []);
}

/** Whether `actual` passes `op` (never called with a missing value, except for isMissing). */
export function compare(op: Operator, actual: number, low: number, high: number, list: Float64Array): boolean {
  return compareCode(OP[op], actual, low, high, list);
}

function compareCode(op: number, actual: number, low: number, high: number, list: Float64Array): boolean {
  // Codes in OPERATORS order: below, above, atMost, atLeast, equals, between, outside, in, isTrue, isFalse, isMissing.
  switch (op) {
    case 0:
      return actual < low;
    case 1:
      return actual > low;
    case 2:
      return actual <= low;
    case 3:
      return actual >= low;
    case 4:
      return actual === low;
    case 5:
      return actual >= low && actual <= high;
    case 6:
      return actual < low || actual > high;
    case 7:
      for (let i = 0; i < list.length; i++) if (list[i] === actual) return true;
      return false;
    case 8:
      return actual !== 0;
    case 9:
      return actual === 0;
    default:
      return actual !== actual;
  }
}

/**
 * Evaluates a condition with Kleene's three-valued logic: `all` is false if any part is false,
 * else missing if any part is missing; `any` is true if any part is true, else missing if any is
 * missing; `not` swaps true and false and keeps missing; `atLeast n of` is true once n parts are
 * true, false once too few could still be. Stops as soon as the answer is known. Allocates nothing.
 */
export function evaluate(c: CompiledCondition, book: FactBook): Truth {
  switch (c.kind) {
    case KIND_FACT: {
      const actual = book.value(c.slot);
      if (c.opCode === IS_MISSING) return actual !== actual ? TRUE : FALSE;
      if (actual !== actual) return MISSING;
      return compareCode(c.opCode, actual, c.low, c.high, c.list) ? TRUE : FALSE;
    }
    case KIND_ALL:
    case KIND_ANY: {
      // Kleene's three-valued and/or: one child at the deciding value settles it (false for all,
      // true for any); else a missing child leaves it missing; else it is the other value.
      const decides = c.kind === KIND_ALL ? FALSE : TRUE;
      let missing = false;
      for (let i = 0; i < c.children.length; i++) {
        const t = evaluate(c.children[i]!, book);
        if (t === decides) return decides;
        if (t === MISSING) missing = true;
      }
      return missing ? MISSING : decides === FALSE ? TRUE : FALSE;
    }
    case KIND_NOT: {
      const t = evaluate(c.children[0]!, book);
      return t === MISSING ? MISSING : t === TRUE ? FALSE : TRUE;
    }
    default: {
      let yes = 0;
      let missing = 0;
      const n = c.children.length;
      for (let i = 0; i < n; i++) {
        const t = evaluate(c.children[i]!, book);
        if (t === TRUE) yes++;
        else if (t === MISSING) missing++;
        if (yes >= c.count) return TRUE;
        // Not enough parts left (counting the missing ones as possible) to reach the count.
        if (yes + missing + (n - i - 1) < c.count) return FALSE;
      }
      return MISSING;
    }
  }
}

/** One condition as evaluated: the explanation of a rule's outcome. */
export type ConditionTrace =
  | { fact: string; op: Operator; value?: number | readonly number[] | undefined; actual: number | null; result: TruthName; missing: boolean }
  | { combinator: 'all' | 'any' | 'not' | 'atLeast'; count?: number; result: TruthName; conditions: ConditionTrace[] };
export type TruthName = 'true' | 'false' | 'missing';
const TRUTH_NAMES: readonly TruthName[] = ['false', 'true', 'missing'];

/** A rule's evaluation with every condition annotated with the value it saw (evaluated in full, no short cut). */
export interface RuleTrace {
  ruleId: string;
  priority: number;
  fired: boolean;
  result: TruthName;
  condition: ConditionTrace;
}

export function traceRule(rule: CompiledRule, book: FactBook): RuleTrace {
  const condition = traceCondition(rule.when, book);
  return { ruleId: rule.rule.id, priority: rule.priority, fired: condition.result === 'true', result: condition.result, condition };
}

function traceCondition(c: CompiledCondition, book: FactBook): ConditionTrace {
  if (c.kind === KIND_FACT) {
    const source = c.source as FactCondition;
    const actual = book.value(c.slot);
    return {
      fact: source.fact,
      op: source.op,
      value: source.value,
      actual: actual === actual ? actual : null,
      result: TRUTH_NAMES[evaluate(c, book)]!,
      missing: actual !== actual,
    };
  }
  const combinator = c.kind === KIND_ALL ? 'all' : c.kind === KIND_ANY ? 'any' : c.kind === KIND_NOT ? 'not' : 'atLeast';
  return {
    combinator,
    ...(c.kind === KIND_AT_LEAST ? { count: c.count } : {}),
    result: TRUTH_NAMES[evaluate(c, book)]!,
    conditions: c.children.map((child) => traceCondition(child, book)),
  };
}

/** The facts a condition reads, in order, each once. */
export function factsRead(c: CompiledCondition, out: number[] = []): number[] {
  if (c.kind === KIND_FACT) {
    if (!out.includes(c.slot)) out.push(c.slot);
  } else {
    for (const child of c.children) factsRead(child, out);
  }
  return out;
}
