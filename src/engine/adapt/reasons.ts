import type { Operator } from '../../models/rules/schema.ts';
import type { ConditionTrace, RuleTrace } from './evaluate.ts';
import type { FactBook } from './fact-book.ts';

const OPERATOR_WORDS: Record<Operator, string> = {
  below: '<',
  above: '>',
  atMost: '≤',
  atLeast: '≥',
  equals: '=',
  between: 'between',
  outside: 'outside',
  in: 'in',
  isTrue: 'is true',
  isFalse: 'is false',
  isMissing: 'is missing',
};

/** A fact's value as a coach reads it: its own decimals, "missing" for no value. */
export function formatFact(book: FactBook, slot: number): string {
  const value = book.value(slot);
  if (value !== value) return 'missing';
  const decimals = book.definitions[slot]!.decimals;
  return Number.isFinite(value) ? value.toFixed(decimals) : String(value);
}

/** The conditions that made a true result true (the parts of an `any` that held, every part of an `all`). */
function decisive(trace: ConditionTrace, out: { fact: string; op: Operator; negated: boolean }[], negated = false): void {
  if ('fact' in trace) {
    out.push({ fact: trace.fact, op: trace.op, negated });
    return;
  }
  if (trace.combinator === 'not') {
    for (const child of trace.conditions) decisive(child, out, !negated);
    return;
  }
  const wanted = negated ? 'false' : 'true';
  for (const child of trace.conditions) if (child.result === wanted) decisive(child, out, negated);
}

/**
 * Why a rule fired, in a coach's words: each decisive condition through its fact's template
 * ("HRV 7-day mean 3.42 below the lower band 3.51 for 2 days"), or "label value unit (≥ 2)".
 */
export function describeReason(trace: RuleTrace, book: FactBook): string {
  const parts: string[] = [];
  const leaves: { fact: string; op: Operator; negated: boolean }[] = [];
  decisive(trace.condition, leaves);
  const seen = new Set<string>();
  for (const leaf of leaves) {
    if (seen.has(leaf.fact)) continue;
    seen.add(leaf.fact);
    parts.push(describeFact(book, leaf.fact, leaf.op, leaf.negated));
  }
  return parts.join('; ');
}

function describeFact(book: FactBook, fact: string, op: Operator, negated: boolean): string {
  const slot = book.slotOf(fact)!;
  const definition = book.definitions[slot]!;
  const readsFalse = (op === 'isFalse') !== negated;
  const template = definition.kind === 'flag' && readsFalse ? definition.templateWhenFalse : definition.template;
  if (template !== undefined) {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'value') return formatFact(book, slot);
      const other = book.slotOf(name);
      return other === undefined ? name : formatFact(book, other);
    });
  }
  if (definition.kind === 'flag') return `${readsFalse ? 'not ' : ''}${definition.label}`;
  const unit = definition.unit === '' ? '' : ` ${definition.unit}`;
  return `${definition.label} ${formatFact(book, slot)}${unit}${negated ? ` (not ${OPERATOR_WORDS[op]})` : ''}`;
}
