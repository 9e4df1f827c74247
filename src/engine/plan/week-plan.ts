/** The most sessions a week can hold (two a day, plus a double-threshold afternoon). */
export const MAX_SESSIONS_PER_WEEK = 16;

/**
 * One week of planned sessions for one athlete, as parallel typed arrays so that planning and
 * simulation reuse one buffer per worker instead of allocating sessions every week. Sessions are
 * kept in day order; `reps` is the main-set repetitions (minutes for continuous runs), `addOns` the
 * add-on units (strides, minutes of fast finish), `fixedScale` the length of the warm-up and
 * cool-down relative to the catalogue's (shorter in low-volume weeks).
 */
export class WeekPlan {
  count = 0;
  readonly day = new Uint8Array(MAX_SESSIONS_PER_WEEK);
  readonly workout = new Int16Array(MAX_SESSIONS_PER_WEEK);
  readonly reps = new Float64Array(MAX_SESSIONS_PER_WEEK);
  readonly addOns = new Float64Array(MAX_SESSIONS_PER_WEEK);
  readonly fixedScale = new Float64Array(MAX_SESSIONS_PER_WEEK);

  clear(): void {
    this.count = 0;
  }

  /** Adds a session, keeping day order (later sessions of the same day go after earlier ones). */
  add(day: number, workout: number, reps: number, addOns: number, fixedScale = 1): void {
    if (this.count === MAX_SESSIONS_PER_WEEK) throw new RangeError(`a week holds at most ${MAX_SESSIONS_PER_WEEK} sessions`);
    let i = this.count++;
    while (i > 0 && this.day[i - 1]! > day) {
      this.day[i] = this.day[i - 1]!;
      this.workout[i] = this.workout[i - 1]!;
      this.reps[i] = this.reps[i - 1]!;
      this.addOns[i] = this.addOns[i - 1]!;
      this.fixedScale[i] = this.fixedScale[i - 1]!;
      i--;
    }
    this.day[i] = day;
    this.workout[i] = workout;
    this.reps[i] = reps;
    this.addOns[i] = addOns;
    this.fixedScale[i] = fixedScale;
  }
}
