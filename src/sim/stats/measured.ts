/**
 * Values that were measured: a metric is NaN for an athlete who was not tested (the watch not worn
 * in the baseline or final week, or injured on test day). Statistics are over the athletes measured,
 * and their `n` says how many.
 */
export function measured(values: Float64Array): Float64Array {
  return values.some(Number.isNaN) ? values.filter((value) => !Number.isNaN(value)) : values;
}

/** The pairs in which both values were measured (a paired comparison drops an athlete missing from either). */
export function measuredPairs(treated: Float64Array, referred: Float64Array): [Float64Array, Float64Array] {
  if (!treated.some(Number.isNaN) && !referred.some(Number.isNaN)) return [treated, referred];
  const keep = (_: number, i: number) => !Number.isNaN(treated[i]!) && !Number.isNaN(referred[i]!);
  return [treated.filter(keep), referred.filter(keep)];
}
