import type { Role } from '../models/trials/schema.ts';
import type { OutcomeResult, TrialResult } from '../sim/trials/run.ts';
import { signed, studyLink } from './trials.ts';

/*
 * What `npm run calibrate` prints and writes (docs/calibration-results.md): the calibration outcomes
 * of trials/ (or, with --validation, the validation outcomes), each simulated value against its band, to two decimals — closer than the trials table,
 * because calibration is about how near the edge of its band a value lies.
 */

/** Whole ml/min; anything else to 0.01. */
function decimalsOf(o: OutcomeResult): number {
  return o.expectation.published.unit === 'ml/min' ? 0 : 2;
}

/** "+6.11 %", "+9.42 pp [+9.30, +9.55]" (a direction is judged by its CI: it is shown). */
export function calibrationValue(o: OutcomeResult): string {
  const d = decimalsOf(o);
  const text = `${signed(o.simulated, d)} ${o.expectation.published.unit}`;
  return o.expectation.tolerance === 'direction' && o.ci95 !== null ? `${text} [${signed(o.ci95[0], d)}, ${signed(o.ci95[1], d)}]` : text;
}

export function calibrationBand(o: OutcomeResult): string {
  if (o.expectation.tolerance === 'direction') return o.expectation.direction === 'higher' ? '95 % CI above 0' : '95 % CI below 0';
  const d = decimalsOf(o);
  return `${signed(o.band[0], d)} to ${signed(o.band[1], d)} ${o.expectation.published.unit}`;
}

function outcomes(results: readonly TrialResult[]): OutcomeResult[] {
  return results.flatMap((r) => r.outcomes);
}

/** "all 22 calibration outcomes within their bands" or "3 of 22 calibration outcomes outside their bands". */
export function calibrationVerdict(results: readonly TrialResult[], role: Role = 'calibration'): string {
  const all = outcomes(results);
  const outside = all.filter((o) => !o.within).length;
  if (all.length === 0) return `no ${role} outcome in the trials run`;
  if (all.length === 1) return outside === 0 ? `the ${role} outcome is within its band` : `the ${role} outcome is outside its band`;
  return outside === 0 ? `all ${all.length} ${role} outcomes within their bands` : `${outside} of ${all.length} ${role} outcomes outside their bands`;
}

/** The terminal table: per trial its file and source, per outcome verdict, value and band. */
export function calibrationTable(results: readonly TrialResult[], seconds: ReadonlyMap<string, number>, role: Role = 'calibration'): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = result.file.split('/').at(-1)!;
    const time = seconds.get(result.file);
    lines.push(`${result.trial.study}  [${file}, seed ${result.seed}${time === undefined ? '' : `, ${time.toFixed(1)} s`}]`);
    for (const o of result.outcomes) {
      lines.push(`  ${o.within ? 'ok     ' : 'OUTSIDE'}  ${o.expectation.outcome.padEnd(66)} ${calibrationValue(o).padStart(16)}   band ${calibrationBand(o)}`);
    }
    lines.push('');
  }
  lines.push(`${calibrationVerdict(results, role)}${results.length === 0 ? '' : ` (n = ${results[0]!.size} athletes per scenario)`}`);
  return `${lines.join('\n')}\n`;
}

/** docs/calibration-results.md. */
export function calibrationMarkdown(results: readonly TrialResult[], command: string): string {
  const size = results[0]?.size ?? 0;
  const lines = [
    '# Calibration results',
    '',
    `Written by \`${command}\` (n = ${size.toLocaleString('en-US')} athletes per scenario, each trial's own seed), with the committed parameter set. The targets are the outcomes of [trials/](../trials) whose role is \`calibration\`, with the bands the trial files give them; how the parameters were fitted to them: [CALIBRATION.md](CALIBRATION.md). The outcomes that test the model (role \`validation\`) are in [trials/RESULTS.md](../trials/RESULTS.md).`,
  ];
  for (const result of results) {
    lines.push('', `## ${studyLink(result.trial)}`, '', `\`trials/${result.file.split('/').at(-1)}\` — ${result.trial.population}, ${result.trial.duration}.`, '');
    lines.push('| outcome | simulated | band | verdict |', '|---|---:|---|---|');
    for (const o of result.outcomes) lines.push(`| ${o.expectation.outcome} | ${calibrationValue(o)} | ${calibrationBand(o)} | ${o.within ? 'within' : '**outside**'} |`);
  }
  lines.push('', `${calibrationVerdict(results)[0]!.toUpperCase()}${calibrationVerdict(results).slice(1)}.`);
  return `${lines.join('\n')}\n`;
}
