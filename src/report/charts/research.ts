import { type Chart, SERIES_SCHEME, withBase, ZONE_COLOURS } from '../chart.ts';

/** One arm's time in zone: the design's target and what the athletes did, as shares of the time. */
export interface ArmZones {
  arm: string;
  design: string;
  /** Null: a sweep arm or a design without a single target (the blocks differ). */
  target: Zones | null;
  achieved: Zones;
  /** Treff et al. 2019's polarization index of what was done (null when zone 2 is 0: not defined). */
  polarizationIndex: number | null;
}

export interface Zones {
  z1: number;
  z2: number;
  z3: number;
}

const ZONE_KEYS = ['z1', 'z2', 'z3'] as const;

/**
 * Achieved time in zone per arm against its design's target: two stacked bars per arm, the target
 * lighter, the polarization index beside what was done.
 */
export function zoneBarsChart(arms: readonly ArmZones[]): Chart {
  const rows = arms.flatMap((a) => [
    ...(a.target === null ? [] : ZONE_KEYS.map((z) => ({ arm: a.arm, bar: 'target', zone: z.toUpperCase(), share: a.target![z] }))),
    ...ZONE_KEYS.map((z) => ({ arm: a.arm, bar: 'achieved', zone: z.toUpperCase(), share: a.achieved[z] })),
  ]);
  const labels = arms.map((a) => ({ arm: a.arm, bar: 'achieved', label: a.polarizationIndex === null ? 'PI —' : `PI ${a.polarizationIndex.toFixed(2)}` }));
  const order = arms.map((a) => a.arm);
  const y = { field: 'arm', type: 'nominal', sort: order, title: null };
  const yOffset = { field: 'bar', type: 'nominal', sort: ['target', 'achieved'], title: null };
  return {
    id: 'time-in-zone',
    title: 'Time in zone: what each arm did against its design',
    caption:
      'Each arm has two bars: the design\'s target (light) and the time the athletes actually spent in each zone (dark). PI is the polarization index of what was done (Treff et al. 2019; above 2.00 is polarized).',
    spec: withBase({
      width: 560,
      height: { step: 18 },
      layer: [
        {
          data: { values: rows },
          mark: { type: 'bar', tooltip: true },
          encoding: {
            y,
            yOffset,
            x: { field: 'share', type: 'quantitative', stack: 'zero', title: 'share of training time', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
            color: { field: 'zone', type: 'nominal', scale: ZONE_COLOURS, title: 'zone' },
            opacity: { field: 'bar', type: 'ordinal', sort: ['target', 'achieved'], scale: { domain: ['target', 'achieved'], range: [0.45, 1] }, legend: { title: 'bar' } },
            order: { field: 'zone', type: 'ordinal' },
            tooltip: [
              { field: 'arm', type: 'nominal' },
              { field: 'bar', type: 'nominal' },
              { field: 'zone', type: 'nominal' },
              { field: 'share', type: 'quantitative', format: '.1%' },
            ],
          },
        },
        {
          data: { values: labels },
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 11 },
          encoding: { y, yOffset, x: { datum: 1, type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    }),
  };
}

/** A metric's changes in one arm, summarised over every athlete measured (exact, whatever the run's size). */
export interface BoxStats {
  arm: string;
  metric: string;
  n: number;
  mean: number;
  q1: number;
  median: number;
  q3: number;
  /** The whiskers: the most extreme values within 1.5 × the interquartile range of the box (Tukey). */
  low: number;
  high: number;
}

/** A metric's box per arm, and each athlete's change when the arms are small (null: too many to draw). */
export interface MetricBoxes {
  metric: string;
  /** The axis title, with its unit ("10-km time trial, % change (positive: faster)"). */
  title: string;
  boxes: readonly BoxStats[];
  /** Each athlete's change with a horizontal offset in [−1, 1] (fixed by the athlete, so the page draws the same every time). */
  points: readonly { arm: string; value: number; jitter: number }[] | null;
}

/**
 * Each outcome's distribution of changes per arm: a box (quartiles, Tukey whiskers, the mean as a
 * diamond), with the athletes as points when an arm has few of them.
 */
export function changeBoxesChart(metrics: readonly MetricBoxes[], arms: readonly string[]): Chart {
  const panels = metrics.map((m) => {
    const x = { field: 'arm', type: 'nominal', sort: arms, title: null, axis: { labelAngle: -30 } };
    const colour = { field: 'arm', type: 'nominal', sort: arms, scale: { scheme: SERIES_SCHEME }, legend: null };
    const layers: Record<string, unknown>[] = [
      { mark: { type: 'rule' }, encoding: { x, y: { field: 'low', type: 'quantitative', title: m.title, scale: { zero: false } }, y2: { field: 'high' } } },
      {
        mark: { type: 'bar', size: 26, opacity: 0.55, tooltip: true },
        encoding: {
          x,
          y: { field: 'q1', type: 'quantitative' },
          y2: { field: 'q3' },
          color: colour,
          tooltip: [
            { field: 'arm', type: 'nominal' },
            { field: 'n', type: 'quantitative' },
            { field: 'mean', type: 'quantitative', format: '+.2f' },
            { field: 'median', type: 'quantitative', format: '+.2f' },
            { field: 'q1', type: 'quantitative', format: '+.2f', title: '25th percentile' },
            { field: 'q3', type: 'quantitative', format: '+.2f', title: '75th percentile' },
          ],
        },
      },
      { mark: { type: 'tick', size: 26, thickness: 2, color: '#222' }, encoding: { x, y: { field: 'median', type: 'quantitative' } } },
      { mark: { type: 'point', shape: 'diamond', filled: true, color: '#222', size: 40 }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
    ];
    if (m.points !== null) {
      layers.splice(1, 0, {
        data: { values: m.points },
        mark: { type: 'circle', size: 14, opacity: 0.5 },
        encoding: { x, xOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-2.5, 2.5] } }, y: { field: 'value', type: 'quantitative' }, color: colour },
      });
    }
    return { width: arms.length <= 5 ? Math.max(150, 60 * arms.length) : Math.min(900, 44 * arms.length), height: 240, data: { values: m.boxes }, layer: layers };
  });
  return {
    id: 'changes',
    title: 'Each outcome\'s change from baseline, per arm',
    caption:
      'Boxes span the middle half of the athletes, the line in each box is the median and the diamond the mean; whiskers reach the most extreme athlete within 1.5 box-lengths. Points are single athletes, drawn when an arm has few of them.',
    // Side by side while the panels fit a page's width; one under another past that.
    spec: withBase({ [arms.length <= 5 ? 'hconcat' : 'vconcat']: panels, resolve: { scale: { y: 'independent' } } }),
  };
}

/** A paired contrast (arm − vs), for one metric. */
export interface ForestRow {
  arm: string;
  vs: string;
  metric: string;
  /** The metric's label for the panel ("10-km time trial, pp"). */
  label: string;
  diff: number;
  low: number;
  high: number;
  hedgesG: number | null;
  /** The p-value adjusted within the metric's contrasts and the verdict (summary.json `contrasts`); null from a run before them. */
  pAdjusted: number | null;
  verdict: string | null;
  /** The scenario's smallest effect of interest for the metric (the equivalence bounds ±sesoi); null without one. */
  sesoi: number | null;
  /** With `--uncertainty`: the 90 % interval of the per-set mean difference over plausible models, and the share agreeing in sign. */
  model: { low: number; high: number; sameSign: number | null } | null;
}

/** A contrast's label on the forest's axis: the arm alone against one reference, "arm − vs" otherwise. */
export function contrastLabel(row: Pick<ForestRow, 'arm' | 'vs'>, oneReference: boolean): string {
  return oneReference ? row.arm : `${row.arm} − ${row.vs}`;
}

/**
 * A forest plot of every paired contrast: the mean difference with its 95 % CI (the sampling error
 * of the simulated athletes), its adjusted p-value and verdict where the run has them, and, where
 * the run has one, the wider band of the model's own uncertainty. Against one reference the rows
 * are the arms; with pairwise contrasts, "arm − vs".
 */
export function forestChart(rows: readonly ForestRow[], arms: readonly string[], colourArms: readonly string[] = arms): Chart {
  const references = [...new Set(rows.map((r) => r.vs))];
  const oneReference = references.length === 1;
  const contrasts = [...new Set(rows.map((r) => contrastLabel(r, oneReference)))].sort((a, b) => arms.indexOf(a.split(' − ')[0]!) - arms.indexOf(b.split(' − ')[0]!));
  const pText = (p: number) => (p < 0.001 ? 'p adj. < 0.001' : `p adj. ${p.toFixed(3)}`);
  const data = rows.map((r) => ({
    ...r,
    contrast: contrastLabel(r, oneReference),
    // Hedges' g, the verdict, and where the run has the ensemble, the share of plausible models agreeing in sign.
    gText: [
      r.hedgesG === null ? '' : `g = ${r.hedgesG >= 0 ? '+' : '−'}${Math.abs(r.hedgesG).toFixed(2)}`,
      r.verdict === null || r.pAdjusted === null ? '' : `${r.verdict} (${pText(r.pAdjusted)})`,
      r.model?.sameSign == null ? '' : `${Math.round(100 * r.model.sameSign)} % of models agree`,
    ]
      .filter((t) => t !== '')
      .join(' · '),
    modelLow: r.model?.low ?? null,
    modelHigh: r.model?.high ?? null,
    agree: r.model?.sameSign == null ? '' : `${Math.round(100 * r.model.sameSign)} % of models agree`,
  }));
  const hasModel = rows.some((r) => r.model !== null);
  const y = { field: 'contrast', type: 'nominal', sort: contrasts, title: null };
  const colour = { field: 'arm', type: 'nominal', scale: { domain: colourArms, scheme: SERIES_SCHEME }, legend: null };
  const panels = [...new Set(rows.map((r) => r.label))];
  const x = {
    type: 'quantitative',
    title: oneReference ? `difference from ${references[0] ?? 'the reference'} (percentage points; positive: better)` : 'difference, arm − vs (percentage points; positive: the first arm better)',
  };
  const hasSesoi = rows.some((r) => r.sesoi !== null);
  const layers: Record<string, unknown>[] = [
    // The equivalence region ±sesoi, shaded, in the panels of a metric with one.
    ...(hasSesoi
      ? [
          {
            transform: [{ filter: 'datum.sesoi != null' }, { aggregate: [{ op: 'max', field: 'sesoi', as: 'upper' }], groupby: ['label'] }, { calculate: '-datum.upper', as: 'lower' }],
            mark: { type: 'rect', color: '#41ab5d', opacity: 0.12 },
            encoding: { x: { field: 'lower', ...x }, x2: { field: 'upper' } },
          },
        ]
      : []),
    // One zero line per panel (a datum mark would draw one per row of the data).
    { transform: [{ aggregate: [{ op: 'count', as: 'rows' }], groupby: ['label'] }], mark: { type: 'rule', strokeDash: [4, 3], color: '#777' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    ...(hasModel
      ? [{ mark: { type: 'rule', strokeWidth: 12, opacity: 0.25, color: '#6a51a3' }, encoding: { y, x: { field: 'modelLow', ...x }, x2: { field: 'modelHigh' } } }]
      : []),
    { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'low', ...x }, x2: { field: 'high' }, color: colour } },
    {
      mark: { type: 'point', filled: true, size: 70, shape: 'square' },
      encoding: {
        y,
        x: { field: 'diff', ...x },
        color: colour,
        tooltip: [
          { field: 'contrast', type: 'nominal' },
          { field: 'label', type: 'nominal', title: 'metric' },
          { field: 'diff', type: 'quantitative', format: '+.2f', title: 'mean difference' },
          { field: 'low', type: 'quantitative', format: '+.2f', title: '95 % CI low' },
          { field: 'high', type: 'quantitative', format: '+.2f', title: '95 % CI high' },
          { field: 'hedgesG', type: 'quantitative', format: '+.2f', title: "Hedges' g" },
          ...(rows.some((r) => r.verdict !== null)
            ? [
                { field: 'pAdjusted', type: 'quantitative', format: '.2g', title: 'p, adjusted' },
                { field: 'verdict', type: 'nominal' },
              ]
            : []),
          ...(hasModel
            ? [
                { field: 'modelLow', type: 'quantitative', format: '+.2f', title: 'plausible models, 5th pct' },
                { field: 'modelHigh', type: 'quantitative', format: '+.2f', title: 'plausible models, 95th pct' },
                { field: 'agree', type: 'nominal', title: 'sign' },
              ]
            : []),
        ],
      },
    },
    { mark: { type: 'text', align: 'left', dx: 8, dy: -9, fontSize: 10, color: '#444' }, encoding: { y, x: { field: 'diff', ...x }, text: { field: 'gText' } } },
  ];
  return {
    id: 'forest',
    title: oneReference ? `Paired differences from ${references[0] ?? 'the reference'}, athlete by athlete` : 'Paired differences of every contrast, athlete by athlete',
    caption: hasModel
      ? "Squares are the mean difference (the same athletes in both arms) with its 95 % CI — the sampling error, which more athletes shrink. The wide purple band is the 90 % interval over plausible models of the calibrated ensemble — what the model does not know, which no number of athletes shrinks — and the label says in how many of them the difference has the same sign. g is Hedges' g."
      : "Squares are the mean difference (the same athletes in both arms) with its 95 % CI, the sampling error of the simulated athletes; g is Hedges' g (0.2 small, 0.5 medium), and the verdict that of the paired t-test adjusted over the metric's contrasts, with the equivalence tests where a green band shows ±sesoi, the smallest effect of interest (docs/STATISTICS.md). The model's own uncertainty is not in this run: run it with --uncertainty ensemble to add it.",
    spec: withBase({
      data: { values: data },
      facet: { row: { field: 'label', type: 'nominal', sort: panels, title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontWeight: 'bold' } } },
      spec: { width: 520, height: { step: 26 }, layer: layers },
    }),
  };
}

/** The shares of high and low responders in one arm, for one metric. */
export interface ResponderRow {
  arm: string;
  label: string;
  high: number;
  low: number;
}

/** Responders per arm: the shares gaining more than 2× a test's typical error, less than 0.5×, and between. */
export function respondersChart(rows: readonly ResponderRow[], arms: readonly string[]): Chart {
  const data = rows.flatMap((r) => [
    { arm: r.arm, label: r.label, group: 'low responders', share: r.low, order: 0 },
    { arm: r.arm, label: r.label, group: 'in between', share: Math.max(0, 1 - r.high - r.low), order: 1 },
    { arm: r.arm, label: r.label, group: 'high responders', share: r.high, order: 2 },
  ]);
  const groups = { domain: ['low responders', 'in between', 'high responders'], range: ['#d6604d', '#d9d9d9', '#4393c3'] };
  const panels = [...new Set(rows.map((r) => r.label))];
  return {
    id: 'responders',
    title: 'Responders: who gained clearly, who did not',
    caption:
      "High responders gained more than twice the test's typical error (a change a coach can trust); low responders less than half of it. The test's typical error is the day-to-day noise of a real test (Hopkins 2000).",
    spec: withBase({
      data: { values: data },
      facet: { column: { field: 'label', type: 'nominal', sort: panels, title: null } },
      spec: {
        width: 180,
        height: { step: 22 },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'arm', type: 'nominal', sort: arms, title: null },
          x: { field: 'share', type: 'quantitative', stack: 'zero', axis: { format: '.0%' }, title: 'share of athletes', scale: { domain: [0, 1] } },
          color: { field: 'group', type: 'nominal', scale: groups, title: null, sort: groups.domain },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'arm', type: 'nominal' },
            { field: 'group', type: 'nominal' },
            { field: 'share', type: 'quantitative', format: '.0%' },
          ],
        },
      },
    }),
  };
}

