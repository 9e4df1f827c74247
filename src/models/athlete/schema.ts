import { IANAZone } from 'luxon';
import * as z from 'zod';
import { Available, DesignRef, Level, ThreeZoneShares, WEEKDAY_NAMES } from '../scenario/schema.ts';
import { TRAIT_LIMITS, type ObservableTrait } from '../trait-limits.ts';

export { WEEKDAY_NAMES };

/**
 * The athlete file (README.md, An athlete file): one real athlete as a coach knows them — who they
 * are, what has been measured or raced, how much they train, what they train for, and the design and
 * rule set to plan with. Objects are strict (a misspelt key is an error, located); what needs the
 * parameters or the catalogue (a race faster than the world record, a design's name) is checked when
 * the file is read (src/sim/athlete/load.ts), and reported the same way.
 */


/** The race distances a coach names (km in src/models/physiology/race.ts, RACE_DISTANCES_KM). */
export const RaceDistanceName = z.enum(['5k', '10k', 'half', 'marathon']);
export type RaceDistanceName = z.infer<typeof RaceDistanceName>;

/** A calendar date as ISO 8601 writes it, `2027-03-14`, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD, e.g. 2027-03-14')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'no such date');

/** A race time, `47:30` or `1:45:10` (h:mm:ss), as a watch shows it. */
const RaceTime = z.string().regex(/^(\d{1,2}:)?[0-5]?\d:[0-5]\d$/, 'a time as mm:ss or h:mm:ss, e.g. "47:30" or "1:45:10"');

/** A pace, `4:50` min/km, between a sprinter's (2:00) and a walk's (20:00). */
const Pace = z
  .string()
  .regex(/^\d{1,2}:[0-5]\d$/, 'a pace as m:ss per km, e.g. "4:50"')
  .refine((text) => clockMinutes(text) >= 2 && clockMinutes(text) <= 20, 'a running pace: between 2:00 and 20:00 per km');

/** A heart rate a watch or a lactate test gives, bpm. */
const HeartRate = z.number().int().min(30).max(230);

/** A value a coach gives for a trait, within plausible human limits (src/models/trait-limits.ts). */
const trait = (name: ObservableTrait) => z.number().min(TRAIT_LIMITS[name].min).max(TRAIT_LIMITS[name].max).optional();

/** A threshold as the coach knows it: its pace, its heart rate, or both. */
const Threshold = z.strictObject({ pace: Pace.optional(), hr: HeartRate.optional() });

/**
 * A generic wellness CSV's columns, by header name (src/sim/athlete/wellness.ts): the date and at
 * least one marker. The units of HRV and sleep are read from the values when not given
 * (docs/ATHLETE-DATA.md, Units); intervals.icu's and HRV4Training's exports need no mapping.
 */
export const WellnessMapping = z.strictObject({
  columns: z
    .strictObject({
      date: z.string().min(1),
      restingHr: z.string().min(1).optional(),
      hrv: z.string().min(1).optional(),
      sleep: z.string().min(1).optional(),
      sleepScore: z.string().min(1).optional(),
      ill: z.string().min(1).optional(),
    })
    .refine(
      (columns) => [columns.restingHr, columns.hrv, columns.sleep, columns.sleepScore, columns.ill].some((name) => name !== undefined),
      'name the date and at least one marker: restingHr, hrv, sleep, sleepScore or ill',
    ),
  /** rMSSD in ms, or its natural log; detected from the values when not given. */
  hrv: z.enum(['rmssd', 'lnRmssd']).optional(),
  /** The unit sleep is written in; detected from the values when not given. */
  sleep: z.enum(['hours', 'minutes', 'seconds']).optional(),
});
export type WellnessMapping = z.infer<typeof WellnessMapping>;

/**
 * Where the athlete's watch data is read from and how (docs/ATHLETE-DATA.md): the time zone that
 * gives the local date of times a watch writes in UTC (an IANA name, e.g. Europe/Oslo — an offset
 * such as +01:00 would be wrong half the year), and a generic wellness CSV's columns.
 */
const AthleteData = z.strictObject({
  timeZone: z
    .string()
    .refine((name) => IANAZone.isValidZone(name), 'an IANA time zone, e.g. Europe/Oslo or America/New_York')
    .optional(),
  wellness: WellnessMapping.optional(),
});

export const AthleteFile = z.strictObject({
  name: z.string().min(1),
  sex: z.enum(['female', 'male']).optional(),
  age: trait('age'),
  bodyMass: trait('bodyMass'),
  /** What nobody has measured (VO2max, economy, responsiveness) is taken from this level's population. */
  level: Level,
  /** What the coach knows: a recent race and/or the thresholds, by pace and heart rate. */
  knows: z
    .strictObject({
      race: z.strictObject({ distance: RaceDistanceName, time: RaceTime, date: IsoDate.optional() }).optional(),
      lt1: Threshold.optional(),
      lt2: Threshold.optional(),
      hrMax: HeartRate.optional(),
      restingHr: trait('restingHr'),
    })
    .refine((knows) => knows.race !== undefined || knows.lt2?.pace !== undefined, "give a recent race or the LT2 pace: the plan's paces are set from them"),
  /** Hours a week the athlete trains now (the plan's volume is relative to them unless the design gives hours). */
  weeklyHours: trait('weeklyHours').unwrap(),
  /** When the athlete can train: the weekdays (all by default) and the most hours a week (none by default). */
  available: Available.optional(),
  /** How the athlete trains now (3-zone, by time; adds up to 1); the level's by default. */
  habitualDistribution: ThreeZoneShares.optional(),
  /** The race trained for. */
  goal: z.strictObject({ distance: RaceDistanceName, date: IsoDate }).optional(),
  /** The plan's first day (the Monday on or after it): when the athlete started, or starts, it; `--from` overrides it. */
  start: IsoDate.optional(),
  /**
   * What to train: a built-in design, an inline one, or a macrocycle of blocks (as an arm's
   * `design:`) — or a build to the goal race, base → build → taper laid backwards from its week
   * (src/engine/plan/constants.ts, TO_RACE), each block a built-in design.
   */
  design: z.union([
    DesignRef,
    z.strictObject({
      toRace: z.strictObject({ base: z.string().min(1).optional(), build: z.string().min(1).optional(), taper: z.string().min(1).optional() }),
    }),
  ]),
  /** An adaptive rule set: a built-in name or a rule file beside this file (as an arm's `rules:`). */
  rules: z.string().min(1).optional(),
  /** How to read the athlete's watch exports (mornings and training) for `periodize coach`. */
  data: AthleteData.optional(),
});
export type AthleteFile = z.infer<typeof AthleteFile>;

/** A race time or pace in minutes: "1:45:10" → 105.17, "4:50" → 4.83. */
export function clockMinutes(text: string): number {
  const parts = text.split(':').map(Number);
  return parts.length === 3 ? parts[0]! * 60 + parts[1]! + parts[2]! / 60 : parts[0]! + parts[1]! / 60;
}
