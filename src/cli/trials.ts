import { basename, extname } from 'node:path';
import type { Role, Trial } from '../models/trials/schema.ts';
import type { Prediction } from '../sim/calibration/predictive.ts';
import type { OutcomeResult, TrialResult } from '../sim/trials/run.ts';

/** Simulated estimates of each study per parameter set (`trials --uncertainty`): 50, pooled over the sets. */
export const STUDIES_PER_SET = 50;

/** `trials --uncertainty`: every outcome's prediction (in the trials' order) and what they are over. */
export interface TrialPredictive {
  predictions: readonly Prediction[];
  sets: number;
  distinct: number;
  studies: number;
  /** The ensemble file drawn from, and the trial files its fit left out (leave-one-study-out). */
  ensemble: string;
  leftOut: readonly string[];
  /**
   * Leave one study out: each trial file with a committed fit without it, predicted by that fit
   * (null where it does not apply: another ensemble, or another folder than trials/).
   */
  leaveOneOut?: readonly LeaveOneOut[] | null;
}

/** One trial file predicted by the ensemble fitted without it (ensemble/leave-out/<trial>.json). */
export interface LeaveOneOut {
  trial: string;
  file: string;
  /** Why the fit cannot serve today (then no predictions), else null. */
  stale: string | null;
  /** Its outcomes' predictions, in the file's order. */
  predictions: readonly Prediction[] | null;
  sets: number;
  distinct: number;
}

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

/** A value in an outcome's unit and decimals: "+2.9", "−0.13". */
function valueOf(o: OutcomeResult, value: number): string {
  return signed(value, decimalsFor(o));
}

/** "+2.9 [+1.8, +3.6]": a prediction's median with its model interval. */
function modelInterval(o: OutcomeResult, p: Prediction): string {
  return `${valueOf(o, p.median)} [${valueOf(o, p.low)}, ${valueOf(o, p.high)}]`;
}

function studyInterval(o: OutcomeResult, p: Prediction): string {
  return `${valueOf(o, p.study[0])} to ${valueOf(o, p.study[1])}`;
}

/**
 * "validation: 12 of 20 published estimates inside the study's 90 % predictive interval (60 %);
 * 5 of 23 other published figures": the coverage counts the estimates published with their
 * uncertainty (mean ± SD, or a 95 % CI), and gives the other figures (a band's centre, a nominal 0)
 * apart.
 */
export function coverage(outcomes: readonly OutcomeResult[], predictions: readonly Prediction[], role: Role): string {
  const { estimates, others } = coverageCounts(outcomes, predictions, role);
  const share = estimates.of === 0 ? '' : ` (${Math.round((estimates.inside / estimates.of) * 100)} %)`;
  return `${estimates.inside} of ${estimates.of} published estimates inside the study's 90 % predictive interval${share}; ${others.inside} of ${others.of} other published figures`;
}

/** How many of a role's published estimates, and of its other figures, are inside the study's predictive interval. */
function coverageCounts(outcomes: readonly OutcomeResult[], predictions: readonly Prediction[], role: Role): Record<'estimates' | 'others', { inside: number; of: number }> {
  const count = (estimate: boolean) => {
    const these = predictions.filter((p, o) => outcomes[o]!.expectation.role === role && p.inside !== null && p.estimate === estimate);
    return { inside: these.filter((p) => p.inside === true).length, of: these.length };
  };
  return { estimates: count(true), others: count(false) };
}

