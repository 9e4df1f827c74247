import { classifyDistribution, polarizationIndex } from '../models/tid.ts';
import { ARM, TEST, type AthleteResults } from './results.ts';
import type { RunSpec } from './scenario/prepare.ts';
import { pairedDifference, summarize } from './stats/index.ts';

/** The metrics of the summary contract (DESIGN.md §5), plus peak speed. */
export const METRICS = [
  'vo2maxPct',
  'lt2SpeedPct',
  'timeTrialPct',
  'peakSpeedPct',
  'restingHrDelta',
  'lnRmssdDelta',
  'illnessDays',
] as const;
export type MetricName = (typeof METRICS)[number];

/** Per-athlete metric values of one athlete-arm, in METRICS order. */
function metricValues(results: AthleteResults, arm: number, out: Float64Array): Float64Array {
  out[0] = results.changePct(arm, TEST.vo2max, false);
  out[1] = results.changePct(arm, TEST.lt2Speed, false);
  out[2] = results.changePct(arm, TEST.timeTrialMinutes, false);
  out[3] = results.changePct(arm, TEST.peakSpeed, false);
  out[4] = results.get(arm, ARM.finalWeekRestingHr) - results.baselineRestingHr;
  out[5] = results.get(arm, ARM.finalWeekLnRmssd) - results.baselineLnRmssd;
  out[6] = results.get(arm, ARM.illnessDays);
  return out;
}

/**
 * Collects what the summary needs while athletes stream past: every metric of every athlete-arm
 * (medians and paired comparisons need them all) and the arm totals of time in zone and sessions.
 */
export class SummaryCollector {
  private readonly values: Float64Array[][];
  private readonly zoneShares: Float64Array[];
  private readonly totals: Float64Array[];
  private readonly scratch = new Float64Array(METRICS.length);

  constructor(
    private readonly spec: RunSpec,
    readonly size: number,
  ) {
    this.values = spec.arms.map(() => METRICS.map(() => new Float64Array(size)));
    this.zoneShares = spec.arms.map(() => new Float64Array(3));
    this.totals = spec.arms.map(() => new Float64Array(10));
  }

  /** Records athlete number `slot` (0-based within this run). */
  add(slot: number, results: AthleteResults): void {
    this.spec.arms.forEach((_, arm) => {
      metricValues(results, arm, this.scratch);
      for (let m = 0; m < METRICS.length; m++) this.values[arm]![m]![slot] = this.scratch[m]!;
      const z1 = results.get(arm, ARM.z1Minutes);
      const z2 = results.get(arm, ARM.z2Minutes);
      const z3 = results.get(arm, ARM.z3Minutes);
      const minutes = z1 + z2 + z3;
      const shares = this.zoneShares[arm]!;
      if (minutes > 0) {
        shares[0]! += z1 / minutes;
        shares[1]! += z2 / minutes;
        shares[2]! += z3 / minutes;
      }
      const totals = this.totals[arm]!;
      totals[0]! += minutes;
      totals[1]! += results.get(arm, ARM.hardSessions);
      totals[2]! += results.get(arm, ARM.lowGoalSessions);
      totals[3]! += results.get(arm, ARM.thresholdGoalSessions);
      totals[4]! += results.get(arm, ARM.highGoalSessions);
      totals[5]! += results.get(arm, ARM.missedSessions);
      totals[6]! += minutes > 0 ? 1 : 0;
      const target = results.get(arm, ARM.targetMinutes);
      if (target > 0 && minutes > 0) {
        totals[7]! += results.get(arm, ARM.targetZ2Minutes) / target;
        totals[8]! += results.get(arm, ARM.targetZ3Minutes) / target;
        totals[9]! += 1;
      }
    });
  }

  /** Per-athlete values of one metric in one arm (athletes in index order). */
  valuesOf(arm: number, metric: MetricName): Float64Array {
    return this.values[arm]![METRICS.indexOf(metric)]!;
  }