/** One marker's weekly mean in one arm, with the spread of the athletes' weekly means. */
export interface WeeklyMarker {
  arm: string;
  week: number;
  marker: string;
  mean: number;
  /** Mean ± 1 SD of the athletes' own weekly means. */
  low: number;
  high: number;
}

/** A scenario event's weeks, to shade: the same in every arm unless it names arms. */
export interface EventSpan {
  label: string;
  fromWeek: number;
  /** The last week it touches. */
  toWeek: number;
}

/**
 * Weekly means of the recovery markers per arm, each with a band of ± 1 SD of the athletes' weekly
 * means, the scenario's events shaded.
 */
export function weeklyMarkersChart(rows: readonly WeeklyMarker[], markers: readonly { marker: string; title: string }[], events: readonly EventSpan[], arms: readonly string[]): Chart {
  const colour = { field: 'arm', type: 'nominal', sort: arms, scale: { scheme: SERIES_SCHEME }, title: 'arm' };
  const shaded = events.map((e) => ({ label: e.label, from: e.fromWeek - 0.5, to: e.toWeek + 0.5 }));
  const panels = markers.map(({ marker, title }, i) => ({
    width: 560,
    height: 130,
    layer: [
      ...(shaded.length === 0
        ? []
        : [
            {
              data: { values: shaded },
              mark: { type: 'rect', color: '#fdd49e', opacity: 0.45, tooltip: true },
              encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' }, tooltip: [{ field: 'label', type: 'nominal', title: 'event' }] },
            },
          ]),
      {
        data: { values: rows },
        transform: [{ filter: { field: 'marker', equal: marker } }],
        layer: [
          { mark: { type: 'area', opacity: 0.15 }, encoding: { x: { field: 'week', type: 'quantitative' }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: i === 0 ? colour : { ...colour, legend: null } } },
          {
            mark: { type: 'line', point: { size: 18 }, tooltip: true },
            encoding: {
              x: { field: 'week', type: 'quantitative', title: i === markers.length - 1 ? 'week' : null, axis: { tickMinStep: 1 } },
              y: { field: 'mean', type: 'quantitative', title, scale: { zero: false } },
              color: i === 0 ? colour : { ...colour, legend: null },
              tooltip: [
                { field: 'arm', type: 'nominal' },
                { field: 'week', type: 'quantitative' },
                { field: 'mean', type: 'quantitative', format: '.2f' },
                { field: 'low', type: 'quantitative', format: '.2f', title: 'mean − 1 SD' },
                { field: 'high', type: 'quantitative', format: '.2f', title: 'mean + 1 SD' },
              ],
            },
          },
        ],
      },
    ],
  }));
  return {
    id: 'weekly-markers',
    title: 'Recovery markers week by week, per arm',
    caption: `Lines are the weekly mean over the athletes; bands are ± 1 SD of the athletes' own weekly means.${events.length === 0 ? '' : ' Shaded weeks hold a scripted event of the scenario (hover for which).'}`,
    spec: withBase({ vconcat: panels, resolve: { scale: { x: 'shared' } } }),
  };
}

