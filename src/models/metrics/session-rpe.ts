/**
 * Session-RPE training load (Foster et al. 2001): the athlete's CR-10 rating of perceived exertion for
 * the whole session, asked about 30 minutes after it, times the session's duration in minutes.
 * The result is in arbitrary units (AU).
 *
 *     load = RPE (0–10) × duration (min)
 *
 * Reference: Foster C, Florhaug JA, Franklin J, Gottschall L, Hrovatin LA, Parker S, Doleshal P,
 * Dodge C. A new approach to monitoring exercise training. J Strength Cond Res 2001;15(1):109–115.
 *
 * @param rpe - session rating on the CR-10 scale, 0 (rest) to 10 (maximal); decimals allowed
 * @param minutes - session duration in minutes, including warm-up and cool-down
 * @returns the session load in AU
 * @throws {RangeError} when `rpe` is outside 0–10 or `minutes` is negative (or either is not finite)
 * @example
 * sessionRpeLoad(7, 40); // 280 AU, e.g. a 40-minute tempo run rated "very hard"
 */
export function sessionRpeLoad(rpe: number, minutes: number): number {
  if (!Number.isFinite(rpe) || rpe < 0 || rpe > 10) {
    throw new RangeError(`rpe must be within 0–10 (got ${rpe})`);
  }
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be finite and non-negative (got ${minutes})`);
  }
  return rpe * minutes;
}
