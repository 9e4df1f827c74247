import type { Role, Trial } from '../models/trials/schema.ts';
import type { OutcomeResult, TrialResult } from '../sim/trials/run.ts';

/** "+8.0 ± 2.0 %", "−7.6 % (95 % CI −11.9 to −3.1)", "+400 ml/min", "+3 to +6 %". */
export function published(o: OutcomeResult): string {
  const p = o.expectation.published;
  const unit = ` ${p.unit}`;
  if (p.mean === undefined && p.range !== undefined) return `${signed(p.range[0])} to ${signed(p.range[1])}${unit}`;
  if (p.mean === undefined) return o.expectation.direction ?? '—';
  if (p.sd !== undefined) return `${signed(p.mean)} ± ${p.sd}${unit}`;
  if (p.ci95 !== undefined) return `${signed(p.mean)}${unit} (95 % CI ${signed(p.ci95[0])} to ${signed(p.ci95[1])})`;
  return `${signed(p.mean)}${unit}`;
}

export function signed(value: number, decimals?: number): string {
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  return value > 0 ? `+${text}` : value < 0 ? `−${text.slice(1)}` : text;
}

/** Decimals of a simulated value: whole ml/min, an smd to 0.01, anything else to 0.1. */
function decimalsFor(o: OutcomeResult): number {
  if (o.expectation.statistic === 'smd') return 2;
  return o.expectation.published.unit === 'ml/min' ? 0 : 1;
}

export function simulated(o: OutcomeResult): string {
  const d = decimalsFor(o);
  const value = signed(o.simulated, d);
  return o.ci95 === null ? value : `${value} [${signed(o.ci95[0], d)}, ${signed(o.ci95[1], d)}]`;
}

export function band(o: OutcomeResult): string {
  if (o.expectation.tolerance === 'direction') return o.expectation.direction === 'higher' ? '95 % CI above 0' : '95 % CI below 0';
  const d = decimalsFor(o);
  return `${signed(o.band[0], d)} to ${signed(o.band[1], d)}`;
}

function power(o: OutcomeResult): string {
  return o.power === null ? '—' : `${Math.round(o.power * 100)} %`;
}

/** "validation: 4 of 12 within their bands; calibration (in-sample): 13 of 19 within their bands". */
export function tally(outcomes: readonly OutcomeResult[]): string {
  const part = (role: Role) => {
    const these = outcomes.filter((o) => o.expectation.role === role);
    return `${these.filter((o) => o.within).length} of ${these.length} within their bands`;
  };
  return `validation: ${part('validation')}; calibration (in-sample): ${part('calibration')}`;
}

/** The trials as a terminal table, one row per outcome with its role, and closing lines. */
export function trialsTable(results: readonly TrialResult[], replicates: number): string {
  const lines: string[] = [];
  for (const result of results) {
    const t = result.trial;
    lines.push(`${t.study} — ${t.population}, ${t.duration}  (n = ${result.size.toLocaleString('en-US')} simulated per scenario)`);
    if (t.mapping !== undefined) lines.push(`  mapping: ${t.mapping}`);
    for (const o of result.outcomes) {
      lines.push(
        `  ${o.within ? 'ok     ' : 'OUTSIDE'}  ${o.expectation.role.padEnd(11)}  ${o.expectation.outcome}: published ${published(o)}, simulated ${simulated(o)} ${o.expectation.published.unit}, band ${band(o)}${replicates > 0 ? `, finding reproduced ${power(o)}` : ''}`,
      );
    }
    lines.push('');
  }
  const outcomes = results.flatMap((r) => r.outcomes);
  const outside = outcomes.filter((o) => !o.within).length;
  lines.push(tally(outcomes));
  lines.push(
    outside === 0
      ? `${outcomes.length === 1 ? 'the outcome is' : `all ${outcomes.length} outcomes are`} within the published band${outcomes.length === 1 ? '' : 's'}`
      : `${outside} of ${outcomes.length} outcomes outside their published bands`,
  );
  return `${lines.join('\n')}\n`;
}

/** The study's name linked to its DOI, and to the further DOIs of a file resting on several studies. */
export function studyLink(t: Trial): string {
  const [first, ...more] = typeof t.doi === 'string' ? [t.doi] : t.doi;
  return `[${t.study}](https://doi.org/${first})${more.map((doi, i) => ` [${i + 2}](https://doi.org/${doi})`).join('')}`;
}

/** trials/RESULTS.md: the same outcomes in Markdown, validation and calibration apart, with how they were made. */
export function trialsMarkdown(results: readonly TrialResult[], replicates: number, command: string): string {
  const lines = [
    '# Simulated vs published trials',
    '',
    `Written by \`${command}\`, with the one committed parameter set. Each trial is a file in this folder: its scenarios, and per outcome the published value, the band its own uncertainty allows, the source, and its role.`,
    '',
    replicates > 0
      ? `"Finding reproduced": the share of ${replicates} simulated studies of the trial's own size, drawn from the simulated athletes, that reproduce the published significance finding (α = 0.05).`
      : 'Run with `--replicates K` for the simulated power at each study\'s own size.',
    '',
    'Every outcome declares its role before it is run. *Validation* outcomes were never fitted to: they test the model. *Calibration* outcomes are the ones the parameter set is fitted to (`npm run calibrate`, docs/CALIBRATION.md): meeting them is in-sample.',
  ];
  const outcomes = results.flatMap((r) => r.outcomes);
  const table = (role: Role, title: string) => {
    lines.push('', `## ${title}`, '', '| study | population, duration | outcome | published | simulated (95 % CI) | band | verdict | finding reproduced |', '|---|---|---|---|---|---|---|---|');
    for (const result of results) {
      const t = result.trial;
      for (const o of result.outcomes) {
        if (o.expectation.role !== role) continue;
        lines.push(
          `| ${studyLink(t)} | ${t.population}, ${t.duration} | ${o.expectation.outcome} | ${published(o)} | ${simulated(o)} ${o.expectation.published.unit} | ${band(o)} | ${o.within ? 'within' : '**outside**'} | ${power(o)} |`,
        );
      }
    }
    const these = outcomes.filter((o) => o.expectation.role === role);
    lines.push('', `${these.filter((o) => o.within).length} of ${these.length} within their bands.`);
  };
  table('validation', 'Validation: out of sample');
  table('calibration', 'Calibration: in-sample');
  lines.push('', `Summary — ${tally(outcomes)}; n = ${results[0]?.size.toLocaleString('en-US') ?? 0} simulated athletes per scenario.`);
  const analysed = results.filter((r) => r.trial.analysis !== undefined);
  if (analysed.length > 0) {
    lines.push('', '## What the simulation makes of each study');
    for (const result of analysed) {
      const missed = result.outcomes.filter((o) => !o.within).length;
      lines.push('', `### ${result.trial.study}${missed > 0 ? ` — ${missed} of ${result.outcomes.length} outcomes outside` : ''}`, '', result.trial.analysis!.trim());
    }
  }
  return `${lines.join('\n')}\n`;
}
