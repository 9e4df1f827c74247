/** What {@link banisterTrimp} needs to know about one session and the athlete. */
export interface TrimpInput {
  /** Session duration in minutes. */
  minutes: number;
  /** Mean heart rate during the session (beats/min). */
  hrExercise: number;
  /** Resting heart rate (beats/min). */
  hrRest: number;
  /** Maximal heart rate (beats/min). */
  hrMax: number;
  /** Selects the weighting curve; the published constants differ for men and women. */
  sex: 'male' | 'female';
}

/**
 * Banister's training impulse (TRIMP), heart-rate-reserve form with the exponential weighting of
 * Morton, Fitz-Clarke & Banister (1990):
 *
 *     HRr   = (HRexercise − HRrest) / (HRmax − HRrest)
 *     TRIMP = D × HRr × 0.64 · e^(1.92 · HRr)   (men)
 *     TRIMP = D × HRr × 0.86 · e^(1.67 · HRr)   (women)
 *
 * with D the duration in minutes. The exponential weight mirrors the rise of blood lactate with
 * intensity, so an hour at HRr 0.75 counts far more than two hours at HRr 0.4.
 *
 * Reference: Morton RH, Fitz-Clarke JR, Banister EW. Modeling human performance in running.
 * J Appl Physiol 1990;69(3):1171–1177.
 *
 * @returns the session's TRIMP in arbitrary units
 * @throws {RangeError} when `minutes` is negative, `hrMax` is not above `hrRest`, or `hrExercise` is
 *   outside `hrRest`–`hrMax` (a mean outside that range is a measurement or settings error)
 * @example
 * // 60 min at HRr 0.5, male: 60 × 0.5 × 0.64 × e^0.96 ≈ 50.14
 * banisterTrimp({ minutes: 60, hrExercise: 120, hrRest: 50, hrMax: 190, sex: 'male' });
 */
export function banisterTrimp(input: TrimpInput): number {
  const { minutes, hrExercise, hrRest, hrMax, sex } = input;
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be finite and non-negative (got ${minutes})`);
  }
  if (!Number.isFinite(hrRest) || !Number.isFinite(hrMax) || hrMax <= hrRest) {
    throw new RangeError(`hrMax must be above hrRest (got ${hrMax} and ${hrRest})`);
  }
  if (!Number.isFinite(hrExercise) || hrExercise < hrRest || hrExercise > hrMax) {
    throw new RangeError(`hrExercise must be within hrRest–hrMax (got ${hrExercise})`);
  }
  const reserveFraction = (hrExercise - hrRest) / (hrMax - hrRest);
  const weight =
    sex === 'male' ? 0.64 * Math.exp(1.92 * reserveFraction) : 0.86 * Math.exp(1.67 * reserveFraction);
  return minutes * reserveFraction * weight;
}
