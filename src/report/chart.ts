import type { TopLevelSpec } from 'vega-lite';

/**
 * One chart of a report: a Vega-Lite specification with the data inlined (values, never a URL: the
 * page opens offline), a title that says what it shows, and a caption of one or two sentences on
 * how to read it. Built by a pure function of the run's data, one per chart (src/report/charts/).
 */
export interface Chart {
  /** A stable id within the page (the chart's element and its screenshot name). */
  id: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

/** The colours of the three intensity zones, as training tools draw them: easy green, between the thresholds amber, hard red. */
export const ZONE_COLOURS = { domain: ['Z1', 'Z2', 'Z3'], range: ['#5b9a4a', '#e3a32b', '#c8423b'] };

/** The tested outcomes' names on a page (a run's charts, the power page). */
export const METRIC_LABELS: Readonly<Record<string, string>> = { vo2maxPct: 'VO2max', lt2SpeedPct: 'LT2 speed', timeTrialPct: '10-km time trial', peakSpeedPct: 'peak speed' };

/** A categorical palette for arms and options (Tableau 10: distinguishable, and for most colour-blind readers). */
export const SERIES_SCHEME = 'tableau10';

/**
 * A Vega expression that writes minutes as a race clock: 47.5 → "47:30", 195.25 → "3:15:15" (the
 * same as the terminal's mm:ss), for axes and tooltips.
 */
export function clockExpr(minutes: string): string {
  const s = `round((${minutes}) * 60)`;
  const pad = (x: string) => `(${x} < 10 ? '0' : '') + ${x}`;
  return `(${s} >= 3600 ? floor(${s} / 3600) + ':' + ${pad(`floor(${s} % 3600 / 60)`)} : '' + floor(${s} / 60)) + ':' + ${pad(`${s} % 60`)}`;
}

/** The common look of every chart: readable type, no chart border, a width that fits a printed page. */
export const BASE_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', grid: true, gridColor: '#eceff1' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', orient: 'top' },
  header: { labelFontSize: 12, titleFontSize: 12 },
} as const;

/** A chart's spec with the schema and the common look: the same whatever the chart. */
export function withBase(spec: Record<string, unknown>): TopLevelSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: BASE_CONFIG, ...spec } as TopLevelSpec;
}
