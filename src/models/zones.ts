/**
 * Zone systems and time-in-zone shares.
 *
 * The internal model is the **3-zone model** (Seiler & Kjerland 2006): Z1 below the first lactate/ventilatory
 * threshold (LT1/VT1), Z2 between LT1 and LT2, Z3 above LT2 (≈ MLSS). Coaches and devices more often
 * use a **5-zone** scale (e.g. the Olympiatoppen scale). The same label names different intensities
 * in the two systems: 5-zone "Zone 2" is easy aerobic running *below* LT1, which is 3-zone **Z1**;
 * 3-zone "Z2" (between the thresholds) is 5-zone **Zone 3**. So every distribution that enters or
 * leaves the program names its zone system and its basis, and conversions are explicit functions.
 *
 * Only the direction 5 → 3 is possible. Going 3 → 5 would need to know how Z1 time splits between
 * 5-zone Zones 1 and 2 (and Z3 between Zones 4 and 5), which the 3-zone shares do not say; there is
 * deliberately no `threeToFiveZone`.
 */

/** Which zone model a distribution is expressed in. */
export type ZoneSystem = '3-zone' | '5-zone';

/** Fractions of the total in each zone of the 3-zone model; they add up to 1. */
export interface ZoneShares {
  /** Below LT1/VT1. */
  z1: number;
  /** Between LT1 and LT2. */
  z2: number;
  /** Above LT2. */
  z3: number;
}

/**
 * A training intensity distribution as it enters or leaves the program: the 3-zone shares plus
 * what they count. `time` is time in zone; `sessions` counts sessions by their goal. The two differ
 * a lot: 80/20 by sessions is roughly 90/10 by time (Seiler & Kjerland 2006, Scand J Med Sci Sports 16:49–56).
 */
export interface Distribution extends ZoneShares {
  system: '3-zone';
  basis: 'time' | 'sessions';
}

/** Fractions of the total in each zone of a 5-zone scale; they add up to 1. */
export interface FiveZoneShares {
  z1: number;
  z2: number;
  z3: number;
  z4: number;
  z5: number;
}

/** Minutes (or any non-negative amount) spent in each zone of the 3-zone model. */
export interface ZoneMinutes {
  z1: number;
  z2: number;
  z3: number;
}

/**
 * Check that zone shares are fractions that add up to 1.
 *
 * @param d - 3-zone shares
 * @param tolerance - how far the sum may stray from 1 (default 0.01, i.e. rounding to whole percent)
 * @throws {RangeError} when a share is negative or not finite, or the sum is off by more than `tolerance`
 * @example
 * assertShares({ z1: 0.8, z2: 0.05, z3: 0.15 }); // passes
 * assertShares({ z1: 80, z2: 5, z3: 15 });       // throws: percentages, not fractions
 */
export function assertShares(d: ZoneShares, tolerance = 0.01): void {
  checkFractions([d.z1, d.z2, d.z3], tolerance);
}

/**
 * Time-in-zone shares from minutes in each zone: each zone's minutes divided by the total.
 *
 * @throws {RangeError} when minutes are negative or not finite, or all zero (no training, no shares)
 * @example
 * normalizeShares({ z1: 240, z2: 15, z3: 45 }); // { z1: 0.8, z2: 0.05, z3: 0.15 }
 */
export function normalizeShares(minutes: ZoneMinutes): ZoneShares {
  const { z1, z2, z3 } = minutes;
  for (const value of [z1, z2, z3]) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`zone minutes must be finite and non-negative (got ${value})`);
    }
  }
  const total = z1 + z2 + z3;
  if (total === 0) {
    throw new RangeError('zone minutes are all zero');
  }
  return { z1: z1 / total, z2: z2 / total, z3: z3 / total };
}

/**
 * Convert 5-zone shares to the 3-zone model with the mapping of Seiler & Kjerland (2006):
 * 5-zone Zones 1 + 2 → Z1 (below LT1/VT1), Zone 3 → Z2, Zones 4 + 5 → Z3.
 *
 * Reference: Seiler KS, Kjerland GØ. Quantifying training intensity distribution in elite
 * endurance athletes: is there evidence for an "optimal" distribution? Scand J Med Sci Sports
 * 2006;16(1):49–56, doi:10.1111/j.1600-0838.2004.00418.x.
 *
 * @throws {RangeError} when the 5-zone shares are not fractions adding up to 1 (± 0.01)
 * @example
 * fiveToThreeZone({ z1: 0.5, z2: 0.3, z3: 0.05, z4: 0.1, z5: 0.05 }); // { z1: 0.8, z2: 0.05, z3: 0.15 }
 */
export function fiveToThreeZone(d: FiveZoneShares): ZoneShares {
  checkFractions([d.z1, d.z2, d.z3, d.z4, d.z5], 0.01);
  return { z1: d.z1 + d.z2, z2: d.z3, z3: d.z4 + d.z5 };
}

function checkFractions(shares: readonly number[], tolerance: number): void {
  let sum = 0;
  for (const share of shares) {
    if (!Number.isFinite(share) || share < 0) {
      throw new RangeError(`zone shares must be finite and non-negative (got ${share})`);
    }
    sum += share;
  }
  if (Math.abs(sum - 1) > tolerance) {
    throw new RangeError(`zone shares must add up to 1 (got ${sum})`);
  }
}
