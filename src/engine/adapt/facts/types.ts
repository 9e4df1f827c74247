import type { FactSettings } from '../../../models/rules/schema.ts';
import type { ObservedHistory } from '../history.ts';

/** Fact settings with every value decided. */
export type ResolvedFactSettings = Required<FactSettings>;

/**
 * Defaults of the fact windows, from the HRV-guided training literature:
 * - 4-week baseline, band = baseline mean ± 0.5 SD (smallest worthwhile change): Vesterinen et al. 2016,
 *   Med Sci Sports Exerc 48:1347–1354;
 * - 10-day rolling reference of single-day rules: Kiviniemi et al. 2007, Eur J Appl Physiol 101:743–751;
 * - at least 3 readings a week for a 7-day mean: Plews et al. 2014, Int J Sports Physiol Perform 9:783–790;
 * - at least 7 readings for a baseline (one week of mornings): ours [M].
 */
export const FACT_DEFAULTS: ResolvedFactSettings = {
  hrvBaselineDays: 28,
  hrvSwcWidthSd: 0.5,
  hrvRollingDays: 10,
  minReadingsPerWeek: 3,
  minBaselineReadings: 7,
};

/** What the facts are computed from this morning: the record, the settings and where the plan stands. */
export class FactContext {
  /** Day of the week, 1 = Monday … 7 = Sunday. */
  weekday = 1;
  /** Week of the current block, from 1. */
  weekOfBlock = 1;
  /** Hard sessions planned today, as the morning starts (before this morning's rules change anything). */
  hardToday = 0;
  /** Scratch for window statistics: count, mean, SD. */
  readonly stats = new Float64Array(3);

  constructor(
    readonly history: ObservedHistory,
    public settings: ResolvedFactSettings,
  ) {}
}

/** How a fact reads to a coach, and how it is computed. */
export interface FactDefinition {
  readonly name: string;
  /** "HRV 7-day mean". */
  readonly label: string;
  /** "ln ms", "bpm", "h", "days", "" … */
  readonly unit: string;
  readonly decimals: number;
  /** `flag` facts are 1 (true) or 0 (false); the others are numbers. */
  readonly kind: 'number' | 'flag';
  /** Facts shown beside this one when it explains a change (the band a mean was judged against). */
  readonly companions?: readonly string[];
  /**
   * The fact in a coach's words when it made a rule fire: `{value}` is this fact (`{days}`,
   * `{mornings}`: it as a count of them), `{name}` another fact (a companion). Without a template
   * the reason reads "label value unit".
   */
  readonly template?: string | ((value: number) => string);
  /** For a flag read as false (`isFalse`): "HRV 7-day mean 3.62 inside the band 3.51–3.80". */
  readonly templateWhenFalse?: string;
  /** A calendar fact (weekday, week of block): it says when a rule applies, not why it fired. */
  readonly calendar?: true;
  /** Writes the fact's value to `out[slot]`: NaN when it is missing (too few readings). */
  compute(context: FactContext, out: Float64Array, slot: number): void;
}

/** A family of facts (HRV, resting HR, sleep, RPE, load, plan) the engine can be given. */
export interface FactProvider {
  readonly facts: readonly FactDefinition[];
}