  summary(): Summary {
    const { spec, size } = this;
    const weeks = spec.weeks;
    const reference = spec.referenceIndex;
    return {
      name: spec.scenario.name,
      seed: spec.seed,
      weeks,
      population: describePopulation(spec, size),
      reference: reference >= 0 ? spec.arms[reference]!.id : null,
      zoneSystem: '3-zone',
      arms: spec.arms.map((arm, a) => {
        const totals = this.totals[a]!;
        const trained = Math.max(1, totals[6]!);
        // Mean of the athletes' own shares: every athlete counts the same, whatever their volume.
        const shares = this.zoneShares[a]!;
        const z1 = shares[0]! / trained;
        const z2 = shares[1]! / trained;
        const z3 = shares[2]! / trained;
        const goalSessions = totals[2]! + totals[3]! + totals[4]!;
        const metrics = {} as Record<MetricName, MetricSummary>;
        const vsReference = {} as Record<MetricName, Comparison>;
        METRICS.forEach((metric, m) => {
          metrics[metric] = roundAll(summarize(this.values[a]![m]!));
          if (reference >= 0 && a !== reference) {
            const paired = pairedDifference(this.values[a]![m]!, this.values[reference]![m]!);
            vsReference[metric] = roundAll({ diff: paired.diff, ci95: paired.ci95, hedgesG: paired.hedgesG });
          }
        });
        return {
          id: arm.id,
          design: arm.label,
          description: arm.description,
          n: size,
          blocks: arm.macroplan.blocks.map((block) => ({
            name: block.name,
            weeks: block.weeks,
            target:
              block.design.distribution === null
                ? null
                : { system: '3-zone' as const, basis: block.design.basis, ...roundAll(block.design.distribution) },
          })),
          distribution:
            totals[6]! === 0
              ? null
              : {
                  system: '3-zone' as const,
                  basis: 'time' as const,
                  ...roundAll({ z1, z2, z3, polarizationIndex: polarizationIndex({ z1, z2, z3 }, 0.02) }),
                  classification: classifyDistribution({ z1, z2, z3 }, 0.02),
                },
          sessionDistribution: {
            system: '3-zone' as const,
            basis: 'sessions' as const,
            ...roundAll({
              z1: goalSessions > 0 ? totals[2]! / goalSessions : 0,
              z2: goalSessions > 0 ? totals[3]! / goalSessions : 0,
              z3: goalSessions > 0 ? totals[4]! / goalSessions : 0,
            }),
          },
          target:
            totals[9]! === 0
              ? null
              : {
                  system: '3-zone' as const,
                  basis: 'time' as const,
                  ...roundAll({ z1: 1 - (totals[7]! + totals[8]!) / totals[9]!, z2: totals[7]! / totals[9]!, z3: totals[8]! / totals[9]! }),
                },
          warnings: distributionWarnings(z1, z2, z3, totals),
          hardSessionsPerWeek: round(totals[1]! / size / weeks),
          weeklyHours: round(totals[0]! / size / weeks / 60),
          missedSessionsPerAthlete: round(totals[5]! / size),
          metrics,
          vsReference: reference >= 0 && a !== reference ? vsReference : null,
        };
      }),
    };
  }
}

export interface MetricSummary {
  n: number;
  mean: number;
  sd: number | null;
  median: number;
  ci95: [number, number] | null;
}
export interface Comparison {
  diff: number;
  ci95: [number, number] | null;
  hedgesG: number | null;
}
export type Summary = {
  name: string;
  seed: number;
  weeks: number;
  population: Record<string, unknown>;
  reference: string | null;
  zoneSystem: '3-zone';
  arms: ArmSummary[];
};
export type ArmSummary = {
  id: string;
  design: string;
  description: string | null;
  n: number;
  blocks: { name: string; weeks: number; target: Record<string, unknown> | null }[];
  /** Planned time in zone over the whole arm (the weekly targets, mean of the athletes); null if nothing was planned. */
  target: { system: '3-zone'; basis: 'time'; z1: number; z2: number; z3: number } | null;
  warnings: string[];
  /** Achieved time in zone (mean of the athletes' shares); null when nobody trained. */
  distribution: { system: '3-zone'; basis: 'time'; z1: number; z2: number; z3: number; polarizationIndex: number; classification: string } | null;
  sessionDistribution: { system: '3-zone'; basis: 'sessions'; z1: number; z2: number; z3: number };
  hardSessionsPerWeek: number;
  weeklyHours: number;
  missedSessionsPerAthlete: number;
  metrics: Record<MetricName, MetricSummary>;
  vsReference: Record<MetricName, Comparison> | null;
};

/** Differences of more than 3 percentage points between the achieved and the planned time in zone. */
function distributionWarnings(z1: number, z2: number, z3: number, totals: Float64Array): string[] {
  if (totals[9]! === 0 || totals[6]! === 0) return [];
  const target2 = totals[7]! / totals[9]!;
  const target3 = totals[8]! / totals[9]!;
  const warnings: string[] = [];
  const zones: [string, number, number][] = [
    ['Z1', z1, 1 - target2 - target3],
    ['Z2', z2, target2],
    ['Z3', z3, target3],
  ];
  for (const [zone, achieved, target] of zones) {
    const gap = (achieved - target) * 100;
    if (Math.abs(gap) > 3) {
      warnings.push(`achieved ${zone} ${(achieved * 100).toFixed(1)} % is ${Math.abs(gap).toFixed(1)} pp ${gap > 0 ? 'above' : 'below'} the planned ${(target * 100).toFixed(1)} % (too little volume for the design, illness, or race paces that fall in another zone for these athletes)`);
    }
  }
  return warnings;
}

function describePopulation(spec: RunSpec, size: number): Record<string, unknown> {
  const population = spec.scenario.population;
  if ('athletes' in population) {
    return { athletes: population.athletes.map((a) => a.id), replicates: size / population.athletes.length, size };
  }
  return { level: population.level, size };
}

/** Rounds to 4 decimals: summaries are for reading; athletes.csv keeps more. */
export function round(value: number): number {
  return Math.round(value * 1e4) / 1e4 + 0;
}

function roundAll<T>(value: T): T {
  if (typeof value === 'number') return round(value) as T;
  if (Array.isArray(value)) return value.map(roundAll) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundAll(v)])) as T;
  }
  return value;
}