/** What `--uncertainty` runs over, in words. */
function predictiveMethod(predictive: TrialPredictive): string {
  const sets = predictive.distinct === predictive.sets ? `${predictive.sets} parameter sets` : `${predictive.sets} parameter sets (${predictive.distinct} distinct)`;
  return (
    `every trial run again under ${sets} drawn by weight from the calibrated ensemble (${predictive.ensemble}, fitted to the calibration outcomes only${predictive.leftOut.length === 0 ? '' : `, without those of ${predictive.leftOut.join(', ')}: what it says of that study is a prediction of a study it never saw`}), the same athletes under each. ` +
    "*Model*: the 5th to 95th percentile of the population's value over the sets — what the model does not know. " +
    `*Study*: the 5th to 95th percentile of the study's own estimate — each set's value with the study's sampling error (${predictive.studies} draws a set: normal with the SE its published 95 % CI implies where it states one, as a meta-analysis does for its pooled studies; else studies of its own n drawn from the simulated athletes) — where a published estimate lands 90 % of the time if the model is right. ` +
    'The coverage counts the estimates published with their uncertainty (mean ± SD, or a 95 % CI); a figure a band was drawn around (a nominal 0 for "unchanged", a round number for a percentile, an abstract\'s mean without its SD) is counted apart. ' +
    "Two limits: a study's outcomes are correlated, so the coverage is not of independent checks; and the simulated athletes of a crossover share one baseline test (and a contrast between two runs of the same athletes shares their test errors), so a crossover's simulated spread is somewhat narrower than a real one's."
  );
}

/** The trials as a terminal table, one row per outcome with its role, and closing lines. */
export function trialsTable(results: readonly TrialResult[], replicates: number, predictive: TrialPredictive | null = null): string {
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
  if (predictive !== null) {
    lines.push('', `Predictive checks: ${predictiveMethod(predictive).replace(/\*/g, '')}`, '');
    let o = 0;
    for (const result of results) {
      for (const outcome of result.outcomes) {
        const p = predictive.predictions[o++]!;
        const verdict = p.inside === null ? '—      ' : p.inside ? 'inside ' : 'OUTSIDE';
        lines.push(
          `  ${verdict}  ${outcome.expectation.role.padEnd(11)}  ${result.trial.study}: ${outcome.expectation.outcome}: published ${published(outcome)}, study ${studyInterval(outcome, p)}, model ${modelInterval(outcome, p)} ${outcome.expectation.published.unit}`,
        );
      }
    }
    lines.push('', `validation: ${coverage(outcomes, predictive.predictions, 'validation')}; calibration (in-sample): ${coverage(outcomes, predictive.predictions, 'calibration')}`);
    if (predictive.leaveOneOut !== undefined && predictive.leaveOneOut !== null) lines.push(...leaveOneOutLines(results, predictive));
  }
  return `${lines.join('\n')}\n`;
}

/** A trial file's name without its extension: "helgerud-2007". */
function trialName(result: TrialResult): string {
  return basename(result.file, extname(result.file));
}

/** Per left-out study: its result, its outcomes' predictions fitted with it (the ensemble's) and without it. */
function leftOutRows(results: readonly TrialResult[], predictive: TrialPredictive): { result: TrialResult; fit: LeaveOneOut; rows: { outcome: OutcomeResult; with: Prediction; without: Prediction }[] }[] {
  const first = new Map<string, number>();
  let index = 0;
  for (const result of results) {
    first.set(trialName(result), index);
    index += result.outcomes.length;
  }
  return (predictive.leaveOneOut ?? []).flatMap((fit) => {
    const result = results.find((r) => trialName(r) === fit.trial);
    if (result === undefined || fit.predictions === null) return [];
    const at = first.get(fit.trial)!;
    return [{ result, fit, rows: result.outcomes.map((outcome, o) => ({ outcome, with: predictive.predictions[at + o]!, without: fit.predictions![o]! })) }];
  });
}

/** The calibration trial files of the run without a committed leave-out fit, and those whose fit is stale. */
function leftOutMissing(results: readonly TrialResult[], predictive: TrialPredictive): { missing: string[]; stale: LeaveOneOut[] } {
  const fits = predictive.leaveOneOut ?? [];
  const missing = results.filter((r) => r.outcomes.some((o) => o.expectation.role === 'calibration') && !fits.some((fit) => fit.trial === trialName(r))).map(trialName);
  return { missing, stale: fits.filter((fit) => fit.stale !== null) };
}

/**
 * "calibration: 3 of 4 published estimates inside the study's 90 % predictive interval and 1 of 2
 * other published figures (fitted with them: 4 of 4 and 2 of 2)": the left-out outcomes of a role,
 * predicted without and with them in the fit; null when the studies have none of that role.
 */
