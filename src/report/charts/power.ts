import { type Chart, SERIES_SCHEME, withBase } from '../chart.ts';

/** One row of power.csv as the charts draw it: a contrast, a metric, a test, a study size and its power. */
export interface PowerPoint {
  contrast: string;
  metric: string;
  /** "difference" (the two-sided test finds it) or "equivalence" (the two one-sided tests show it within ±sesoi). */
  test: string;
  n: number;
  power: number;
  mcse: number;
  /** `--target`: whether the n reaches the target (false: the largest n searched, short of it); null for `--n`. */
  reached: boolean | null;
}

/**
 * Power curves (`power --n`): per metric, each contrast's power against the study size, the
 * equivalence tests dashed, with the power's Monte Carlo SE as a band and the target as a line —
 * the figure of a protocol's sample-size justification.
 */
export function powerCurvesChart(points: readonly PowerPoint[], contrasts: readonly string[], target: number): Chart {
  const data = points.map((p) => ({ ...p, low: Math.max(0, p.power - 2 * p.mcse), high: Math.min(1, p.power + 2 * p.mcse) }));
  // The sizes asked for, and only those, on the axis: a log scale's own ticks crowd between them.
  const sizes = [...new Set(points.map((p) => p.n))].sort((a, b) => a - b);
  const x = {
    field: 'n',
    type: 'quantitative',
    scale: { type: 'log', domain: [sizes[0] ?? 1, sizes.at(-1) ?? 10], nice: false },
    axis: { values: sizes, format: ',d', grid: false },
    title: 'athletes per arm (log scale)',
  };
  const y = { type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '%' }, title: 'power' };
  const colour = { field: 'contrast', type: 'nominal', scale: { domain: contrasts, scheme: SERIES_SCHEME }, title: 'contrast' };
  const dash = { field: 'test', type: 'nominal', scale: { domain: ['difference', 'equivalence'], range: [[1, 0], [5, 3]] }, legend: null };
  const metrics = [...new Set(points.map((p) => p.metric))];
  return {
    id: 'power-curves',
    title: 'Power by study size, each contrast',
    caption:
      `The probability that a trial of n athletes per arm finds each difference (solid lines; two-sided at α, either direction) or shows equivalence within ±sesoi (dashed lines), from simulated trials drawn from the simulated athletes; the grey band about each line is ± 2 Monte Carlo SE. The grey line is ${Math.round(target * 100)} % power.`,
    spec: withBase({
      data: { values: data },
      facet: { field: 'metric', type: 'nominal', sort: metrics, title: null },
      columns: 2,
      spec: {
        width: 300,
        height: 200,
        layer: [
          { mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { y: { datum: target, type: 'quantitative' } } },
          // The bands in grey: each lies about its own line, and the legend is the lines'.
          { mark: { type: 'area', opacity: 0.12, color: '#777' }, encoding: { x, y: { field: 'low', ...y }, y2: { field: 'high' }, detail: [{ field: 'contrast' }, { field: 'test' }] } },
          { mark: { type: 'line', point: true }, encoding: { x, y: { field: 'power', ...y }, color: colour, strokeDash: dash, tooltip: tooltipOf() } },
        ],
      },
    }),
  };
}

/**
 * The n for a target power (`power --target`): per metric, each contrast's n per arm on a log
 * scale, for the difference and for equivalence; an n not reached by the largest searched is drawn
 * there, hollow, and said so.
 */
export function sampleSizeChart(points: readonly PowerPoint[], contrasts: readonly string[], target: number): Chart {
  const data = points.map((p) => ({ ...p, label: p.reached === false ? `> ${p.n.toLocaleString('en-US')}` : p.n.toLocaleString('en-US'), found: p.reached === false ? 'not reached' : 'reached' }));
  const y = { field: 'contrast', type: 'nominal', sort: contrasts, title: null };
  // The difference above, equivalence below, within a contrast's row: the two never overlap.
  const yOffset = { field: 'test', type: 'nominal', scale: { domain: ['difference', 'equivalence'], paddingOuter: 0.5 } };
  // Ticks at 1, 2 and 5 of each power of ten: a log scale's own crowd together.
  const largest = Math.max(10, ...points.map((p) => p.n));
  const ticks = [1, 2, 5].flatMap((m) => Array.from({ length: Math.ceil(Math.log10(largest)) + 1 }, (_, k) => m * 10 ** k)).filter((t) => t >= 2 && t <= largest).sort((a, b) => a - b);
  const x = { field: 'n', type: 'quantitative', scale: { type: 'log' }, axis: { values: ticks, format: ',d' }, title: `athletes per arm for ${Math.round(target * 100)} % power (log scale)` };
  const metrics = [...new Set(points.map((p) => p.metric))];
  return {
    id: 'sample-size',
    title: `The n a trial needs for ${Math.round(target * 100)} % power`,
    caption:
      'Per contrast, the smallest n per arm whose simulated trials reach the target power: a dot (above) to find the difference, a diamond (below) to show equivalence within ±sesoi. A hollow mark at the end is an n not reached by the largest study searched.',
    spec: withBase({
      data: { values: data },
      facet: { row: { field: 'metric', type: 'nominal', sort: metrics, title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontWeight: 'bold' } } },
      spec: {
        width: 520,
        height: { step: 14 },
        layer: [
          {
            mark: { type: 'point', size: 80 },
            encoding: {
              y,
              x,
              yOffset,
              shape: { field: 'test', type: 'nominal', scale: { domain: ['difference', 'equivalence'], range: ['circle', 'diamond'] }, legend: null },
              fill: { condition: { test: "datum.found === 'reached'", field: 'contrast', type: 'nominal', scale: { domain: contrasts, scheme: SERIES_SCHEME } }, value: 'white' },
              color: { field: 'contrast', type: 'nominal', scale: { domain: contrasts, scheme: SERIES_SCHEME }, legend: null },
              tooltip: tooltipOf(),
            },
          },
          { mark: { type: 'text', align: 'left', dx: 8, fontSize: 10, color: '#444' }, encoding: { y, yOffset, x, text: { field: 'label' } } },
        ],
      },
    }),
  };
}

function tooltipOf(): Record<string, unknown>[] {
  return [
    { field: 'contrast', type: 'nominal' },
    { field: 'metric', type: 'nominal' },
    { field: 'test', type: 'nominal' },
    { field: 'n', type: 'quantitative', title: 'n per arm' },
    { field: 'power', type: 'quantitative', format: '.1%' },
    { field: 'mcse', type: 'quantitative', format: '.1%', title: 'Monte Carlo SE' },
  ];
}
