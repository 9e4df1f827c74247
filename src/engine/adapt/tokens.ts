import type { ServiceIdentifier } from 'inversify';
import type { ActionHandler } from './actions.ts';
import type { FactProvider } from './facts/types.ts';
import type { RuleSet } from '../../models/rules/schema.ts';

/** Fact families the engine can read (several bindings; the composition root binds the built-in ones). */
export const FACT_PROVIDERS: ServiceIdentifier<FactProvider> = Symbol.for('FactProviders');
/** Actions the engine can take (several bindings, one per action name). */
export const ACTION_HANDLERS: ServiceIdentifier<ActionHandler> = Symbol.for('ActionHandlers');
/** Named rule sets a scenario's `rules:` may refer to (the built-ins; a file path is read instead). */
export const RULE_SOURCES: ServiceIdentifier<ReadonlyMap<string, RuleSet>> = Symbol.for('RuleSources');
