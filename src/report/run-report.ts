import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '../models/scenario/schema.ts';
import { counted } from '../models/text/plural.ts';
import { eventFirstDay } from '../sim/events.ts';
import { quantileType7 } from '../sim/stats/bootstrap-mean-ci.ts';
import type { ArmSummary, Comparison, Summary, TestedComparison } from '../sim/summary.ts';
import { METRIC_LABELS, type Chart } from './chart.ts';
import {
  adjustmentsChart,
  type ArmZones,
  type BoxStats,
  changeBoxesChart,
  type EventSpan,
  forestChart,
  type ForestRow,
  type MetricBoxes,
  respondersChart,
  type RuleWeek,
  type SweepCell,
  sweepChart,
  type WeeklyMarker,
  weeklyMarkersChart,
  zoneBarsChart,
} from './charts/research.ts';
import { parseCsvFile } from './files.ts';
import type { ReportPage, Section } from './page.ts';
import { provenanceOf, type Manifest } from './provenance.ts';
import { numberOf, tableFile, tableRows } from './tables.ts';

/** The performance outcomes a report draws, with their labels (the summary's metrics: README, The outputs). */
const PERFORMANCE = [
  { metric: 'vo2maxPct', label: METRIC_LABELS.vo2maxPct!, unit: '% change' },
  { metric: 'lt2SpeedPct', label: METRIC_LABELS.lt2SpeedPct!, unit: '% change' },
  { metric: 'timeTrialPct', label: METRIC_LABELS.timeTrialPct!, unit: '% change (positive: faster)' },
] as const;

/**
 * Single athletes drawn over the boxes, over all arms, at most: more would be a smear, and the page
 * would grow with the run. Past it the boxes stand alone (and summarise every athlete all the same).
 */
export const MAX_POINTS_DRAWN = 600;

/** A section's notes shown at most (a sweep of many arms gives one each): the rest are counted and pointed to. */
const MAX_NOTES = 6;

/** The recovery markers of the weekly chart: days.csv's columns, and whether a week's value is their mean or their sum. */
const MARKERS = [
  { column: 'restingHr', title: 'resting HR (bpm)', weekly: 'mean' },
  { column: 'lnRmssd', title: 'lnRMSSD (ln ms)', weekly: 'mean' },
  { column: 'sleepHours', title: 'sleep (h a night)', weekly: 'mean' },
  { column: 'sessionRpeLoad', title: 'session-RPE load (AU a week)', weekly: 'sum' },
] as const;

/** A box of the values measured (NaN: not measured), with Tukey's whiskers; null when none was. */
export function boxStats(arm: string, metric: string, values: readonly number[]): BoxStats | null {
  const sorted = Float64Array.from(values.filter((v) => v === v)).sort();
  if (sorted.length === 0) return null;
  const q1 = quantileType7(sorted, 0.25);
  const q3 = quantileType7(sorted, 0.75);
  const reach = 1.5 * (q3 - q1);
  let low = q1;
  let high = q3;
  let sum = 0;
  for (const v of sorted) {
    sum += v;
    if (v >= q1 - reach && v < low) low = v;
    if (v <= q3 + reach && v > high) high = v;
  }
  return { arm, metric, n: sorted.length, mean: sum / sorted.length, q1, median: quantileType7(sorted, 0.5), q3, low, high };
}

/** A fixed horizontal offset in [−1, 1] for the i-th point (the golden-ratio sequence: even, and the same on every page). */
function jitter(i: number): number {
  return 2 * ((i * 0.6180339887498949) % 1) - 1;
}

/** Every athlete's performance changes per arm, from athletes.csv (or .parquet). */
async function changesByArm(dir: string, arms: readonly string[]): Promise<Map<string, Map<string, number[]>>> {
  const file = tableFile(dir, 'athletes');
  const byArm = new Map(arms.map((arm) => [arm, new Map(PERFORMANCE.map((p) => [p.metric as string, [] as number[]]))]));
  if (file === null) return byArm;
  for await (const [arm, ...values] of tableRows(file, ['arm', ...PERFORMANCE.map((p) => p.metric)])) {
    const of = byArm.get(String(arm));
    if (of === undefined) continue;
    PERFORMANCE.forEach((p, i) => of.get(p.metric)!.push(numberOf(values[i])));
  }
  return byArm;
}

