import type { Parameters, UncertainParameter } from '../models/parameters.ts';
import { LEVELS, Scenario, type Level } from '../models/scenario/schema.ts';
import { setParameter } from './calibration/parameter-path.ts';
import type { ScenarioRunner } from './runner.ts';
import type { ScenarioLoader } from './scenario/loader.ts';
import { LocatedDocument } from '../models/input/located.ts';
import { stringify } from 'yaml';
import { measuredPairs } from './stats/measured.ts';
import { BOOTSTRAP_REPLICATES, type MetricName, type ModelInterval, type SummaryCollector } from './summary.ts';
import type { Ensemble } from './calibration/ensemble.ts';
import { parametersOfSet } from './calibration/ensemble-file.ts';
import { modelIntervalOf, resampleSets, runDrawnSets } from './calibration/draws.ts';
import { bootstrapMeanCi } from './stats/bootstrap-mean-ci.ts';

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

/** The key contrasts' paired differences (pp, one per athlete measured in both arms) under one parameter set. */
export function contrastDifferences(partsFor: PartsFor, parameters: Parameters, size: number, seed: number): Map<string, Float64Array> {
  const differences = new Map<string, Float64Array>();
  const { loader, runner } = partsFor(parameters);
  for (const level of LEVELS) {
    const scenario = contrastScenario(level, size, seed);
    const doc = LocatedDocument.parse(stringify(scenario), `sensitivity-${level}.yaml`);
    const prepared = loader.prepare(scenario, doc);
    if (!prepared.ok) throw new Error(`sensitivity scenario: ${prepared.issues.map((issue) => issue.message).join('; ')}`);
    const outcome = runner.run(prepared.spec);
    const arms = prepared.spec.arms.map((arm) => arm.id);
    for (const contrast of KEY_CONTRASTS.filter((c) => c.level === level)) {
      const [treated, referred] = measuredPairs(outcome.metrics.valuesOf(arms.indexOf(contrast.arm), contrast.metric), outcome.metrics.valuesOf(arms.indexOf(contrast.reference), contrast.metric));
      differences.set(contrast.id, treated.map((value, i) => value - referred[i]!));
    }
  }
  return differences;
}

/** The key contrasts' values (mean paired differences, pp) under one parameter set. */
export function contrastValues(partsFor: PartsFor, parameters: Parameters, size: number, seed: number): Map<string, number> {
  return new Map([...contrastDifferences(partsFor, parameters, size, seed)].map(([id, differences]) => [id, differences.reduce((sum, d) => sum + d, 0) / differences.length]));
}

/**
 * The key contrasts with both their intervals (README, What the default scenario says): with the
 * committed constants, the mean and its seeded bootstrap 95 % CI (the sampling error of these
 * athletes); and under each of the ensemble's drawn sets, the same athletes again — the model
 * interval over plausible models and the share of them agreeing in sign.
 */
export interface KeyAnswer {
  value: number;
  ci95: [number, number];
  model: ModelInterval;
}

export async function keyAnswers(
  partsFor: PartsFor,
  base: Parameters,
  ensemble: Ensemble,
  sets: number,
  options: { size: number; seed: number; progress?: (done: number, total: number) => void },
): Promise<Map<string, KeyAnswer>> {
  const committed = contrastDifferences(partsFor, base, options.size, options.seed);
  const drawn = resampleSets(ensemble, sets);
  const perSet = await runDrawnSets(drawn, (set) => contrastValues(partsFor, parametersOfSet(base, ensemble, set), options.size, options.seed), 1, options.progress);
  const answers = new Map<string, KeyAnswer>();
  KEY_CONTRASTS.forEach((contrast, c) => {
    const differences = committed.get(contrast.id)!;
    const value = differences.reduce((sum, d) => sum + d, 0) / differences.length;
    const values = perSet.map((byContrast) => byContrast.get(contrast.id)!);
    answers.set(contrast.id, { value, ci95: bootstrapMeanCi(differences, BOOTSTRAP_REPLICATES, options.seed * 1_000 + c), model: modelIntervalOf(values, value) });
  });
  return answers;
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

/** A contrast in pp with its sign, "+1.23", "−0.40"; one that rounds to zero has none: "0.00". */
const pp = (value: number) => {
  const text = Math.abs(value).toFixed(2);
  return text === '0.00' ? text : `${value >= 0 ? '+' : '−'}${text}`;
};

/**
 * One line per key contrast: its value with the committed constants, the lowest and highest it
 * takes at either end of any one range, the constant that moves it most, and whether its sign holds
 * over every range (else: over how many ranges it changes). The table README.md shows beside the
 * default scenario's answer.
 */
export function sensitivitySummary(result: { base: Map<string, number>; swings: Swing[] }, answers: Map<string, KeyAnswer>): string {
  const lines = [
    '| contrast (10-km time trial, pp) | committed [95 % CI] | plausible models: median [90 %] | agree in sign | one range at a time | moved most by | sign over the ranges |',
    '|---|---:|---:|---:|---:|---|---|',
  ];
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
    const answer = answers.get(contrast.id)!;
    const model = answer.model;
    const agree = Math.abs(base) < NO_SIGN || model.sameSign === null ? '—' : `${Math.round(model.sameSign * 100)} %`;
    lines.push(
      `| ${contrast.id} | ${pp(base)} [${pp(answer.ci95[0])}, ${pp(answer.ci95[1])}] | ${pp(model.median)} [${pp(model.interval90[0])}, ${pp(model.interval90[1])}] | ${agree} | ${pp(lowest)} to ${pp(highest)} | \`${most?.parameter.path ?? '—'}\` | ${sign} |`,
    );
  }
  return lines.join('\n');
}

/** docs/SENSITIVITY.md: the summary, then per contrast the constants sorted by how far their range moves it. */
export function sensitivityMarkdown(
  result: { base: Map<string, number>; swings: Swing[] },
  answers: { byContrast: Map<string, KeyAnswer>; sets: number; distinct: number },
  size: number,
  seed: number,
  command: string,
  shown = 8,
): string {
  const lines = [
    '# How the key answers depend on the uncertain constants',
    '',
    `Written by \`${command}\`.`,
    'Each contrast is a mean paired difference in the 10-km time trial, pp (positive: the first arm faster), after 12 weeks at',
    `the athletes' usual volume (untrained: 3 h a week), ${size} athletes per level, seed ${seed}, the same athletes every time.`,
    'Three views of what is not known:',
    '',
    '- **committed [95 % CI]**: the contrast with the committed constants, and its seeded bootstrap interval — the sampling error of',
    '  these athletes, which more athletes shrink;',
    `- **plausible models**: the same athletes under ${answers.sets} parameter sets drawn by weight from the calibrated ensemble`,
    `  (ensemble/ensemble.json; ${answers.distinct} distinct), the median and 5th to 95th percentile of the contrast over them, and the share`,
    '  of them in which it has the sign of the committed value (— when that is within 0.05 pp of zero) — what the calibration leaves',
    '  open of the fifteen fitted constants, which no number of athletes shrinks;',
    '- **one range at a time**: every uncertain constant of src/models/parameters.ts (UNCERTAIN_PARAMETERS) set to the low and the',
    '  high end of its prior range, the others at their committed values — the lowest and highest the contrast takes, the constant',
    '  that moves it most, and in how many ranges its sign changes. Per contrast below, the constants that move it most; a contrast',
    '  whose sign changes within a range (marked **sign**) is one the model cannot decide from what is known.',
    '',
    '## Summary',
    '',
    sensitivitySummary(result, answers.byContrast),
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
