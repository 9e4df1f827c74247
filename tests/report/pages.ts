/** What the report tests share: a small adaptive scenario with daily rows and an event, and reading a page's charts back. */

/** Three arms (one adaptive), daily rows and a week of short nights in every arm: every chart of a run has data. */
export const ADAPTIVE = `name: Report test
seed: 5
population: { size: 30, level: recreational }
weeks: 4
arms:
  - { id: fixed, design: polarized }
  - { id: coached, design: polarized, rules: hrv-swc }
  - { id: threshold, design: threshold }
reference: fixed
events:
  - { type: sleep-restriction, fromWeek: 2, weeks: 1, hours: 5.5 }
outputs: { daily: true }
`;

/** The charts a page draws (id and Vega-Lite spec), as the page holds them. */
export function chartsOf(html: string): { id: string; spec: unknown }[] {
  const json = /const CHARTS = (.*);\n/.exec(html)?.[1];
  if (json === undefined) throw new Error('no CHARTS in the page');
  return JSON.parse(json) as { id: string; spec: unknown }[];
}
