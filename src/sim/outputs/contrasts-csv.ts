import { METRICS, type Summary } from '../summary.ts';
import { field, fixed } from './format.ts';

/**
 * contrasts.csv: one row per contrast (summary.json's `contrasts.pairs`: arm − vs) and metric — the
 * paired comparison, its two-sided t-test with the p-value adjusted within the metric's family
 * (`adjust` names how), the equivalence test against ±sesoi where the scenario gives one, and the
 * verdict at α = 0.05 (docs/STATISTICS.md).
 */
export const CONTRAST_COLUMNS = [
  'arm',
  'vs',
  'metric',
  'mean_diff',
  'ci_low',
  'ci_high',
  'hedges_g',
  'd_z',
  'mcse',
  'n',
  't',
  'df',
  'p',
  'p_adjusted',
  'adjust',
  'sesoi',
  'p_equivalence',
  'p_equivalence_adjusted',
  'verdict',
] as const;

/**
 * With `--uncertainty` (summary.json's modelUncertainty), after those: the contrast over the
 * ensemble's parameter sets — the median and 5th and 95th percentiles of the per-set mean
 * difference, the share of sets agreeing in sign with mean_diff, and the sets — apart from ci_low
 * and ci_high, the sampling interval under the committed constants.
 */
export const MODEL_COLUMNS = ['model_median', 'model_p05', 'model_p95', 'model_same_sign', 'model_sets'] as const;

/** A p-value as summary.json holds it (4 significant digits), empty when there is none. */
function pValue(p: number | null | undefined): string {
  return p == null || !Number.isFinite(p) ? '' : String(p);
}

/** The file's text: a header, then every contrast × metric (header only without contrasts). */
export function contrastsCsv(summary: Summary): string {
  const withModel = summary.modelUncertainty !== undefined;
  const rows = [[...CONTRAST_COLUMNS, ...(withModel ? MODEL_COLUMNS : [])].join(',')];
  const { adjust } = summary.contrasts;
  for (const pair of summary.contrasts.pairs) {
    for (const metric of METRICS) {
      const c = pair.metrics[metric];
      const model = c.modelUncertainty;
      rows.push(
        [
          field(pair.arm),
          field(pair.vs),
          metric,
          fixed(c.diff, 4),
          fixed(c.ci95?.[0] ?? Number.NaN, 4),
          fixed(c.ci95?.[1] ?? Number.NaN, 4),
          fixed(c.hedgesG ?? Number.NaN, 4),
          fixed(c.dz ?? Number.NaN, 4),
          fixed(c.mcse ?? Number.NaN, 4),
          String(c.n),
          fixed(c.t ?? Number.NaN, 4),
          c.df === null ? '' : String(c.df),
          pValue(c.p),
          pValue(c.pAdjusted),
          adjust,
          c.equivalence === null ? '' : String(c.equivalence.sesoi),
          pValue(c.equivalence?.p),
          pValue(c.equivalence?.pAdjusted),
          c.verdict ?? '',
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
  return `${rows.join('\n')}\n`;
}
