import type { OutcomeResult, TrialResult } from '../sim/trials/run.ts';

/** "+8.0 ± 2.0 %", "−7.6 % (95 % CI −11.9 to −3.1)", "+400 ml/min". */
function published(o: OutcomeResult): string {
  const p = o.expectation.published;
  const unit = ` ${p.unit}`;
  if (p.mean === undefined) return o.expectation.direction ?? '—';
  if (p.sd !== undefined) return `${signed(p.mean)} ± ${p.sd}${unit}`;
  if (p.ci95 !== undefined) return `${signed(p.mean)}${unit} (95 % CI ${signed(p.ci95[0])} to ${signed(p.ci95[1])})`;
  return `${signed(p.mean)}${unit}`;
}

function signed(value: number, decimals?: number): string {
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  return value > 0 ? `+${text}` : value < 0 ? `−${text.slice(1)}` : text;
}

function decimalsFor(unit: string): number {
  return unit === 'ml/min' ? 0 : 1;
}

function simulated(o: OutcomeResult): string {
  const d = decimalsFor(o.expectation.published.unit);
  const value = signed(o.simulated, d);
  return o.ci95 === null ? value : `${value} [${signed(o.ci95[0], d)}, ${signed(o.ci95[1], d)}]`;
}

function band(o: OutcomeResult): string {
  if (o.expectation.tolerance === 'direction') return o.expectation.direction === 'higher' ? '95 % CI above 0' : '95 % CI below 0';
  const d = decimalsFor(o.expectation.published.unit);
  return `${signed(o.band[0], d)} to ${signed(o.band[1], d)}`;
}

function power(o: OutcomeResult): string {
  return o.power === null ? '—' : `${Math.round(o.power * 100)} %`;
}

/** "Out of sample: 3 of 9 within their bands; calibrated: 13 of 15." */
function tally(outcomes: readonly OutcomeResult[]): string {
  const part = (calibrated: boolean) => {
    const these = outcomes.filter((o) => (o.expectation.calibrated === true) === calibrated);
    return `${these.filter((o) => o.within).length} of ${these.length} within their bands`;
  };
  return `Out of sample: ${part(false)}; calibrated (in-sample): ${part(true)}`;
}

/** The trials as a terminal table, one row per outcome, and a closing line. */
export function trialsTable(results: readonly TrialResult[], replicates: number): string {
  const lines: string[] = [];
  for (const result of results) {
    const t = result.trial;
    lines.push(`${t.study} — ${t.population}, ${t.duration}  (n = ${result.size.toLocaleString('en-US')} simulated per scenario)`);
    if (t.mapping !== undefined) lines.push(`  mapping: ${t.mapping}`);
    for (const o of result.outcomes) {
      lines.push(
        `  ${o.within ? 'ok     ' : 'OUTSIDE'}  ${o.expectation.calibrated === true ? '(calibrated) ' : ''}${o.expectation.outcome}: published ${published(o)}, simulated ${simulated(o)} ${o.expectation.published.unit}, band ${band(o)}${replicates > 0 ? `, finding reproduced ${power(o)}` : ''}`,
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

/** trials/RESULTS.md: the same table in Markdown, with how it was made. */
export function trialsMarkdown(results: readonly TrialResult[], replicates: number, command: string): string {
  const lines = [
    '# Simulated vs published trials',
    '',
    `Written by \`${command}\`, with the one committed parameter set. Each trial is a file in this folder: its scenarios, and per outcome the published value, the band its own uncertainty allows, and the source.`,
    '',
    replicates > 0
      ? `"Finding reproduced": the share of ${replicates} simulated studies of the trial's own size, drawn from the simulated athletes, that reproduce the published significance finding (α = 0.05).`
      : 'Run with `--replicates K` for the simulated power at each study\'s own size.',
    '',
    'An outcome marked *calibrated* is one the parameter set was calibrated against (docs/CALIBRATION.md): meeting it is in-sample. The others test the model.',
    '',
    '| study | population, duration | outcome | published | simulated (95 % CI) | band | verdict | finding reproduced |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const result of results) {
    const t = result.trial;
    for (const o of result.outcomes) {
      lines.push(
        `| [${t.study}](https://doi.org/${t.doi}) | ${t.population}, ${t.duration} | ${o.expectation.outcome}${o.expectation.calibrated === true ? ' *(calibrated)*' : ''} | ${published(o)} | ${simulated(o)} ${o.expectation.published.unit} | ${band(o)} | ${o.within ? 'within' : '**outside**'} | ${power(o)} |`,
      );
    }
  }
  const outcomes = results.flatMap((r) => r.outcomes);
  lines.push('', `${tally(outcomes)}; n = ${results[0]?.size.toLocaleString('en-US') ?? 0} simulated athletes per scenario.`);
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
