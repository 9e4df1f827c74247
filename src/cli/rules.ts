import { stringify } from 'yaml';
import type { ActionHandler } from '../engine/adapt/actions.ts';
import type { FactProvider } from '../engine/adapt/facts/types.ts';
import { OPERATORS, SCOPES, type RuleSet } from '../models/rules/schema.ts';
import { didYouMean } from '../models/text/suggest.ts';

/** An unknown rule set asked for by name: bad input (exit 2). */
export class UnknownRuleSetError extends Error {
  override name = 'UnknownRuleSetError';
}

/**
 * What a coach needs to write a rule file: the built-in rule sets (name, source, rules), the
 * facts a condition may read (with units), the operators, the actions and their scopes.
 */
export function describeRules(ruleSets: ReadonlyMap<string, RuleSet>, facts: readonly FactProvider[], actions: readonly ActionHandler[]): string {
  const lines: string[] = ['Built-in rule sets (periodize rules <name> prints one as a rule file to start from):', ''];
  for (const set of ruleSets.values()) {
    lines.push(`  ${set.name} — ${set.description ?? ''}`);
    if (set.source !== undefined) lines.push(`      source: ${set.source}`);
    for (const rule of set.rules) lines.push(`      ${rule.id}: ${rule.description ?? ''}`);
    lines.push('');
  }
  lines.push('Facts a condition may read (missing when there are too few readings):', '');
  const all = facts.flatMap((provider) => provider.facts);
  const width = Math.max(...all.map((fact) => fact.name.length));
  for (const fact of all) {
    const unit = fact.kind === 'flag' ? 'true/false' : fact.unit === '' ? '' : fact.unit;
    lines.push(`  ${fact.name.padEnd(width)}  ${fact.label}${unit === '' ? '' : ` (${unit})`}`);
  }
  lines.push('', `Operators: ${OPERATORS.join(', ')}`, `Actions: ${actions.map((action) => action.action).join(', ')}`, `Scopes: ${SCOPES.join(', ')}`, '');
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