function leftOutCoverage(studies: ReturnType<typeof leftOutRows>, role: Role): string | null {
  const rows = studies.flatMap((study) => study.rows).filter((row) => row.outcome.expectation.role === role);
  if (rows.length === 0) return null;
  const outcomes = rows.map((row) => row.outcome);
  const without = coverageCounts(outcomes, rows.map((row) => row.without), role);
  const within = coverageCounts(outcomes, rows.map((row) => row.with), role);
  return (
    `${role}: ${without.estimates.inside} of ${without.estimates.of} published estimates inside the study's 90 % predictive interval and ${without.others.inside} of ${without.others.of} other published figures ` +
    `(fitted with them: ${within.estimates.inside} of ${within.estimates.of} and ${within.others.inside} of ${within.others.of})`
  );
}

/** The left-out coverage of each role the studies have, joined. */
function leftOutSummary(studies: ReturnType<typeof leftOutRows>): string {
  return (['calibration', 'validation'] as const).map((role) => leftOutCoverage(studies, role)).filter((text) => text !== null).join('; ');
}

/** The terminal's leave-one-study-out lines. */
function leaveOneOutLines(results: readonly TrialResult[], predictive: TrialPredictive): string[] {
  const studies = leftOutRows(results, predictive);
  const lines = ['', `Leave one study out: ${LEAVE_ONE_OUT_METHOD}`, ''];
  for (const { result, rows } of studies) {
    for (const { outcome, with: w, without } of rows) {
      const verdict = without.inside === null ? '—      ' : without.inside ? 'inside ' : 'OUTSIDE';
      lines.push(
        `  ${verdict}  ${outcome.expectation.role.padEnd(11)}  ${result.trial.study}: ${outcome.expectation.outcome}: published ${published(outcome)}; fitted without it: study ${studyInterval(outcome, without)}, model ${modelInterval(outcome, without)}; fitted with it: study ${studyInterval(outcome, w)}, model ${modelInterval(outcome, w)} ${outcome.expectation.published.unit}`,
      );
    }
  }
  if (studies.length > 0) lines.push('', `left out: ${leftOutSummary(studies)}`);
  const { missing, stale } = leftOutMissing(results, predictive);
  for (const fit of stale) lines.push(`not used: ${fit.stale}`);
  if (missing.length > 0) lines.push(`not yet fitted without them: ${missing.join(', ')} (npm run ensemble -- --leave-out <trial>, ≈ 40 min each on 2 cores)`);
  return lines;
}

/** What the leave-one-study-out checks are, in words. */
const LEAVE_ONE_OUT_METHOD =
  'each study below predicted by the ensemble fitted without its calibration outcomes (npm run ensemble -- --leave-out <trial>: the same priors, seed, tolerance rule and athletes, into ensemble/leave-out/<trial>.json) — a prediction of a study the fit never saw — beside the ensemble fitted with it, each under the same number of sets drawn by weight. ' +
  'Where the two differ, the study pulled the fit; where the study is missed only without it, the rest of the calibration does not imply it.';

