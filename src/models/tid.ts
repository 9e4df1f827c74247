/**
 * Training intensity distribution (TID): the polarization index and the named distribution types.
 */
import { assertShares, type ZoneShares } from './zones.ts';

/** Z2 share used in place of a zero Z2, as Treff et al. (2019) do. */
const ZERO_Z2_STAND_IN = 0.01;

/** Polarization index above which a distribution counts as polarized (Treff et al. 2019). */
export const POLARIZED_INDEX_CUTOFF = 2.0;

/** Z2 share above which a distribution counts as threshold training (the definition of recent meta-analyses, e.g. Silva Oliveira et al. 2024: Z2 > 35 %). */
export const THRESHOLD_Z2_CUTOFF = 0.35;

/**
 * Polarization index (Treff et al. 2019): PI = log10(Z1 / Z2 × Z3 × 100), zones as fractions of
 * the total (equivalently log10(%Z1 × %Z3 / %Z2) with percentages). Above 2.00 a distribution
 * counts as polarized. The index is only meaningful when Z1 > Z3 > Z2; {@link classifyDistribution}
 * checks that order before it looks at the index.
 *
 * - A zero Z2 is replaced by 0.01, as the authors do, so 80/0/20 gives log10(0.8 / 0.01 × 0.2 × 100) = 3.20.
 * - A zero Z3 (or a zero Z1) would give log10(0) = −∞. We return **0** instead: it is far below the
 *   2.00 cut-off, so such a distribution is never read as polarized, and it stays a plain number in
 *   JSON (where −∞ would become `null`). The 0 is a floor for "no Z3 at all", not a measured value:
 *   Z2-heavy distributions can have a small *negative* index (5/90/5 → −0.56), and that is returned as is.
 *
 * Reference: Treff G, Winkert K, Sareban M, Steinacker JM, Sperlich B. The polarization-index: a simple
 * calculation to distinguish polarized from non-polarized training intensity distributions.
 * Front Physiol 2019;10:707, doi:10.3389/fphys.2019.00707.
 *
 * @param d - 3-zone shares (fractions, adding up to 1)
 * @param tolerance - how far the shares may add up away from 1 (default 0.01). Published distributions
 *   are rounded and do not always add up to 100 % (the rowers' 93/3/2 adds up to 98 %); pass a wider
 *   tolerance to compute their index on the numbers as published.
 * @returns the index in log10 units
 * @throws {RangeError} when `d` is not a valid set of shares (e.g. percentages instead of fractions)
 * @example
 * polarizationIndex({ z1: 0.8, z2: 0.05, z3: 0.15 }); // ≈ 2.38 (polarized)
 * polarizationIndex({ z1: 0.75, z2: 0.2, z3: 0.05 }); // ≈ 1.27 (not polarized)
 */
export function polarizationIndex(d: ZoneShares, tolerance = 0.01): number {
  assertShares(d, tolerance);
  const z2 = d.z2 === 0 ? ZERO_Z2_STAND_IN : d.z2;
  const product = (d.z1 / z2) * d.z3 * 100;
  return product === 0 ? 0 : Math.log10(product);
}

/** The distribution types used in the literature and in our block designs. */
export type DistributionType = 'polarized' | 'pyramidal' | 'threshold' | 'other';

/**
 * Name a 3-zone distribution, with the definitions used in the literature (recent meta-analyses; Sperlich et al. 2023's ordinal ones; Treff et al. 2019's polarization index).
 * The checks run in this order and the first that holds wins:
 *
 * 1. **polarized**: Z1 > Z3 > Z2 and polarization index > 2.00 (Treff et al. 2019);
 * 2. **threshold**: Z2 > 35 % (the definition used in recent meta-analyses);
 * 3. **pyramidal**: Z1 > Z2 > Z3 (Sperlich et al. 2023);
 * 4. **other**: anything else, including ties such as 40/20/40 and a Z1 > Z3 > Z2 order whose index
 *    is 2.00 or less.
 *
 * Polarized and threshold cannot both hold (Z1 > Z3 > Z2 > 0.35 would add up to more than 1), so
 * their order does not matter. Threshold must come before pyramidal: 50/40/10 and 57/43/0 are ordered
 * Z1 > Z2 > Z3 but are threshold distributions.
 *
 * @param d - 3-zone shares (fractions, adding up to 1)
 * @param tolerance - how far the shares may add up away from 1 (default 0.01; see {@link polarizationIndex})
 * @throws {RangeError} when `d` is not a valid set of shares
 * @example
 * classifyDistribution({ z1: 0.8, z2: 0.05, z3: 0.15 }); // 'polarized'
 * classifyDistribution({ z1: 0.75, z2: 0.2, z3: 0.05 }); // 'pyramidal'
 * classifyDistribution({ z1: 0.5, z2: 0.4, z3: 0.1 });   // 'threshold'
 */
export function classifyDistribution(d: ZoneShares, tolerance = 0.01): DistributionType {
  const index = polarizationIndex(d, tolerance);
  const { z1, z2, z3 } = d;
  if (z1 > z3 && z3 > z2 && index > POLARIZED_INDEX_CUTOFF) return 'polarized';
  if (z2 > THRESHOLD_Z2_CUTOFF) return 'threshold';
  if (z1 > z2 && z2 > z3) return 'pyramidal';
  return 'other';
}
