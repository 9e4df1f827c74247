import { raceMinutesAt, RACE_DISTANCES_KM, type RaceModelConstants } from '../models/physiology/race.ts';
import { vVO2max } from '../models/physiology/thresholds.ts';

const DISTANCES = [RACE_DISTANCES_KM['5k'], RACE_DISTANCES_KM['10k'], RACE_DISTANCES_KM.half, RACE_DISTANCES_KM.marathon];

/**
 * Fills an anchor vector (ANCHORS order: lt1, lt2, vVO2max, 5k, 10k, half, marathon; km/h) from an
 * aerobic profile. `raceMinutes` (4 numbers) holds last time's race times and is updated: it warm-starts
 * the race-time solver, which then needs only a few iterations.
 */
export function fillAnchors(
  vo2max: number,
  economy: number,
  lt1Fraction: number,
  lt2Fraction: number,
  race: RaceModelConstants,
  raceMinutes: Float64Array,
  anchors: Float64Array,
): void {
  const top = vVO2max(vo2max, economy);
  anchors[0] = lt1Fraction * top;
  anchors[1] = lt2Fraction * top;
  anchors[2] = top;
  for (let i = 0; i < 4; i++) {
    const distance = DISTANCES[i]!;
    const minutes = raceMinutesAt(distance, top, lt1Fraction, lt2Fraction, race, raceMinutes[i]!);
    raceMinutes[i] = minutes;
    anchors[3 + i] = (distance / minutes) * 60;
  }
}

/** Race paces as the athlete can run them in a given state: fresh race pace × readiness. */
export function applyReadinessToRacePaces(anchors: Float64Array, readiness: number): void {
  for (let i = 3; i < 7; i++) anchors[i]! *= readiness;
}
