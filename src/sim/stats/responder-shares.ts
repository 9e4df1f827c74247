/**
 * Shares of high and low responders among athletes' training gains.
 */

/** Result of {@link responderShares}: fractions (0–1) of the athletes with a measured gain. */
export interface ResponderShares {
  /** Share whose gain exceeds 2 × the typical error. */
  high: number;
  /** Share whose gain is below 0.5 × the typical error. */
  low: number;
}

/**
 * Shares of high and low responders: athletes whose gain is above 2 × the typical error of the test
 * (a change the test's noise alone rarely produces) and athletes whose gain is below 0.5 × the
 * typical error (a change no larger than the noise):
 *
 *     high = #{ gain > 2 · TE } / m,   low = #{ gain < 0.5 · TE } / m
 *
 * with m the number of athletes measured. Both comparisons are strict, so a gain exactly on a
 * cut-off counts in neither share; athletes between the cut-offs count in neither either, so
 * high + low ≤ 1.
 *
 * The typical error (the within-athlete SD of repeated tests) is Hopkins's (2000); the 2× and 0.5×
 * cut-offs are this project's convention, not taken from that paper.
 *
 * **Missing gains.** NaN marks an athlete without a measurement and is skipped: the shares are of
 * the athletes measured, not of all athletes. ±∞ is an error (a bug upstream, not a missing test).
 *
 * Cost: O(n), no allocation besides the result.
 *
 * Reference: Hopkins WG. Measures of reliability in sports medicine and science. Sports Med
 * 2000;30(1):1–15, doi:10.2165/00007256-200030010-00001.
 *
 * @param gains - one gain per athlete, NaN where the athlete was not measured
 * @param typicalError - typical error of the test, in the gains' units; finite and positive
 * @throws {RangeError} when `typicalError` is not finite and positive, a gain is ±∞, or no gain
 *   was measured (none given, or all NaN)
 * @example
 * // TE 1: cut-offs 2 and 0.5; NaN skipped, so shares are of 5 athletes
 * responderShares([3, 2, 1, 0.2, -1, Number.NaN], 1); // { high: 0.2, low: 0.4 }
 */
export function responderShares(gains: ArrayLike<number>, typicalError: number): ResponderShares {
  if (!(Number.isFinite(typicalError) && typicalError > 0)) {
    throw new RangeError(`typical error must be finite and positive (got ${typicalError})`);
  }
  const highCutoff = 2 * typicalError;
  const lowCutoff = 0.5 * typicalError;
  let measured = 0;
  let high = 0;
  let low = 0;
  for (let i = 0; i < gains.length; i++) {
    const gain = gains[i]!;
    if (Number.isNaN(gain)) continue;
    if (!Number.isFinite(gain)) throw new RangeError(`gains must be finite or NaN (got ${gain} at ${i})`);
    measured++;
    if (gain > highCutoff) high++;
    else if (gain < lowCutoff) low++;
  }
  if (measured === 0) throw new RangeError('responder shares need at least one measured gain');
  return { high: high / measured, low: low / measured };
}
