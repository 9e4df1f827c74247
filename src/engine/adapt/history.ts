/**
 * What a coach has seen of one athlete in one arm, day by day: the morning readings (missing when
 * the watch was not worn), the sessions done with their session RPE, missed sessions and illness.
 * Never the simulated athlete's hidden state: the simulator (or a coach's own data) writes here
 * only what an athlete would report.
 *
 * Days are slots in parallel typed arrays: slot 0 is the first day of the record (the simulator's
 * baseline week starts there), `today` the current day's slot. Allocation-free after construction.
 */
/**
 * Running totals of one marker's readings — how many, their sum, the sum of their squares — so that
 * the count, mean and SD of any window cost two subtractions, whatever its length.
 */
export class MarkerSums {
  private readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly squares: Float64Array;

  constructor(capacity: number) {
    this.count = new Float64Array(capacity + 1);
    this.sum = new Float64Array(capacity + 1);
    this.squares = new Float64Array(capacity + 1);
  }

  /** The reading of slot `t` (NaN: none), after those of every earlier slot. */
  record(t: number, value: number): void {
    const present = value === value;
    this.count[t + 1] = this.count[t]! + (present ? 1 : 0);
    this.sum[t + 1] = this.sum[t]! + (present ? value : 0);
    this.squares[t + 1] = this.squares[t]! + (present ? value * value : 0);
  }

  copyFrom(other: MarkerSums, slots: number): void {
    for (let i = 0; i <= slots; i++) {
      this.count[i] = other.count[i]!;
      this.sum[i] = other.sum[i]!;
      this.squares[i] = other.squares[i]!;
    }
  }

  /**
   * Count, mean and sample SD of the readings in slots `from … to` (inclusive, clipped to the
   * record) into `out[0…2]`; mean and SD are NaN with fewer than `minCount` readings.
   */
  window(from: number, to: number, minCount: number, out: Float64Array): void {
    const first = from < 0 ? 0 : from;
    const count = to >= first ? this.count[to + 1]! - this.count[first]! : 0;
    out[0] = count;
    if (count < minCount || count === 0) {
      out[1] = Number.NaN;
      out[2] = Number.NaN;
      return;
    }
    const mean = (this.sum[to + 1]! - this.sum[first]!) / count;
    out[1] = mean;
    const squares = this.squares[to + 1]! - this.squares[first]!;
    out[2] = count > 1 ? Math.sqrt(Math.max(0, (squares - count * mean * mean) / (count - 1))) : Number.NaN;
  }
}

export class ObservedHistory {
  /** Slot of the current day (−1 before the first morning). */
  today = -1;
  /** lnRMSSD (ln ms), resting HR (bpm) and sleep (h) of each morning; NaN when not measured. */
  readonly hrv: Float64Array;
  readonly restingHr: Float64Array;
  readonly sleep: Float64Array;
  /** Running totals of the three, for window statistics in constant time. */
  readonly hrvSums: MarkerSums;
  readonly restingHrSums: MarkerSums;
  readonly sleepSums: MarkerSums;
  /** Session-RPE load of each day (RPE × minutes, summed over sessions; 0 on a rest day). */
  readonly load: Float64Array;
  readonly minutes: Float64Array;
  /** Mean session RPE of each day's sessions, weighted by minutes; NaN without sessions. */
  readonly rpe: Float64Array;
  /** Mean difference between each session's RPE and the athlete's usual RPE for that workout; NaN when none could be compared. */
  readonly rpeResidual: Float64Array;
  /** Hard sessions done, sessions missed, and whether the athlete reported being ill, each day. */
  readonly hard: Uint8Array;
  readonly missed: Uint8Array;
  readonly ill: Uint8Array;
  /** The athlete's usual session RPE for each workout (an exponential mean), and how many sessions it rests on. */
  private readonly usualRpe: Float64Array;
  private readonly usualRpeCount: Int32Array;
  private residualSum = 0;
  private residualCount = 0;
  /** Session RPE of the most recent session (NaN before the first). */
  lastRpe = Number.NaN;
  /** Slots of the last day the athlete was ill and of the last day with a hard session (−1: none on record). */
  lastIll = -1;
  lastHard = -1;
  /**
   * This morning's readings (NaN when not measured), written by the caller before `morning`, and
   * the session just done, before `session`: named fields of objects made once, so that a caller in
   * a hot loop boxes nothing. Use `setMorning` / `setSession` where speed does not matter.
   */
  readonly morningIn = { restingHr: Number.NaN, lnRmssd: Number.NaN, sleepHours: Number.NaN };
  readonly sessionIn = { minutes: Number.NaN, rpe: Number.NaN, loadRpe: Number.NaN };

  constructor(
    readonly capacity: number,
    workoutCount: number,
  ) {
    this.hrv = new Float64Array(capacity);
    this.restingHr = new Float64Array(capacity);
    this.sleep = new Float64Array(capacity);
    this.hrvSums = new MarkerSums(capacity);
    this.restingHrSums = new MarkerSums(capacity);
    this.sleepSums = new MarkerSums(capacity);
    this.load = new Float64Array(capacity);
    this.minutes = new Float64Array(capacity);
    this.rpe = new Float64Array(capacity);
    this.rpeResidual = new Float64Array(capacity);
    this.hard = new Uint8Array(capacity);
    this.missed = new Uint8Array(capacity);
    this.ill = new Uint8Array(capacity);
    this.usualRpe = new Float64Array(workoutCount);
    this.usualRpeCount = new Int32Array(workoutCount);
  }

