import { basename, extname } from 'node:path';
import type { Prediction } from '../sim/calibration/predictive.ts';
import type { TrialResult } from '../sim/trials/run.ts';
import { type TrialRow, trialsChart } from './charts/trials.ts';
import { expectShape } from './files.ts';
import type { ReportPage } from './page.ts';
import { type Manifest, provenanceOf } from './provenance.ts';

/** The data file `trials --report` writes beside its page, from which `periodize report` draws it again. */
export const TRIALS_FILE = 'trials.json';

export interface TrialsJson {
  size: number;
  /** Per trial file, its outcomes as the chart draws them. */
  trials: { file: string; study: string; population: string; duration: string; rows: TrialRow[] }[];
  /** The coverage of the published values by the predictive intervals, in words (null without --uncertainty). */
  coverage: { validation: string; calibration: string } | null;
}

/** trials.json: every outcome, simulated against published, with its predictive interval when the ensemble ran. */
export function trialsJson(results: readonly TrialResult[], predictions: readonly Prediction[] | null, coverage: TrialsJson['coverage']): TrialsJson {
  let o = 0;
  return {
    size: results[0]?.size ?? 0,
    trials: results.map((result) => ({
      file: basename(result.file, extname(result.file)),
      study: result.trial.study,
      population: result.trial.population,
      duration: result.trial.duration,
      rows: result.outcomes.map((outcome) => {
        const p = predictions?.[o++] ?? null;
        const published = outcome.expectation.published;
        return {
          study: result.trial.study,
          outcome: outcome.expectation.outcome,
          unit: published.unit,
          role: outcome.expectation.role,
          published: published.mean ?? null,
          bandLow: Number.isFinite(outcome.band[0]) ? outcome.band[0] : null,
          bandHigh: Number.isFinite(outcome.band[1]) ? outcome.band[1] : null,
          simulated: outcome.simulated,
          ciLow: outcome.ci95?.[0] ?? null,
          ciHigh: outcome.ci95?.[1] ?? null,
          within: outcome.within,
          studyLow: p?.study[0] ?? null,
          studyHigh: p?.study[1] ?? null,
        };
      }),
    })),
    coverage,
  };
}

/** The trials' page: calibration and validation outcomes apart, each simulated against its published value. */
export function trialsReport(data: unknown, manifest: Manifest | null, file: string): ReportPage {
  const trials = data as TrialsJson;
  expectShape(Array.isArray(trials?.trials) && trials.trials.every((t) => Array.isArray(t?.rows)), file, 'the trials');
  const rows = trials.trials.flatMap((t) => t.rows);
  const section = (role: TrialRow['role'], heading: string, text: string) => {
    const of = rows.filter((r) => r.role === role);
    const outside = of.filter((r) => !r.within).length;
    return {
      heading,
      text,
      charts: of.length === 0 ? [] : [{ ...trialsChart(of), id: `trials-${role}`, title: `${heading}: simulated against published` }],
      notes: [
        `${of.length - outside} of ${of.length} outcomes within their published bands.`,
        ...(trials.coverage === null ? [] : [`Coverage of the published values by the 90 % predictive intervals: ${trials.coverage[role]}.`]),
      ],
    };
  };
  return {
    kind: 'trials',
    title: 'The published studies, replayed',
    subtitle: `${trials.trials.length} studies, ${rows.length} outcomes, ${trials.size.toLocaleString('en-US')} simulated athletes per scenario`,
    provenance: provenanceOf(manifest),
    sections: [
      section('calibration', 'Calibration outcomes', 'The outcomes the constants were fitted to (docs/CALIBRATION.md): inside their bands by construction, unless the fit could not reach them.'),
      section('validation', 'Validation outcomes', 'The outcomes the model never saw while it was fitted: how well it predicts studies it was not tuned on.'),
    ].filter((s) => s.charts.length > 0),
  };
}
