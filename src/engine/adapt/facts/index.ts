import { HRV_FACTS } from './hrv.ts';
import { RESTING_HR_FACTS, SLEEP_FACTS } from './markers.ts';
import { LIFE_FACTS, LOAD_FACTS, RPE_FACTS } from './training.ts';
import type { FactProvider } from './types.ts';

export { FACT_DEFAULTS, FactContext, type FactDefinition, type FactProvider, type ResolvedFactSettings } from './types.ts';

/** Every fact family the engine knows, in the order a trace lists them. */
export const FACT_PROVIDERS_BUILT_IN: readonly FactProvider[] = [HRV_FACTS, RESTING_HR_FACTS, SLEEP_FACTS, RPE_FACTS, LOAD_FACTS, LIFE_FACTS];
