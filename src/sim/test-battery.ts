import type { Parameters } from '../models/parameters.ts';
import { RACE_DISTANCES_KM, raceMinutesAt, walkingMinutes } from '../models/physiology/race.ts';
import { vVO2max } from '../models/physiology/thresholds.ts';
import type { AdaptationModel } from './model/adaptation-model.ts';
import type { AthleteConstants, AthleteState } from './model/state.ts';
import { TEST } from './results.ts';
import type { RandomStream } from './rng.ts';

/**
 * The tests a trial would run, before week 1 and after the last week: a VO2max test, a lactate
 * step test (LT1 and LT2 speeds), a 10-km time trial and the peak speed of the incremental test.
 * True values include the day's readiness (fatigue, sleep, illness) — a race shows all of it, a lab
 * threshold test part of it, VO2max none; measured values add each test's error.
 */
export function runTestBattery(
  model: AdaptationModel,
  parameters: Parameters,
  c: AthleteConstants,
  s: AthleteState,
  stream: RandomStream,
  trueOut: Float64Array,
  measuredOut: Float64Array,
  offset: number,
): void {
  const tests = parameters.tests;
  model.refreshPhysiology(c, s);
  const readiness = model.readiness(c, s);
  const labReadiness = 1 - tests.lt2ReadinessShare * (1 - readiness);
  const top = vVO2max(s.vo2max, s.economy);
  // Someone too unfit to run 10 km faster than they can walk it walks it.
  const running = raceMinutesAt(RACE_DISTANCES_KM['10k'], top, s.lt1Fraction, s.lt2Fraction, parameters.race, 0);
  const walking = walkingMinutes(RACE_DISTANCES_KM['10k'], s.vo2max, s.lt1Fraction, s.lt2Fraction, parameters.race, parameters.walking);
  const tenKm = running < walking ? running : walking;
  trueOut[offset + TEST.vo2max] = s.vo2max;
  trueOut[offset + TEST.lt1Speed] = s.lt1Fraction * top * labReadiness;
  trueOut[offset + TEST.lt2Speed] = s.lt2Fraction * top * labReadiness;
  trueOut[offset + TEST.timeTrialMinutes] = tenKm / readiness;
  trueOut[offset + TEST.peakSpeed] = top * tests.peakSpeedOverVVO2max * readiness;
  measuredOut[offset + TEST.vo2max] = trueOut[offset + TEST.vo2max]! * (1 + tests.vo2maxCv * stream.normal());
  measuredOut[offset + TEST.lt1Speed] = trueOut[offset + TEST.lt1Speed]! * (1 + tests.lt1SpeedCv * stream.normal());
  measuredOut[offset + TEST.lt2Speed] = trueOut[offset + TEST.lt2Speed]! * (1 + tests.lt2SpeedCv * stream.normal());
  measuredOut[offset + TEST.timeTrialMinutes] = trueOut[offset + TEST.timeTrialMinutes]! * (1 + tests.timeTrialCv * stream.normal());
  measuredOut[offset + TEST.peakSpeed] = trueOut[offset + TEST.peakSpeed]! * (1 + tests.peakSpeedCv * stream.normal());
}