/** What the adaptive engine changed: changes applied by one rule in one week of one arm, per athlete. */
export interface RuleWeek {
  arm: string;
  week: number;
  rule: string;
  perAthlete: number;
}

/** What the adaptive engine changed, per rule and week: stacked bars of changes per athlete. */
export function adjustmentsChart(rows: readonly RuleWeek[], arms: readonly string[]): Chart {
  return {
    id: 'adjustments',
    title: 'What the adaptive engine changed, week by week',
    caption: 'Each bar is the changes the engine applied in a week, per athlete, coloured by the rule that made them (changes overridden by another rule are not counted). A week with no bar changed nothing.',
    spec: withBase({
      data: { values: rows },
      facet: { row: { field: 'arm', type: 'nominal', sort: arms, title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontWeight: 'bold' } } },
      spec: {
        width: 560,
        height: 140,
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'week', type: 'ordinal', title: 'week', axis: { labelAngle: 0 } },
          y: { field: 'perAthlete', type: 'quantitative', stack: 'zero', title: 'changes per athlete' },
          color: { field: 'rule', type: 'nominal', scale: { scheme: 'set2' }, title: 'rule' },
          tooltip: [
            { field: 'arm', type: 'nominal' },
            { field: 'week', type: 'ordinal' },
            { field: 'rule', type: 'nominal' },
            { field: 'perAthlete', type: 'quantitative', format: '.2f', title: 'changes per athlete' },
          ],
        },
      },
    }),
  };
}

