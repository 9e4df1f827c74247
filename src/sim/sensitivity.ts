import type { Parameters, UncertainParameter } from '../models/parameters.ts';
import { LEVELS, Scenario, type Level } from '../models/scenario/schema.ts';
import { setParameter } from './calibration/parameter-path.ts';
import type { ScenarioRunner } from './runner.ts';
import type { ScenarioLoader } from './scenario/loader.ts';
import { LocatedDocument } from '../models/input/located.ts';
import { stringify } from 'yaml';
import { measuredPairs } from './stats/measured.ts';
import type { MetricName, SummaryCollector } from './summary.ts';

/** One contrast the answers of the project stand on: arm − reference, on one metric, at one level. */
export interface Contrast {
  id: string;
  level: Level;
  arm: string;
  reference: string;
  metric: MetricName;
}

/** The key contrasts (issue 10): polarized − threshold and pyramidal − threshold at each level, HRV-guided − fixed, on the 10-km time trial. */
export const KEY_CONTRASTS: readonly Contrast[] = LEVELS.flatMap((level) => [
  { id: `polarized − threshold, ${level}`, level, arm: 'polarized', reference: 'threshold', metric: 'timeTrialPct' as const },
  { id: `pyramidal − threshold, ${level}`, level, arm: 'pyramidal', reference: 'threshold', metric: 'timeTrialPct' as const },
  { id: `HRV-guided − fixed (polarized), ${level}`, level, arm: 'polarized-hrv', reference: 'polarized', metric: 'timeTrialPct' as const },
]);

/**
 * The scenario each level's contrasts come from: 12 weeks of the three classic designs and the
 * polarized design coached by hrv-swc, at the athletes' usual volume (the untrained at 3 h a week,
 * as a study would prescribe: their habitual volume holds no design).
 */
export function contrastScenario(level: Level, size: number, seed: number): Scenario {
  const hours = level === 'untrained' ? { weeklyHours: 3 } : {};
  const design = (name: string) => (level === 'untrained' ? { extends: name, ...hours } : name);
  return Scenario.parse({
    name: `sensitivity: ${level}`,
    seed,
    population: { size, level },
    weeks: 12,
    arms: [
      { id: 'polarized', design: design('polarized') },
      { id: 'pyramidal', design: design('pyramidal') },
      { id: 'threshold', design: design('threshold') },
      { id: 'polarized-hrv', design: design('polarized'), rules: 'hrv-swc' },
    ],
  });
}

/** The mean of arm − reference over the athletes measured in both (pp): a paired contrast's point estimate. */
export function meanPairedDifference(metrics: SummaryCollector, arm: number, reference: number, metric: MetricName): number {
  const [treated, referred] = measuredPairs(metrics.valuesOf(arm, metric), metrics.valuesOf(reference, metric));
  let sum = 0;
  for (let i = 0; i < treated.length; i++) sum += treated[i]! - referred[i]!;
  return sum / treated.length;
}

/** What runs a scenario under one parameter set: a container's loader and runner (src/composition-root.ts). */
export type PartsFor = (parameters: Parameters) => { loader: ScenarioLoader; runner: ScenarioRunner };

/** The key contrasts' values (mean paired differences, pp) under one parameter set. */
export function contrastValues(partsFor: PartsFor, parameters: Parameters, size: number, seed: number): Map<string, number> {
  const values = new Map<string, number>();
  const { loader, runner } = partsFor(parameters);
  for (const level of LEVELS) {
    const scenario = contrastScenario(level, size, seed);
    const doc = LocatedDocument.parse(stringify(scenario), `sensitivity-${level}.yaml`);
    const prepared = loader.prepare(scenario, doc);
    if (!prepared.ok) throw new Error(`sensitivity scenario: ${prepared.issues.map((issue) => issue.message).join('; ')}`);
    const outcome = runner.run(prepared.spec);
    const arms = prepared.spec.arms.map((arm) => arm.id);
    for (const contrast of KEY_CONTRASTS.filter((c) => c.level === level)) {
      values.set(contrast.id, meanPairedDifference(outcome.metrics, arms.indexOf(contrast.arm), arms.indexOf(contrast.reference), contrast.metric));
    }
  }
  return values;
}

/** How the key contrasts move when one uncertain constant goes to the low and the high end of its range. */
export interface Swing {
  parameter: UncertainParameter;
  low: Map<string, number>;
  high: Map<string, number>;
}

/**
 * One-at-a-time sensitivity (a tornado analysis): every uncertain constant set to each end of its
 * range, the others at their values, the same athletes and seed each time (common random numbers,
 * so a difference is the constant's, not sampling noise). It shows which ranges an answer hangs
 * on, not how they interact: a global analysis (Sobol') is the model-uncertainty work (issue 12).
 */
