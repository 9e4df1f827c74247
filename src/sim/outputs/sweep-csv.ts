import type { SweepExpansion } from '../../engine/designs/sweep.ts';
import { METRICS, type Summary } from '../summary.ts';
import { field, fixed } from './format.ts';

/**
 * sweep.csv, tidy: one row per sweep arm and metric — the values the arm was given, the metric's
 * mean, and (with a reference) the paired difference with its 95 % CI.
 */
export function sweepCsv(summary: Summary, sweep: SweepExpansion): string {
  const rows = [['arm', ...sweep.keys, 'metric', 'mean', 'diff', 'ci_low', 'ci_high', 'n'].join(',')];
  sweep.arms.forEach((sweepArm, i) => {
    const arm = summary.arms.find((a) => a.id === sweepArm.id);
    if (arm === undefined) return;
    for (const metric of METRICS) {
      const c = arm.vsReference?.[metric];
      rows.push(
        [
          field(arm.id),
          ...sweep.values[i]!.map(String),
          metric,
          fixed(arm.metrics[metric].mean, 4),
          fixed(c?.diff ?? Number.NaN, 4),
          fixed(c?.ci95?.[0] ?? Number.NaN, 4),
          fixed(c?.ci95?.[1] ?? Number.NaN, 4),
          String(arm.metrics[metric].n),
        ].join(','),
      );
    }
  });
  return `${rows.join('\n')}\n`;
}
