import { stringify } from 'yaml';
import * as z from 'zod';
import type { ActionHandler } from '../engine/adapt/actions.ts';
import { FACT_DEFAULTS, type FactProvider } from '../engine/adapt/facts/types.ts';
import {
  Action,
  FactSettings,
  Guardrails,
  HIT_POLICIES,
  HitPolicy,
  OPERATORS,
  RANGE_OPERATORS,
  SCALAR_OPERATORS,
  Scope,
  SCOPES,
  UNARY_OPERATORS,
  type ActionName,
  type RuleSet,
} from '../models/rules/schema.ts';
import { didYouMean } from '../models/text/suggest.ts';

/** An unknown rule set asked for by name: bad input (exit 2). */
export class UnknownRuleSetError extends Error {
  override name = 'UnknownRuleSetError';
}

/** The width `periodize rules` keeps to: a terminal's 100 columns. */
const WIDTH = 100;

/** The operators by the value they take (the schema's groups; `in`, in none of them, takes a list). */
const OPERATOR_VALUES: readonly (readonly [readonly string[], string])[] = [
  [SCALAR_OPERATORS, 'one number'],
  [RANGE_OPERATORS, '[low, high], both included'],
  [OPERATORS.filter((op) => ![...SCALAR_OPERATORS, ...RANGE_OPERATORS, ...UNARY_OPERATORS].includes(op)), 'a list of numbers'],
  [UNARY_OPERATORS, 'nothing (no value:)'],
];

/** What a value of an enum means (its schema's `meanings`), or with no value what a field means (its description). */
export function meaningOf(schema: z.ZodType, value?: string): string {
  const meaning = value === undefined ? schema.description : schema.meta()?.meanings?.[value];
  if (meaning === undefined) throw new Error(`the rule-set schema gives no meaning of ${value ?? 'a field'}`);
  return meaning;
}

/**
 * What a coach needs to write a rule file: the built-in rule sets (name, source, rules), the
 * facts a condition may read (with units), the operators, the scopes, the actions with what each
 * takes, the hit policies, the guardrails and the fact settings.
 */
export function describeRules(ruleSets: ReadonlyMap<string, RuleSet>, facts: readonly FactProvider[], actions: readonly ActionHandler[]): string {
  const lines: string[] = ['Built-in rule sets (periodize rules <name> prints one as a rule file to start from):', ''];
  for (const set of ruleSets.values()) {
    lines.push(...wrap(`${set.name} — ${set.description ?? ''}`, '  ', '    '));
    if (set.source !== undefined) lines.push(...wrap(`source: ${set.source}`, '      ', '        '));
    for (const rule of set.rules) lines.push(...wrap(`${rule.id}: ${rule.description ?? ''}`, '      ', '        '));
    lines.push('');
  }
  lines.push('Facts a condition may read (missing when there are too few readings):', '');
  const all = facts.flatMap((provider) => provider.facts);
  lines.push(
    ...table(all.map((fact) => {
      const unit = fact.kind === 'flag' ? 'true/false' : fact.unit;
      return [fact.name, `${fact.label}${unit === '' ? '' : ` (${unit})`}`];
    })),
  );
  lines.push(
    '',
    'Operators (op:), with the value each compares with:',
    ...table(OPERATOR_VALUES.map(([operators, value]) => [operators.join(', '), value])),
    '',
    'Scopes (scope:), how far an action reaches:',
    ...table(SCOPES.map((scope) => [scope, meaningOf(Scope, scope)])),
    '',
    'Actions (then:), with what each takes (? may be left out; scope any: every scope above):',
    ...table(actions.map((handler) => [handler.action, actionParameters(handler.action)])),
    '',
    'Hit policies (hitPolicy:):',
    ...table(HIT_POLICIES.map((policy) => [policy, meaningOf(HitPolicy, policy)])),
    '',
    'Guardrails (guardrails:), with the values allowed; applied after the rules, each off unless set:',
    ...table(keysOf(Guardrails).map((key) => [key, accepted(Guardrails.shape[key]), meaningOf(Guardrails.shape[key])])),
    '',
    'Fact settings (facts:), with the default and the values allowed:',
    ...table(keysOf(FactSettings).map((key) => [key, `${FACT_DEFAULTS[key]}`, accepted(FactSettings.shape[key]), meaningOf(FactSettings.shape[key])])),
    '',
  );
  return `${lines.join('\n')}\n`;
}

/** One rule set as a YAML rule file, to copy and edit. */
export function ruleSetAsYaml(ruleSets: ReadonlyMap<string, RuleSet>, name: string): string {
  const set = ruleSets.get(name);
  if (set === undefined) {
    const hint = didYouMean(name, ruleSets.keys());
    throw new UnknownRuleSetError(`no built-in rule set "${name}"${hint || ` (built-in: ${[...ruleSets.keys()].join(', ')})`}`);
  }
  return `# Built-in rule set "${set.name}": save as a .yaml file, edit, and name the file in an arm's rules:\n${stringify(set, { lineWidth: 0 })}`;
}

/**
 * What an action takes besides its name, read from its schema: `scope: any; minutes?: 10–240`,
 * `scope: today | nextSession`, `weeks: 1–8 (whole)`; `—` for nothing.
 */
export function actionParameters(name: ActionName): string {
  const schema = Action.options.find((option) => option.shape.action.value === name);
  if (schema === undefined) return '—';
  const parameters = Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([key]) => key !== 'action')
    .map(([key, value]) => `${key}${value.isOptional() ? '?' : ''}: ${accepted(value, key)}`);
  return parameters.length === 0 ? '—' : parameters.join('; ');
}

/** The values a schema accepts, in words: `0.2–1`, `1–8 (whole)`, `today | nextSession`, `any` (every scope). */
function accepted(schema: z.ZodType, key = ''): string {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodEnum) {
    const options = inner.options.map(String);
    return key === 'scope' && options.length === SCOPES.length ? 'any' : options.join(' | ');
  }
  if (inner instanceof z.ZodLiteral) return [...inner.values].map(String).join(' | ');
  if (inner instanceof z.ZodNumber) {
    const range = `${inner.minValue ?? '−∞'}–${inner.maxValue ?? '∞'}`;
    return inner.isInt ? `${range} (whole)` : range;
  }
  if (inner instanceof z.ZodString) return `a ${key}'s name`;
  return inner.type;
}

/** The keys of an object schema, typed as its own. */
function keysOf<T extends z.ZodObject>(schema: T): (keyof T['shape'] & string)[] {
  return Object.keys(schema.shape) as (keyof T['shape'] & string)[];
}

/** Rows indented by two, columns apart by two; the last column wraps under itself to fit WIDTH. */
function table(rows: readonly (readonly string[])[]): string[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns - 1 }, (_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const lead = `  ${widths.map((width) => ' '.repeat(width + 2)).join('')}`;
  return rows.flatMap((row) => {
    const cells = widths.map((width, c) => (row[c] ?? '').padEnd(width + 2)).join('');
    return wrap(row[columns - 1] ?? '', `  ${cells}`, lead);
  });
}

/** Text wrapped at spaces to WIDTH: the first line after `first`, the others after `rest`. */
function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line += empty ? word : ` ${word}`;
    }
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}
