import type { PowerRow } from '../sim/power.ts';
import type { RunSpec } from '../sim/scenario/prepare.ts';
import { columns } from './table.ts';

const LABELS: Record<string, string> = { vo2maxPct: 'VO2max %', lt2SpeedPct: 'LT2 speed %', timeTrialPct: '10-km TT %', peakSpeedPct: 'peak speed %' };

/** The power table: arm, metric, the population's difference, then the power at each study size. */
export function powerTable(rows: readonly PowerRow[], sizes: readonly number[], spec: RunSpec, paired: boolean): string {
  const reference = spec.arms[spec.referenceIndex]!.id;
  const table: string[][] = [['arm', 'metric', `difference vs ${reference}`, ...sizes.map((n) => `n = ${n}`)]];
  for (const row of rows) {
    table.push([row.arm, LABELS[row.metric] ?? row.metric, `${row.difference >= 0 ? '+' : ''}${row.difference.toFixed(2)} pp`, ...row.power.map((p) => `${Math.round(p * 100)} %`)]);
  }
  const design = paired ? 'a crossover (the same athletes in both arms, paired t-test)' : 'parallel groups (Welch\'s t-test)';
  return [
    `Probability that a trial of n athletes per arm finds each difference at α = 0.05, for ${design}, from ${spec.population.size.toLocaleString('en-US')} simulated athletes:`,
    '',
    columns(table, new Set([2, ...sizes.map((_, i) => 3 + i)])),
    '',
  ].join('\n');
}
