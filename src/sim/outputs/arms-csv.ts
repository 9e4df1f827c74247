import { METRICS, type Summary } from '../summary.ts';
import { field, fixed } from './format.ts';

/**
 * arms.csv, tidy for R and pandas: one row per arm and metric — what the arm trained (its design
 * and rule set, empty for a fixed plan) and the metric over its athletes: n measured, mean, SD,
 * median and the t-based 95 % CI of the mean (summary.json's `arms[].metrics`).
 */
export const ARM_COLUMNS = ['arm', 'design', 'rules', 'metric', 'n', 'mean', 'sd', 'median', 'ci_low', 'ci_high'] as const;

/** The file's text: a header, then every arm × metric in the summary's order. */
export function armsCsv(summary: Summary): string {
  const rows = [ARM_COLUMNS.join(',')];
  for (const arm of summary.arms) {
    for (const metric of METRICS) {
      const m = arm.metrics[metric];
      rows.push(
        [
          field(arm.id),
          field(arm.design),
          field(arm.rules ?? ''),
          metric,
          String(m.n),
          fixed(m.mean, 4),
          fixed(m.sd ?? Number.NaN, 4),
          fixed(m.median, 4),
          fixed(m.ci95?.[0] ?? Number.NaN, 4),
          fixed(m.ci95?.[1] ?? Number.NaN, 4),
        ].join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
