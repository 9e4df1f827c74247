import * as z from 'zod';
import { OUTCOME_METRICS, type OutcomeMetric } from '../outcomes.ts';
import { TRAIT_LIMITS, type ObservableTrait } from '../trait-limits.ts';

/**
 * The scenario contract (README.md, A scenario): what a coach or researcher writes in YAML. Objects are
 * strict, so a misspelt key is an error rather than silently ignored. Structural rules live here;
 * rules that need the catalogue or the built-in designs (names, workout ids, block weeks adding up)
 * are checked when the scenario is resolved, and reported the same way.
 */

const Fraction = z.number().min(0).max(1);
const PositiveInt = z.number().int().min(1);

export const LEVELS = ['untrained', 'recreational', 'trained', 'well-trained', 'elite'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

export const ThreeZoneShares = z.strictObject({
  system: z.literal('3-zone').optional(),
  z1: Fraction,
  z2: Fraction,
  z3: Fraction,
});
export const FiveZoneShares = z.strictObject({
  system: z.literal('5-zone'),
  z1: Fraction,
  z2: Fraction,
  z3: Fraction,
  z4: Fraction,
  z5: Fraction,
});
/** A target intensity distribution; the zone system is named (default 3-zone) and shares add up to 1. */
export const DistributionInput = z.union([ThreeZoneShares, FiveZoneShares]);
export type DistributionInput = z.infer<typeof DistributionInput>;

/** Weekly training hours: absolute, or relative to each athlete's habitual volume. */
export const WeeklyHours = z.union([
  z.number().positive().max(40),
  z.strictObject({ relative: z.number().positive().max(5) }),
]);
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const Loading = z.strictObject({
  /** Loading weeks : deload weeks, e.g. "3:1". */
  pattern: z.string().regex(/^[1-9]\d*:[1-9]\d*$/, 'loading pattern must look like "3:1"'),
  /** Volume of a deload week relative to the loading week before it. */
  deloadVolume: z.number().min(0.2).max(1).optional(),
});

export const WorkoutMenus = z.strictObject({
  high: z.array(z.string()).min(1).optional(),
  threshold: z.array(z.string()).min(1).optional(),
});

/** An inline block design; `extends` starts from a built-in design and overrides its fields. */
export const InlineDesign = z.strictObject({
  extends: z.string().optional(),
  distribution: DistributionInput.optional(),
  basis: z.enum(['time', 'sessions']).optional(),
  weeklyHours: WeeklyHours.optional(),
  /** Weekly volume increase during loading weeks, as a fraction (0.05 = +5 % a week). */
  progression: z.number().min(-0.3).max(0.3).optional(),
  loading: Loading.optional(),
  /** Easy days required between two hard days. */
  hardDaySpacing: z.number().int().min(0).max(3).optional(),
  /**
   * Double days: a hard day may hold two hard sessions (AM and PM) in weeks of 8 h or more. Without
   * it no day holds two hard sessions (a workout paired with an afternoon half, the double-threshold
   * day, is itself a prescribed double).
   */
  doubleDays: z.boolean().optional(),
  sessionsPerWeek: z.number().int().min(1).max(14).optional(),
  workouts: WorkoutMenus.optional(),
  /** Weeks each hard workout is kept (and progressed) before the menu rotates. */
  rotateEvery: PositiveInt.max(12).optional(),
  longRunShare: z.number().min(0).max(0.5).optional(),
  /** A taper: volume relative to the week before the taper, hard minutes relative to that week's. */
  taper: z.strictObject({ volume: z.number().min(0.1).max(1), hardMinutes: z.number().min(0).max(1.5) }).optional(),
});
export type InlineDesign = z.infer<typeof InlineDesign>;

export const BlockDesign = z.union([z.string().min(1), InlineDesign]);
export const Block = z.strictObject({ weeks: PositiveInt, design: BlockDesign, name: z.string().optional() });
export const Macrocycle = z.strictObject({ blocks: z.array(Block).min(1) });
export type Macrocycle = z.infer<typeof Macrocycle>;

export const DesignRef = z.union([z.string().min(1), Macrocycle, InlineDesign]);
export type DesignRef = z.infer<typeof DesignRef>;

export const Arm = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'arm id: letters, digits, "-", "_" or "." only'),
  design: DesignRef,
  /** An adaptive rule set (built-in name or YAML file): the adaptive engine, issue #3. */
  rules: z.string().min(1).optional(),
  description: z.string().optional(),
});
export type Arm = z.infer<typeof Arm>;

/**
 * A trait's distribution: its mean within the trait's plausible human range, as a named athlete's
 * value is (src/models/trait-limits.ts) — a draw is kept within that range, so a mean outside it
 * would run as the range's edge, silently — and its SD at most the range's width.
 */
