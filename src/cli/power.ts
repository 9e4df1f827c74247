import { MAX_SEARCH_N, POWER_COLUMNS, type PowerRange, type PowerRow, type SampleSize, type SampleSizeRange, type SampleSizeRow, type TrialDesign } from '../sim/power.ts';
import type { RunSpec } from '../sim/scenario/prepare.ts';
import { field, fixed } from '../sim/outputs/format.ts';
import { counted } from '../models/text/plural.ts';
import { columns, FEW_SETS } from './table.ts';

const LABELS: Record<string, string> = { vo2maxPct: 'VO2max %', lt2SpeedPct: 'LT2 speed %', timeTrialPct: '10-km TT %', peakSpeedPct: 'peak speed %' };

/** Over the ensemble's parameter sets (`power --uncertainty`): each row's range and how many sets it is over. */
export interface PowerUncertainty<R = PowerRange> {
  ranges: readonly R[];
  sets: number;
  distinct: number;
  ensemble: string;
}

const percent = (p: number) => (Number.isNaN(p) ? '—' : `${Math.round(p * 100)} %`);
const pp = (d: number) => (Number.isNaN(d) ? '—' : `${d >= 0 ? '+' : ''}${d.toFixed(2)} pp`);

/** A simulated difference within 2 Monte Carlo SE of zero: the power, and the n, are mostly of the simulated athletes' noise. */
const uncertain = (row: { difference: number; differenceMcse: number }) => Math.abs(row.difference) < 2 * row.differenceMcse;

/** The difference with its Monte Carlo SE, starred when it is within 2 SE of zero. */
const differenceText = (row: { difference: number; differenceMcse: number }) =>
  Number.isNaN(row.difference) ? '—' : `${pp(row.difference).replace(' pp', '')} ± ${row.differenceMcse.toFixed(2)} pp${uncertain(row) ? ' *' : ''}`;

/** The notes under a power table: a difference too uncertain to power, the athletes a trial loses, what a crossover here leaves out. */
function caveats(rows: readonly { difference: number; differenceMcse: number; dropout: number }[], design: TrialDesign): string[] {
  const notes: string[] = [];
  if (rows.some(uncertain)) {
    notes.push('* the simulated difference is within 2 Monte Carlo SE of zero: its power and n are mostly the noise of these simulated athletes (another seed gives another n); simulate more athletes (population: { size }) before planning on it.');
  }
  const dropouts = rows.map((row) => row.dropout).filter((d) => Number.isFinite(d));
  const [low, high] = [Math.min(...dropouts), Math.max(...dropouts)];
  if (high > 0) {
    const share = low === high ? `${Math.round(high * 100)} %` : `${Math.round(low * 100)}–${Math.round(high * 100)} %`;
    notes.push(
      `n counts the athletes analysed: ${share} of the simulated athletes were not tested at the end (injured on test day); enrol about n / (1 − that share), and mind that dropouts driven by injury are not missing at random.`,
    );
  }
  if (design.paired) {
    notes.push('A crossover here is the same athletes in both arms with one baseline test, no period or carry-over effects and no washout: its n is a lower bound for a real crossover.');
  }
  return notes;
}

/** What a simulated trial is, and what its power counts — printed above every power table. */
function definition(spec: RunSpec, design: TrialDesign): string[] {
  const trial = design.paired ? 'a crossover (the same athletes in both arms, paired t-test)' : "parallel groups (Welch's t-test)";
  return [
    `Simulated trials of ${trial}, drawn from ${spec.population.size.toLocaleString('en-US')} simulated athletes, ${design.replicates.toLocaleString('en-US')} per size.`,
    `Power: the probability that the two-sided test finds the difference at α = ${design.alpha}, in either direction (two identical arms give about ${design.alpha});`,
    'equivalence (with a sesoi in the scenario): the probability that the two one-sided tests show the difference within ±sesoi, each at α.',
    ...(spec.contrasts.length > 1
      ? [`Each contrast is powered on its own, at α: a protocol testing all ${spec.contrasts.length} with Holm or Bonferroni can ask for --alpha ${+(design.alpha / spec.contrasts.length).toPrecision(3)} (α / ${spec.contrasts.length}, conservative).`]
      : []),
  ];
}

