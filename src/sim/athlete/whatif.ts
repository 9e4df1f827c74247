import { quantileSorted } from 'simple-statistics';
import type { Parameters } from '../../models/parameters.ts';
import { RACE_DISTANCES_KM, type RaceDistance } from '../../models/physiology/race.ts';
import { clockMinutes } from '../../models/athlete/schema.ts';
import { ARM, ARM_COUNT, TEST, TEST_COUNT } from '../results.ts';
import type { ScenarioRunner } from '../runner.ts';
import type { LoadedAthlete } from './load.ts';
import { addDays } from '../../models/calendar.ts';
import type { Morning } from './wellness.ts';
import { modelIntervalOf, type ModelInterval } from '../model-uncertainty.ts';

/**
 * `periodize whatif`: the athlete's plan under each option, run on many versions of the athlete —
 * what the coach knows held fixed (the race, the thresholds, age, body mass, the hours, the usual
 * mornings: src/sim/athlete/load.ts, knownTraits), what nobody measured drawn from the level's
 * population (responsiveness, ceilings, recovery, economy's share of it, susceptibility to illness
 * and injury) — and read in race times.
 *
 * The race time of a version is the athlete's own current time at the goal distance, changed by
 * the version's simulated change over the plan: its final 10-km time trial (a race on the day, with
 * its day-to-day variation: PARAMETERS.tests.timeTrialCv) over its true 10-km time before the plan.
 * The model answers in relative change — what the trials calibrate it on (trials/) — and the
 * athlete's absolute level is what they raced, not what the model makes of it. A goal at another
 * distance than 10 km takes the same relative change (an approximation, stated in the output).
 */

/** The interval a coach reads: the middle 80 % of the versions (10th to 90th percentile). */
export const INTERVAL = { low: 0.1, high: 0.9 } as const;

export interface WhatIfOption {
  id: string;
  /** The option's plan, as its label ("base → build → taper", "polarized"). */
  label: string;
  /** Predicted race minutes at the goal distance, per version (NaN: injured on race day, no race). */
  raceMinutes: Float64Array;
  median: number;
  low: number;
  high: number;
  /** Share of the versions that raced faster than the current best (of those that raced). */
  beatBest: number;
  /** Share of the versions that could not race (injured on race day). */
  noRace: number;
  /** Share with at least one day of illness, and the mean days ill of those. */
  ill: number;
  illDays: number;
  /** Share with at least one running injury, and the mean days of running those lost. */
  injured: number;
  injuryDays: number;
  /**
   * Against the first option, version by version (the same version under both: common random
   * numbers): the mean difference in race minutes (negative: faster) and its Monte Carlo standard
   * error over the versions that raced in both; null for the first option.
   */
  versusFirst: { mean: number; mcse: number } | null;
  /** Hard sessions done per week, mean over the versions. */
  hardPerWeek: number;
  /** Changes the adaptive engine applied, mean per version (0 for a fixed plan). */
  adjustments: number;
}

export interface WhatIfResult {
  /** The athlete's name, as the athlete file gives it. */
  athlete: string;
  /** The goal distance and the athlete's current time at it (the race given, or its equivalent by Riegel's formula). */
  distance: RaceDistance;
  bestMinutes: number;
  /** The race: the goal's date and the easy days before it in its week (null: no goal race, a time trial after the plan's last week). */
  race: { date: string; easyDaysBefore: number } | null;
  /** Whether the current best is the race given (else its equivalent at the goal distance). */
  bestRaced: boolean;
  replicates: number;
  options: WhatIfOption[];
}

/** The athlete's what-if (a spec from loadAthlete with `whatIf`), run in this process: a few hundred versions take well under a second. */
export function whatIf(loaded: LoadedAthlete, runner: ScenarioRunner, parameters: Parameters): WhatIfResult {
  const { spec, athlete, known } = loaded;
  const distance: RaceDistance = athlete.goal?.distance ?? athlete.knows.race?.distance ?? '10k';
  const race = athlete.knows.race;
  const riegel = parameters.coaching.riegelExponent;
  const km = RACE_DISTANCES_KM[distance];
  const bestRaced = race !== undefined && race.distance === distance;
  const bestMinutes = bestRaced ? clockMinutes(race.time) : known.timeTrialMinutes * Math.pow(km / 10, riegel);
  const versions = spec.population.size;
  const arms = spec.arms.length;
  const races = spec.arms.map(() => new Float64Array(versions));
  // Sums per arm: versions ill, days ill, versions injured, days lost, hard sessions, adjustments, versions that could not race.
  const FIELDS = 7;
  const row = new Float64Array(arms * FIELDS);
  let index = 0;
  runner.run(spec, {
    athletes: {
      athlete(_traits, results) {
        const before = results.baselineTrue[TEST.timeTrialMinutes]!;
        for (let a = 0; a < arms; a++) {
          const after = results.finalMeasured[a * TEST_COUNT + TEST.timeTrialMinutes]!;
          races[a]![index] = (bestMinutes * after) / before;
          const arm = (field: number) => results.arm[a * ARM_COUNT + field]!;
          const r = a * FIELDS;
          row[r]! += arm(ARM.illnessDays) > 0 ? 1 : 0;
          row[r + 1]! += arm(ARM.illnessDays);
          row[r + 2]! += arm(ARM.injuries) > 0 ? 1 : 0;
          row[r + 3]! += arm(ARM.injuryDaysLost);
          row[r + 4]! += arm(ARM.hardSessions);
          row[r + 5]! += arm(ARM.adjustments);
          row[r + 6]! += after === after ? 0 : 1;
        }
        index++;
      },
    },
  });
  const options = spec.arms.map((arm, a): WhatIfOption => {
    const raced = Array.from(races[a]!).filter((minutes) => minutes === minutes).sort((x, y) => x - y);
    const r = a * FIELDS;
    const share = (value: number) => value / versions;
    return {
      id: arm.id,
      label: arm.label,
      raceMinutes: races[a]!,
      median: raced.length === 0 ? Number.NaN : quantileSorted(raced, 0.5),
      low: raced.length === 0 ? Number.NaN : quantileSorted(raced, INTERVAL.low),
      high: raced.length === 0 ? Number.NaN : quantileSorted(raced, INTERVAL.high),
      // Of all versions: one that could not race has not beaten the best.
      beatBest: raced.filter((minutes) => minutes < bestMinutes).length / versions,
      noRace: share(row[r + 6]!),
      ill: share(row[r]!),
      illDays: row[r]! === 0 ? 0 : row[r + 1]! / row[r]!,
      injured: share(row[r + 2]!),
      injuryDays: row[r + 2]! === 0 ? 0 : row[r + 3]! / row[r + 2]!,
      hardPerWeek: share(row[r + 4]!) / spec.weeks,
      adjustments: share(row[r + 5]!),
      versusFirst: a === 0 ? null : pairedDifference(races[0]!, races[a]!),
    };
  });
  const goal = athlete.goal;
  const raceDay = goal === undefined || spec.scenario.tests?.finalPreTestDays === undefined ? null : { date: goal.date, easyDaysBefore: spec.scenario.tests.finalPreTestDays };
  return { athlete: athlete.name, distance, bestMinutes, bestRaced, race: raceDay, replicates: versions, options };
}

