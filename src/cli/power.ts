import type { PowerRange, PowerRow } from '../sim/power.ts';
import type { RunSpec } from '../sim/scenario/prepare.ts';
import { counted } from '../models/text/plural.ts';
import { columns, FEW_SETS } from './table.ts';

const LABELS: Record<string, string> = { vo2maxPct: 'VO2max %', lt2SpeedPct: 'LT2 speed %', timeTrialPct: '10-km TT %', peakSpeedPct: 'peak speed %' };

/** Over the ensemble's parameter sets (`power --uncertainty`): each row's range and how many sets it is over. */
export interface PowerUncertainty {
  ranges: readonly PowerRange[];
  sets: number;
  distinct: number;
  ensemble: string;
}

const percent = (p: number) => `${Math.round(p * 100)} %`;
const pp = (d: number) => `${d >= 0 ? '+' : ''}${d.toFixed(2)} pp`;

/**
 * The power table: arm, metric, the population's difference, then the power at each study size —
 * with `uncertainty`, each followed by its 90 % range over plausible models.
 */
export function powerTable(rows: readonly PowerRow[], sizes: readonly number[], spec: RunSpec, paired: boolean, uncertainty: PowerUncertainty | null = null): string {
  const reference = spec.arms[spec.referenceIndex]!.id;
  const table: string[][] = [['arm', 'metric', `difference vs ${reference}`, ...sizes.map((n) => `n = ${n}`)]];
  rows.forEach((row, r) => {
    const range = uncertainty?.ranges[r];
    const difference = range === undefined ? pp(row.difference) : `${pp(row.difference)} [${pp(range.difference[0])}, ${pp(range.difference[2])}]`;
    const power = row.power.map((p, n) => (range === undefined ? percent(p) : `${percent(p)} [${Math.round(range.power[n]![0] * 100)}–${percent(range.power[n]![2])}]`));
    table.push([row.arm, LABELS[row.metric] ?? row.metric, difference, ...power]);
  });
  const design = paired ? 'a crossover (the same athletes in both arms, paired t-test)' : 'parallel groups (Welch\'s t-test)';
  const lines = [
    `Probability that a trial of n athletes per arm finds each difference at α = 0.05, for ${design}, from ${spec.population.size.toLocaleString('en-US')} simulated athletes:`,
  ];
  if (uncertainty !== null) {
    const sets = uncertainty.distinct === uncertainty.sets ? counted(uncertainty.sets, 'parameter set') : `${counted(uncertainty.sets, 'parameter set')} (${uncertainty.distinct} distinct)`;
    lines.push(
      `[brackets]: the 5th to 95th percentile over ${sets} drawn by weight from the calibrated ensemble (${uncertainty.ensemble}), the same athletes under each — what the model does not know about the difference and the power.`,
      'The number before them is the committed constants\' (the ensemble\'s medians, not one of its sets: it need not lie inside); each set\'s power is in that set\'s direction.',
      ...(uncertainty.sets < FEW_SETS ? [`With ${uncertainty.sets} sets the interval is little more than their range: ask for ensemble:${FEW_SETS} or more.`] : []),
    );
  }
  return [...lines, '', columns(table, new Set([2, ...sizes.map((_, i) => 3 + i)])), ''].join('\n');
}
