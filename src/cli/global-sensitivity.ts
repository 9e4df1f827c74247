import type { UncertainParameter } from '../models/parameters.ts';
import type { ContrastSensitivity, GlobalSensitivityResult } from '../sim/global-sensitivity.ts';
import { field, fixed } from '../sim/outputs/format.ts';
import { METRICS, type MetricName } from '../sim/summary.ts';
import { didYouMean } from '../models/text/suggest.ts';

const METRIC_LABELS: Partial<Record<MetricName, string>> = { vo2maxPct: 'VO2max %', lt2SpeedPct: 'LT2 speed %', timeTrialPct: '10-km TT %' };

/** The unit of a contrast (arm − reference) on each outcome. */
const UNITS: Record<MetricName, string> = {
  vo2maxPct: 'pp',
  lt2SpeedPct: 'pp',
  timeTrialPct: 'pp',
  peakSpeedPct: 'pp',
  restingHrDelta: 'bpm',
  lnRmssdDelta: 'ln ms',
  illnessDays: 'days',
  injured: '(share)',
  injuryDaysLost: 'days',
  overreached: '(share)',
};

/** The metrics `--metrics` names (comma-separated), or the three performance outcomes the run's table shows. */
export function chooseMetrics(list: string | undefined): MetricName[] {
  if (list === undefined) return ['vo2maxPct', 'lt2SpeedPct', 'timeTrialPct'];
  return list.split(',').map((name) => {
    const metric = METRICS.find((m) => m === name.trim());
    if (metric === undefined) throw new RangeError(`--metrics: no outcome "${name.trim()}"${didYouMean(name.trim(), METRICS)} (outcomes: ${METRICS.join(', ')})`);
    return metric;
  });
}

/** Rows the terminal shows per contrast (sensitivity.csv has every one). */
const SHOWN_PARAMETERS = 6;

/** A number with its sign, or — where there is none (NaN). */
const signed = (value: number, decimals: number) => (Number.isNaN(value) ? '—' : value > 0 ? `+${fixed(value, decimals)}` : fixed(value, decimals));
const plain = (value: number, decimals: number) => (Number.isNaN(value) ? '—' : fixed(value, decimals));
const range = (prior: UncertainParameter) => `${prior.low} – ${prior.high}`;

/** The priors `--only` names (comma-separated paths), in their table's order; an Error naming an unknown one. */
export function choosePriors(all: readonly UncertainParameter[], only: string | undefined): UncertainParameter[] {
  if (only === undefined) return [...all];
  const paths = only.split(',').map((path) => path.trim());
  const known = all.map((prior) => prior.path);
  const unknown = paths.find((path) => !known.includes(path));
  if (unknown !== undefined) throw new RangeError(`--only: no uncertain constant "${unknown}"${didYouMean(unknown, known)} (npm run sensitivity lists them, docs/SENSITIVITY.md)`);
  return all.filter((prior) => paths.includes(prior.path));
}

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

/** One contrast's block: its value, its spread over the sets, and the constants that drive it most. */
function contrastBlock(result: GlobalSensitivityResult, contrast: ContrastSensitivity): string {
  const unit = UNITS[contrast.metric];
  const title = `${contrast.arm} − ${contrast.reference}, ${METRIC_LABELS[contrast.metric] ?? contrast.metric}: ${signed(contrast.value, 2)} ${unit} for these ${result.athletes} athletes with the committed constants; ${signed(contrast.min, 2)} to ${signed(contrast.max, 2)} over the ${result.sets} sets`;
  const sign = contrast.sameSign === null ? '' : `; the same sign in ${Math.round(contrast.sameSign * 100)} % of the ${2 * (result.sets / (result.priors.length + 2))} sets sampled at random`;
  const missing = contrast.missing === 0 ? '' : `\nnote: ${contrast.missing} of the sets gave no value (no athlete measured in both arms): the indices they touch are —; raise --size`;
  const order = result.priors.map((_, i) => i);
  let rows: string[][];
  if (contrast.morris !== null) {
    const m = contrast.morris;
    const key = (i: number) => (Number.isNaN(m[i]!.muStar) ? -1 : m[i]!.muStar);
    order.sort((a, b) => key(b) - key(a) || a - b);
    const u = unit.startsWith('(') ? '' : ` ${unit}`;
    rows = [['constant', 'range', `μ*${u}`, `μ${u}`, `σ${u}`], ...order.slice(0, SHOWN_PARAMETERS).map((i) => [result.priors[i]!.path, range(result.priors[i]!), plain(m[i]!.muStar, 2), signed(m[i]!.mu, 2), plain(m[i]!.sigma, 2)])];
  } else {
    const s = contrast.sobol!;
    const key = (i: number) => (Number.isNaN(s[i]!.total) ? -1 : s[i]!.total);
    order.sort((a, b) => key(b) - key(a) || a - b);
    const share = (value: number, [low, high]: [number, number]) => (Number.isNaN(value) ? '—' : Number.isNaN(low) ? fixed(value, 2) : `${fixed(value, 2)} [${fixed(low, 2)}, ${fixed(high, 2)}]`);
    rows = [['constant', 'range', 'total [95 % CI]', 'first order [95 % CI]'], ...order.slice(0, SHOWN_PARAMETERS).map((i) => [result.priors[i]!.path, range(result.priors[i]!), share(s[i]!.total, s[i]!.totalCi), share(s[i]!.first, s[i]!.firstCi)])];
  }
  return `${title}${sign}${missing}\n${columns(rows)}`;
}

