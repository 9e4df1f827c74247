import type { AerobicProfile } from './thresholds.ts';
import { vVO2max } from './thresholds.ts';

/**
 * How long each anchor intensity can be held: the shape of the speed–duration curve.
 * Values and sources live in the parameters module (PARAMETERS.race).
 */
export interface RaceModelConstants {
  /** Time to exhaustion at vVO2max, minutes. */
  minutesAtVVO2max: number;
  /** Duration that can be raced at LT2, minutes. */
  minutesAtLt2: number;
  /** Duration over which race speed falls from LT2 to LT1, minutes. */
  minutesAtLt1: number;
}

/** Walking's oxygen cost and top speed (PARAMETERS.walking, with sources). */
export interface WalkingConstants {
  /** VO2 at rest, ml/kg/min. */
  restingVo2: number;
  /** VO2 per metre a minute of level walking, ml/kg/min. */
  vo2PerMetrePerMinute: number;
  /** Fastest walking speed, km/h: faster, running is cheaper. */
  topSpeed: number;
}

export const RACE_DISTANCES_KM = { '5k': 5, '10k': 10, half: 21.0975, marathon: 42.195 } as const;
export type RaceDistance = keyof typeof RACE_DISTANCES_KM;

/**
 * Sustainable fraction of VO2max for an all-out effort of a given duration: the "performance
 * composite" v_race ≈ VO2max × F(duration) / economy (Joyner & Coyle 2008, J Physiol 586:35–44;
 * Bassett & Howley 2000). F is 1 up to the time limit at vVO2max, falls log-linearly in duration to
 * the LT2 fraction at the LT2 duration (≈ one hour), and on towards the LT1 fraction for
 * ultra-long efforts, so a 4-hour marathoner races near LT1 and a 2:05 marathoner near 95 % of LT2.
 * @example sustainableFraction(60, 0.65, 0.8, constants) // 0.8
 */
export function sustainableFraction(
  minutes: number,
  lt1Fraction: number,
  lt2Fraction: number,
  constants: RaceModelConstants,
): number {
  const { minutesAtVVO2max, minutesAtLt2, minutesAtLt1 } = constants;
  if (minutes <= minutesAtVVO2max) return 1;
  if (minutes <= minutesAtLt2) {
    const towardLt2 = Math.log(minutes / minutesAtVVO2max) / Math.log(minutesAtLt2 / minutesAtVVO2max);
    return 1 - (1 - lt2Fraction) * towardLt2;
  }
  const towardLt1 = Math.min(1, Math.log(minutes / minutesAtLt2) / Math.log(minutesAtLt1 / minutesAtLt2));
  return lt2Fraction - (lt2Fraction - lt1Fraction) * towardLt1;
}

/**
 * The vVO2max (km/h) at which an athlete with these threshold fractions would run `distanceKm` in
 * exactly `minutes`: faster than that, they would beat the time. With the world record for the
 * time, the fastest vVO2max a human with those thresholds can have.
 * @example fastestTopSpeed(10, 26.18, 0.83, 0.88, { minutesAtVVO2max: 6, minutesAtLt2: 60, minutesAtLt1: 720 }) // ≈ 24.8
 */
export function fastestTopSpeed(distanceKm: number, minutes: number, lt1Fraction: number, lt2Fraction: number, constants: RaceModelConstants): number {
  return (distanceKm / minutes) * 60 / sustainableFraction(minutes, lt1Fraction, lt2Fraction, constants);
}

/**
 * Predicted race time (minutes) over a distance: the duration t with distance = vVO2max × F(t) × t.
 * Solved by fixed-point iteration t ← distance / (vVO2max × F(t)), which converges because F changes
 * slowly with log-duration.
 * @throws RangeError for a non-positive distance
 * @example predictRaceMinutes(10, { vo2max: 50, economy: 200, lt1Fraction: 0.65, lt2Fraction: 0.8 }, c) // ≈ 48.9 with c = { minutesAtVVO2max: 6, minutesAtLt2: 60, minutesAtLt1: 720 }
 */
export function predictRaceMinutes(distanceKm: number, profile: AerobicProfile, constants: RaceModelConstants): number {
  if (!(distanceKm > 0)) throw new RangeError(`distance must be positive (got ${distanceKm})`);
  const topSpeed = vVO2max(profile.vo2max, profile.economy);
  return raceMinutesAt(distanceKm, topSpeed, profile.lt1Fraction, profile.lt2Fraction, constants, 0);
}

/**
 * The same solution with plain numbers, for the simulator's weekly loop; `guessMinutes` (0 = none)
 * starts the iteration from last week's answer.
 */
export function raceMinutesAt(
  distanceKm: number,
  topSpeed: number,
  lt1Fraction: number,
  lt2Fraction: number,
  constants: RaceModelConstants,
  guessMinutes: number,
): number {
  let minutes = guessMinutes > 0 ? guessMinutes : (distanceKm / (topSpeed * lt2Fraction)) * 60;
  for (let i = 0; i < 60; i++) {
    const next = (distanceKm / (topSpeed * sustainableFraction(minutes, lt1Fraction, lt2Fraction, constants))) * 60;
    if (Math.abs(next - minutes) < 1e-9 * minutes) return next;
    minutes = next;
  }
  return minutes;
}

/**
 * Minutes to walk a distance as fast as one can keep it up: VO2 = resting + cost × speed (ACSM's
 * walking equation) at the share of VO2max the athlete holds for that long (the same
 * `sustainableFraction` as a run of that duration), no faster than walking goes. Someone too unfit
 * to run a distance faster walks it. Solved by fixed-point iteration, as a race is.
 * @example walkingMinutes(10, 15, 0.5, 0.65, { minutesAtVVO2max: 6, minutesAtLt2: 60, minutesAtLt1: 720 }, { restingVo2: 3.5, vo2PerMetrePerMinute: 0.1, topSpeed: 6 })
 */
export function walkingMinutes(
  distanceKm: number,
  vo2max: number,
  lt1Fraction: number,
  lt2Fraction: number,
  constants: RaceModelConstants,
  walking: WalkingConstants,
): number {
  let minutes = (distanceKm / walking.topSpeed) * 60;
  for (let i = 0; i < 60; i++) {
    const vo2 = sustainableFraction(minutes, lt1Fraction, lt2Fraction, constants) * vo2max;
    const kmPerHour = Math.min(walking.topSpeed, (((vo2 - walking.restingVo2) / walking.vo2PerMetrePerMinute) * 60) / 1000);
    if (!(kmPerHour > 0)) return Number.POSITIVE_INFINITY;
    const next = (distanceKm / kmPerHour) * 60;
    if (Math.abs(next - minutes) < 1e-9 * minutes) return next;
    minutes = next;
  }
  return minutes;
}
