import type { Parameters } from '../models/parameters.ts';

/**
 * The injury hazard of one day's running (PARAMETERS.injury): the athlete's rate per minute from
 * their years of running, × exposure (minutes above LT2 counting `intensityHazard`), × the hazard
 * ratio of a session longer than the longest of the last 30 days (by how much longer), × that of two
 * weeks much bigger than the two before, × that of a previous injury. A probability for one day (the
 * hazards are small: a day's probability is the hazard itself to within its square).
 * @example injuryHazard(PARAMETERS.injury, 7.3 / 60000, 60, 0, 60, 60, 600, 600, false) // 0.0073 (60 min at 7.3 per 1 000 h)
 */
export function injuryHazard(
  injury: Parameters['injury'],
  perMinute: number,
  minutes: number,
  z3Minutes: number,
  longest: number,
  previousLongest: number,
  lastFortnight: number,
  fortnightBefore: number,
  injuredBefore: boolean,
): number {
  if (!(minutes > 0)) return 0;
  let hazard = perMinute * (minutes + (injury.intensityHazard - 1) * z3Minutes);
  // Nothing run in the last 30 days: any run is longer than anything recent.
  const spike = previousLongest > 0 ? longest / previousLongest - 1 : Number.POSITIVE_INFINITY;
  if (spike > 1) hazard *= injury.spikeHazard[2];
  else if (spike > 0.3) hazard *= injury.spikeHazard[1];
  else if (spike > 0.1) hazard *= injury.spikeHazard[0];
  const progression = fortnightBefore > 0 ? lastFortnight / fortnightBefore - 1 : 0;
  if (progression > 0.3) hazard *= injury.progressionHazard;
  else if (progression > 0.1) hazard *= 1 + 0.5 * (injury.progressionHazard - 1);
  if (injuredBefore) hazard *= injury.previousInjuryHazard;
  return hazard;
}