/** A sweep arm's setting and the outcome: the paired difference from the reference, or the mean without one. */
export interface SweepCell {
  arm: string;
  /** The swept settings, by key. */
  values: Record<string, number>;
  value: number;
  low: number | null;
  high: number | null;
}

/**
 * For a sweep, the outcome over the swept settings: a heatmap over two of them (a panel per value of
 * any third), or a line with its CI over one.
 */
export function sweepChart(cells: readonly SweepCell[], keys: readonly string[], valueTitle: string): Chart {
  const data = cells.map((c) => ({ ...c.values, arm: c.arm, value: c.value, low: c.low, high: c.high, rest: keys.slice(2).map((k) => `${k} ${c.values[k]}`).join(', ') }));
  const straddles = cells.some((c) => c.value < 0) && cells.some((c) => c.value > 0);
  // The diverging scale is lightest at its middle — 0, or the middle of the values when they keep one
  // sign — and darkens away from it: the cells past half-way get white text.
  const values = cells.map((c) => c.value);
  const middle = straddles ? 0 : (Math.min(...values) + Math.max(...values)) / 2;
  const reach = straddles ? Math.max(...values.map(Math.abs)) : (Math.max(...values) - Math.min(...values)) / 2;
  const dark = { middle, half: reach / 2 };
  const tooltip = [{ field: 'arm', type: 'nominal' }, ...keys.map((k) => ({ field: k, type: 'quantitative' })), { field: 'value', type: 'quantitative', format: '+.2f', title: valueTitle }];
  const withCi = cells.some((c) => c.low !== null && c.high !== null);
  const caption =
    keys.length === 1
      ? `The outcome at each swept value of ${keys[0]}${withCi ? ', with its 95 % CI' : ''}.`
      : `Each cell is one setting of the sweep: ${keys[0]} across, ${keys[1]} up; its colour and number are ${valueTitle.toLowerCase()}. Blue is better, red worse.`;
  const spec =
    keys.length === 1
      ? {
          data: { values: data },
          width: 480,
          height: 260,
          layer: [
            ...(withCi ? [{ mark: { type: 'rule' }, encoding: { x: { field: keys[0], type: 'quantitative' }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } }] : []),
            { mark: { type: 'line', point: true, tooltip: true }, encoding: { x: { field: keys[0], type: 'quantitative' }, y: { field: 'value', type: 'quantitative', title: valueTitle }, tooltip } },
          ],
        }
      : {
          data: { values: data },
          ...(keys.length > 2 ? { facet: { column: { field: 'rest', type: 'nominal', title: null } }, spec: heatmap(keys, valueTitle, tooltip, straddles, dark) } : heatmap(keys, valueTitle, tooltip, straddles, dark)),
        };
  return { id: 'sweep', title: `${valueTitle} over the swept settings`, caption, spec: withBase(spec) };
}

/** A heatmap over the first two keys; white at 0 when the values lie on both sides of it. */
function heatmap(keys: readonly string[], valueTitle: string, tooltip: readonly unknown[], straddles: boolean, dark: { middle: number; half: number }): Record<string, unknown> {
  return {
    width: { step: 72 },
    height: { step: 44 },
    encoding: { x: { field: keys[0], type: 'ordinal', title: keys[0], axis: { labelAngle: 0, grid: false } }, y: { field: keys[1], type: 'ordinal', title: keys[1], sort: 'descending', axis: { grid: false } } },
    layer: [
      { mark: { type: 'rect', tooltip: true }, encoding: { color: { field: 'value', type: 'quantitative', title: valueTitle, scale: { scheme: 'redblue', ...(straddles ? { domainMid: 0 } : {}) } }, tooltip } },
      // White on the darker half of the scale, black on the lighter: readable on every cell.
      { mark: { type: 'text', fontSize: 12 }, encoding: { text: { field: 'value', type: 'quantitative', format: '+.1f' }, color: { condition: { test: `abs(datum.value - ${dark.middle}) > ${dark.half}`, value: 'white' }, value: 'black' } } },
    ],
  };
}
