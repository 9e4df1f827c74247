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
 * Peak incremental-test speed over vVO2max, ≈ 1.05 (Billat & Koralsztein 1996, Sports Med 22:90–108):
 * how a coach estimates vVO2max from the test's last stage.
 */
export const PEAK_SPEED_OVER_VVO2MAX = 1.05;

/** Riegel's endurance exponent (Riegel 1981, Am Sci 69:285–290): T2 = T1 × (D2 / D1)^1.06. */
export const RIEGEL_EXPONENT = 1.06;

/**
 * The coach's anchor speeds (ANCHORS order: lt1, lt2, vVO2max, 5k, 10k, half, marathon; km/h) from
 * the tests: thresholds from the lactate test, vVO2max from peak speed, race paces from the 10-km
 * time trial by Riegel's formula — what a coach would write on a training sheet.
 */
export function coachAnchors(tested: TestedProfile, out: Float64Array): Float64Array {
  out[0] = tested.lt1Speed;
  out[1] = tested.lt2Speed;
  out[2] = tested.peakSpeed / PEAK_SPEED_OVER_VVO2MAX;
  const distances = [RACE_DISTANCES_KM['5k'], RACE_DISTANCES_KM['10k'], RACE_DISTANCES_KM.half, RACE_DISTANCES_KM.marathon];
  distances.forEach((distance, i) => {
    const minutes = tested.timeTrialMinutes * Math.pow(distance / 10, RIEGEL_EXPONENT);
    out[3 + i] = (distance / minutes) * 60;
  });
  return out;
}
