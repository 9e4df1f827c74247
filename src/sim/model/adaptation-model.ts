import type { ServiceIdentifier } from 'inversify';
import type { AthleteTraits } from '../population.ts';
import type { AthleteConstants, AthleteState } from './state.ts';

/**
 * The physiology behind the simulator, swappable behind a token so that researchers can compare
 * model assumptions (multi-system pools, classic Banister, PerPot). It sees doses — minutes per zone
 * and fatigue cost — never a design's or rule set's name.
 */
export interface AdaptationModel {
  readonly name: string;
  /**
   * Sets the athlete's constants and a state in equilibrium with their habitual training, given
   * that week's daily minutes per zone and costs (7 days each) as the athlete reports it and has run
   * it lately.
   */
  initialize(
    traits: AthleteTraits,
    habitualZ1: Float64Array,
    habitualZ2: Float64Array,
    habitualZ3: Float64Array,
    habitualCost: Float64Array,
    constants: AthleteConstants,
    state: AthleteState,
  ): void;
  /** One night of sleep before the day: `state.sleptHours`. */
  sleep(constants: AthleteConstants, state: AthleteState): void;
  /**
   * One day: the minutes per zone and fatigue cost actually done, in `state.doneZ1`, `doneZ2`,
   * `doneZ3`, `doneCost` (zero when ill or resting). Passed in the state rather than as arguments,
   * so that the daily loop boxes no numbers.
   */
  train(constants: AthleteConstants, state: AthleteState): void;
  /** Recomputes VO2max, threshold fractions and economy from the pools. */
  refreshPhysiology(constants: AthleteConstants, state: AthleteState): void;
  /** Fatigue relative to the athlete's tolerance (1 = habitual steady state). */
  strain(constants: AthleteConstants, state: AthleteState): number;
  /** Fraction of potential performance available today (1 = fresh, rested, healthy). */
  readiness(constants: AthleteConstants, state: AthleteState): number;
  /** The part of today's lost performance that is training fatigue (what a few easy days would give back). */
  fatigueLoss(constants: AthleteConstants, state: AthleteState): number;
}

export const ADAPTATION_MODEL: ServiceIdentifier<AdaptationModel> = Symbol.for('AdaptationModel');
