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
   * that week's daily minutes per zone and costs (7 days each).
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
  /** One night of sleep (hours) before the day. */
  sleep(constants: AthleteConstants, state: AthleteState, hours: number): void;
  /** One day: the minutes per zone and fatigue cost actually done (zero when ill or resting). */
  train(constants: AthleteConstants, state: AthleteState, z1: number, z2: number, z3: number, cost: number): void;
  /** Recomputes VO2max, threshold fractions and economy from the pools. */
  refreshPhysiology(constants: AthleteConstants, state: AthleteState): void;
  /** Fatigue relative to the athlete's tolerance (1 = habitual steady state). */
  strain(constants: AthleteConstants, state: AthleteState): number;
  /** Fraction of potential performance available today (1 = fresh, rested, healthy). */
  readiness(constants: AthleteConstants, state: AthleteState): number;
}

export const ADAPTATION_MODEL: ServiceIdentifier<AdaptationModel> = Symbol.for('AdaptationModel');
