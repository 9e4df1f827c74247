import type { ServiceIdentifier } from 'inversify';
import type { AthleteTraits } from '../population.ts';
import type { AthleteConstants, AthleteState } from './state.ts';

/**
 * The athlete's habitual week, as they report it and have run it lately: per weekday (0 Monday …
 * 6 Sunday), the minutes in each zone, the fatigue cost, the minutes run and the longest run.
 * Filled once per athlete by the simulator; read, never kept, by the model.
 */
export class HabitualWeek {
  readonly z1 = new Float64Array(7);
  readonly z2 = new Float64Array(7);
  readonly z3 = new Float64Array(7);
  readonly cost = new Float64Array(7);
  readonly run = new Float64Array(7);
  readonly longest = new Float64Array(7);

  /** Every day back to nothing, for the next athlete. */
  clear(): void {
    this.z1.fill(0);
    this.z2.fill(0);
    this.z3.fill(0);
    this.cost.fill(0);
    this.run.fill(0);
    this.longest.fill(0);
  }

  /** A week of the given daily minutes per zone and costs (a model's test, a researcher's own model). */
  static of(z1: ArrayLike<number>, z2: ArrayLike<number>, z3: ArrayLike<number>, cost: ArrayLike<number>): HabitualWeek {
    const week = new HabitualWeek();
    week.z1.set(z1);
    week.z2.set(z2);
    week.z3.set(z3);
    week.cost.set(cost);
    return week;
  }
}

/**
 * The physiology behind the simulator, swappable behind a token so that researchers can compare
 * model assumptions (multi-system pools, classic Banister, PerPot). It sees doses — minutes per zone
 * and fatigue cost — never a design's or rule set's name.
 */
export interface AdaptationModel {
  readonly name: string;
  /**
   * Sets the athlete's constants and a state in equilibrium with their habitual training, given
   * that week's daily minutes per zone and costs as the athlete reports it and has run it lately.
   */
  initialize(traits: AthleteTraits, habitual: HabitualWeek, constants: AthleteConstants, state: AthleteState): void;
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
