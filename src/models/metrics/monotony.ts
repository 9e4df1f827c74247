/** Days in the week that monotony and strain describe. */
const DAYS_PER_WEEK = 7;

/**
 * Training monotony (Foster 1998): the mean daily load of a week divided by the standard deviation
 * of the daily loads, rest days included as zero loads. A week of similar days (little day-to-day
 * variation) has high monotony; values above about 2.0 are commonly treated as an alarm.
 *
 *     monotony = mean(load₁ … load₇) / SD(load₁ … load₇)
 *
 * **Which SD.** We use the *sample* SD (divisor n − 1 = 6), as R's `sd()`, Excel's `STDEV` and the
 * spreadsheets in which monotony is usually computed do, so our values match the ones coaches see
 * and the 2.0 alarm level derived from them. The population SD (divisor 7) would give a monotony
 * √(7/6) ≈ 1.080 times higher.
 *
 * **Flat weeks.** With SD = 0 the ratio is not defined. An all-zero week (no training) returns 0:
 * there is no load to be monotonous about. A week of identical non-zero loads returns `Infinity`:
 * it is the most monotonous week possible, and callers comparing against an alarm level get the
 * right answer. Note that `JSON.stringify` writes `Infinity` as `null`.
 *
 * Reference: Foster C. Monitoring training in athletes with reference to overtraining syndrome.
 * Med Sci Sports Exerc 1998;30(7):1164–1168.
 *
 * @param dailyLoads - exactly 7 daily loads (e.g. session-RPE AU), zero for rest days; or, with
 *   `lastDay`, a longer series of which the week ending on `lastDay` (inclusive) is taken
 * @throws {RangeError} when there are not 7 loads, or a load is negative or not finite
 * @example
 * trainingMonotony([600, 300, 0, 700, 400, 800, 0]); // 400 / 321.455 ≈ 1.244
 * trainingMonotony([900, 600, 300, 0, 700, 400, 800, 0], 7); // the same week: ≈ 1.244
 */
export function trainingMonotony(dailyLoads: ArrayLike<number>, lastDay?: number): number {
  const first = checkWeek(dailyLoads, lastDay);
  let total = 0;
  for (let day = first; day < first + DAYS_PER_WEEK; day++) total += dailyLoads[day] ?? 0;
  const mean = total / DAYS_PER_WEEK;
  let squaredDeviations = 0;
  for (let day = first; day < first + DAYS_PER_WEEK; day++) {
    squaredDeviations += ((dailyLoads[day] ?? 0) - mean) ** 2;
  }
  const sd = Math.sqrt(squaredDeviations / (DAYS_PER_WEEK - 1));
  if (sd === 0) return mean === 0 ? 0 : Number.POSITIVE_INFINITY;
  return mean / sd;
}

/**
 * Training strain (Foster 1998): the week's total load times its monotony. Foster related illness
 * mainly to each athlete's own strain thresholds, so compare an athlete's strain with their history
 * rather than with a population cut-off.
 *
 *     strain = Σ load × monotony
 *
 * Inherits the SD choice and the flat-week policy of {@link trainingMonotony}: 0 for an all-zero
 * week, `Infinity` for 7 identical non-zero loads.
 *
 * Reference: Foster C. Med Sci Sports Exerc 1998;30(7):1164–1168.
 *
 * @param dailyLoads - exactly 7 daily loads, zero for rest days; or a longer series with `lastDay`
 * @throws {RangeError} when there are not 7 loads, or a load is negative or not finite
 * @example
 * trainingStrain([600, 300, 0, 700, 400, 800, 0]); // 2800 × 1.244 ≈ 3484
 */
export function trainingStrain(dailyLoads: ArrayLike<number>, lastDay?: number): number {
  const monotony = trainingMonotony(dailyLoads, lastDay);
  const first = lastDay === undefined ? 0 : lastDay - DAYS_PER_WEEK + 1;
  let total = 0;
  for (let day = first; day < first + DAYS_PER_WEEK; day++) total += dailyLoads[day] ?? 0;
  return total === 0 ? 0 : total * monotony;
}

/** Index of the week's first day; throws unless the week is 7 valid loads. */
function checkWeek(dailyLoads: ArrayLike<number>, lastDay: number | undefined): number {
  if (lastDay === undefined && dailyLoads.length !== DAYS_PER_WEEK) {
    throw new RangeError(`monotony needs 7 daily loads (got ${dailyLoads.length})`);
  }
  const first = lastDay === undefined ? 0 : lastDay - DAYS_PER_WEEK + 1;
  if (!Number.isInteger(first) || first < 0 || first + DAYS_PER_WEEK > dailyLoads.length) {
    throw new RangeError(`the week ending on day ${lastDay} is not inside the series (length ${dailyLoads.length})`);
  }
  for (let day = first; day < first + DAYS_PER_WEEK; day++) {
    const load = dailyLoads[day] ?? Number.NaN;
    if (!Number.isFinite(load) || load < 0) {
      throw new RangeError(`daily loads must be finite and non-negative (got ${load})`);
    }
  }
  return first;
}
