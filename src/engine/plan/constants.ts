/**
 * Coaching conventions the plan generator follows. These are planning habits, not physiology: the
 * physiology's constants live in src/models/parameters.ts.
 */
export const PLANNING = {
  /** Typical minutes per training day when the number of days is chosen from weekly volume. */
  minutesPerDay: 55,
  /** An easy day longer than this is split into two runs (elite doubles). */
  doubleAboveMinutes: 95,
  /** Shortest easy run worth a day. */
  minEasyMinutes: 20,
  /** Longest long run, minutes. */
  maxLongRunMinutes: 180,
  /** Zone-3 and zone-2 minutes one hard session holds before another is added. */
  highMinutesPerSession: 30,
  thresholdMinutesPerSession: 45,
  /** Below these weekly targets, zone 3 comes from strides and zone 2 from a fast finish instead of a session. */
  minHighSessionMinutes: 6,
  minThresholdSessionMinutes: 12,
  /** Weekday preference for rest days (0 = Monday) and for hard days. */
  restDayOrder: [0, 4, 2, 5, 1, 3, 6],
  hardDayOrder: [1, 3, 5, 6, 2, 4, 0],
  longRunDayOrder: [6, 5, 0, 4, 2, 3, 1],
} as const;