/** The study's name linked to its DOI, and to the further DOIs of a file resting on several studies. */
export function studyLink(t: Trial): string {
  const [first, ...more] = typeof t.doi === 'string' ? [t.doi] : t.doi;
  return `[${t.study}](https://doi.org/${first})${more.map((doi, i) => ` [${i + 2}](https://doi.org/${doi})`).join('')}`;
}

/** trials/RESULTS.md: the same outcomes in Markdown, validation and calibration apart, with how they were made. */
export function trialsMarkdown(results: readonly TrialResult[], replicates: number, command: string, predictive: TrialPredictive | null = null): string {
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
  if (predictive !== null) lines.push(...predictiveMarkdown(results, predictive));
  if (predictive?.leaveOneOut !== undefined && predictive.leaveOneOut !== null) lines.push(...leaveOneOutMarkdown(results, predictive));
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

/** RESULTS.md's predictive checks: the method, the coverage per role, then one row per outcome, validation first. */
function predictiveMarkdown(results: readonly TrialResult[], predictive: TrialPredictive): string[] {
  const outcomes = results.flatMap((r) => r.outcomes);
  const lines = [
    '',
    '## Predictive checks: the calibrated ensemble',
    '',
    `With \`--uncertainty\`: ${predictiveMethod(predictive)}`,
    '',
    `**Coverage — validation: ${coverage(outcomes, predictive.predictions, 'validation')}; calibration (in-sample): ${coverage(outcomes, predictive.predictions, 'calibration')}.** A model that is right puts about 90 % of the estimates inside. "Model meets the band": whether the model interval reaches the band the paper's uncertainty allows; "sets within": the share of the sets in which the suite's verdict is *within*.`,
  ];
  const missed: string[] = [];
  let index = 0;
  for (const result of results) {
    for (const outcome of result.outcomes) {
      const p = predictive.predictions[index++]!;
      if (outcome.expectation.role === 'validation' && p.estimate && p.inside === false) missed.push(`${result.trial.study}: ${outcome.expectation.outcome}`);
    }
  }
  if (missed.length > 0) {
    lines.push('', `Validation estimates outside their study's predictive interval — each taken up in its study's analysis (What the simulation makes of each study, below): ${missed.join('; ')}.`);
  }
  for (const role of ['validation', 'calibration'] as const) {
    lines.push('', `### ${role === 'validation' ? 'Validation' : 'Calibration (in-sample)'}`, '', '| study | outcome | published | study: 90 % predictive | model: median [90 %] | published inside | model meets the band | sets within |', '|---|---|---|---|---|---|---|---|');
    let o = 0;
    for (const result of results) {
      for (const outcome of result.outcomes) {
        const p = predictive.predictions[o++]!;
        if (outcome.expectation.role !== role) continue;
        const inside = p.inside === null ? '—' : `${p.inside ? 'inside' : '**outside**'}${p.estimate ? '' : ' (a figure, not an estimate)'}`;
        lines.push(
          `| ${studyLink(result.trial)} | ${outcome.expectation.outcome} | ${published(outcome)} | ${studyInterval(outcome, p)} ${outcome.expectation.published.unit} | ${modelInterval(outcome, p)} | ${inside} | ${p.meetsBand ? 'meets' : '**misses**'} | ${Math.round(p.withinShare * 100)} % |`,
        );
      }
    }
  }
  return lines;
}

/** RESULTS.md's leave-one-study-out section: the method, the coverage, one row per outcome of each study left out, what is missing. */
function leaveOneOutMarkdown(results: readonly TrialResult[], predictive: TrialPredictive): string[] {
  const studies = leftOutRows(results, predictive);
  const lines = ['', '## Leave one study out', '', `With \`--uncertainty\`: ${LEAVE_ONE_OUT_METHOD.replace(/npm run ensemble -- --leave-out <trial>/, '`npm run ensemble -- --leave-out <trial>`')}`];
  if (studies.length > 0) {
    lines.push(
      '',
      `**Left out — ${leftOutSummary(studies)}.** The calibration outcomes are the ones each fit left out: their count is the leave-one-study-out coverage; a study's validation outcomes were never fitted to.`,
      '',
      '| study | outcome | role | published | fitted without it: study 90 % | without: model median [90 %] | published inside | fitted with it: study 90 % | with: model median [90 %] |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const { result, fit, rows } of studies) {
      for (const { outcome, with: w, without } of rows) {
        const inside = without.inside === null ? '—' : `${without.inside ? 'inside' : '**outside**'}${without.estimate ? '' : ' (a figure, not an estimate)'}`;
        lines.push(
          `| ${studyLink(result.trial)} (\`${fit.file}\`, ${fit.distinct === fit.sets ? `${fit.sets} sets` : `${fit.sets} sets, ${fit.distinct} distinct`}) | ${outcome.expectation.outcome} | ${outcome.expectation.role} | ${published(outcome)} | ${studyInterval(outcome, without)} ${outcome.expectation.published.unit} | ${modelInterval(outcome, without)} | ${inside} | ${studyInterval(outcome, w)} | ${modelInterval(outcome, w)} |`,
        );
      }
    }
  }
  const { missing, stale } = leftOutMissing(results, predictive);
  for (const fit of stale) lines.push('', `Not used: ${fit.stale}.`);
  if (missing.length > 0) {
    lines.push('', `Not yet fitted without them (≈ 40 min each on 2 cores, \`npm run ensemble -- --leave-out <trial>\`): ${missing.join(', ')}.`);
  }
  return lines;
}
