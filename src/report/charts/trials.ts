import { type Chart, withBase } from '../chart.ts';

/** One published outcome of a trial against the simulator's. */
export interface TrialRow {
  /** "Helgerud 2007" and the outcome in words, which label the row. */
  study: string;
  outcome: string;
  unit: string;
  role: 'calibration' | 'validation';
  /** The published value (null: a finding of direction or a range, without one). */
  published: number | null;
  /** The band the paper's uncertainty allows (null: open on that side — a finding of direction, "above 0"). */
  bandLow: number | null;
  bandHigh: number | null;
  simulated: number;
  ciLow: number | null;
  ciHigh: number | null;
  within: boolean;
  /** With `--uncertainty`: the 90 % predictive interval of the study's estimate over plausible models. */
  studyLow: number | null;
  studyHigh: number | null;
}

/**
 * Simulated against published, outcome by outcome: the band the paper's uncertainty allows, the
 * published value, the simulated value with its CI and, with the ensemble, the 90 % predictive
 * interval of a study of the trial's size.
 */
export function trialsChart(rows: readonly TrialRow[]): Chart {
  const hasStudy = rows.some((r) => r.studyLow !== null);
  const verdictColour = { field: 'verdict', type: 'nominal', scale: { domain: ['within its band', 'outside its band'], range: ['#238b45', '#cb181d'] }, title: 'simulated' };
  // One small chart per outcome, each on its own scale (the units differ), with only the layers it
  // has data for: an empty layer would leave a scale without a domain.
  const panels = rows.map((r, i) => {
    const datum = { ...r, verdict: r.within ? 'within its band' : 'outside its band' };
    const x = { type: 'quantitative', title: null, scale: { zero: false } };
    const tooltip = [
      { field: 'study', type: 'nominal' },
      { field: 'outcome', type: 'nominal' },
      { field: 'role', type: 'nominal' },
      { field: 'published', type: 'quantitative', format: '+.2f' },
      { field: 'simulated', type: 'quantitative', format: '+.2f' },
      { field: 'bandLow', type: 'quantitative', format: '+.2f', title: 'band, low' },
      { field: 'bandHigh', type: 'quantitative', format: '+.2f', title: 'band, high' },
      ...(hasStudy ? [{ field: 'studyLow', type: 'quantitative', format: '+.2f', title: 'study, 5th pct' }, { field: 'studyHigh', type: 'quantitative', format: '+.2f', title: 'study, 95th pct' }] : []),
    ];
    return {
      title: { text: `${r.study}: ${r.outcome} (${r.unit})`, anchor: 'start', fontSize: 11, fontWeight: 'normal', offset: 2 },
      width: 420,
      height: 16,
      data: { values: [datum] },
      layer: [
        // A finding of direction ("faster", band open on one side): the zero it must clear.
        ...(r.bandLow === null || r.bandHigh === null ? [{ mark: { type: 'rule', strokeDash: [3, 3], color: '#777' }, encoding: { x: { datum: 0, ...x } } }] : []),
        ...(r.bandLow !== null && r.bandHigh !== null ? [{ mark: { type: 'rule', strokeWidth: 12, color: '#d9d9d9' }, encoding: { x: { field: 'bandLow', ...x }, x2: { field: 'bandHigh' } } }] : []),
        ...(r.studyLow !== null && r.studyHigh !== null ? [{ mark: { type: 'rule', strokeWidth: 2, color: '#6a51a3', yOffset: 7 }, encoding: { x: { field: 'studyLow', ...x }, x2: { field: 'studyHigh' } } }] : []),
        ...(r.ciLow !== null && r.ciHigh !== null ? [{ mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'ciLow', ...x }, x2: { field: 'ciHigh' }, color: { ...verdictColour, legend: null } } }] : []),
        { mark: { type: 'point', filled: true, size: 50, tooltip: true }, encoding: { x: { field: 'simulated', ...x }, color: i === 0 ? verdictColour : { ...verdictColour, legend: null }, tooltip } },
        ...(r.published !== null ? [{ mark: { type: 'point', shape: 'diamond', filled: true, color: '#111', size: 60 }, encoding: { x: { field: 'published', ...x } } }] : []),
      ],
    };
  });
  return {
    id: 'trials',
    title: 'The published studies, simulated',
    caption: `For each published outcome: the grey bar is the band its reported uncertainty allows, the black diamond the published value, the dot the simulated value with its 95 % CI (green within the band, red outside).${hasStudy ? " The purple line is the 90 % predictive interval of a study of the trial's own size over plausible models." : ''} Each row has its own scale; a finding of direction ("faster") has no band, only the zero (dashed) it must clear.`,
    spec: withBase({ vconcat: panels, spacing: 10, resolve: { scale: { x: 'independent', color: 'shared' } } }),
  };
}
