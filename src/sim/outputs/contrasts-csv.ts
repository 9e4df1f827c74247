import { METRICS, type Summary } from '../summary.ts';
import { field, fixed } from './format.ts';

/** contrasts.csv: one row per (arm, reference, metric) — the paired comparisons of summary.json, tidy. */
export const CONTRAST_COLUMNS = ['arm', 'reference', 'metric', 'mean_diff', 'ci_low', 'ci_high', 'hedges_g', 'd_z', 'mcse', 'n'] as const;

/** The file's text: a header, then every non-reference arm × metric (header only without a reference). */
export function contrastsCsv(summary: Summary): string {
  const rows = [CONTRAST_COLUMNS.join(',')];
  const reference = summary.reference;
  if (reference !== null) {
    for (const arm of summary.arms) {
      if (arm.vsReference === null) continue;
      for (const metric of METRICS) {
        const c = arm.vsReference[metric];
        rows.push(
          [
            field(arm.id),
            field(reference),
            metric,
            fixed(c.diff, 4),
            fixed(c.ci95?.[0] ?? Number.NaN, 4),
            fixed(c.ci95?.[1] ?? Number.NaN, 4),
            fixed(c.hedgesG ?? Number.NaN, 4),
            fixed(c.dz ?? Number.NaN, 4),
            fixed(c.mcse ?? Number.NaN, 4),
            String(c.n),
          ].join(','),
        );
      }
    }
  }
  return `${rows.join('\n')}\n`;
}
