import { fixed } from '../sim/outputs/format.ts';
import type { SweepExpansion } from '../engine/designs/sweep.ts';
import { VERDICTS, type ArmSummary, type Comparison, type MetricName, type MetricSummary, type Summary } from '../sim/summary.ts';
import { counted, noun } from '../models/text/plural.ts';
import { raceTime } from '../models/text/clock.ts';

const SHOWN: readonly [MetricName, string][] = [
  ['vo2maxPct', 'VO2max %'],
  ['lt2SpeedPct', 'LT2 speed %'],
  ['timeTrialPct', '10-km TT %'],
];

/** A number with its sign (+1.2, −0.4, 0.0): `fixed`, which never prints −0, with a + when it is above zero. */
function signed(value: number, decimals = 1): string {
  const text = fixed(value, decimals);
  return value > 0 && text !== fixed(0, decimals) ? `+${text}` : text;
}

function withInterval(mean: number, ci: [number, number] | null): string {
  return ci === null ? signed(mean) : `${signed(mean)} [${signed(ci[0])}, ${signed(ci[1])}]`;
}

function metric(m: MetricSummary): string {
  return withInterval(m.mean, m.ci95);
}


/** A share as a whole per cent: 0.123 → "12 %". */
function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/**
 * The race a coach reads and what the block cost: mean 10-km time before and after (measured), and
 * the shares injured and overreached, days lost to injury and days ill per athlete.
 */
function raceAndHealth(summary: Summary): string[] {
  const rows: string[][] = [['arm', '10 km before → after', 'injured', 'days lost', 'overreached', 'ill days']];
  for (const arm of summary.arms) {
    const race = arm.raceTime;
    rows.push([
      arm.id,
      race === null ? '—' : `${raceTime(race.beforeMinutes)} → ${raceTime(race.afterMinutes)}`,
      percent(arm.metrics.injured.mean),
      arm.metrics.injuryDaysLost.mean.toFixed(1),
      percent(arm.metrics.overreached.mean),
      arm.metrics.illnessDays.mean.toFixed(1),
    ]);
  }
  return ['', 'Race time (10 km, measured, mean of the athletes tested before and after) and health over the block, per athlete:', '', columns(rows, new Set([2, 3, 4, 5]))];
}

