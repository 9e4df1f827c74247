import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../models/calendar.ts';
import { clockMinutes } from '../models/athlete/schema.ts';
import { PARAMETERS } from '../models/parameters.ts';
import { signedClock } from '../models/text/clock.ts';
import { counted } from '../models/text/plural.ts';
import { estimatedRpe, zoneRpes } from '../models/workouts/dose.ts';
import type { Chart } from './chart.ts';
import { type CalendarSession, type CalendarWeek, fitnessChart, fitnessFatigue, type MorningRow, morningsChart, planCalendarChart, raceTimesChart } from './charts/coach.ts';
import { expectShape, parseCsvFile, readJson } from './files.ts';
import type { ReportPage, Section } from './page.ts';
import { type Manifest, provenanceOf } from './provenance.ts';

/**
 * The time constants of the fitness and fatigue lines: 42 and 7 days, the convention of the
 * performance-management charts coaches read (Banister's impulse–response model as Allen & Coggan
 * 2010 and training software draw it; docs/REPORT.md). A display convention, not the model's
 * physiology: the simulator's own fitness and fatigue are src/sim/model/.
 */
export const PERFORMANCE_MANAGEMENT = { fitnessDays: 42, fatigueDays: 7 } as const;

/** A what-if's versions drawn per option at most: more add nothing a curve shows, and the page stays small. */
export const MAX_VERSIONS_DRAWN = 2000;

/** plan.json as `plan` and `coach` write it (src/cli/main.ts, planJson). */
export interface PlanJson {
  athlete: string;
  design: string;
  anchors: { tenKmMinutes?: number };
  weeks: {
    week: number;
    start: string;
    block: string;
    design: string;
    planned: { minutes: number; z1Minutes: number; z2Minutes: number; z3Minutes: number };
    sessions: { date: string; weekday: string; name: string; structure: string; minutes: number; z1Minutes: number; z2Minutes: number; z3Minutes: number }[];
  }[];
}

/** coach.json as `coach` writes it (src/cli/coach.ts, coachJson). */
interface CoachJson {
  today: string;
  adaptive: boolean;
  /** The facts today's rules read, as a coach reads them. */
  facts: { label: string; value: string }[];
  notes: string[];
  days: {
    date: string;
    week: number;
    morning: { restingHr: number | null; lnRmssd: number | null; sleepHours: number | null; ill: boolean } | null;
    done: { minutes: number | null; z1Minutes: number | null; z2Minutes: number | null; z3Minutes: number | null; rpe: number | null }[];
    changes: { rule: string; outcome: string; reason: string; before: string; after: string }[];
    band?: { hrvMean7d: number | null; swcLow: number | null; swcHigh: number | null } | null;
  }[];
}

