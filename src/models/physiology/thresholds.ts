/**
 * Running speeds that anchor the zones, from the three determinants of endurance performance
 * (Bassett & Howley 2000, Med Sci Sports Exerc 32(1):70–84): maximal oxygen uptake, the fraction
 * of it that can be sustained (fractional utilisation at the lactate thresholds) and running economy.
 * The oxygen cost of running is treated as linear in speed, so a fraction of VO2max is the same
 * fraction of vVO2max.
 */
export interface AerobicProfile {
  /** Maximal oxygen uptake, ml/kg/min. */
  vo2max: number;
  /** Oxygen cost of running, ml/kg/km (running economy; lower is better). */
  economy: number;
  /** Fraction of VO2max at the first lactate threshold (LT1, first rise of blood lactate). */
  lt1Fraction: number;
  /** Fraction of VO2max at the second lactate threshold (LT2, ≈ maximal lactate steady state). */
  lt2Fraction: number;
}

export interface ThresholdSpeeds {
  /** Speed at LT1, km/h: the top of zone 1 in the 3-zone model. */
  lt1: number;
  /** Speed at LT2, km/h: the top of zone 2 in the 3-zone model. */
  lt2: number;
  /** Speed at which VO2max is reached, km/h. */
  vVO2max: number;
}

/**
 * Velocity at VO2max: the speed whose oxygen cost equals VO2max.
 * vVO2max [km/h] = VO2max [ml/kg/min] / economy [ml/kg/km] × 60.
 * @throws RangeError when either input is not positive
 * @example vVO2max(50, 200) // 15 km/h
 */
export function vVO2max(vo2max: number, economy: number): number {
  if (!(vo2max > 0)) throw new RangeError(`VO2max must be positive (got ${vo2max})`);
  if (!(economy > 0)) throw new RangeError(`economy must be positive (got ${economy})`);
  return (vo2max / economy) * 60;
}

/**
 * Threshold speeds from an aerobic profile: LT1 = f1 × vVO2max, LT2 = f2 × vVO2max.
 * @throws RangeError unless 0 < lt1Fraction < lt2Fraction < 1
 * @example thresholdSpeeds({ vo2max: 50, economy: 200, lt1Fraction: 0.65, lt2Fraction: 0.8 })
 * // { lt1: 9.75, lt2: 12, vVO2max: 15 }
 */
export function thresholdSpeeds(profile: AerobicProfile): ThresholdSpeeds {
  const { lt1Fraction, lt2Fraction } = profile;
  if (!(lt1Fraction > 0 && lt1Fraction < lt2Fraction && lt2Fraction < 1)) {
    throw new RangeError(`need 0 < lt1Fraction < lt2Fraction < 1 (got ${lt1Fraction}, ${lt2Fraction})`);
  }
  const top = vVO2max(profile.vo2max, profile.economy);
  return { lt1: lt1Fraction * top, lt2: lt2Fraction * top, vVO2max: top };
}

/** Zone (1, 2 or 3) of a running speed in the 3-zone model: Z1 below LT1, Z2 from LT1 to LT2, Z3 from LT2. */
export function zoneOfSpeed(speed: number, lt1: number, lt2: number): 1 | 2 | 3 {
  return speed < lt1 ? 1 : speed < lt2 ? 2 : 3;
}
