import * as z from 'zod';
import { OUTCOME_METRICS } from '../outcomes.ts';
import { Scenario } from '../scenario/schema.ts';

/**
 * The in-silico trial contract: one published study as data (trials/*.yaml). A trial names its
 * source, says how its outcomes map onto our running measures, gives the scenarios that replay it
 * and, per outcome, the published value, its uncertainty and the band that uncertainty allows — so
 * a researcher adds a study without writing code. Every trial runs on the one parameter set.
 *
 * Every outcome declares, before it is run, its role: `calibration` (the parameters are fitted to it:
 * `npm run calibrate` and the calibration search read exactly these, so meeting one is in-sample) or
 * `validation` (never fitted to: the model's test, reported apart). The trial files are the one source
 * of calibration targets (docs/CALIBRATION.md).
 */

/** What the simulator reports per athlete, in the summary's names, plus the absolute VO2max change. */
export const TRIAL_METRICS = [
  ...OUTCOME_METRICS,
  /** VO2max change in ml/min (measured, × body mass), as HERITAGE reports it. */
  'vo2maxMlMin',
  /** Peak speed of the incremental test, change in km/h (measured), as Kiviniemi 2007 reports it. */
  'peakSpeedKmh',
  /**
   * Hard sessions a week as done (after any adaptive change): sessions whose main set was above LT1,
   * per athlete, as summary.json's hardSessionsPerWeek counts them — to compare the share of hard
   * sessions of an HRV-guided arm with a predefined one.
   */
  'hardSessionsPerWeek',
] as const;
export type TrialMetric = (typeof TRIAL_METRICS)[number];

/**
 * What is compared with the published number: the mean, or a percentile of the athletes' values;
 * or, for a difference between two arms (`vs`), `smd`: the standardised mean difference of the
 * arms' changes, Hedges' g (the pooled SD of the two arms' changes, the small-sample correction for
 * two groups of the trial's `n`), as meta-analyses report it (src/sim/stats/hedges-g.ts).
 */
export const STATISTICS = ['mean', 'p02', 'p98', 'p99', 'smd'] as const;
export type Statistic = (typeof STATISTICS)[number];

const Pair = z.tuple([z.number(), z.number()]);

/** A published number with the uncertainty the paper gives. */
export const Published = z.strictObject({
  /** The published mean (left out for a finding of direction only, or a range). */
  mean: z.number().optional(),
  /** A range the sources give instead of one mean ("+3–6 % in 8–10 weeks"). */
  range: Pair.optional(),
  /** Between-athlete SD of the change, as reported (mean ± SD). */
  sd: z.number().positive().optional(),
  /** The paper's 95 % confidence interval. */
  ci95: Pair.optional(),
  unit: z.string().min(1),
});

/** Whether an outcome calibrates the parameters (in-sample) or tests the model (out of sample). */
export const ROLES = ['calibration', 'validation'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The band a simulated value must fall in: the paper's mean ± SD, its 95 % CI, or a band stated in
 * the file with its reason (`why`) — for a paper that gives a range, or a "no difference" finding;
 * or, for a finding of direction only (`direction: higher | lower`), a simulated mean whose 95 % CI
 * lies wholly on that side of zero.
 */
export const TOLERANCES = ['sd', 'ci95', 'band', 'direction'] as const;

export const Expectation = z.strictObject({
  /** The outcome in the paper's words, with its mapping: "peak power → peak speed, polarized". */
  outcome: z.string().min(1),
  /** Which scenario (default: the only one). */
  run: z.string().optional(),
  arm: z.string().min(1),
  /** A difference: this arm minus another (in the same run, or in another run of the same athletes). */
  vs: z.strictObject({ run: z.string().optional(), arm: z.string().min(1) }).optional(),
  metric: z.enum(TRIAL_METRICS),
  statistic: z.enum(STATISTICS).optional(),
  published: Published,
  tolerance: z.enum(TOLERANCES),
  band: Pair.optional(),
  direction: z.enum(['higher', 'lower']).optional(),
  /** Why the band is what it is, when it is not the paper's own SD or CI. */
  why: z.string().optional(),
  /** Whether the paper found the change (or the difference) significant — for the simulated power. */
  significant: z.boolean().optional(),
  /**
   * Required, and decided before the outcome is first run: `calibration` — the parameters are
   * fitted to it (`npm run calibrate`, bench/calibration-search.ts), so meeting it is in-sample;
   * `validation` — never fitted to, the model's out-of-sample test. Reported apart.
   */
  role: z.enum(ROLES),
});
export type Expectation = z.infer<typeof Expectation>;

/** A scenario of a trial: the scenario contract; its population size is the trial's (large n). */
export const TrialScenario = Scenario.omit({ name: true, seed: true });
export type TrialScenario = z.infer<typeof TrialScenario>;

export const Trial = z.strictObject({
  study: z.string().min(1),
  /** The full reference; every study the file rests on when it rests on several. */
  source: z.string().min(1),
  /**
   * The DOI of the study, or a list of DOIs when the file rests on several studies (the first is
   * the one the study's name links to).
   */
  doi: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** The study's population and design, as published: "12 trained cyclists, crossover". */
  population: z.string().min(1),
  duration: z.string().min(1),
  /** How the study's outcomes map onto our running measures. */
  mapping: z.string().optional(),
  /** What the simulation makes of the study, in words — above all why an outcome it misses is missed. */
  analysis: z.string().optional(),
  /** Athletes per arm in the study (for the simulated power, and the small-sample correction of an smd). */
  n: z.number().int().min(2),
  /** Crossover (each athlete in every arm) or parallel groups: how the simulated power samples. */
  design: z.enum(['crossover', 'parallel', 'single-arm']),
  seed: z.number().int().min(0),
  scenarios: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/), TrialScenario),
  expect: z.array(Expectation).min(1),
});
export type Trial = z.infer<typeof Trial>;
