/** The most sessions a week can hold: the planner writes at most two a day (PLANNING.maxSessionsPerDay), two to spare. */
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
      this.copySession(i - 1, i);
      i--;
    }
    this.day[i] = day;
    this.workout[i] = workout;
    this.reps[i] = reps;
    this.addOns[i] = addOns;
    this.fixedScale[i] = fixedScale;
  }

  /** Removes session k (the later sessions move up). */
  remove(k: number): void {
    for (let i = k; i < this.count - 1; i++) this.copySession(i + 1, i);
    this.count--;
  }

  /** Replaces session k, keeping its day. */
  replace(k: number, workout: number, reps: number, addOns: number, fixedScale: number): void {
    this.workout[k] = workout;
    this.reps[k] = reps;
    this.addOns[k] = addOns;
    this.fixedScale[k] = fixedScale;
  }

  /** Swaps the sessions of two days, keeping day order. */
  swapDays(a: number, b: number): void {
    for (let k = 0; k < this.count; k++) {
      const day = this.day[k]!;
      if (day === a) this.day[k] = b;
      else if (day === b) this.day[k] = a;
    }
    // Insertion sort by day, stable: sessions of a day keep their order.
    for (let i = 1; i < this.count; i++) {
      let j = i;
      while (j > 0 && this.day[j - 1]! > this.day[j]!) {
        this.swapSessions(j - 1, j);
        j--;
      }
    }
  }

  /** Whether weekday `day` holds the same sessions, in the same order, in this plan and `other`. */
  sameDay(other: WeekPlan, day: number): boolean {
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < this.count && this.day[i] !== day) i++;
      while (j < other.count && other.day[j] !== day) j++;
      if (i === this.count || j === other.count) return i === this.count && j === other.count;
      if (
        this.workout[i] !== other.workout[j] ||
        this.reps[i] !== other.reps[j] ||
        this.addOns[i] !== other.addOns[j] ||
        this.fixedScale[i] !== other.fixedScale[j]
      ) {
        return false;
      }
      i++;
      j++;
    }
  }

  /** Copies `other` into this plan. */
  copyFrom(other: WeekPlan): void {
    this.count = other.count;
    this.day.set(other.day);
    this.workout.set(other.workout);
    this.reps.set(other.reps);
    this.addOns.set(other.addOns);
    this.fixedScale.set(other.fixedScale);
  }

  private copySession(from: number, to: number): void {
    this.day[to] = this.day[from]!;
    this.workout[to] = this.workout[from]!;
    this.reps[to] = this.reps[from]!;
    this.addOns[to] = this.addOns[from]!;
    this.fixedScale[to] = this.fixedScale[from]!;
  }

  private swapSessions(i: number, j: number): void {
    const day = this.day[i]!;
    const workout = this.workout[i]!;
    const reps = this.reps[i]!;
    const addOns = this.addOns[i]!;
    const fixedScale = this.fixedScale[i]!;
    this.copySession(j, i);
    this.day[j] = day;
    this.workout[j] = workout;
    this.reps[j] = reps;
    this.addOns[j] = addOns;
    this.fixedScale[j] = fixedScale;
  }
}
