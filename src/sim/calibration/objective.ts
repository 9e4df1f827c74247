import type { OutcomeResult } from '../trials/run.ts';

/**
 * How far a calibration outcome's simulated value lies outside its band, in band widths: 0 within
 * it. For a finding of direction (band: one side of zero) the value judged is the end of the
 * simulated mean's 95 % CI nearer zero, as the verdict judges it, and the width is the CI's own —
 * the band has none: a CI reaching 0.3 of its width past zero scores 0.3.
 */
export function outsideInWidths(o: OutcomeResult): number {
  const [low, high] = o.band;
  if (o.expectation.tolerance === 'direction') {
    if (o.ci95 === null) return Number.POSITIVE_INFINITY;
    const [ciLow, ciHigh] = o.ci95;
    const width = ciHigh - ciLow;
    const past = o.expectation.direction === 'higher' ? Math.max(0, low - ciLow) : Math.max(0, ciHigh - high);
    return width > 0 ? past / width : past > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  const width = high - low;
  const past = o.simulated < low ? low - o.simulated : o.simulated > high ? o.simulated - high : 0;
  return width > 0 ? past / width : past > 0 ? Number.POSITIVE_INFINITY : 0;
}

/**
 * The calibration search's objective: Σ over the calibration outcomes of (distance outside the band
 * / band width)² — 0 when every outcome is within its band, and no reward for being deep inside one.
 */
export function calibrationObjective(outcomes: readonly OutcomeResult[]): number {
  return outcomes.reduce((sum, o) => sum + outsideInWidths(o) ** 2, 0);
}
