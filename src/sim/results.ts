/**
 * Per-athlete results, one row per arm plus the shared baseline, as typed arrays indexed by the
 * column constants below. Filled by the simulator, read by the summary and the athletes.csv writer.
 */

/** Test results: measured (with test error) and true (noise-free, including the day's readiness). */
export const TEST = {
  vo2max: 0,
  lt1Speed: 1,
  lt2Speed: 2,
  timeTrialMinutes: 3,
  peakSpeed: 4,
} as const;
export const TEST_COUNT = 5;

/** What happened in an arm. */
export const ARM = {
  z1Minutes: 0,
  z2Minutes: 1,
  z3Minutes: 2,
  sessions: 3,
  hardSessions: 4,
  lowGoalSessions: 5,
  thresholdGoalSessions: 6,
  highGoalSessions: 7,
  missedSessions: 8,
  illnessDays: 9,
  sessionRpeLoad: 10,
  finalWeekRestingHr: 11,
  finalWeekLnRmssd: 12,
  finalWeekMarkerDays: 13,
  /** What the plan aimed at: weekly targets summed over the weeks (minutes). */
  targetMinutes: 14,
  targetZ2Minutes: 15,
  targetZ3Minutes: 16,
  /** Days inside a scheduled sleep restriction, or an illness and the 3 days after it, and hard sessions done on them. */
  eventDays: 17,
  eventHardSessions: 18,
  /** Changes the adaptive engine applied (guardrails included). */
  adjustments: 19,
  /** Running injuries, the days without running they cost, and episodes of non-functional overreaching. */
  injuries: 20,
  injuryDaysLost: 21,
  overreachingEpisodes: 22,
  /** Performance lost to training fatigue on the morning of the final tests (a fraction). */
  finalFatigueLoss: 23,
  /** Minutes per zone of every session the plan held, done or not (missed to illness or injury, run easy on the way back). */
  plannedZ1Minutes: 24,
  plannedZ2Minutes: 25,
  plannedZ3Minutes: 26,
} as const;
export const ARM_COUNT = 27;

export class AthleteResults {
  readonly baselineMeasured = new Float64Array(TEST_COUNT);
  readonly baselineTrue = new Float64Array(TEST_COUNT);
  baselineRestingHr = 0;
  baselineLnRmssd = 0;
  /** Performance lost to training fatigue on the morning of the baseline tests (a fraction). */
  baselineFatigueLoss = 0;
  readonly finalMeasured: Float64Array;
  readonly finalTrue: Float64Array;
  readonly arm: Float64Array;
  /**
   * Per adaptive arm, the engine's changes by rule and guardrail (`changeNames` order): the counts
   * applied, then the counts overridden, then — rules only — the mornings each rule's condition held.
   * Null for a fixed arm.
   */
  readonly changes: (Int32Array | null)[];

  constructor(readonly armCount: number) {
    this.changes = new Array<Int32Array | null>(armCount).fill(null);
    this.finalMeasured = new Float64Array(armCount * TEST_COUNT);
    this.finalTrue = new Float64Array(armCount * TEST_COUNT);
    this.arm = new Float64Array(armCount * ARM_COUNT);
  }

  get(armIndex: number, column: number): number {
    return this.arm[armIndex * ARM_COUNT + column]!;
  }

  /** % change of a test from baseline to the end of an arm (positive = better; a faster time trial is positive). */
  changePct(armIndex: number, test: number, noiseFree: boolean): number {
    const before = noiseFree ? this.baselineTrue[test]! : this.baselineMeasured[test]!;
    const after = noiseFree ? this.finalTrue[armIndex * TEST_COUNT + test]! : this.finalMeasured[armIndex * TEST_COUNT + test]!;
    if (test === TEST.timeTrialMinutes) return ((before - after) / before) * 100;
    return ((after - before) / before) * 100;
  }
}