/** whatif.json as `whatif` writes it (src/cli/whatif.ts). */
interface WhatIfJson {
  distance: string;
  bestMinutes: number;
  best: string;
  versions: number;
  athlete?: string;
  /** An option none of whose versions raced (all injured on race day) has no times: null. */
  options: { id: string; label: string; medianMinutes: number | null; median: string | null; low: string | null; high: string | null; beatBest: number; noRace: number; versusFirstMinutes: { mean: number | null; mcse: number | null } | null }[];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Minutes in a zone that make it a session's colour: strides (a minute or two in zone 3) leave an easy run easy. */
const SESSION_ZONE_MINUTES = 5;

/** The zone a coach colours a session by: the hardest it spends real time in (SESSION_ZONE_MINUTES or more). */
function zoneOf(session: { z2Minutes: number; z3Minutes: number }): CalendarSession['zone'] {
  return session.z3Minutes >= SESSION_ZONE_MINUTES ? 'Z3' : session.z2Minutes >= SESSION_ZONE_MINUTES ? 'Z2' : 'Z1';
}

const ZONE_ORDER = ['Z1', 'Z2', 'Z3'] as const;

/** The plan's days, a cell each: a double day's sessions in one cell ("Easy run + Strides"), coloured by the harder. */
export function calendar(plan: PlanJson): { sessions: CalendarSession[]; weeks: CalendarWeek[] } {
  const sessions = plan.weeks.flatMap((w) => {
    const days = new Map<string, PlanJson['weeks'][number]['sessions']>();
    for (const s of w.sessions) days.set(s.date, [...(days.get(s.date) ?? []), s]);
    return [...days.values()].map((day) => ({
      week: w.week,
      weekStart: w.start,
      weekday: WEEKDAYS.indexOf(day[0]!.weekday),
      date: day[0]!.date,
      name: day.map((s) => s.name).join(' + '),
      minutes: day.reduce((sum, s) => sum + s.minutes, 0),
      zone: ZONE_ORDER[Math.max(...day.map((s) => ZONE_ORDER.indexOf(zoneOf(s))))]!,
      structure: day.map((s) => s.structure).join(' | then | '),
    }));
  });
  const weeks = plan.weeks.map((w) => ({ week: w.week, weekStart: w.start, block: w.block, z1Minutes: w.planned.z1Minutes, z2Minutes: w.planned.z2Minutes, z3Minutes: w.planned.z3Minutes }));
  return { sessions, weeks };
}

/** Each day's session-RPE load: minutes × the RPE given, or estimated from the time in zone on the model's RPE curve (as `coach` records it). */
function loadOf(runs: readonly { minutes: number | null; z1Minutes: number | null; z2Minutes: number | null; z3Minutes: number | null; rpe?: number | null }[]): number {
  const zoneRpe = zoneRpes(PARAMETERS.effort);
  let load = 0;
  for (const run of runs) {
    const minutes = run.minutes ?? 0;
    const z1 = run.z1Minutes ?? 0;
    const z2 = run.z2Minutes ?? 0;
    const z3 = run.z3Minutes ?? 0;
    const rpe = run.rpe ?? (z1 + z2 + z3 > 0 ? estimatedRpe(z1, z2, z3, zoneRpe) : zoneRpe[0]!);
    load += minutes * rpe;
  }
  return load;
}

/** The fitness chart's days: the loads given, from fitness and fatigue in balance with the first four weeks' mean load. */
function fitnessDays(loads: { date: string; load: number; source: 'done' | 'planned' }[]): Chart {
  const first = loads.slice(0, 28);
  const usual = first.reduce((sum, d) => sum + d.load, 0) / Math.max(1, first.length);
  return fitnessChart(fitnessFatigue(loads, PERFORMANCE_MANAGEMENT.fitnessDays, PERFORMANCE_MANAGEMENT.fatigueDays, { fitness: usual, fatigue: usual }), PERFORMANCE_MANAGEMENT.fitnessDays, PERFORMANCE_MANAGEMENT.fatigueDays);
}

/** The planned days of a plan, each with its load. */
function plannedLoads(plan: PlanJson, after = ''): { date: string; load: number; source: 'planned' }[] {
  const byDate = new Map<string, PlanJson['weeks'][number]['sessions']>();
  for (const w of plan.weeks) for (const s of w.sessions) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  const first = plan.weeks[0]?.start;
  if (first === undefined) return [];
  const days: { date: string; load: number; source: 'planned' }[] = [];
  for (let d = 0; d < plan.weeks.length * 7; d++) {
    const date = addDays(first, d);
    if (date <= after) continue;
    days.push({ date, load: loadOf((byDate.get(date) ?? []).map((s) => ({ ...s, rpe: null }))), source: 'planned' });
  }
  return days;
}

/** A what-if option's heading: "polarized (base → build) — median 45:19, −0:08 ± 0:05 vs plan, 85 % beat 47:30". */
function optionHeading(o: WhatIfJson['options'][number], whatIf: WhatIfJson, first: string | null): string {
  // No difference when either option never raced; no ± when it has no Monte Carlo error (a single version).
  const difference = o.versusFirstMinutes;
  const versus =
    first === null || difference === null || difference.mean === null
      ? ''
      : `, ${signedClock(difference.mean)}${difference.mcse === null ? '' : ` ± ${signedClock(difference.mcse).slice(1)}`} vs ${first}`;
  const noRace = o.noRace > 0 ? `, ${Math.round(100 * o.noRace)} % injured on race day` : '';
  return `${o.id} (${o.label}) — median ${o.median}${versus}, ${Math.round(100 * o.beatBest)} % beat ${whatIf.best}${noRace}`;
}

/** Every `step`-th of the values (all when few enough): a deterministic thinning, the same on every page. */
function thin<T>(values: readonly T[], most: number): T[] {
  if (values.length <= most) return [...values];
  const step = values.length / most;
  return Array.from({ length: most }, (_, i) => values[Math.floor(i * step)]!);
}

/**
 * An athlete's page: the plan as a calendar and its fitness and fatigue (`plan`); with `coach`, the
 * mornings against the athlete's band and the load done; with `whatif`, the race time per option.
 * Null when the folder holds none of them.
 */
export function athleteReport(dir: string, manifest: Manifest | null): ReportPage | null {
  const plan = readJson<PlanJson>(dir, 'plan.json');
  const coach = readJson<CoachJson>(dir, 'coach.json');
  const whatIf = readJson<WhatIfJson>(dir, 'whatif.json');
  if (plan === null && whatIf === null) return null;
  if (plan !== null) expectShape(Array.isArray(plan.weeks) && plan.weeks.every((w) => Array.isArray(w?.sessions) && w.planned != null), join(dir, 'plan.json'), 'a plan');
  if (coach !== null) expectShape(Array.isArray(coach.days) && typeof coach.today === 'string' && Array.isArray(coach.facts) && Array.isArray(coach.notes), join(dir, 'coach.json'), "a coach's replay");
  if (whatIf !== null) expectShape(Array.isArray(whatIf.options) && whatIf.options.length > 0 && typeof whatIf.bestMinutes === 'number', join(dir, 'whatif.json'), 'a what-if');
  const sections: Section[] = [];
  if (whatIf !== null) {
    const rows = existsSync(join(dir, 'whatif.csv')) ? parseCsvFile<{ option: string; raceMinutes: string }>(join(dir, 'whatif.csv'), true) : [];
    const versions = whatIf.options.flatMap((o) =>
      thin(
        rows.filter((r) => r.option === o.id && r.raceMinutes !== '').map((r) => ({ option: o.id, minutes: Number(r.raceMinutes) })),
        MAX_VERSIONS_DRAWN,
      ),
    );
    const raced = whatIf.options.filter((o) => o.median !== null && o.low !== null && o.high !== null);
    const notes = [
      ...(whatIf.versions > MAX_VERSIONS_DRAWN ? [`The curves are drawn from ${MAX_VERSIONS_DRAWN.toLocaleString('en-US')} of the ${whatIf.versions.toLocaleString('en-US')} versions of each option, evenly spaced; the medians and percentiles are of all of them (whatif.csv holds each).`] : []),
      ...(whatIf.options.some((o) => o.noRace > 0) ? ['Versions injured on race day did not race: the curves are of those who did (each heading gives the share who did not).'] : []),
      ...whatIf.options.filter((o) => !raced.includes(o)).map((o) => `${o.id}: no version raced (all injured on race day): nothing to draw.`),
    ];
    sections.push({
      heading: 'What each option predicts for race day',
      text: `The ${whatIf.distance} on the goal's day under each option, over ${whatIf.versions.toLocaleString('en-US')} possible versions of the athlete — the model answers in relative change, applied to the time now (${whatIf.best}).`,
      charts:
        raced.length === 0
          ? []
          : [
              raceTimesChart(
                versions,
                raced.map((o) => ({ option: o.id, label: optionHeading(o, whatIf, o === whatIf.options[0] ? null : whatIf.options[0]!.id), medianMinutes: o.medianMinutes!, lowMinutes: clockMinutes(o.low!), highMinutes: clockMinutes(o.high!) })),
                { minutes: whatIf.bestMinutes, label: whatIf.best },
                whatIf.distance,
              ),
            ],
      notes: versions.length === 0 ? ['No versions in whatif.csv to draw.', ...notes] : notes,
    });
  }
  if (coach !== null && plan !== null) {
    const mornings: MorningRow[] = coach.days.map((d) => ({
      date: d.date,
      lnRmssd: d.morning?.lnRmssd ?? null,
      restingHr: d.morning?.restingHr ?? null,
      sleepHours: d.morning?.sleepHours ?? null,
      hrvMean7d: d.band?.hrvMean7d ?? null,
      swcLow: d.band?.swcLow ?? null,
      swcHigh: d.band?.swcHigh ?? null,
      changes: d.changes.filter((c) => c.outcome === 'applied').map((c) => `${c.reason}: ${c.before} → ${c.after}`).join('; '),
    }));
    const done = coach.days.filter((d) => d.date < coach.today).map((d) => ({ date: d.date, load: loadOf(d.done), source: 'done' as const }));
    // Today's decision in words, as the terminal gives it: what changed, and what the rules read.
    const todays = coach.days.find((d) => d.date === coach.today)?.changes.filter((c) => c.outcome === 'applied') ?? [];
    const decision = [
      `Today, ${coach.today}: ${todays.length === 0 ? (coach.adaptive ? 'the engine changed nothing' : 'a fixed plan (no rule set)') : todays.map((c) => `${c.reason}: ${c.before} → ${c.after}`).join('; ')}.`,
      ...(coach.facts.length === 0 ? [] : [`What the rules read this morning: ${coach.facts.map((f) => `${f.label} ${f.value}`).join('; ')}.`]),
    ];
    sections.push({
      heading: `The athlete's mornings, up to ${coach.today}`,
      text: coach.adaptive
        ? 'The readings the adaptive engine decided from, morning by morning, against the athlete\'s own band, and what it changed.'
        : 'The readings of each morning. The athlete file names no rule set, so the engine changed nothing: the plan is fixed.',
      // Done up to yesterday; from today, what the plan (as adjusted) holds.
      charts: [morningsChart(mornings, coach.today), fitnessDays([...done, ...plannedLoads(plan, addDays(coach.today, -1))])],
      notes: [...decision, ...coach.notes],
    });
  }
  if (plan !== null) {
    const { sessions, weeks } = calendar(plan);
    sections.push({
      heading: 'The plan',
      text: `${plan.athlete}'s ${plan.design}: ${weeks.length} weeks from ${weeks[0]?.weekStart ?? '—'}, every session with its paces and heart rates (hover a day).`,
      charts: [planCalendarChart(sessions, weeks), ...(coach === null ? [fitnessDays(plannedLoads(plan))] : [])],
      notes: [],
    });
  }
  const athlete = plan?.athlete ?? whatIf?.athlete ?? manifest?.athlete?.file ?? 'the athlete';
  return {
    kind: whatIf !== null ? 'whatif' : coach !== null ? 'coach' : 'plan',
    title: whatIf !== null ? `What if? ${athlete}` : coach !== null ? `${athlete}: the plan and the mornings` : `${athlete}: the plan`,
    subtitle:
      whatIf !== null
        ? `${counted(whatIf.options.length, 'option')} for the ${whatIf.distance}, ${counted(whatIf.versions, 'version')} each`
        : coach !== null
          ? `${plan!.design}: the mornings and runs up to ${coach.today}, and the sessions to come`
          : `${plan!.design}, ${counted(plan!.weeks.length, 'week')}`,
    provenance: provenanceOf(manifest),
    sections,
  };
}
