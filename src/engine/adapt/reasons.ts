import type { Operator } from '../../models/rules/schema.ts';
import type { AdjustmentTrace } from './adjustment.ts';
import type { GuardrailNumbers } from './decision.ts';
import type { ConditionTrace } from './evaluate.ts';
import type { FactBook } from './fact-book.ts';
import type { FactDefinition } from './facts/types.ts';

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

/**
 * The facts a reason is written from, by name: each one's definition (label, unit, template) and its
 * value (NaN: missing) — this morning's fact book, or the values a trace recorded.
 */
export interface FactView {
  /** Whether the fact is among those at hand (a template's `{name}` that is not reads as the name). */
  known(name: string): boolean;
  definition(name: string): FactDefinition;
  value(name: string): number;
}

/** This morning's facts, as the engine's fact book has them. */
export function bookView(book: FactBook): FactView {
  return {
    known: (name) => book.slotOf(name) !== undefined,
    definition: (name) => book.definitions[book.slot(name)]!,
    value: (name) => book.value(book.slot(name)),
  };
}

/** Facts as a trace recorded them (null: missing; a fact not recorded reads as missing). */
export function recordedView(definitions: ReadonlyMap<string, FactDefinition>, values: Readonly<Record<string, number | null>>): FactView {
  return {
    known: (name) => name in values,
    definition(name) {
      const definition = definitions.get(name);
      if (definition === undefined) throw new Error(`unknown fact "${name}"`);
      return definition;
    },
    value: (name) => values[name] ?? Number.NaN,
  };
}

/** A fact's value as a coach reads it: its own decimals, "missing" for no value. */
export function formatFact(book: FactBook, slot: number): string {
  return formatValue(book.definitions[slot]!, book.value(slot));
}

function formatValue(definition: FactDefinition, value: number): string {
  if (value !== value) return 'missing';
  return Number.isFinite(value) ? value.toFixed(definition.decimals) : String(value);
}

interface Leaf {
  fact: string;
  op: Operator;
  value: number | readonly number[] | undefined;
  negated: boolean;
}

/** The conditions that made a true result true (the parts of an `any` that held, every part of an `all`). */
function decisive(trace: ConditionTrace, out: Leaf[], negated = false): void {
  if ('fact' in trace) {
    out.push({ fact: trace.fact, op: trace.op, value: trace.value, negated });
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
export function describeReason(condition: ConditionTrace, facts: FactView): string {
  const parts: string[] = [];
  const leaves: Leaf[] = [];
  decisive(condition, leaves);
  // When a rule is also tied to the calendar ("on Sundays"), the calendar is not the reason.
  const reasons = leaves.filter((leaf) => !facts.definition(leaf.fact).calendar);
  const seen = new Set<string>();
  for (const leaf of reasons.length > 0 ? reasons : leaves) {
    if (seen.has(leaf.fact)) continue;
    seen.add(leaf.fact);
    parts.push(describeFact(facts, leaf));
  }
  return parts.join('; ');
}

/** "1 day", "2 days", "1 morning". */
function counted(value: number, plural: string): string {
  return value === 1 ? `1 ${plural.slice(0, -1)}` : `${value} ${plural}`;
}

/** "≥ 2", "between 1 and 3", "in 1, 4". */
function threshold(op: Operator, value: number | readonly number[] | undefined): string {
  const values = value === undefined ? [] : typeof value === 'number' ? [value] : value;
  if (op === 'between' || op === 'outside') return `${OPERATOR_WORDS[op]} ${values[0]} and ${values[1]}`;
  if (op === 'in') return `in ${values.join(', ')}`;
  return values.length > 0 ? `${OPERATOR_WORDS[op]} ${values[0]}` : OPERATOR_WORDS[op];
}

function describeFact(facts: FactView, { fact, op, value, negated }: Leaf): string {
  const definition = facts.definition(fact);
  const own = facts.value(fact);
  const readsFalse = (op === 'isFalse') !== negated;
  const template = definition.kind === 'flag' && readsFalse ? definition.templateWhenFalse : definition.template;
  if (template !== undefined) {
    const text =
      typeof template === 'function'
        ? template(own)
        : template.replace(/\{(\w+)\}/g, (_, name: string) => {
            if (name === 'value') return formatValue(definition, own);
            // {days}, {mornings}: the value as a count of them, singular or plural.
            if (name === 'days' || name === 'mornings') return counted(own, name);
            return facts.known(name) ? formatValue(facts.definition(name), facts.value(name)) : name;
          });
    // The rule's own threshold, so the reason says what the value was judged against.
    return definition.kind === 'flag' ? text : `${text} (${negated ? 'not ' : ''}${threshold(op, value)})`;
  }
  if (definition.kind === 'flag') return `${readsFalse ? 'not ' : ''}${definition.label}`;
  const unit = definition.unit === '' ? '' : ` ${definition.unit}`;
  return `${definition.label} ${formatValue(definition, own)}${unit} (${negated ? 'not ' : ''}${threshold(op, value)})`;
}

/** Why a guardrail cut the plan, in a coach's words, from the numbers it judged by. */
export function guardrailReason(numbers: GuardrailNumbers): string {
  switch (numbers.guardrail) {
    case 'maxWeeklyIncrease': {
      const { plannedMinutes: planned, limitMinutes, increase } = numbers;
      const reference = limitMinutes / (1 + increase);
      return `planned ${Math.round(planned)} min is ${Math.round((planned / reference - 1) * 100)} % above the fullest of the recent weeks, ${Math.round(reference)} min (limit +${Math.round(increase * 100)} %)`;
    }
    case 'acwrCap': {
      const { plannedLoad: load, limitLoad, cap } = numbers;
      const recent = (limitLoad * (4 - cap)) / cap;
      return `the planned week's load ${Math.round(load)} AU would make the acute:chronic ratio ${((4 * load) / (recent + load)).toFixed(2)} (cap ${cap})`;
    }
    case 'maxHardDaysInRow':
      return `${numbers.hardDaysBefore + 1} hard days in a row would exceed the limit of ${numbers.limit}`;
    default: {
      const since = numbers.daysSinceHard;
      return `the last hard day was ${since} day${since === 1 ? '' : 's'} ago (at least ${numbers.minimum} easy days between hard days)`;
    }
  }
}

/** The note of a traced change: "overridden by hrv-low (more conservative)" for an overridden rule, else empty. */
export function overrideNote(trace: AdjustmentTrace): string {
  return trace.outcome === 'overridden' && trace.overriddenBy !== null ? `overridden by ${trace.overriddenBy.rule} (${trace.overriddenBy.why})` : '';
}

/**
 * A traced change in a coach's words, as the engine wrote it when it happened: the reason (from the
 * condition tree and the recorded facts, or a guardrail's numbers) and the note.
 */
export function describeTrace(trace: AdjustmentTrace, definitions: ReadonlyMap<string, FactDefinition>): { reason: string; note: string } {
  if (trace.outcome === 'guardrail') return { reason: guardrailReason(trace), note: '' };
  return { reason: describeReason(trace.when, recordedView(definitions, trace.facts)), note: overrideNote(trace) };
}
