import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Chart } from './chart.ts';

/** A part of the page: a heading, a sentence on what it answers, its charts, and what the reader should know. */
export interface Section {
  heading: string;
  text: string;
  charts: Chart[];
  notes: string[];
}

/** What the page says about where it came from, so that a printed page can be traced back to its run. */
export interface Provenance {
  tool: string;
  version: string;
  command: string | null;
  seed: number | null;
  /** The scenario or athlete file, with its SHA-256. */
  input: { file: string; sha256: string } | null;
  /** The run's files and their SHA-256, from its manifest. */
  files: readonly { name: string; sha256: string }[];
}

export interface ReportPage {
  /** What kind of run the page shows ("comparison", "sweep", "coach", …): the page's class and the screenshot's name. */
  kind: string;
  title: string;
  /** One line under the title: who and what ("1 000 recreational runners, 12 weeks, 4 arms"). */
  subtitle: string;
  provenance: Provenance;
  sections: Section[];
}

/**
 * The chart libraries, read from their packages' browser builds, inlined in the page so that it
 * opens offline (vega, vega-lite, vega-embed: their UMD builds, each a global). The packages export
 * only their ES modules, so the builds are found beside them.
 */
function libraries(): string[] {
  const require = createRequire(import.meta.url);
  const build = (pkg: string, file: string) => {
    const text = readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8');
    // Inlined in a <script> element: a "</script" in it would end the element early.
    if (/<\/script/i.test(text)) throw new Error(`${pkg}/${file}: holds "</script", which cannot be inlined in the page`);
    return text;
  };
  return [build('vega', 'vega.min.js'), build('vega-lite', 'vega-lite.min.js'), build('vega-embed', 'vega-embed.min.js')];
}

/** Text for HTML: the five characters that could end an element or an attribute, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that can sit inside a <script> element: no "</script>" or "<!--" can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2327; --muted: #5f6b73; --rule: #dfe3e6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1060px; margin: 0 auto; padding: 24px 28px 64px; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header .subtitle { color: var(--muted); margin: 0 0 12px; font-size: 16px; }
.provenance { font-size: 12px; color: var(--muted); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; }
.provenance summary { cursor: pointer; }
.provenance code { font-size: 11px; }
.provenance table { border-collapse: collapse; margin-top: 6px; }
.provenance td { padding: 1px 10px 1px 0; vertical-align: top; }
nav { margin: 16px 0 0; font-size: 14px; }
nav a { margin-right: 14px; color: #2563a8; text-decoration: none; }
section { margin-top: 36px; border-top: 1px solid var(--rule); padding-top: 12px; }
section h2 { font-size: 20px; margin: 0 0 4px; }
section > p { margin: 0 0 8px; max-width: 760px; }
figure { margin: 22px 0 0; break-inside: avoid; }
figure h3 { font-size: 16px; margin: 0 0 6px; }
figcaption { color: var(--muted); font-size: 13px; max-width: 760px; margin-top: 6px; }
.chart { overflow-x: auto; }
.notes { font-size: 13px; color: var(--muted); margin: 10px 0 0; padding-left: 18px; max-width: 760px; }
.error { color: #b00020; font-weight: bold; }
@media print { nav, .vega-embed details { display: none; } main { padding: 0; } section { break-before: auto; } }
`;

/**
 * The page: one HTML file with its style, the chart libraries and the data inlined — it opens from
 * disk with no network request. Each chart is drawn by vega-embed from its Vega-Lite spec (the
 * "…" menu of a chart shows the spec to copy and exports SVG or PNG); a drawn chart records how many
 * marks it drew (`data-marks`), a failed one its error (`data-error`) — what the browser tests read.
 * The same page bytes for the same run: nothing in it depends on when it was written.
 */
export function renderPage(page: ReportPage): string {
  const p = page.provenance;
  const charts = page.sections.flatMap((s) => s.charts.map((c) => ({ id: c.id, spec: c.spec })));
  const provenanceRows = [
    ['tool', `${p.tool} ${p.version}`],
    ...(p.command === null ? [] : [['command', p.command]]),
    ...(p.seed === null ? [] : [['seed', String(p.seed)]]),
    ...(p.input === null ? [] : [['input', `${p.input.file} — SHA-256 ${p.input.sha256}`]]),
    ...p.files.map((f) => [f.name, `SHA-256 ${f.sha256}`]),
  ];
  const section = (s: Section, i: number) => `
<section id="s${i + 1}">
  <h2>${escapeHtml(s.heading)}</h2>
  <p>${escapeHtml(s.text)}</p>
${s.charts
  .map(
    (c) => `  <figure>
    <h3>${escapeHtml(c.title)}</h3>
    <div class="chart" id="chart-${escapeHtml(c.id)}" data-chart="${escapeHtml(c.id)}"></div>
    <figcaption>${escapeHtml(c.caption)}</figcaption>
  </figure>`,
  )
  .join('\n')}
${s.notes.length === 0 ? '' : `  <ul class="notes">${s.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`}
</section>`;
  const [vega, vegaLite, vegaEmbed] = libraries();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — periodize report</title>
<style>${STYLE}</style>
</head>
<body class="report-${escapeHtml(page.kind)}">
<main>
<header>
  <h1>${escapeHtml(page.title)}</h1>
  <p class="subtitle">${escapeHtml(page.subtitle)}</p>
  <details class="provenance"><summary>${escapeHtml(`${p.tool} ${p.version}${p.seed === null ? '' : ` · seed ${p.seed}`}${p.input === null ? '' : ` · ${p.input.file} (SHA-256 ${p.input.sha256.slice(0, 12)}…)`}`)} — where this page came from</summary>
  <table>${provenanceRows.map(([k, v]) => `<tr><td>${escapeHtml(k!)}</td><td><code>${escapeHtml(v!)}</code></td></tr>`).join('')}</table>
  </details>
  <nav>${page.sections.map((s, i) => `<a href="#s${i + 1}">${escapeHtml(s.heading)}</a>`).join('')}</nav>
</header>
${page.sections.map(section).join('\n')}
</main>
<script>${vega}</script>
<script>${vegaLite}</script>
<script>${vegaEmbed}</script>
<script>
const CHARTS = ${scriptJson(charts)};
function countMarks(node) {
  let n = 0;
  if (node && node.marktype && node.role !== 'axis' && !/axis|legend|title|frame|header/.test(node.role || '')) n += (node.items || []).filter((item) => !item.items).length;
  for (const item of (node && node.items) || []) n += countMarks(item);
  return n;
}
window.reportDone = Promise.all(CHARTS.map(async (chart) => {
  const element = document.getElementById('chart-' + chart.id);
  try {
    const result = await vegaEmbed(element, chart.spec, { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false } });
    element.dataset.marks = String(countMarks(result.view.scenegraph().root));
  } catch (error) {
    element.dataset.error = String(error && error.message || error);
    element.insertAdjacentHTML('afterbegin', '<p class="error">This chart could not be drawn: ' + String(error && error.message || error).replace(/</g, '&lt;') + '</p>');
  }
}));
</script>
</body>
</html>
`;
}
