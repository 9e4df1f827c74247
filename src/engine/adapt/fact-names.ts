import { FACT_PROVIDERS_BUILT_IN } from './facts/index.ts';

/**
 * Every fact a rule may name, with its kind: what the engine's fact providers compute from the
 * markers a coach sees (HRV, resting HR, sleep, session RPE, load, illness) and from the plan
 * (weekday, week of block). A rule file is checked against this list when it is loaded, so a
 * misspelt fact is an input error rather than a rule that never fires.
 */
export const FACT_KINDS: ReadonlyMap<string, 'number' | 'flag'> = new Map(
  FACT_PROVIDERS_BUILT_IN.flatMap((provider) => provider.facts.map((fact) => [fact.name, fact.kind] as const)),
);