/** Lays out rows in columns; the first row is the header, underlined. */
export function columns(rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** A count with its thousands apart, as a reader scans it: 1 234 567. */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * Under the table, for scenarios with adaptive arms: what each rule changed (`polarized-hrv (hrv-swc):
 * 1 234 changes — hrv-outside-band 1 100 (412 athletes), …`), then hard sessions per week during
 * sleep restriction or illness in every arm, so the adaptive arms can be read against the fixed ones.
 */
function adaptiveLines(summary: Summary): string[] {
  const adaptive = summary.arms.filter((arm) => arm.rules !== null);
  if (adaptive.length === 0) return [];
  const lines = ['', 'Changes the adaptive engine applied, by rule:'];
  for (const arm of adaptive) {
    const rules = Object.entries(arm.adjustments);
    const total = rules.reduce((sum, [, tally]) => sum + tally.count, 0);
    const byRule = rules.map(([ruleId, tally]) => {
      const overridden = tally.overridden > 0 ? `, ${grouped(tally.overridden)} overridden` : '';
      return `${ruleId} ${grouped(tally.count)} (${grouped(tally.athletes)} ${noun(tally.athletes, 'athlete')}${overridden})`;
    });
    lines.push(`  ${arm.id} (${arm.rules}): ${grouped(total)} ${noun(total, 'change')}${byRule.length > 0 ? ` — ${byRule.join(', ')}` : ''}`);
  }
  if (summary.arms.some((arm) => arm.duringEvents.hardSessionsPerWeek !== null)) {
    const perArm = summary.arms.map((arm) => `${arm.id} ${arm.duringEvents.hardSessionsPerWeek === null ? '—' : arm.duringEvents.hardSessionsPerWeek.toFixed(1)}`);
    lines.push(`Hard sessions per week during sleep restriction or illness: ${perArm.join(', ')}`);
  }
  return lines;
}

/** The comparison a researcher reads first: achieved distribution and outcomes per arm, then paired differences. */
export function comparisonTable(summary: Summary): string {
  const population = summary.population;
  const who =
    'level' in population
      ? `${population.size} ${population.level} ${noun(population.size, 'athlete')}`
      : `${population.athletes.join(', ')} × ${counted(population.replicates, 'possible version')}`;
  const out: string[] = [];
  out.push(`${summary.name} — ${who}, ${counted(summary.weeks, 'week')}, seed ${summary.seed}`);
  out.push('Achieved time in zone (3-zone, by time) and change from baseline to final test (with test error), mean [95 % CI]:');
  out.push('positive is better: more VO2max, a faster LT2 speed, a faster 10-km time trial (its % is of the time: +5 % is 57:00 → 54:09);');
  out.push('PI: polarization index, log10(Z1/Z2 × Z3 %), above 2.00 polarized (Treff et al. 2019); hard/wk: sessions mostly above LT1 a week');
  out.push('');
  const rows: string[][] = [['arm', 'design', 'Z1/Z2/Z3 %', 'PI', 'hard/wk', 'h/wk', ...SHOWN.map(([, label]) => label)]];
  for (const arm of summary.arms) {
    const d = arm.distribution;
    rows.push([
      arm.id,
      arm.design,
      d === null ? '—' : [d.z1, d.z2, d.z3].map((share) => (share * 100).toFixed(0).padStart(2)).join('/'),
      d === null ? '—' : d.polarizationIndex.toFixed(2),
      arm.hardSessionsPerWeek.toFixed(1),
      arm.weeklyHours.toFixed(1),
      ...SHOWN.map(([name]) => metric(arm.metrics[name])),
    ]);
  }
  out.push(columns(rows, new Set([3, 4, 5])));
  out.push(...raceAndHealth(summary));
  out.push(`Events: ${summary.events.what}.`);
  for (const arm of summary.arms) for (const warning of arm.warnings) out.push(`note: ${arm.id}: ${warning}`);
  out.push(...adaptiveLines(summary));
  if (summary.reference !== null) {
    out.push('');
    out.push(`Paired difference vs ${summary.reference} (same athletes and scripted events): mean [95 % CI], Hedges' g`);
    out.push(`positive: better than ${summary.reference}; g: the difference in standard deviations of the changes (0.2 small, 0.5 medium, 0.8 large)`);
    out.push('');
    // Each metric takes two columns, the difference with its interval and Hedges' g, so that g lines up.
    // One row per arm compared with the reference: its id, then its cells.
    const compared = (header: string[], cells: (arm: ArmSummary, vs: Record<MetricName, Comparison>) => string[]) => [
      header,
      ...summary.arms.flatMap((arm) => (arm.vsReference === null ? [] : [[arm.id, ...cells(arm, arm.vsReference)]])),
    ];
    const paired = compared(['arm', ...SHOWN.flatMap(([, label]) => [label, 'g'])], (_, vs) =>
      SHOWN.flatMap(([name]) => [withInterval(vs[name].diff, vs[name].ci95), vs[name].hedgesG === null ? '—' : signed(vs[name].hedgesG, 2)]),
    );
    out.push(columns(paired, new Set(SHOWN.map((_, i) => 2 + 2 * i))));
    out.push('');
    out.push("d_z (the difference over the SD of the differences), with the difference's Monte Carlo SE;");
    out.push("responders: athletes gaining over 2× / under 0.5× the test's typical error");
    out.push('');
    const effects = compared(
      ['arm', ...SHOWN.map(([, label]) => `${label.replace(' %', '')} d_z`), ...SHOWN.map(([, label]) => `${label.replace(' %', '')} high/low`)],
      (arm, vs) => [
        ...SHOWN.map(([name]) => (vs[name].dz === null ? '—' : `${signed(vs[name].dz, 2)} (MCSE ${(vs[name].mcse ?? 0).toFixed(2)} pp)`)),
        ...SHOWN.map(([name]) => {
          const r = arm.responders[name];
          return r === undefined ? '—' : `${Math.round(r.high * 100)} % / ${Math.round(r.low * 100)} %`;
        }),
      ],
    );
    out.push(columns(effects, new Set(SHOWN.map((_, i) => 1 + i))));
    out.push(...modelUncertaintyLines(summary, compared));
  }
  out.push(...contrastLines(summary));
  return out.join('\n');
}

/** Contrasts printed at most; the rest are in contrasts.csv. */
const SHOWN_CONTRASTS = 30;

/** A p-value as a reader scans it: 0.012, < 0.001. */
function pText(p: number | null): string {
  return p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** The names of the multiplicity adjustments, as the table's legend says them. */
const ADJUSTED: Record<Summary['contrasts']['adjust'], string> = {
  holm: "Holm's step-down adjustment",
  bonferroni: 'the Bonferroni adjustment',
  none: 'no adjustment for multiplicity',
};

/**
 * The study's contrasts as tested — when the scenario asks for more than the reference contrasts
 * above, or gives a smallest effect of interest: each pair's difference, its adjusted p-value and
 * the verdict. Otherwise a line saying where the tests are.
 */
function contrastLines(summary: Summary): string[] {
  const { pairs, sesoi, adjust } = summary.contrasts;
  if (pairs.length === 0) return [];
  const bounds = Object.entries(sesoi);
  // Only the reference contrasts of the table above, every one of them: a line says where their tests are.
  const compared = summary.arms.filter((arm) => arm.vsReference !== null).length;
  const asked = bounds.length > 0 || pairs.length !== compared || pairs.some((pair) => pair.vs !== summary.reference);
  if (!asked) return ['', `p-values of these contrasts (paired t-test, two-sided, ${ADJUSTED[adjust]} within each metric): contrasts.csv`];
  const shown = pairs.slice(0, SHOWN_CONTRASTS);
  const rows: string[][] = [['contrast', ...SHOWN.flatMap(([, label]) => [label, adjust === 'none' ? 'p' : 'p adj.', 'verdict'])]];
  for (const pair of shown) {
    rows.push([
      `${pair.arm} − ${pair.vs}`,
      ...SHOWN.flatMap(([name]) => {
        const c = pair.metrics[name];
        return [withInterval(c.diff, c.ci95), pText(c.pAdjusted), c.verdict ?? '—'];
      }),
    ]);
  }
  const equivalence =
    bounds.length === 0
      ? 'no smallest effect of interest given (sesoi:), so no equivalence test: a difference not shown is inconclusive'
      : `equivalence: two one-sided tests within ±${bounds.map(([metric, bound]) => `${bound} ${metric}`).join(', ±')} (sesoi, in the metrics' units)`;
  return [
    '',
    `Contrasts (same athletes): mean difference [95 % CI, bootstrap, not adjusted], paired t-test two-sided with ${ADJUSTED[adjust]} within each metric, at α = ${summary.contrasts.alpha};`,
    `${equivalence}.`,
    'The tests are over the simulated athletes: simulate more and any difference becomes significant. For the n a real trial needs: periodize power --target 0.8.',
    ...Object.entries(VERDICTS).map(([key, words]) => `  ${key}: ${words}`),
    '',
    columns(rows, new Set(SHOWN.flatMap((_, i) => [2 + 3 * i]))),
    ...(pairs.length > shown.length ? [`… and ${pairs.length - shown.length} more contrasts: contrasts.csv`] : []),
  ];
}

/** Fewer sets than this make a 90 % interval of their 5th and 95th percentiles little more than their range. */
export const FEW_SETS = 20;

/**
 * With `--uncertainty`: each paired difference over the ensemble's plausible parameter sets —
 * median [5th, 95th percentile], and in how many of them it has the sign of the estimate above —
 * labelled apart from the 95 % CI, which is the sampling error under the committed constants.
 */
function modelUncertaintyLines(
  summary: Summary,
  compared: (header: string[], cells: (arm: ArmSummary, vs: Record<MetricName, Comparison>) => string[]) => string[][],
): string[] {
  const about = summary.modelUncertainty;
  if (about === undefined) return [];
  const sets = about.distinct === about.sets ? counted(about.sets, 'parameter set') : `${counted(about.sets, 'parameter set')} (${about.distinct} distinct)`;
  const rows = compared(['arm', ...SHOWN.map(([, label]) => label), ...SHOWN.map(([, label]) => `${label.replace(' %', '')} same sign`)], (_, vs) => [
    ...SHOWN.map(([name]) => {
      const model = vs[name].modelUncertainty;
      return model === undefined || model.sets === 0 ? '—' : `${signed(model.median)} [${signed(model.interval90[0])}, ${signed(model.interval90[1])}]`;
    }),
    ...SHOWN.map(([name]) => {
      const share = vs[name].modelUncertainty?.sameSign;
      return share == null ? '—' : percent(share);
    }),
  ]);
  return [
    '',
    `Model uncertainty — the paired difference under ${sets} drawn by weight from the calibrated ensemble (${about.ensemble}),`,
    `the same athletes under each: median [90 % of plausible models], and the share of them agreeing in sign with the mean above.`,
    `The 95 % CI above is the sampling error of these athletes under the committed constants (the ensemble's medians, not one of its`,
    `sets: the mean need not lie inside); this interval is what the model does not know.`,
    ...(about.sets < FEW_SETS ? [`With ${about.sets} sets the 90 % interval is little more than their range: ask for ensemble:${FEW_SETS} or more.`] : []),
    '',
    columns(rows, new Set(SHOWN.flatMap((_, i) => [1 + i, 1 + SHOWN.length + i]))),
  ];
}

/**
 * A sweep's compact summary: per shown metric, the best and the worst setting (by the arms' mean),
 * with their values — the detail is in sweep.csv.
 */
export function sweepSummary(summary: Summary, sweep: SweepExpansion): string {
  const out = [`Sweep over ${sweep.keys.join(' × ')}: ${sweep.arms.length} settings (every one in sweep.csv); best and worst by mean`, ''];
  const rows: string[][] = [['metric', 'best', 'mean', 'worst', 'mean']];
  const setting = (i: number) => sweep.keys.map((key, k) => `${key} ${sweep.values[i]![k]}`).join(', ');
  for (const [metric, label] of SHOWN) {
    let best = -1;
    let worst = -1;
    sweep.arms.forEach((sweepArm, i) => {
      const arm = summary.arms.find((a) => a.id === sweepArm.id)!;
      const mean = arm.metrics[metric].mean;
      if (best < 0 || mean > summary.arms.find((a) => a.id === sweep.arms[best]!.id)!.metrics[metric].mean) best = i;
      if (worst < 0 || mean < summary.arms.find((a) => a.id === sweep.arms[worst]!.id)!.metrics[metric].mean) worst = i;
    });
    const meanOf = (i: number) => signed(summary.arms.find((a) => a.id === sweep.arms[i]!.id)!.metrics[metric].mean);
    rows.push([label, setting(best), meanOf(best), setting(worst), meanOf(worst)]);
  }
  out.push(columns(rows, new Set([2, 4])));
  return out.join('\n');
}
