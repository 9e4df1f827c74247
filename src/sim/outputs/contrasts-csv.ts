import { METRICS, type Summary } from '../summary.ts';
import { field, fixed } from './format.ts';

/** contrasts.csv: one row per (arm, reference, metric) — the paired comparisons of summary.json, tidy. */
export const CONTRAST_COLUMNS = ['arm', 'reference', 'metric', 'mean_diff', 'ci_low', 'ci_high', 'hedges_g', 'd_z', 'mcse', 'n'] as const;

/**
 * With `--uncertainty` (summary.json's modelUncertainty), after those: the contrast over the
 * ensemble's parameter sets — the median and 5th and 95th percentiles of the per-set mean
 * difference, the share of sets agreeing in sign with mean_diff, and the sets — apart from ci_low
 * and ci_high, the sampling interval under the committed constants.
 */
export const MODEL_COLUMNS = ['model_median', 'model_p05', 'model_p95', 'model_same_sign', 'model_sets'] as const;

/** The file's text: a header, then every non-reference arm × metric (header only without a reference). */
export function contrastsCsv(summary: Summary): string {
  const withModel = summary.modelUncertainty !== undefined;
  const rows = [[...CONTRAST_COLUMNS, ...(withModel ? MODEL_COLUMNS : [])].join(',')];
  const reference = summary.reference;
  if (reference !== null) {
    for (const arm of summary.arms) {
      if (arm.vsReference === null) continue;
      for (const metric of METRICS) {
        const c = arm.vsReference[metric];
        const model = c.modelUncertainty;
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
            ...(withModel
              ? [
                  fixed(model?.median ?? Number.NaN, 4),
                  fixed(model?.interval90[0] ?? Number.NaN, 4),
                  fixed(model?.interval90[1] ?? Number.NaN, 4),
                  fixed(model?.sameSign ?? Number.NaN, 4),
                  String(model?.sets ?? 0),
                ]
              : []),
          ].join(','),
        );
      }
    }
  }
  return `${rows.join('\n')}\n`;
}
