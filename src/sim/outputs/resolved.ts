import type { ResolvedDesign } from '../../engine/designs/resolve.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import type { RunSpec } from '../scenario/prepare.ts';

/**
 * What a run actually ran, for the manifest and Parquet metadata: the scenario as read (defaults
 * applied), and every arm resolved — its blocks with the design each trains (distribution, volume,
 * workouts by id) and its rule set in full — so a reader needs neither the YAML nor this version's
 * built-ins to know what was simulated.
 */
export function resolvedConfig(spec: RunSpec, catalogue: CompiledCatalogue) {
  const design = (d: ResolvedDesign) => ({
    ...d,
    highMenu: d.highMenu.map((w) => catalogue.workouts[w]!.id),
    thresholdMenu: d.thresholdMenu.map((w) => catalogue.workouts[w]!.id),
  });
  return {
    scenario: spec.scenario,
    athletes: spec.population.size,
    weeks: spec.weeks,
    arms: spec.arms.map((arm) => ({
      id: arm.id,
      label: arm.label,
      blocks: arm.macroplan.blocks.map((block) => ({ name: block.name, startWeek: block.startWeek, weeks: block.weeks, design: design(block.design) })),
      rules: arm.rules === null ? null : { name: arm.rules.name, origin: arm.rules.origin, ruleSet: arm.rules.ruleSet },
    })),
    reference: spec.referenceIndex < 0 ? null : spec.arms[spec.referenceIndex]!.id,
  };
}
