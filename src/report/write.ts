import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OutputStage } from '../sim/outputs/stage.ts';
import type { Summary } from '../sim/summary.ts';
import { athleteReport } from './athlete-report.ts';
import { expectShape, readJson } from './files.ts';
import { renderPage, type ReportPage } from './page.ts';
import { readManifest } from './provenance.ts';
import { runReport } from './run-report.ts';
import { powerReport, POWER_FILE } from './power-report.ts';
import { trialsReport, TRIALS_FILE } from './trials-report.ts';

export const REPORT_FILE = 'report.html';

/** The folder holds nothing a report is drawn from, or a file that is not what its name says. */
export class NoReportError extends Error {
  constructor(dir: string, shard = false) {
    super(
      shard
        ? `${dir}: one shard of a run, which has no summary of its own: merge the shards (periodize merge <dirs...> --out <dir> --report) to draw the run`
        : `${dir}: nothing to draw: no summary.json (periodize run or merge), plan.json (plan, coach), whatif.json (whatif), ${POWER_FILE} (power) or ${TRIALS_FILE} (trials --report) in it`,
    );
    this.name = 'NoReportError';
  }
}

/**
 * The page of a folder of outputs, by what the folder holds: a run's summary.json (a comparison, a
 * sweep, an adaptive run), a coach's plan.json (with coach.json after `coach`), a what-if's
 * whatif.json, a power table's power.csv, or the trials' trials.json.
 */
export async function buildReport(dir: string): Promise<ReportPage> {
  const manifest = readManifest(dir);
  const json = <T>(name: string): T | null => readJson<T>(dir, name);
  const summary = json<Summary>('summary.json');
  if (summary !== null) {
    const ok = Array.isArray(summary.arms) && typeof summary.weeks === 'number' && typeof summary.population === 'object' && summary.population !== null && summary.arms.every((arm) => typeof arm?.id === 'string' && typeof arm.metrics === 'object');
    expectShape(ok, join(dir, 'summary.json'), "a run's summary");
    return runReport(dir, summary, manifest);
  }
  const trials = json<unknown>(TRIALS_FILE);
  if (trials !== null) return trialsReport(trials, manifest, join(dir, TRIALS_FILE));
  if (existsSync(join(dir, POWER_FILE))) return powerReport(dir, manifest);
  const page = athleteReport(dir, manifest);
  if (page !== null) return page;
  throw new NoReportError(dir, existsSync(join(dir, 'shard.json')));
}

/**
 * Writes `<dir>/report.html` whole or not at all (staged, then moved into place), and nothing else:
 * the folder's other files are left as they are. Returns the page's path.
 */
export async function writeReport(dir: string): Promise<string> {
  const html = renderPage(await buildReport(dir));
  // No contract to check: the page replaces only an earlier page, and nothing else of the folder.
  const stage = new OutputStage(dir);
  try {
    stage.write(REPORT_FILE, html);
    stage.commit([REPORT_FILE]);
  } catch (error) {
    stage.abort();
    throw error;
  }
  return join(dir, REPORT_FILE);
}
