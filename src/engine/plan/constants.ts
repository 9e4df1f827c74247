/**
 * Coaching conventions the plan generator follows. These are planning habits, not physiology: the
 * physiology's constants live in src/models/parameters.ts. The caps below are what coaches write —
 * a plan that needs more than they allow falls short of its target rather than holding a session
 * no coach would prescribe (the shortfall shows in the outputs: achieved weekly hours and time in
 * zone against the design's). Sources (tags as in the project's literature notes: [V] read in the
 * source, [V2] read in a secondary source quoting it, [M] not read, from memory):
 *
 * - Haugen, Sandbakk, Seiler & Tønnessen 2022, The training characteristics of world-class distance
 *   runners, Sports Med Open 8:46 (doi:10.1186/s40798-022-00438-7) [V]: 11–14 sessions a week; easy
 *   runs "typically lasting 40–70 min"; long run 45–120 min (track runners), 75–165 min (marathon
 *   runners); threshold/tempo run 20–50 min; fartlek 30–60 min.
 * - Daniels, Daniels' Running Formula (Human Kinetics), as summarised by the Mid-Hudson Road Runners
 *   Club (mhrrc.org, "Run Intensities", adapted from Daniels) and by Daniels' own VDOT site
 *   (news.vdoto2.com/2013/02/whats-your-interval-pace) [V2]: a long run "not to be longer than 2-1/2
 *   hours", typically 25 % of weekly mileage; easy runs 30 min to 1 h; interval (≈ vVO2max) work "no
 *   more than 8 % of your weekly mileage" in a session, in work bouts of 30 s to 5 min; threshold
 *   (cruise-interval) work 8–10 % of weekly mileage a session; with the book's "or 10 km, whichever
 *   is less" for interval work [M].
 * - Seiler & Sjursen 2004, Scand J Med Sci Sports 14:318 [V]: self-paced 24 × 1, 12 × 2, 6 × 4 and
 *   4 × 6 min, all 24 min of work, all at RPE ≈ 17 — as much work above LT2 as a session holds.
 * - Coaching guidance (active.com, "use interval training to hit your 5K and 10K potential") [V2]:
 *   2–5 miles of hard running per interval session, most runners 3–4.
 * - Recreational long runs: "Three hours to 3:15 is as long as your longest run needs to be and, for
 *   many, 2:30–2:45 is enough"; "20 miles or 3 hours" [V2] (see the notes, Part C.2).
 */
