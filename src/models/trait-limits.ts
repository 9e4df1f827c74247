/**
 * The observable traits and the plausible human range of each: a named athlete a coach gives
 * outside them is rejected (the scenario schema), a drawn one is kept within them (the parameter
 * set's `traitLimits`). Apart from the parameter set, so that the schema reads them without
 * importing it (the parameter set's types import the schema's).
 */

/** The range a value is kept within. */
export interface Bounds {
  min: number;
  max: number;
}

/** The observable traits a level preset draws and a coach may give for a named athlete. */
export type ObservableTrait =
  | 'age'
  | 'bodyMass'
  | 'vo2max'
  | 'lt1Fraction'
  | 'lt2Fraction'
  | 'economy'
  | 'weeklyHours'
  | 'restingHr'
  | 'lnRmssd'
  | 'sleepHours'
  | 'trainingYears';

/**
 * [M] Plausible human ranges: VO2max from frail adults (~15) to the highest recorded (~95
 * ml/kg/min, Joyner & Coyle 2008); LT fractions as in the level notes (LT2 at most 0.93: elite
 * runners' maximal lactate steady state is at ~85–90 % of VO2max, Joyner & Coyle 2008); running economy 150–280
 * ml/kg/km (Saunders et al. 2004); resting HR 30–100 bpm and lnRMSSD 1–6.5 ln ms (Plews et al.
 * 2012); sleep 3–12 h; up to 40 h of training a week.
 */
export const TRAIT_LIMITS: Record<ObservableTrait, Bounds> = {
  age: { min: 12, max: 90 },
  bodyMass: { min: 30, max: 150 },
  vo2max: { min: 15, max: 95 },
  lt1Fraction: { min: 0.3, max: 0.9 },
  lt2Fraction: { min: 0.5, max: 0.93 },
  economy: { min: 150, max: 280 },
  weeklyHours: { min: 0.25, max: 40 },
  restingHr: { min: 30, max: 100 },
  lnRmssd: { min: 1, max: 6.5 },
  sleepHours: { min: 3, max: 12 },
  trainingYears: { min: 0, max: 40 },
};