/** Running mean and SD (Welford), of the athletes' weekly values. */
class Spread {
  n = 0;
  mean = 0;
  private m2 = 0;
  add(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
  get sd(): number {
    return this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0;
  }
}

/**
 * The weekly markers per arm from days.csv (or .parquet): each athlete's weekly mean (sleep, resting
 * HR, lnRMSSD: of the mornings measured) or sum (the load), then their mean and SD over the athletes.
 * The rows come athlete by athlete (the simulator writes an athlete's arms and days together), so an
 * athlete's weeks are complete when the next athlete's rows begin, and memory stays flat.
 */
async function weeklyMarkers(file: string): Promise<WeeklyMarker[]> {
  const spreads = new Map<string, Spread>();
  let current = '';
  // Per arm and week of the current athlete: per marker, sum and count.
  let weeks = new Map<string, Float64Array>();
  const flush = () => {
    for (const [key, sums] of weeks) {
      MARKERS.forEach((m, i) => {
        const count = sums[2 * i + 1]!;
        if (count === 0) return;
        const value = m.weekly === 'sum' ? sums[2 * i]! : sums[2 * i]! / count;
        const spreadKey = `${key}|${m.column}`;
        let spread = spreads.get(spreadKey);
        if (spread === undefined) spreads.set(spreadKey, (spread = new Spread()));
        spread.add(value);
      });
    }
    weeks = new Map();
  };
  for await (const [athlete, arm, week, ...values] of tableRows(file, ['athlete', 'arm', 'week', ...MARKERS.map((m) => m.column)])) {
    const who = String(athlete);
    if (who !== current) {
      flush();
      current = who;
    }
    const key = `${String(arm)}|${numberOf(week)}`;
    let sums = weeks.get(key);
    if (sums === undefined) weeks.set(key, (sums = new Float64Array(2 * MARKERS.length)));
    values.forEach((cell, i) => {
      const v = numberOf(cell);
      if (v !== v) return;
      sums![2 * i] = sums![2 * i]! + v;
      sums![2 * i + 1] = sums![2 * i + 1]! + 1;
    });
  }
  flush();
  return [...spreads].map(([key, spread]) => {
    const [arm, week, marker] = key.split('|');
    return { arm: arm!, week: Number(week), marker: marker!, mean: spread.mean, low: spread.mean - spread.sd, high: spread.mean + spread.sd };
  });
}

/** Changes the engine applied per arm, week and rule, from adjustments.csv (or .parquet), per athlete of the arm. */
async function ruleWeeks(file: string, athletesOf: ReadonlyMap<string, number>): Promise<RuleWeek[]> {
  const counts = new Map<string, number>();
  for await (const [arm, week, rule, outcome] of tableRows(file, ['arm', 'week', 'rule', 'outcome'])) {
    if (outcome !== 'applied') continue;
    const key = `${String(arm)}|${numberOf(week)}|${String(rule)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [arm, week, rule] = key.split('|');
    return { arm: arm!, week: Number(week), rule: rule!, perAthlete: count / (athletesOf.get(arm!) ?? 1) };
  });
}

/** A scenario event's label and weeks, from the resolved scenario of the manifest. */
function eventSpans(resolved: unknown, weeks: number): EventSpan[] {
  const events = ((resolved as { scenario?: { events?: Event[] } } | undefined)?.scenario?.events ?? []);
  return events.map((e) => {
    // The days it touches from its first (the simulator's eventFirstDay): a load change acts on whole weeks.
    const days = e.type === 'illness' ? e.days : e.type === 'sleep-restriction' ? (e.days ?? (e.weeks ?? 1) * 7) : (e.weeks ?? 1) * 7;
    const lastDay = eventFirstDay(e) + days - 1;
    const what = e.type === 'sleep-restriction' ? `sleep restricted to ${e.hours} h` : e.type === 'illness' ? `illness, ${e.days} days` : `load × ${e.factor}`;
    const who = `${e.arms === undefined ? 'every arm' : e.arms.join(', ')}${e.share === undefined || e.share === 1 ? '' : `, ${Math.round(100 * e.share)} % of the athletes`}`;
    return { label: `${what} (${who})`, fromWeek: e.fromWeek, toWeek: Math.min(weeks, Math.floor((lastDay - 1) / 7) + 1) };
  });
}

function zonesOf(arm: ArmSummary): ArmZones | null {
  if (arm.distribution === null) return null;
  const d = arm.distribution;
  return {
    arm: arm.id,
    design: arm.design,
    target: arm.target === null ? null : { z1: arm.target.z1, z2: arm.target.z2, z3: arm.target.z3 },
    achieved: { z1: d.z1, z2: d.z2, z3: d.z3 },
    polarizationIndex: Number.isFinite(d.polarizationIndex) ? d.polarizationIndex : null,
  };
}

/** The tidy rows of sweep.csv for the 10-km time trial: each sweep arm's settings and the contrast (or mean). */
function sweepCells(dir: string): { cells: SweepCell[]; keys: string[]; paired: boolean } | null {
  const file = join(dir, 'sweep.csv');
  if (!existsSync(file)) return null;
  const [header = [], ...rows] = parseCsvFile<string[]>(file, false);
  const keys = header.slice(1, header.indexOf('metric'));
  const at = (name: string) => header.indexOf(name);
  const tt = rows.filter((cells) => cells[at('metric')] === 'timeTrialPct');
  const paired = tt.some((cells) => cells[at('diff')] !== '' && cells[at('diff')] !== 'NaN');
  const cells = tt.map((cells) => ({
    arm: cells[0]!,
    values: Object.fromEntries(keys.map((k, i) => [k, Number(cells[1 + i])])),
    value: Number(cells[at(paired ? 'diff' : 'mean')]),
    low: paired ? Number(cells[at('ci_low')]) : null,
    high: paired ? Number(cells[at('ci_high')]) : null,
  }));
  return { cells: cells.filter((c) => Number.isFinite(c.value)), keys, paired };
}

/** A run's report (`periodize run`, `merge`): the researcher's figures from summary.json and the tables beside it. */
export async function runReport(dir: string, summary: Summary, manifest: Manifest | null): Promise<ReportPage> {
  const arms = summary.arms.map((a) => a.id);
  const sweep = sweepCells(dir);
  const adaptive = summary.arms.filter((a) => a.rules !== null);
  const population = 'level' in summary.population ? `${summary.population.size.toLocaleString('en-US')} ${summary.population.level} athletes` : `${summary.population.athletes.join(', ')} (${summary.population.replicates} versions each)`;
  const sections: Section[] = [];

  // What was done against what was planned.
  const zones = summary.arms.map(zonesOf).filter((z): z is ArmZones => z !== null);
  const warnings = summary.arms.flatMap((a) => a.warnings.map((w) => `${a.id}: ${w}`));
  const planNotes = warnings.length <= MAX_NOTES ? warnings : [...warnings.slice(0, MAX_NOTES - 1), `… and ${warnings.length - MAX_NOTES + 1} more notes of the planner (summary.json, arms[].warnings; the terminal prints them all).`];
  sections.push({
    heading: 'What each arm trained',
    text: `The intensity distribution each design asked for and what ${population} did over ${summary.weeks} weeks: less than planned where illness, injury or the adaptive engine took sessions.`,
    charts: zones.length === 0 ? [] : [zoneBarsChart(zones)],
    notes: planNotes,
  });

  // The outcomes: distributions, contrasts, responders.
  const changes = await changesByArm(dir, arms);
  const boxes: MetricBoxes[] = PERFORMANCE.map((p) => {
    const stats = arms.map((arm) => boxStats(arm, p.metric, changes.get(arm)!.get(p.metric)!)).filter((b): b is BoxStats => b !== null);
    const few = stats.reduce((sum, b) => sum + b.n, 0) <= MAX_POINTS_DRAWN;
    const round = (x: number) => Math.round(x * 1000) / 1000;
    const points = few ? arms.flatMap((arm) => changes.get(arm)!.get(p.metric)!.flatMap((value, i) => (value === value ? [{ arm, value: round(value), jitter: round(jitter(i)) }] : []))) : null;
    return { metric: p.metric, title: `${p.label}, ${p.unit}`, boxes: stats, points };
  });
  const outcomeCharts: Chart[] = [];
  const outcomeNotes: string[] = [];
  if (boxes.some((b) => b.boxes.length > 0)) {
    outcomeCharts.push(changeBoxesChart(boxes, arms));
    const most = Math.max(...boxes.flatMap((b) => b.boxes.map((s) => s.n)));
    if (boxes.some((b) => b.points === null)) outcomeNotes.push(`Single athletes are not drawn (up to ${counted(most, 'athlete')} an arm, more than ${MAX_POINTS_DRAWN} over the arms): the boxes summarise every athlete measured; athletes.csv holds each.`);
  } else {
    outcomeNotes.push('No athletes table in this folder (a shard, or its file removed): the distributions of the changes are not drawn.');
  }
  const reference = summary.reference;
  const forest: ForestRow[] = [];
  // The study's contrasts (a run before them: every arm against the reference).
  const pairs = summary.contrasts?.pairs ?? summary.arms.flatMap((arm) => (arm.vsReference === null || reference === null ? [] : [{ arm: arm.id, vs: reference, metrics: arm.vsReference }]));
  for (const pair of pairs) {
    for (const p of PERFORMANCE) {
      const c: Comparison & Partial<Pick<TestedComparison, 'pAdjusted' | 'verdict'>> = pair.metrics[p.metric];
      if (c === undefined || c.ci95 === null || !Number.isFinite(c.diff)) continue;
      const m = c.modelUncertainty;
      forest.push({
        arm: pair.arm,
        vs: pair.vs,
        metric: p.metric,
        label: `${p.label} (pp)`,
        diff: c.diff,
        low: c.ci95[0],
        high: c.ci95[1],
        hedgesG: c.hedgesG,
        pAdjusted: c.pAdjusted ?? null,
        verdict: c.verdict ?? null,
        sesoi: summary.contrasts?.sesoi[p.metric] ?? null,
        model: m === undefined ? null : { low: m.interval90[0], high: m.interval90[1], sameSign: m.sameSign },
      });
    }
  }
  if (forest.length > 0) outcomeCharts.push(forestChart(forest, arms.filter((a) => forest.some((row) => row.arm === a)), arms));
  if (sweep === null && summary.arms.some((a) => Object.keys(a.responders).length > 0)) {
    outcomeCharts.push(
      respondersChart(
        summary.arms.flatMap((a) => PERFORMANCE.flatMap((p) => (a.responders[p.metric] === undefined ? [] : [{ arm: a.id, label: p.label, ...a.responders[p.metric]! }]))),
        arms,
      ),
    );
  }
  if (sweep !== null) {
    outcomeCharts.unshift(sweepChart(sweep.cells, sweep.keys, sweep.paired ? `10-km time trial vs ${reference} (pp)` : '10-km time trial, mean % change'));
  }
  const contrastText =
    pairs.length === 0
      ? ''
      : pairs.every((pair) => pair.vs === reference) && pairs.length === summary.arms.length - 1
        ? ` Every arm is compared with ${reference}, athlete by athlete: the same athletes and the same scripted events in each arm.`
        : ` ${counted(pairs.length, 'contrast')} of the arms, athlete by athlete: the same athletes and the same scripted events in each arm.`;
  sections.push({ heading: 'What it changed', text: `The changes from the baseline tests to the final tests.${contrastText}`, charts: outcomeCharts, notes: outcomeNotes });

  // The markers and the engine.
  const days = tableFile(dir, 'days');
  const markerCharts: Chart[] = [];
  const markerNotes: string[] = [];
  if (days !== null) {
    // The plan's weeks: the baseline's days before them and the final tests' after them are not training weeks.
    const weeks = (await weeklyMarkers(days)).filter((row) => row.week >= 1 && row.week <= summary.weeks);
    markerCharts.push(weeklyMarkersChart(weeks, MARKERS.map((m) => ({ marker: m.column, title: m.title })), eventSpans(manifest?.resolved, summary.weeks), arms));
  } else {
    markerNotes.push('The weekly recovery markers need the daily rows: add `outputs: { daily: true }` to the scenario and run it again.');
  }
  const adjustments = tableFile(dir, 'adjustments');
  if (adaptive.length > 0 && adjustments !== null) {
    markerCharts.push(adjustmentsChart(await ruleWeeks(adjustments, new Map(summary.arms.map((a) => [a.id, a.n]))), adaptive.map((a) => a.id)));
    markerNotes.push(...adaptive.map((a) => `${a.id} is coached by the rule set ${a.rules}: \`periodize explain --out <this folder> --arm ${a.id} --athlete 0\` tells one athlete's story, change by change.`));
  }
  if (markerCharts.length > 0 || markerNotes.length > 0) {
    sections.push({ heading: 'Recovery and the adaptive engine', text: 'What the athletes\' mornings and loads did week by week, and what the adaptive engine changed.', charts: markerCharts, notes: markerNotes });
  }
  return {
    kind: sweep !== null ? 'sweep' : adaptive.length > 0 ? 'adaptive' : 'comparison',
    title: summary.name,
    subtitle: `${population}, ${counted(summary.weeks, 'week')}, ${counted(summary.arms.length, 'arm')}${reference === null ? '' : `, compared with ${reference}`}${summary.modelUncertainty === undefined ? '' : `; model uncertainty over ${summary.modelUncertainty.sets} plausible parameter sets`}`,
    provenance: provenanceOf(manifest),
    sections,
  };
}