export function oneAtATime(
  partsFor: PartsFor,
  base: Parameters,
  uncertain: readonly UncertainParameter[],
  options: { size: number; seed: number; progress?: (done: number, total: number) => void },
): { base: Map<string, number>; swings: Swing[] } {
  const baseValues = contrastValues(partsFor, base, options.size, options.seed);
  const swings: Swing[] = [];
  uncertain.forEach((parameter, i) => {
    const at = (value: number) => {
      const parameters = structuredClone(base);
      setParameter(parameters, parameter.path, value);
      return contrastValues(partsFor, parameters, options.size, options.seed);
    };
    swings.push({ parameter, low: at(parameter.low), high: at(parameter.high) });
    options.progress?.(i + 1, uncertain.length);
  });
  return { base: baseValues, swings };
}

/** A contrast smaller than this (pp) is taken to be zero: its sign is noise. */
const NO_SIGN = 0.05;

const pp = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;

/**
 * One line per key contrast: its value with the committed constants, the lowest and highest it
 * takes at either end of any one range, the constant that moves it most, and whether its sign holds
 * over every range (else: over how many ranges it changes). The table README.md shows beside the
 * default scenario's answer.
 */
export function sensitivitySummary(result: { base: Map<string, number>; swings: Swing[] }): string {
  const lines = ['| contrast (10-km time trial, pp) | committed | over the ranges | moved most by | sign |', '|---|---:|---:|---|---|'];
  for (const contrast of KEY_CONTRASTS) {
    const base = result.base.get(contrast.id)!;
    let lowest = base;
    let highest = base;
    let most = result.swings[0];
    let mostSwing = -1;
    let flips = 0;
    for (const swing of result.swings) {
      const low = swing.low.get(contrast.id)!;
      const high = swing.high.get(contrast.id)!;
      lowest = Math.min(lowest, low, high);
      highest = Math.max(highest, low, high);
      if (Math.abs(high - low) > mostSwing) {
        mostSwing = Math.abs(high - low);
        most = swing;
      }
      if (Math.sign(low) !== Math.sign(base) || Math.sign(high) !== Math.sign(base)) flips++;
    }
    // A contrast within a hair of zero has no sign to hold.
    const sign = Math.abs(base) < NO_SIGN ? 'none (≈ 0)' : flips === 0 ? 'holds' : `changes in ${flips} range${flips === 1 ? '' : 's'}`;
    lines.push(`| ${contrast.id} | ${pp(base)} | ${pp(lowest)} to ${pp(highest)} | \`${most?.parameter.path ?? '—'}\` | ${sign} |`);
  }
  return lines.join('\n');
}

/** docs/SENSITIVITY.md: the summary, then per contrast the constants sorted by how far their range moves it. */
export function sensitivityMarkdown(result: { base: Map<string, number>; swings: Swing[] }, size: number, seed: number, command: string, shown = 8): string {
  const lines = [
    '# How the key answers depend on the uncertain constants',
    '',
    `Written by \`${command}\`: every uncertain constant of src/models/parameters.ts (UNCERTAIN_PARAMETERS) set to the low and`,
    `the high end of its range, one at a time, the others at their committed values; ${size} athletes per level, seed ${seed}, the same`,
    'athletes every time. Each contrast is a mean paired difference in the 10-km time trial, pp (positive: the first arm faster),',
    'after 12 weeks at the athletes\' usual volume (untrained: 3 h a week). Per contrast, the constants that move it most; a',
    'contrast whose sign changes within a range (marked **sign**) is one the model cannot decide from what is known.',
    '',
    '## Summary',
    '',
    sensitivitySummary(result),
    '',
  ];
  for (const contrast of KEY_CONTRASTS) {
    const base = result.base.get(contrast.id)!;
    const rows = result.swings
      .map((s) => ({ s, low: s.low.get(contrast.id)!, high: s.high.get(contrast.id)! }))
      .map((r) => ({ ...r, swing: Math.abs(r.high - r.low) }))
      .sort((a, b) => b.swing - a.swing)
      .slice(0, shown);
    lines.push(`## ${contrast.id}: ${pp(base)} pp`, '', '| constant | range | at low | at high | swing |', '|---|---|---:|---:|---:|');
    for (const r of rows) {
      const flips = Math.sign(r.low) !== Math.sign(r.high) || Math.sign(r.low) !== Math.sign(base) ? ' **sign**' : '';
      lines.push(`| \`${r.s.parameter.path}\` | ${r.s.parameter.low} – ${r.s.parameter.high} | ${pp(r.low)} | ${pp(r.high)} | ${r.swing.toFixed(2)}${flips} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
