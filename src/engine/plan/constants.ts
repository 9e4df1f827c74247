/**
 * Coaching conventions the plan generator follows. These are planning habits, not physiology: the
 * physiology's constants live in src/models/parameters.ts.
 */
export const PLANNING = {
  /** Typical minutes per training day when the number of days is chosen from weekly volume. */
  minutesPerDay: 55,
  /** An easy day longer than this is split into two runs (elite doubles). */
  doubleAboveMinutes: 95,
  /** Fewest training days a week when the volume allows runs of at least minEasyMinutes. */
  minDays: 3,
  /** Warm-ups and cool-downs are full length from this weekly volume; shorter (down to minWarmUpScale) below it. */
  fullWarmUpAboveMinutes: 240,
  minWarmUpScale: 0.5,
  /** Shortest easy run worth a day. */
  minEasyMinutes: 20,
  /** Longest long run, minutes. */
  maxLongRunMinutes: 180,
  /** From this weekly volume on, hard days may hold two hard sessions (AM and PM), as elite runners do. */
  hardDoublesAboveMinutes: 480,
  /** Hard sessions (warm-ups, recoveries and cool-downs included) take at most this share of a week. */
  maxHardShare: 0.92,
  /** Preferred zone-3 and zone-2 minutes of one hard session: another is added (slots allowing) above them. */
  highMinutesPerSession: 30,
  thresholdMinutesPerSession: 55,
  /** Largest zone-3 and zone-2 minutes one hard session is asked to hold. */
  maxHighMinutesPerSession: 40,
  maxThresholdMinutesPerSession: 70,
  /**
   * A workout suits a slot if some size of it lands within these multiples of the slot's target:
   * its smallest version at most 25 % over, its largest at least 95 % of it.
   */
  sizingSlack: { over: 1.25, under: 0.95 },
  /** A threshold workout must keep at least this share of its rep in zone 2 if the race paces are slower than the coach thinks. */
  minThresholdShareWhenSlower: 0.5,
  /** A fast finish takes at most this share of the long run. */
  maxFastFinishShare: 0.4,
  /** Zone-2 minutes a fast finish on the long run, and zone-3 minutes strides, can carry when hard slots run out. */
  fastFinishMinutes: 30,
  stridesMinutes: 6,
  /** Below these weekly targets, zone 3 comes from strides and zone 2 from a fast finish instead of a session. */
  minHighSessionMinutes: 6,
  minThresholdSessionMinutes: 12,
  /** Weekday preference for rest days (0 = Monday) and for hard days. */
  restDayOrder: [0, 4, 2, 5, 1, 3, 6],
  hardDayOrder: [1, 3, 5, 6, 2, 4, 0],
  longRunDayOrder: [6, 5, 0, 4, 2, 3, 1],
} as const;