/** A trial larger than the simulated population draws its athletes more than once: said when it happens. */
function populationNote(spec: RunSpec, largest: number): string[] {
  const size = spec.population.size;
  if (largest <= size) return [];
  return [
    `note: a trial of more than the ${size.toLocaleString('en-US')} simulated athletes draws some of them twice: its power is that of those ${size.toLocaleString('en-US')};` +
      ` for n up to ${largest.toLocaleString('en-US')}, simulate at least as many (population: { size }).`,
  ];
}

/** What the bracketed ranges are, with `--uncertainty`. */
function uncertaintyLines(uncertainty: PowerUncertainty<unknown>, what: string): string[] {
  const sets = uncertainty.distinct === uncertainty.sets ? counted(uncertainty.sets, 'parameter set') : `${counted(uncertainty.sets, 'parameter set')} (${uncertainty.distinct} distinct)`;
  return [
    `[brackets]: the 5th to 95th percentile over ${sets} drawn by weight from the calibrated ensemble (${uncertainty.ensemble}), the same athletes under each — what the model does not know about ${what}.`,
    "The number before them is the committed constants' (the ensemble's medians, not one of its sets: it need not lie inside).",
    ...(uncertainty.sets < FEW_SETS ? [`With ${uncertainty.sets} sets the interval is little more than their range: ask for ensemble:${FEW_SETS} or more.`] : []),
  ];
}

/**
 * The power table: contrast, metric, the population's difference, then the power at each study
 * size (and the power to show equivalence, for a metric with a sesoi) — with `uncertainty`, each
 * followed by its 90 % range over plausible models.
 */
export function powerTable(rows: readonly PowerRow[], sizes: readonly number[], spec: RunSpec, design: TrialDesign, uncertainty: PowerUncertainty | null = null): string {
  const table: string[][] = [['contrast', 'metric', 'test', 'difference', ...sizes.map((n) => `n = ${n}`)]];
  const ranged = (p: number, range: [number, number, number] | undefined) => (range === undefined ? percent(p) : `${percent(p)} [${Math.round(range[0] * 100)}–${percent(range[2])}]`);
  rows.forEach((row, r) => {
    const range = uncertainty?.ranges[r];
    const difference = range === undefined ? differenceText(row) : `${differenceText(row)} [${pp(range.difference[0])}, ${pp(range.difference[2])}]`;
    const contrast = `${row.arm} − ${row.vs}`;
    table.push([contrast, LABELS[row.metric] ?? row.metric, 'difference', difference, ...row.power.map((p, n) => ranged(p, range?.power[n]))]);
    if (row.equivalence !== null) {
      table.push(['', '', `equivalence ±${row.sesoi}`, '', ...row.equivalence.map((p, n) => ranged(p, range?.equivalence?.[n]))]);
    }
  });
  return [
    ...definition(spec, design),
    ...(uncertainty === null ? [] : uncertaintyLines(uncertainty, 'the difference and the power')),
    '',
    columns(table, new Set([3, ...sizes.map((_, i) => 4 + i)])),
    ...caveats(rows, design),
    ...populationNote(spec, Math.max(...sizes)),
    '',
  ].join('\n');
}

/** An n found, as a reader scans it: "64 (81 % ± 1.2)", or "> 10 000 (12 % at 10 000)". */
function sizeText(size: SampleSize): string {
  if (Number.isNaN(size.power)) return '— (no athletes measured in both arms)';
  const mcse = `± ${(size.mcse * 100).toFixed(1)}`;
  return size.n === null ? `> ${MAX_SEARCH_N.toLocaleString('en-US')} (${percent(size.power)} at ${MAX_SEARCH_N.toLocaleString('en-US')})` : `${size.n} (${percent(size.power)} ${mcse})`;
}

/** A range of n over the sets: "[40–120]", "[40 – > 10 000]". */
function nRange(range: [number, number, number]): string {
  const n = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : `> ${MAX_SEARCH_N.toLocaleString('en-US')}`);
  return `[${n(range[0])}–${n(range[2])}]`;
}

/**
 * The sample-size table: per contrast and metric, the smallest n per arm found to reach the target
 * power for the difference — and for equivalence where the scenario gives a sesoi — with the power
 * estimated there and its Monte Carlo SE.
 */
