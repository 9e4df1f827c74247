import type { Condition, FactCondition, Operator, Rule, RuleSet } from '../../models/rules/schema.ts';
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

/** A condition compiled against a fact book: operator and values as numbers, children as an array. */
export interface CompiledCondition {
  readonly kind: number;
  readonly source: Condition;
  readonly slot: number;
  readonly op: Operator;
  readonly low: number;
  readonly high: number;
  readonly list: Float64Array;
  readonly count: number;
  readonly children: readonly CompiledCondition[];
}

export interface CompiledRule {
  readonly rule: Rule;
  /** Position in the rule file (ties of priority keep it). */
  readonly order: number;
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
    .sort((a, b) => b.priority - a.priority || a.order - b.order);
}

function compileCondition(condition: Condition, book: FactBook): CompiledCondition {
  const base = { source: condition, slot: -1, op: 'equals' as Operator, low: 0, high: 0, list: EMPTY, count: 0, children: [] as CompiledCondition[] };
  if ('fact' in condition) return compileFact(condition, book, base);
  if ('all' in condition) return { ...base, kind: KIND_ALL, children: condition.all.map((c) => compileCondition(c, book)) };
  if ('any' in condition) return { ...base, kind: KIND_ANY, children: condition.any.map((c) => compileCondition(c, book)) };
  if ('not' in condition) return { ...base, kind: KIND_NOT, children: [compileCondition(condition.not, book)] };
  return { ...base, kind: KIND_AT_LEAST, count: condition.atLeast, children: condition.of.map((c) => compileCondition(c, book)) };
}

const EMPTY = new Float64Array(0);

function compileFact(condition: FactCondition, book: FactBook, base: Omit<CompiledCondition, 'kind'>): CompiledCondition {
  const value = condition.value;
  const numbers = value === undefined ? [] : typeof value === 'number' ? [value] : value;
  return {
    ...base,
    kind: KIND_FACT,
    slot: book.slot(condition.fact),
    op: condition.op,
    low: numbers[0] ?? 0,
    high: numbers[1] ?? numbers[0] ?? 0,
    list: Float64Array.from(numbers),
  };
}

/** Whether `actual` passes `op` (never called with a missing value, except for isMissing). */
export function compare(op: Operator, actual: number, low: number, high: number, list: Float64Array): boolean {
  switch (op) {
    case 'below':
      return actual < low;
    case 'above':
      return actual > low;
    case 'atMost':
      return actual <= low;
    case 'atLeast':
      return actual >= low;
    case 'equals':
      return actual === low;
    case 'between':
      return actual >= low && actual <= high;
    case 'outside':
      return actual < low || actual > high;
    case 'in':
      for (let i = 0; i < list.length; i++) if (list[i] === actual) return true;
      return false;
    case 'isTrue':
      return actual !== 0;
    case 'isFalse':
      return actual === 0;
    case 'isMissing':
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
      if (c.op === 'isMissing') return actual !== actual ? TRUE : FALSE;
      if (actual !== actual) return MISSING;
      return compare(c.op, actual, c.low, c.high, c.list) ? TRUE : FALSE;
    }
    case KIND_ALL: {
      let missing = false;
      for (let i = 0; i < c.children.length; i++) {
        const t = evaluate(c.children[i]!, book);
        if (t === FALSE) return FALSE;
        if (t === MISSING) missing = true;
      }
      return missing ? MISSING : TRUE;
    }
    case KIND_ANY: {
      let missing = false;
      for (let i = 0; i < c.children.length; i++) {
        const t = evaluate(c.children[i]!, book);
        if (t === TRUE) return TRUE;
        if (t === MISSING) missing = true;
      }
      return missing ? MISSING : FALSE;
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
  | { fact: string; op: Operator; value: number | readonly number[] | undefined; actual: number | null; result: TruthName; missing: boolean }
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
