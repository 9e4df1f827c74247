import 'reflect-metadata';
import { Container } from 'inversify';
import { ACTION_HANDLERS_BUILT_IN } from './engine/adapt/actions.ts';
import { FACT_PROVIDERS_BUILT_IN } from './engine/adapt/facts/index.ts';
import { ACTION_HANDLERS, FACT_PROVIDERS, RULE_SOURCES } from './engine/adapt/tokens.ts';
import { BUILTIN_RULE_SETS } from './engine/rules/builtins.ts';
import { PARAMETERS, type Parameters } from './models/parameters.ts';
import { compileCatalogue } from './models/workouts/compile.ts';
import { WORKOUTS } from './models/workouts/catalogue.ts';
import { ADAPTATION_MODEL } from './sim/model/adaptation-model.ts';
import { MultiSystemModel } from './sim/model/multi-system.ts';
import { RunScenario } from './sim/run-scenario.ts';
import { ScenarioRunner } from './sim/runner.ts';
import { ScenarioLoader } from './sim/scenario/loader.ts';
import { RULE_VOCABULARY, ruleVocabulary } from './sim/scenario/rules-load.ts';
import { RunTrials } from './sim/trials/run-trials.ts';
import { PlausibilityScan } from './sim/scan.ts';
import { CATALOGUE, PARAMETER_SET } from './sim/tokens.ts';

/**
 * The composition root: the one place that builds the container, and the one place that names the
 * built-in extension points — the fact providers, the action handlers, the rule sources and the
 * adaptation model. Everything else is plain classes and functions that receive what they need.
 * `parameters` replaces the committed parameter set (a calibration run with `--set`, the
 * calibration search); everything that reads it — the model, the runner, the trials — sees the
 * same set. To run on a part of one's own, rebind its token on the container this returns
 * (`container.rebind(ADAPTATION_MODEL)`, `container.bind(FACT_PROVIDERS)` for one more provider).
 */
export function createContainer(parameters: Parameters = PARAMETERS): Container {
  const container = new Container();
  container.bind(PARAMETER_SET).toConstantValue(parameters);
  container.bind(CATALOGUE).toConstantValue(compileCatalogue(WORKOUTS));
  container.bind(ADAPTATION_MODEL).to(MultiSystemModel).inSingletonScope();
  for (const provider of FACT_PROVIDERS_BUILT_IN) container.bind(FACT_PROVIDERS).toConstantValue(provider);
  for (const handler of ACTION_HANDLERS_BUILT_IN) container.bind(ACTION_HANDLERS).toConstantValue(handler);
  container.bind(RULE_SOURCES).toConstantValue(BUILTIN_RULE_SETS);
  // What rules may name: derived from the two above when first asked for, so it sees any provider bound since.
  container
    .bind(RULE_VOCABULARY)
    .toDynamicValue((context) => ruleVocabulary(context.get(RULE_SOURCES), context.getAll(FACT_PROVIDERS)))
    .inSingletonScope();
  container.bind(ScenarioLoader).toSelf().inSingletonScope();
  container.bind(ScenarioRunner).toSelf().inSingletonScope();
  container.bind(RunScenario).toSelf().inSingletonScope();
  container.bind(RunTrials).toSelf().inSingletonScope();
  container.bind(PlausibilityScan).toSelf().inSingletonScope();
  return container;
}