export const PLANNING = {
  /** Typical minutes per training day when the number of days is chosen from weekly volume. */
  minutesPerDay: 55,
  /**
   * Longest single easy run, minutes; an easy day longer than this is two runs (an easy double).
   * Haugen 2022: world-class runners' easy runs 40–70 min; Daniels: 30 min to 1 h. The cap leaves
   * room above those for a medium-long run.
   */
  maxEasyRunMinutes: 90,
  /**
   * Longest long run, minutes: the recreational convention "3 hours" (20 miles or 3 hours); Haugen
   * 2022's world-class marathoners 75–165 min, Daniels 2.5 h, both within it.
   */
  maxLongRunMinutes: 180,
  /**
   * Most training minutes in one day: 3.5 h, the long-run day of a world-class marathoner (up to
   * 165 min) with room for a double; Haugen 2022's easy runs and long runs give 1.5–2.5 h on most
   * days and 3–3.5 h at most (the notes, Part C.2, constant 16).
   */
  maxDayMinutes: 210,
  /**
   * Most sessions in one day: two. Haugen 2022's 11–14 sessions a week are 7 days with doubles on
   * 4–7 of them; no one trains three times a day ("Nobody trains really 3 times per day", Canova,
   * quoted in the notes, Part C.2).
   */
  maxSessionsPerDay: 2,
  /** Fewest training days a week when the volume allows runs of at least minEasyMinutes. */
  minDays: 3,
  /** Warm-ups and cool-downs are full length from this weekly volume; shorter (down to minWarmUpScale) below it. */
  fullWarmUpAboveMinutes: 240,
  minWarmUpScale: 0.5,
  /** Shortest easy run worth a day, or worth a second run on a day. */
  minEasyMinutes: 20,
  /**
   * From this weekly volume on, a design that prescribes double days (`doubleDays`) may put two hard
   * sessions on a hard day (AM and PM, the Norwegian way). Without it no day holds two hard sessions,
   * whatever the volume — but a workout paired with an afternoon half (the double-threshold day) is
   * itself a prescribed double.
   */
  hardDoublesAboveMinutes: 480,
  /** Hard sessions (warm-ups, recoveries and cool-downs included) take at most this share of a week. */
  maxHardShare: 0.92,
  /**
   * Preferred zone-3 and zone-2 minutes of one hard session: another is added (slots allowing) above
   * them. Helgerud 2007's 4 × 4 min to Seiler & Hetlelid 2005's 6 × 4 min (16–24 min above LT2);
   * Haugen 2022's threshold sessions of 20–50 min and the seeds' sweet-spot sets of 25–40 min of work.
   */
  highMinutesPerSession: 20,
  thresholdMinutesPerSession: 40,
  /**
   * Largest zone-3 minutes one session holds: 30 min (Seiler & Sjursen 2004's 24 min of work; 2–5
   * miles of hard running; Daniels' 10 km of interval work), and at most maxHighShareOfWeek of the
   * week's planned minutes (Daniels: interval work at most 8 % of weekly mileage in a session) —
   * but never less than the 16 min of work of Helgerud 2007's 4 × 4 min, which studies prescribe
   * three times a week to athletes of a few hours a week (Daniels' rule is written for runners
   * with mileage to speak of).
   */
  maxHighMinutesPerSession: 30,
  maxHighShareOfWeek: 0.08,
  minHighCapMinutes: 16,
  /**
   * Largest zone-2 minutes one session holds: 60 min. Haugen 2022's threshold runs of 20–50 min and
   * the seeds' sweet-spot sets of 25–40 min of work; Daniels' threshold sessions for runners of
   * 70–85 miles a week reach 4 × 10–15 min. Zone 2 spans marathon pace to LT2, so no share of the
   * week is imposed (a steady run at marathon effort is longer than a threshold session).
   */
  maxThresholdMinutesPerSession: 60,
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

/**
 * Largest zone-3 minutes of one session in a week of `weeklyMinutes` planned minutes: 8 % of the
 * week (PLANNING.maxHighShareOfWeek) between PLANNING.minHighCapMinutes and maxHighMinutesPerSession.
 * @example maxHighMinutes(120) // 16: a 4 × 4 min session is never too much
 * @example maxHighMinutes(270) // 21.6: 8 % of a 4.5-h week
 * @example maxHighMinutes(780) // 30
 */
export function maxHighMinutes(weeklyMinutes: number): number {
  const share = PLANNING.maxHighShareOfWeek * weeklyMinutes;
  if (share < PLANNING.minHighCapMinutes) return PLANNING.minHighCapMinutes;
  return share < PLANNING.maxHighMinutesPerSession ? share : PLANNING.maxHighMinutesPerSession;
}

/**
 * Building to a race (an athlete file's `design: { toRace: … }`): base → build → taper laid
 * backwards from the race's week.
 * - Taper: Bosquet, Montpetit, Arvisais & Mujika 2007, Med Sci Sports Exerc 39:1358–1365 (27
 *   studies) [V2, the abstract]: a taper of two weeks gave the largest effect on performance (0.59 ±
 *   0.33); Wang et al. 2023, PLoS ONE 18:e0282838 [V2, the abstract]: tapers of 7 days or less also
 *   improved time trials — a plan too short for two weeks of taper and a build tapers one.
 * - Build: two blocks of four weeks (seed 001: progressive blocks whose emphasis rotates "every few
 *   weeks"; the project's 16-week macrocycle scenario builds for 8), the base whatever comes before.
 * - No peak block apart from the taper: in the block model the phase that peaks the athlete for the
 *   event — realization, "event-specific precompetitive training" — follows the accumulation (base)
 *   and transmutation (build) blocks (Issurin 2019, Sports Med 49, doi:10.1007/s40279-018-1019-9
 *   [V2, the abstract]; the model: Issurin 2010, Sports Med 40:189–206): the taper is that phase. A
 *   coach who wants a longer race-specific block before it writes the plan as blocks.
 */
export const TO_RACE = {
  taperWeeks: 2,
  /** A plan shorter than this tapers one week. */
  shortPlanWeeks: 6,
  shortTaperWeeks: 1,
  buildWeeks: 8,
} as const;

/**
 * The blocks of a build to a race over `weeks` weeks (the race in the last): base, build and taper
 * weeks, each 0 when the plan is too short for it (a one-week plan is its taper).
 */
export function toRaceBlocks(weeks: number): { base: number; build: number; taper: number } {
  const taper = Math.min(weeks, weeks < TO_RACE.shortPlanWeeks ? TO_RACE.shortTaperWeeks : TO_RACE.taperWeeks);
  const build = Math.min(weeks - taper, TO_RACE.buildWeeks);
  return { base: weeks - taper - build, build, taper };
}