const TraitDistribution = (name: ObservableTrait) => {
  const { min, max } = TRAIT_LIMITS[name];
  return z.strictObject({ mean: z.number().min(min).max(max), sd: z.number().min(0).max(max - min) });
};
/** Overrides of a level preset's trait distributions (means and SDs). */
export const TraitOverrides = z.strictObject({
  vo2max: TraitDistribution('vo2max').optional(),
  lt1Fraction: TraitDistribution('lt1Fraction').optional(),
  lt2Fraction: TraitDistribution('lt2Fraction').optional(),
  economy: TraitDistribution('economy').optional(),
  weeklyHours: TraitDistribution('weeklyHours').optional(),
  restingHr: TraitDistribution('restingHr').optional(),
  lnRmssd: TraitDistribution('lnRmssd').optional(),
  age: TraitDistribution('age').optional(),
  bodyMass: TraitDistribution('bodyMass').optional(),
  sleepHours: TraitDistribution('sleepHours').optional(),
  trainingYears: TraitDistribution('trainingYears').optional(),
  femaleShare: Fraction.optional(),
  /** The intensity distribution of the athletes' habitual training (3-zone, by time; adds up to 1). */
  habitualDistribution: ThreeZoneShares.optional(),
});
export type TraitOverrides = z.infer<typeof TraitOverrides>;

/** A value a coach gives for a trait, within plausible human limits (src/models/trait-limits.ts). */
const trait = (name: ObservableTrait) => z.number().min(TRAIT_LIMITS[name].min).max(TRAIT_LIMITS[name].max).optional();

/** The weekdays a named athlete or an athlete file names, Monday first (a plan's weeks run Monday to Sunday). */
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * When an athlete can train: the only weekdays with sessions (every day by default; the planner's
 * rest days are taken among them) and the most hours a week (none by default; a week's targets are
 * scaled down to it, zones alike).
 */
export const Available = z.strictObject({
  days: z
    .array(z.enum(WEEKDAY_NAMES))
    .min(1)
    .refine((days) => new Set(days).size === days.length, 'each day once')
    .optional(),
  hours: z.number().min(TRAIT_LIMITS.weeklyHours.min).max(TRAIT_LIMITS.weeklyHours.max).optional(),
});
export type Available = z.infer<typeof Available>;

/** A set of available days as a bit mask, Monday bit 0 (every day without `days`). */
export function availableDayMask(available: Available | undefined): number {
  return available?.days === undefined ? 0x7f : available.days.reduce((mask, day) => mask | (1 << WEEKDAY_NAMES.indexOf(day)), 0);
}

/** One athlete a coach knows: given traits are fixed, the rest is sampled from the level. */
export const NamedAthlete = z.strictObject({
  id: z.string().min(1),
  level: Level,
  sex: z.enum(['female', 'male']).optional(),
  age: trait('age'),
  bodyMass: trait('bodyMass'),
  vo2max: trait('vo2max'),
  lt1Fraction: trait('lt1Fraction'),
  lt2Fraction: trait('lt2Fraction'),
  economy: trait('economy'),
  weeklyHours: trait('weeklyHours'),
  restingHr: trait('restingHr'),
  lnRmssd: trait('lnRmssd'),
  sleepHours: trait('sleepHours'),
  /** Years of regular training: how far the athlete has matured toward what their habit supports. */
  trainingYears: trait('trainingYears'),
  /** How the athlete habitually trains (3-zone, by time; adds up to 1). */
  habitualDistribution: ThreeZoneShares.optional(),
  /** When the athlete can train (every day, no cap by default). */
  available: Available.optional(),
});
export type NamedAthlete = z.infer<typeof NamedAthlete>;

/** The most athletes one scenario simulates (a sampled population, or named athletes × replicates). */
export const MAX_POPULATION = 10_000_000;
/** Versions of each named athlete simulated when a scenario does not say. */
export const DEFAULT_REPLICATES = 100;

export const SampledPopulation = z.strictObject({
  size: PositiveInt.max(MAX_POPULATION),
  level: Level,
  traits: TraitOverrides.optional(),
});
export const NamedPopulation = z.strictObject({
  athletes: z.array(NamedAthlete).min(1),
  /** What is hidden (responsiveness, ceilings, tolerance) is unknown: simulate this many versions of each athlete. */
  replicates: PositiveInt.max(100_000).optional(),
});
export const Population = z.union([SampledPopulation, NamedPopulation]);
export type Population = z.infer<typeof Population>;

