import { RACE_DISTANCES_KM } from '../models/physiology/race.ts';

/** What a coach knows of an athlete from the baseline tests. */
export interface TestedProfile {
  lt1Speed: number;
  lt2Speed: number;
  /** Peak speed of the incremental test, km/h. */
  peakSpeed: number;
  /** 10-km time trial, minutes. */
  timeTrialMinutes: number;
}

/**
 * The rules of thumb a coach uses (values and sources: PARAMETERS.coaching): vVO2max from the
 * incremental test's peak speed, and race times at other distances by Riegel's formula.
 */
export interface CoachingRules {
  /** Peak incremental-test speed over vVO2max. */
  peakSpeedOverVVO2max: number;
  /** Riegel's endurance exponent: T2 = T1 × (D2 / D1)^exponent. */
  riegelExponent: number;
}

const RACE_DISTANCES = [RACE_DISTANCES_KM['5k'], RACE_DISTANCES_KM['10k'], RACE_DISTANCES_KM.half, RACE_DISTANCES_KM.marathon];

/**
 * The coach's anchor speeds (ANCHORS order: lt1, lt2, vVO2max, 5k, 10k, half, marathon; km/h) from
 * the tests: thresholds from the lactate test, vVO2max from peak speed, race paces from the 10-km
 * time trial by Riegel's formula — what a coach would write on a training sheet.
 * @example coachAnchors({ lt1Speed: 10, lt2Speed: 12, peakSpeed: 15.75, timeTrialMinutes: 50 }, { peakSpeedOverVVO2max: 1.05, riegelExponent: 1.06 }, out)
 * // [10, 12, 15, 12.51…, 12, 11.47…, 11.01…]
 */
export function coachAnchors(tested: TestedProfile, rules: CoachingRules, out: Float64Array): Float64Array {
  out[0] = tested.lt1Speed;
  out[1] = tested.lt2Speed;
  out[2] = tested.peakSpeed / rules.peakSpeedOverVVO2max;
  for (let i = 0; i < RACE_DISTANCES.length; i++) {
    const distance = RACE_DISTANCES[i]!;
    const minutes = tested.timeTrialMinutes * Math.pow(distance / 10, rules.riegelExponent);
    out[3 + i] = (distance / minutes) * 60;
  }
  return out;
}
