/**
 * Fitness, fatigue and form as exponentially weighted moving averages of daily load — the
 * "performance management chart" of TrainingPeaks (CTL, ATL, TSB) and GoldenCheetah, which is the
 * recursive form of Banister's fitness–fatigue model with unit gains (Morton, Fitz-Clarke &
 * Banister 1990).
 *
 *     level_t = level_{t−1} + (load_t − level_{t−1}) · w,   level_{−1} = 0
 *     fitness (CTL): τ = 42 days;  fatigue (ATL): τ = 7 days
 *     form (TSB)_t = fitness_{t−1} − fatigue_{t−1}
 *
 * **Smoothing form** (the caller must choose; the two are both called "τ-day EWMA" in practice):
 * - `'linear'`: w = 1/τ, as TrainingPeaks computes CTL and ATL;
 * - `'exponential'`: w = 1 − e^(−1/τ), as GoldenCheetah does; it equals Banister's daily decay e^(−1/τ).
 *
 * For τ = 7 the two weights are 0.1429 and 0.1331, a 6.8 % difference in how much a single day
 * counts; for τ = 42 they are 0.02381 and 0.02353 (1.2 %).
 *
 * **Form alignment.** Form on day t is yesterday's fitness minus yesterday's fatigue (TrainingPeaks'
 * convention): the freshness the athlete brings *into* day t, before that day's session. Form on the
 * first day is 0, the difference of the two starting levels.
 *
 * Cost: O(n) time; three `Float64Array`s of n values.
 *
 * Reference: Morton RH, Fitz-Clarke JR, Banister EW. Modeling human performance in running.
 * J Appl Physiol 1990;69(3):1171–1177.
 */

/** How a τ-day time constant becomes the weight of one day's load. */
export type Smoothing = 'exponential' | 'linear';

export interface FitnessFatigueOptions {
  /** Time constant of fitness (CTL) in days; default 42. */
  fitnessDays?: number;
  /** Time constant of fatigue (ATL) in days; default 7. */
  fatigueDays?: number;
  /** Which smoothing form to use; no default, so every caller states it. */
  smoothing: Smoothing;
}

/** Daily series, one value per input day. */
export interface FitnessFatigueSeries {
  /** Chronic training load (CTL), after day t's session. */
  fitness: Float64Array;
  /** Acute training load (ATL), after day t's session. */
  fatigue: Float64Array;
  /** Training stress balance (TSB): fitness − fatigue of the previous day. */
  form: Float64Array;
}

/**
 * Weight of one day's load in a τ-day moving average: 1/τ (`'linear'`) or 1 − e^(−1/τ) (`'exponential'`).
 *
 * @throws {RangeError} when `timeConstantDays` is below 1 or not finite
 * @example
 * smoothingWeight(7, 'linear');      // 0.142857
 * smoothingWeight(7, 'exponential'); // 0.133122
 */
export function smoothingWeight(timeConstantDays: number, smoothing: Smoothing): number {
  if (!Number.isFinite(timeConstantDays) || timeConstantDays < 1) {
    throw new RangeError(`time constant must be at least 1 day (got ${timeConstantDays})`);
  }
  return smoothing === 'linear' ? 1 / timeConstantDays : 1 - Math.exp(-1 / timeConstantDays);
}

/**
 * Fitness (CTL), fatigue (ATL) and form (TSB) from daily loads; see the module comment for formulas.
 *
 * @param dailyLoads - one load per day (e.g. TSS or session-RPE AU), oldest first, zero for rest days
 * @param options - time constants (default 42 and 7 days) and the smoothing form
 * @throws {RangeError} when a load is negative or not finite, or a time constant is below 1 day
 * @example
 * const { fitness, fatigue, form } = fitnessFatigueEwma([100, 50, 0], { smoothing: 'linear' });
 * // fatigue ≈ [14.29, 19.39, 16.62]; form ≈ [0, −11.90, −15.87]
 */
export function fitnessFatigueEwma(
  dailyLoads: ArrayLike<number>,
  options: FitnessFatigueOptions,
): FitnessFatigueSeries {
  const fitnessWeight = smoothingWeight(options.fitnessDays ?? 42, options.smoothing);
  const fatigueWeight = smoothingWeight(options.fatigueDays ?? 7, options.smoothing);
  const days = dailyLoads.length;
  const fitness = new Float64Array(days);
  const fatigue = new Float64Array(days);
  const form = new Float64Array(days);
  let fitnessLevel = 0;
  let fatigueLevel = 0;
  for (let day = 0; day < days; day++) {
    const load = dailyLoads[day] ?? Number.NaN;
    if (!Number.isFinite(load) || load < 0) {
      throw new RangeError(`daily loads must be finite and non-negative (got ${load} on day ${day})`);
    }
    form[day] = fitnessLevel - fatigueLevel;
    fitnessLevel += (load - fitnessLevel) * fitnessWeight;
    fatigueLevel += (load - fatigueLevel) * fatigueWeight;
    fitness[day] = fitnessLevel;
    fatigue[day] = fatigueLevel;
  }
  return { fitness, fatigue, form };
}