  /** Forgets everything. */
  clear(): void {
    this.today = -1;
    this.lastRpe = Number.NaN;
    this.lastIll = -1;
    this.lastHard = -1;
    this.usualRpe.fill(0);
    this.usualRpeCount.fill(0);
  }

  /** Continues from `other`'s record (the shared baseline week), day for day. */
  copyFrom(other: ObservedHistory): void {
    const days = other.today + 1;
    this.today = other.today;
    this.lastRpe = other.lastRpe;
    this.lastIll = other.lastIll;
    this.lastHard = other.lastHard;
    this.residualSum = other.residualSum;
    this.residualCount = other.residualCount;
    for (let t = 0; t < days; t++) {
      this.hrv[t] = other.hrv[t]!;
      this.restingHr[t] = other.restingHr[t]!;
      this.sleep[t] = other.sleep[t]!;
      this.load[t] = other.load[t]!;
      this.minutes[t] = other.minutes[t]!;
      this.rpe[t] = other.rpe[t]!;
      this.rpeResidual[t] = other.rpeResidual[t]!;
      this.hard[t] = other.hard[t]!;
      this.missed[t] = other.missed[t]!;
      this.ill[t] = other.ill[t]!;
    }
    this.hrvSums.copyFrom(other.hrvSums, days);
    this.restingHrSums.copyFrom(other.restingHrSums, days);
    this.sleepSums.copyFrom(other.sleepSums, days);
    this.usualRpe.set(other.usualRpe);
    this.usualRpeCount.set(other.usualRpeCount);
  }

  /** A new day: this morning's readings (NaN when not measured) and whether the athlete is ill. */
  setMorning(restingHr: number, lnRmssd: number, sleepHours: number, ill: boolean): void {
    const input = this.morningIn;
    input.restingHr = restingHr;
    input.lnRmssd = lnRmssd;
    input.sleepHours = sleepHours;
    this.morning(ill);
  }

  /** A new day, its readings in `morningIn`. */
  morning(ill: boolean): void {
    const t = ++this.today;
    if (t >= this.capacity) throw new RangeError(`the record holds ${this.capacity} days`);
    const { restingHr, lnRmssd, sleepHours } = this.morningIn;
    this.restingHr[t] = restingHr;
    this.hrv[t] = lnRmssd;
    this.sleep[t] = sleepHours;
    this.restingHrSums.record(t, restingHr);
    this.hrvSums.record(t, lnRmssd);
    this.sleepSums.record(t, sleepHours);
    this.ill[t] = ill ? 1 : 0;
    if (ill) this.lastIll = t;
    this.load[t] = 0;
    this.minutes[t] = 0;
    this.rpe[t] = Number.NaN;
    this.rpeResidual[t] = Number.NaN;
    this.hard[t] = 0;
    this.missed[t] = 0;
    this.residualSum = 0;
    this.residualCount = 0;
  }

  /**
   * A session done today: its workout (catalogue index), minutes, session RPE and whether it was
   * hard. Its RPE is compared with the athlete's usual RPE for the same workout (once two sessions
   * of it are known), then folds into that usual value.
   */
  setSession(workout: number, minutes: number, rpe: number, hard: boolean, loadRpe = Number.NaN): void {
    this.sessionIn.minutes = minutes;
    this.sessionIn.rpe = rpe;
    this.sessionIn.loadRpe = loadRpe;
    this.session(workout, hard);
  }

  /**
   * A session done today, its minutes and RPE in `sessionIn`. A session whose RPE the athlete did
   * not give (NaN: a real athlete's watch file without it) counts its minutes and its load at the
   * caller's estimate (`loadRpe`, from its time in zone; unknown — NaN — without one); it leaves the
   * day's RPE and the comparisons with the usual RPE as they were — nothing is made up about how it felt.
   */
  session(workout: number, hard: boolean): void {
    const { minutes, rpe } = this.sessionIn;
    const t = this.today;
    const before = this.minutes[t]!;
    const rated = rpe === rpe;
    // (A day whose earlier sessions had no RPE takes this one's.)
    if (rated) this.rpe[t] = before > 0 && this.rpe[t] === this.rpe[t] ? (this.rpe[t]! * before + rpe * minutes) / (before + minutes) : rpe;
    this.minutes[t] = before + minutes;
    // Without an RPE, the caller's estimate; without one either, the day's load is unknown (NaN), and so is every window over it.
    this.load[t]! += (rated ? rpe : this.sessionIn.loadRpe) * minutes;
    if (hard) {
      this.hard[t]!++;
      this.lastHard = t;
    }
    if (!rated) return;
    this.lastRpe = rpe;
    const count = this.usualRpeCount[workout]!;
    if (count >= USUAL_RPE_MIN_SESSIONS) {
      this.residualSum += rpe - this.usualRpe[workout]!;
      this.residualCount++;
      this.rpeResidual[t] = this.residualSum / this.residualCount;
    }
    this.usualRpe[workout] = count === 0 ? rpe : this.usualRpe[workout]! + USUAL_RPE_WEIGHT * (rpe - this.usualRpe[workout]!);
    this.usualRpeCount[workout] = count + 1;
  }

  /** A planned session not done (illness). */
  missedSession(): void {
    this.missed[this.today]!++;
  }
}

/**
 * "Usual" RPE for a workout: an exponential mean with weight 0.2 (about the last five sessions of it),
 * compared with only once two sessions are known. A convention of ours [M]: Foster's session-RPE
 * method gives no window for comparing like sessions.
 */
const USUAL_RPE_WEIGHT = 0.2;
const USUAL_RPE_MIN_SESSIONS = 2;
