/**
 * `npm run screenshots`: the README's picture of each kind of report (docs/images/report-<kind>.png),
 * made from the commands a user runs, opened in Debian's Chromium (bench/report-pages.ts). The
 * trials run with 1 000 athletes per scenario instead of 4 000, to take a minute rather than several.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';
import { launchChromium, visitReport } from './report-pages.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const IMAGES = join(ROOT, 'docs', 'images');
const athlete = 'examples/athlete.yaml';

const KINDS: { kind: string; argv: string[] }[] = [
  { kind: 'comparison', argv: ['run', 'scenarios/compare-distributions.yaml', '--quiet'] },
  { kind: 'sweep', argv: ['run', 'scenarios/sweep-z2-and-hours.yaml', '--quiet'] },
  { kind: 'adaptive', argv: ['run', 'scenarios/coach-rules-file.yaml', '--quiet'] },
  { kind: 'plan', argv: ['plan', athlete] },
  { kind: 'coach', argv: ['coach', athlete, '--wellness', 'examples/data/wellness-intervals-icu.csv', '--activities', 'examples/data/fit/'] },
  { kind: 'whatif', argv: ['whatif', athlete, '--options', 'plan,polarized,threshold'] },
  { kind: 'trials', argv: ['trials', '--size', '1000'] },
];

process.chdir(ROOT);
mkdirSync(IMAGES, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'periodize-screenshots-'));
const browser = await launchChromium();
try {
  for (const { kind, argv } of KINDS) {
    const out = join(work, kind);
    let err = '';
    const code = await runCli([...argv, '--out', out, '--report'], { out: () => {}, err: (text) => void (err += text) });
    // trials exits 3 when an outcome misses its band: the page is drawn all the same.
    if (code !== 0 && code !== 3) throw new Error(`${argv.join(' ')}: exit ${code}: ${err}`);
    const visit = await visitReport(browser, join(out, 'report.html'), join(IMAGES, `report-${kind}.png`));
    const failed = visit.charts.filter((c) => c.error !== null || !(c.marks > 0));
    if (failed.length > 0 || visit.problems.length > 0 || visit.requests.length > 0) throw new Error(`${kind}: ${JSON.stringify({ failed, problems: visit.problems, requests: visit.requests })}`);
    console.log(`docs/images/report-${kind}.png: ${visit.charts.length} charts`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