/** When an event starts, whom it affects. Load changes act on whole weeks, so they take no fromDay. */
const EventStart = {
  /** First week affected (weeks count from 1). */
  fromWeek: PositiveInt,
  /** Fraction of athletes affected (default 1). */
  share: Fraction.optional(),
  /** Only these arms (default: every arm) — to see what an event costs against the same plan without it. */
  arms: z.array(z.string()).min(1).optional(),
};
const EventTiming = {
  ...EventStart,
  /** Day of that week the event starts, 1–7 (default 1). */
  fromDay: z.number().int().min(1).max(7).optional(),
};
export const SleepRestriction = z.strictObject({
  type: z.literal('sleep-restriction'),
  ...EventTiming,
  weeks: PositiveInt.optional(),
  days: PositiveInt.optional(),
  /** Hours slept per night during the restriction. */
  hours: z.number().min(2).max(12),
});
export const Illness = z.strictObject({ type: z.literal('illness'), ...EventTiming, days: PositiveInt.max(60) });
export const LoadMultiplier = z.strictObject({
  type: z.literal('load-multiplier'),
  ...EventStart,
  weeks: PositiveInt.optional(),
  /** Planned weekly volume × factor. */
  factor: z.number().min(0).max(5),
});
export const Event = z.discriminatedUnion('type', [SleepRestriction, Illness, LoadMultiplier]);
export type Event = z.infer<typeof Event>;

/** An inclusive range of values: from, from + step, …, up to `to`. */
export const SweepRange = z.strictObject({ from: z.number(), to: z.number(), step: z.number().positive() });

/** What a sweep may vary: zone-2 and zone-3 shares (zone 1 takes the rest), weekly hours, weekly progression. */
export const SWEEP_KEYS = ['z2', 'z3', 'weeklyHours', 'progression'] as const;

/**
 * A parameter sweep: every combination of the varied values becomes an arm training to `design`
 * with those values — added to the scenario's arms, compared with its reference like any arm.
 */
export const Sweep = z.strictObject({
  /** The design every sweep arm starts from: a built-in name or an inline design. */
  design: z.union([z.string().min(1), InlineDesign]),
  vary: z.strictObject({
    z2: SweepRange.optional(),
    z3: SweepRange.optional(),
    /** Absolute weekly hours. */
    weeklyHours: SweepRange.optional(),
    progression: SweepRange.optional(),
  }),
  /** An adaptive rule set for every sweep arm. */
  rules: z.string().min(1).optional(),
});
export type Sweep = z.infer<typeof Sweep>;

/** How each metric's family of contrasts is adjusted for multiplicity (src/sim/stats/hypothesis.ts, docs/STATISTICS.md). */
export const ADJUST_METHODS = ['holm', 'bonferroni', 'none'] as const;
export type AdjustMethod = (typeof ADJUST_METHODS)[number];

/**
 * The contrasts a study makes: `pairwise` (every pair of arms) or named pairs `[arm, vs]` (arm − vs).
 * Without it, every arm against the `reference`.
 */
export const Contrasts = z.union([z.literal('pairwise'), z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(1)]);
export type Contrasts = z.infer<typeof Contrasts>;

/** The smallest effect size of interest per metric, in the metric's own unit (pp for the % changes). */
export const Sesoi = z.strictObject(
  Object.fromEntries(OUTCOME_METRICS.map((metric) => [metric, z.number().positive().optional()])) as Record<OutcomeMetric, z.ZodOptional<z.ZodNumber>>,
);

/** The longest scenario, weeks: three years, a macrocycle's span. */
export const MAX_WEEKS = 156;

export const Scenario = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  seed: z.number().int().min(0).max(2 ** 53 - 1),
  population: Population,
  weeks: PositiveInt.max(MAX_WEEKS),
  arms: z.array(Arm).min(1),
  reference: z.string().optional(),
  /** The study's contrasts (see Contrasts); each with its p-value adjusted within its metric's family. */
  contrasts: Contrasts.optional(),
  /** The multiplicity adjustment of each metric's contrasts (default holm). */
  adjust: z.enum(ADJUST_METHODS).optional(),
  /** Smallest effect size of interest per metric: each contrast then tests equivalence within ±sesoi (TOST). */
  sesoi: Sesoi.optional(),
  events: z.array(Event).optional(),
  outputs: z.strictObject({ daily: z.boolean().optional() }).optional(),
  /** A parameter sweep: its combinations become more arms (see Sweep). */
  sweep: Sweep.optional(),
  /**
   * How the tests are run: before the baseline tests and after the last week, `preTestDays` days of
   * easy running (default 3, as the trials of trials/ standardise their tests; at most 7, the
   * baseline week); `finalPreTestDays`, before the final tests only (default: preTestDays) — a race
   * on a given weekday after the last full week (whatif), the baseline tests as usual.
   */
  tests: z.strictObject({ preTestDays: z.number().int().min(0).max(7).optional(), finalPreTestDays: z.number().int().min(0).max(7).optional() }).optional(),
  /** How the athletes are monitored: the share of mornings with resting HR, HRV and sleep readings. */
  monitoring: z.strictObject({ wornShare: z.number().gt(0).max(1).optional() }).optional(),
});
export type Scenario = z.infer<typeof Scenario>;