/**
 * What the model does not know, carried into a what-if (issue 12; README, What the model does not
 * know): the same versions of the athlete (the same seed: common random numbers) under parameter
 * sets drawn from the calibrated ensemble. Per option, the spread over the sets of the versions'
 * median race time; per option after the first, of the mean paired difference from the first
 * option (the same version under both), with the share of sets whose difference has the sign of the
 * committed set's. The 80 % interval of the versions stays what it is: how differently this athlete
 * might respond, under the committed constants.
 */
export interface WhatIfUncertainty {
  /** Sets drawn (by weight) and how many distinct. */
  sets: number;
  distinct: number;
  median: ModelInterval[];
  /** Null for the first option (the one the others are compared with). */
  contrast: (ModelInterval | null)[];
}

/** The mean of `other − first` over the versions that raced in both, and its Monte Carlo standard error (SD / √n). */
function pairedDifference(first: Float64Array, other: Float64Array): { mean: number; mcse: number } {
  const differences: number[] = [];
  for (let v = 0; v < first.length; v++) {
    const d = other[v]! - first[v]!;
    if (d === d) differences.push(d);
  }
  const n = differences.length;
  if (n < 2) return { mean: n === 1 ? differences[0]! : Number.NaN, mcse: Number.NaN };
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1);
  return { mean, mcse: Math.sqrt(variance / n) };
}

/** The mean over versions of option `a`'s race minutes minus option 0's (versions that raced in both). */
export function meanDifference(result: WhatIfResult, a: number): number {
  return pairedDifference(result.options[0]!.raceMinutes, result.options[a]!.raceMinutes).mean;
}

/** `result` (the committed set's) against the drawn sets; `runSet` runs the what-if under one set of the ensemble. */
export function whatIfUncertainty(result: WhatIfResult, drawn: readonly number[], runSet: (set: number) => WhatIfResult): WhatIfUncertainty {
  const bySet = new Map<number, WhatIfResult>();
  for (const set of drawn) if (!bySet.has(set)) bySet.set(set, runSet(set));
  const perDraw = drawn.map((set) => bySet.get(set)!);
  return {
    sets: drawn.length,
    distinct: bySet.size,
    median: result.options.map((option, a) => modelIntervalOf(perDraw.map((run) => run.options[a]!.median), option.median)),
    contrast: result.options.map((_option, a) => (a === 0 ? null : modelIntervalOf(perDraw.map((run) => meanDifference(run, a)), meanDifference(result, a)))),
  };
}


/** The days of mornings a what-if's usual markers are the means of, and the fewest readings each needs: the engine's 4-week baseline (hrvBaselineDays), a reading a week at least. */
export const USUAL_MORNINGS = { days: 28, minReadings: 7 } as const;

/**
 * The athlete's usual mornings as the versions start the plan: the means of the USUAL_MORNINGS.days
 * before the plan's first day `from` — not of the plan's own weeks, which training moved — each
 * marker only where it has USUAL_MORNINGS.minReadings readings.
 */
export function usualMornings(mornings: readonly Morning[], from: string): { restingHr?: number; lnRmssd?: number; sleepHours?: number } {
  const recent = mornings.filter((morning) => morning.date < from && morning.date >= addDays(from, -USUAL_MORNINGS.days));
  const mean = (values: number[]) => {
    const read = values.filter((value) => value === value);
    return read.length >= USUAL_MORNINGS.minReadings ? read.reduce((sum, value) => sum + value, 0) / read.length : undefined;
  };
  const usual = { restingHr: mean(recent.map((m) => m.restingHr)), lnRmssd: mean(recent.map((m) => m.lnRmssd)), sleepHours: mean(recent.map((m) => m.sleepHours)) };
  return Object.fromEntries(Object.entries(usual).filter(([, value]) => value !== undefined));
}