export function sampleSizeTable(rows: readonly SampleSizeRow[], target: number, spec: RunSpec, design: TrialDesign, uncertainty: PowerUncertainty<SampleSizeRange> | null = null): string {
  const equivalence = rows.some((row) => row.found.equivalence !== null);
  const table: string[][] = [['contrast', 'metric', 'difference', `n for ${percent(target)} power`, ...(equivalence ? ['n to show equivalence'] : [])]];
  rows.forEach((row, r) => {
    const range = uncertainty?.ranges[r];
    table.push([
      `${row.arm} − ${row.vs}`,
      LABELS[row.metric] ?? row.metric,
      range === undefined ? differenceText(row) : `${differenceText(row)} [${pp(range.difference[0])}, ${pp(range.difference[2])}]`,
      `${sizeText(row.found.difference)}${range === undefined ? '' : ` ${nRange(range.n.difference)}`}`,
      ...(equivalence
        ? [
            row.found.equivalence === null
              ? '—'
              : row.found.equivalence.n === null && Math.abs(row.difference) >= row.sesoi!
                ? `±${row.sesoi}: cannot be shown (the difference is beyond it)`
                : `±${row.sesoi}: ${sizeText(row.found.equivalence)}${range?.n.equivalence == null ? '' : ` ${nRange(range.n.equivalence)}`}`,
          ]
        : []),
    ]);
  });
  return [
    `The smallest n ${design.paired ? '(athletes, each in both arms)' : 'per arm'} whose simulated trials reach ${percent(target)} power (n doubled from 2, then bisected; each n's power from its own trials):`,
    ...definition(spec, design),
    'After each n: the power estimated there ± its Monte Carlo SE; the n is uncertain by about as many athletes as raise the power by 2 SE.',
    ...(uncertainty === null ? [] : uncertaintyLines(uncertainty, 'the difference and the n')),
    '',
    columns(table, new Set([2])),
    ...caveats(rows, design),
    ...populationNote(spec, Math.max(...rows.flatMap((row) => [row.found.difference.n ?? 0, row.found.equivalence?.n ?? 0]))),
    '',
  ].join('\n');
}


/** One power.csv row. */
function csvRow(row: { arm: string; vs: string; metric: string; difference: number; differenceMcse: number; dropout: number; sesoi: number | null }, test: string, design: TrialDesign, target: number | null, n: number | null, reached: boolean | null, power: number): string {
  return [
    field(row.arm),
    field(row.vs),
    row.metric,
    test,
    design.paired ? 'paired' : 'parallel',
    String(design.alpha),
    fixed(row.difference, 4),
    fixed(row.differenceMcse, 4),
    fixed(row.dropout, 4),
    row.sesoi === null ? '' : String(row.sesoi),
    target === null ? '' : String(target),
    n === null ? '' : String(n),
    reached === null ? '' : String(reached),
    fixed(power, 4),
    fixed(Math.sqrt((power * (1 - power)) / design.replicates), 4),
    String(design.replicates),
  ].join(',');
}

/** power.csv of `power --n`: the power of each contrast, metric and test at each size. */
export function powerCsv(rows: readonly PowerRow[], sizes: readonly number[], design: TrialDesign): string {
  const lines = [POWER_COLUMNS.join(',')];
  for (const row of rows) {
    sizes.forEach((n, i) => {
      lines.push(csvRow(row, 'difference', design, null, n, null, row.power[i]!));
      if (row.equivalence !== null) lines.push(csvRow(row, 'equivalence', design, null, n, null, row.equivalence[i]!));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** power.csv of `power --target`: the n found for each contrast, metric and test (MAX_SEARCH_N and reached false when not reached; no n when nothing was measured). */
export function sampleSizeCsv(rows: readonly SampleSizeRow[], target: number, design: TrialDesign): string {
  const lines = [POWER_COLUMNS.join(',')];
  for (const row of rows) {
    const tests: [string, SampleSize | null][] = [
      ['difference', row.found.difference],
      ['equivalence', row.found.equivalence],
    ];
    for (const [test, size] of tests) {
      // Not reached: the largest n searched and its power; nothing measured: no n, no power.
      if (size !== null) lines.push(csvRow(row, test, design, target, size.n ?? (Number.isNaN(size.power) ? null : MAX_SEARCH_N), size.n !== null, size.power));
    }
  }
  return `${lines.join('\n')}\n`;
}