/** The terminal's answer: how the indices read, then a block per contrast. */
export function globalSensitivityTable(result: GlobalSensitivityResult): string {
  const how =
    result.method === 'morris'
      ? `Morris elementary effects: ${result.sets} parameter sets (${result.sets / (result.priors.length + 1)} trajectories × ${result.priors.length + 1}), ${result.athletes} athletes each, drawn from the same random streams under every set.\n` +
        "μ*: the mean absolute change of the contrast over a step of 2/3 of the constant's range, scaled to the whole range; μ: the same with its sign;\n" +
        'σ: how much that change depends on the other constants (σ near or above μ*: interactions or a curved response). A screening, not shares of variance.'
      : `Sobol' indices (Saltelli design): ${result.sets} parameter sets, each constant uniform over its range, ${result.athletes} athletes each, drawn from the same random streams under every set.\n` +
        "total: the share of the contrast's variance over the ranges that the constant explains with its interactions (0: it does not matter);\n" +
        'first order: the share it explains alone. Intervals: bootstrap over the base samples; wide ones ask for more --samples.';
  return [how, ...result.contrasts.map((contrast) => contrastBlock(result, contrast)), `(every constant and index in sensitivity.csv; every set run in sensitivity-sets.csv)`].join('\n\n');
}

/**
 * sensitivity.csv: one row per contrast, constant and index (tidy); first, per contrast, rows
 * without a constant: its value with the committed constants (`committed`), its lowest and highest
 * over the sets (`min`, `max`), the sets that gave no value (`missing`), and for Sobol' the share of
 * the random sample with the committed value's sign (`sameSign`).
 */
export function sensitivityCsv(result: GlobalSensitivityResult): string {
  const lines = ['method,arm,reference,metric,unit,constant,low,high,index,value,ciLow,ciHigh'];
  for (const contrast of result.contrasts) {
    const about = [result.method, field(contrast.arm), field(contrast.reference), contrast.metric, UNITS[contrast.metric], '', '', ''].join(',');
    lines.push(`${about},committed,${fixed(contrast.value, 6)},,`, `${about},min,${fixed(contrast.min, 6)},,`, `${about},max,${fixed(contrast.max, 6)},,`, `${about},missing,${contrast.missing},,`);
    if (contrast.sameSign !== null) lines.push(`${about},sameSign,${fixed(contrast.sameSign, 6)},,`);
    result.priors.forEach((prior, i) => {
      const start = [result.method, field(contrast.arm), field(contrast.reference), contrast.metric, UNITS[contrast.metric], prior.path, String(prior.low), String(prior.high)].join(',');
      const row = (index: string, value: number, ci: [number, number] | null) =>
        `${start},${index},${fixed(value, 6)},${ci === null ? '' : fixed(ci[0], 6)},${ci === null ? '' : fixed(ci[1], 6)}`;
      if (contrast.morris !== null) {
        const m = contrast.morris[i]!;
        lines.push(row('muStar', m.muStar, null), row('mu', m.mu, null), row('sigma', m.sigma, null));
      }
      if (contrast.sobol !== null) {
        const s = contrast.sobol[i]!;
        lines.push(row('total', s.total, s.totalCi), row('first', s.first, s.firstCi));
      }
    });
  }
  return `${lines.join('\n')}\n`;
}

/** sensitivity-sets.csv: every parameter set run — the constants' values, then each contrast (pp). */
export function sensitivitySetsCsv(result: GlobalSensitivityResult): string {
  const k = result.priors.length;
  const c = result.contrasts.length;
  const header = ['set', ...result.priors.map((prior) => prior.path), ...result.contrasts.map((contrast) => field(`${contrast.arm} - ${contrast.reference}: ${contrast.metric}`))];
  const lines = [header.join(',')];
  for (let row = 0; row < result.sets; row++) {
    const inputs = Array.from(result.inputs.subarray(row * k, row * k + k), (value) => String(value));
    const outputs = Array.from(result.outputs.subarray(row * c, row * c + c), (value) => fixed(value, 6));
    lines.push([String(row), ...inputs, ...outputs].join(','));
  }
  return `${lines.join('\n')}\n`;
}
