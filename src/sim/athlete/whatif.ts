import { quantileSorted } from 'simple-statistics';
import type { Parameters } from '../../models/parameters.ts';
import { RACE_DISTANCES_KM, type RaceDistance } from '../../models/physiology/race.ts';
import { clockMinutes } from '../../models/athlete/schema.ts';
import { ARM, ARM_COUNT, TEST, TEST_COUNT } from '../results.ts';
import type { ScenarioRunner } from '../runner.ts';
import type { LoadedAthlete } from './load.ts';

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
  /** Share with at least one day of illness, and the mean days ill. */
  ill: number;
  illDays: number;
  /** Share with at least one running injury, and the mean days of running lost to them. */
  injured: number;
  injuryDays: number;
  /** Hard sessions done per week, mean over the versions. */
  hardPerWeek: number;
  /** Changes the adaptive engine applied, mean per version (0 for a fixed plan). */
  adjustments: number;
}

export interface WhatIfResult {
  /** The goal distance and the athlete's current time at it (the race given, or its equivalent by Riegel's formula). */
  distance: RaceDistance;
  bestMinutes: number;
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
      beatBest: raced.length === 0 ? Number.NaN : raced.filter((minutes) => minutes < bestMinutes).length / raced.length,
      noRace: share(row[r + 6]!),
      ill: share(row[r]!),
      illDays: share(row[r + 1]!),
      injured: share(row[r + 2]!),
      injuryDays: share(row[r + 3]!),
      hardPerWeek: share(row[r + 4]!) / spec.weeks,
      adjustments: share(row[r + 5]!),
    };
  });
  return { distance, bestMinutes, bestRaced, replicates: versions, options };
}
