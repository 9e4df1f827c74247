import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, visitReport } from '../../bench/report-pages.ts';
import { cli, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';
import { ADAPTIVE } from '../report/pages.ts';

/**
 * Each kind of report opened in a real browser (Debian's Chromium through playwright-core): every
 * chart drew marks, the page asked the network for nothing and logged no error or warning. A
 * screenshot of each kind goes to test-output/ (npm run screenshots makes the README's).
 */
const SHOTS = join(new URL('../../', import.meta.url).pathname, 'test-output');

const SWEEP = `name: Browser sweep
seed: 3
population: { size: 30, level: recreational }
weeks: 4
arms:
  - { id: polarized, design: polarized }
reference: polarized
sweep:
  design: polarized
  vary:
    z2: { from: 0, to: 0.2, step: 0.1 }
    weeklyHours: { from: 4, to: 6, step: 2 }
`;


/** A small study: every pair of three designs, a sesoi for the time trial. */
const STUDY = smallScenario({ size: 40, weeks: 4, daily: false })
  .replace('  - { id: threshold, design: threshold }\n', '  - { id: pyramidal, design: pyramidal }\n  - { id: threshold, design: threshold }\n')
  .replace('reference: threshold\n', 'contrasts: pairwise\nsesoi: { timeTrialPct: 1.0 }\n');

const athlete = 'examples/athlete.yaml';

/** Each kind: the command that writes it (its --out and --report added). */
const KINDS: { kind: string; argv: (folder: string) => string[]; charts: string[] }[] = [
  { kind: 'comparison', argv: (folder) => ['run', writeScenario(folder, 'c.yaml', smallScenario({ size: 30, weeks: 4, daily: false })), '--quiet'], charts: ['time-in-zone', 'changes', 'forest', 'responders'] },
  { kind: 'sweep', argv: (folder) => ['run', writeScenario(folder, 's.yaml', SWEEP), '--quiet'], charts: ['time-in-zone', 'sweep', 'changes', 'forest'] },
  { kind: 'adaptive', argv: (folder) => ['run', writeScenario(folder, 'a.yaml', ADAPTIVE), '--quiet'], charts: ['time-in-zone', 'changes', 'forest', 'responders', 'weekly-markers', 'adjustments'] },
  { kind: 'plan', argv: () => ['plan', athlete], charts: ['plan-calendar', 'fitness'] },
  { kind: 'coach', argv: () => ['coach', athlete, '--wellness', 'examples/data/wellness-hrv4training.csv', '--activities', 'examples/data/fit/'], charts: ['mornings', 'fitness', 'plan-calendar'] },
  { kind: 'whatif', argv: () => ['whatif', athlete, '--options', 'plan,polarized,threshold', '--replicates', '200'], charts: ['race-times'] },
  { kind: 'trials', argv: () => ['trials', '--only', 'overreaching,esteve-lanao-2007', '--size', '500'], charts: ['trials-calibration', 'trials-validation'] },
  { kind: 'power', argv: (folder) => ['power', writeScenario(folder, 'p.yaml', STUDY), '--n', '10,40', '--replicates', '100'], charts: ['power-curves'] },
  { kind: 'sample-size', argv: (folder) => ['power', writeScenario(folder, 'n.yaml', STUDY), '--target', '0.8', '--replicates', '100'], charts: ['sample-size'] },
];

describe('the reports in a real browser (headless Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { kind, argv, charts } of KINDS) {
    it(`should draw every chart of a ${kind} report, offline and without an error`, async () => {
      const folder = temporaryFolder();
      const out = join(folder, 'out');
      const made = await cli(...argv(folder), '--out', out, '--report');
      expect(made.err).toBe('');
      const visit = await visitReport(browser, join(out, 'report.html'), join(SHOTS, `report-${kind}.png`));
      expect(visit.charts.map((c) => c.id)).toEqual(charts);
      expect(visit.charts.filter((c) => c.error !== null || !(c.marks > 0))).toEqual([]);
      expect(visit.requests).toEqual([]);
      expect(visit.problems).toEqual([]);
    });
  }
});
