/**
 * Acute:chronic workload ratio (ACWR): this week's load relative to the load the athlete is used to.
 *
 * **A spike detector only.** Use the ratio to flag a sudden jump in load, never as an injury
 * predictor: Impellizzeri et al. (2020) showed that the ratio adds nothing over the acute load
 * alone and that ratios with random denominators reproduce the published injury odds ratios.
 * The often-quoted "sweet spot" 0.8–1.3 and "danger zone" ≥ 1.5 (Gabbett 2016) are descriptive bands.
 *
 * Both forms need 28 days of history. Before day 28 (index < 27) they return `undefined`, not a
 * number: a partial chronic window would make the ratio look like a spike when it is not. They also
 * return `undefined` when the chronic load is zero (no load in four weeks, so no ratio).
 *
 * References:
 * - Hulin BT, Gabbett TJ, Lawson DW, Caputi P, Sampson JA. The acute:chronic workload ratio predicts
 *   injury: high chronic workload may decrease injury risk in elite rugby league players.
 *   Br J Sports Med 2016;50(4):231–236.
 * - Williams S, West S, Cross MJ, Stokes KA. Better way to determine the acute:chronic workload
 *   ratio? Br J Sports Med 2017;51(3):209–210.
 * - Impellizzeri FM, Tenan MS, Kempton T, Novak A, Coutts AJ. Acute:chronic workload ratio:
 *   conceptual issues and fundamental pitfalls. Int J Sports Physiol Perform 2020;15(6):907–913.
 */

const ACUTE_DAYS = 7;
const CHRONIC_DAYS = 28;

/**
 * ACWR from rolling averages (Hulin et al. 2016): the load of the last 7 days (acute) divided by the
 * mean weekly load of the last 28 days (chronic), both windows ending on day `index` inclusive.
 * The acute week is part of the chronic window ("coupled"), as in Hulin et al.
 *
 *     acute   = Σ load[index − 6 … index]
 *     chronic = Σ load[index − 27 … index] / 4
 *     ACWR    = acute / chronic
 *
 * Cost: O(28) per call.
 *
 * @param dailyLoads - one load per day, oldest first, zero for rest days
 * @param index - the day to evaluate (0-based)
 * @returns the ratio, or `undefined` when `index < 27` (less than 28 days of history) or the chronic
 *   load is zero
 * @throws {RangeError} when `index` is not an integer within the series, or a load in the window is
 *   negative or not finite
 * @example
 * // 21 days at 100 then 7 days at 200: acute 1400, chronic (2100 + 1400) / 4 = 875
 * acwrRollingAverage([...Array(21).fill(100), ...Array(7).fill(200)], 27); // 1.6
 */
export function acwrRollingAverage(dailyLoads: ArrayLike<number>, index: number): number | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= dailyLoads.length) {
    throw new RangeError(`index must be a day within the series (got ${index})`);
  }
  if (index < CHRONIC_DAYS - 1) return undefined;
  let acute = 0;
  let chronicTotal = 0;
  for (let day = index - CHRONIC_DAYS + 1; day <= index; day++) {
    const load = checkedLoad(dailyLoads, day);
    chronicTotal += load;
    if (day > index - ACUTE_DAYS) acute += load;
  }
  const chronic = chronicTotal / (CHRONIC_DAYS / ACUTE_DAYS);
  return chronic === 0 ? undefined : acute / chronic;
}

/** Daily series returned by {@link acwrEwma}, one entry per input day. */
export interface AcwrEwmaSeries {
  /** Acute EWMA (N = 7, λ = 0.25). */
  acute: Float64Array;
  /** Chronic EWMA (N = 28, λ = 2/29). */
  chronic: Float64Array;
  /** acute / chronic; `undefined` before day 28 and where the chronic EWMA is zero. */
  ratio: Array<number | undefined>;
}

/**
 * ACWR from exponentially weighted moving averages (Williams et al. 2017), which weight recent days
 * more than older ones instead of dropping days off a window edge:
 *
 *     λ = 2 / (N + 1),  N = 7 (acute, λ = 0.25) and N = 28 (chronic, λ = 2/29 ≈ 0.0690)
 *     EWMA_t = λ · load_t + (1 − λ) · EWMA_{t−1},  EWMA_{−1} = 0
 *     ACWR_t = acute_t / chronic_t
 *
 * Both averages start from 0 (no load before the record begins). The chronic EWMA warms up slowly:
 * after 28 days of a steady load it has reached only 1 − (27/29)^28 ≈ 86 % of that load, so a
 * perfectly steady athlete reads ≈ 1.16 on day 28. Prepend habitual loads when the record starts
 * mid-training. Cost: O(n).
 *
 * @param dailyLoads - one load per day, oldest first, zero for rest days
 * @throws {RangeError} when a load is negative or not finite
 * @example
 * acwrEwma([100, 0, 50]).acute; // Float64Array [25, 18.75, 26.5625]
 */
export function acwrEwma(dailyLoads: ArrayLike<number>): AcwrEwmaSeries {
  const acuteWeight = 2 / (ACUTE_DAYS + 1);
  const chronicWeight = 2 / (CHRONIC_DAYS + 1);
  const days = dailyLoads.length;
  const acute = new Float64Array(days);
  const chronic = new Float64Array(days);
  const ratio: Array<number | undefined> = new Array<number | undefined>(days);
  let acuteLevel = 0;
  let chronicLevel = 0;
  for (let day = 0; day < days; day++) {
    const load = checkedLoad(dailyLoads, day);
    acuteLevel = acuteWeight * load + (1 - acuteWeight) * acuteLevel;
    chronicLevel = chronicWeight * load + (1 - chronicWeight) * chronicLevel;
    acute[day] = acuteLevel;
    chronic[day] = chronicLevel;
    ratio[day] = day < CHRONIC_DAYS - 1 || chronicLevel === 0 ? undefined : acuteLevel / chronicLevel;
  }
  return { acute, chronic, ratio };
}

function checkedLoad(dailyLoads: ArrayLike<number>, day: number): number {
  const load = dailyLoads[day] ?? Number.NaN;
  if (!Number.isFinite(load) || load < 0) {
    throw new RangeError(`daily loads must be finite and non-negative (got ${load} on day ${day})`);
  }
  return load;
}
