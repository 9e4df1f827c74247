import type { CoachDay, CoachReport } from '../sim/athlete/coach.ts';
import type { LoadedAthlete } from '../sim/athlete/load.ts';
import { WEEKDAYS } from '../sim/athlete/plan.ts';
import { describeChange } from './explain.ts';
import { weekLines } from './plan.ts';

/*
 * `periodize coach` in the terminal: where the athlete is in the plan, what was read, what the
 * engine said on each recent morning, today's decision with its reasons (explain's words), and the
 * coming week as the engine left it.
 */

/** The mornings shown before today's. */
export const RECENT_MORNINGS = 14;

export interface CoachSources {
  wellness: { file: string; format: string; mornings: number; notes: readonly string[] };
  activities: { path: string; runs: number; notes: readonly string[] };
}

export function coachText(loaded: LoadedAthlete, report: CoachReport, sources: CoachSources, recent = RECENT_MORNINGS): string {
  const { athlete, spec } = loaded;
  const today = report.today;
  const lines: string[] = [];
  const rules = spec.arms[0]!.rules?.ruleSet.name;
  lines.push(
    `${athlete.name} — ${WEEKDAYS[today.weekday]} ${today.date}: week ${today.week} of ${spec.weeks} (${report.thisWeek.block}, ${report.thisWeek.design})` +
      (rules === undefined ? ', a fixed plan (the athlete file names no rules: the engine changes nothing)' : `, rules ${rules}`),
  );
  lines.push(`mornings: ${sources.wellness.file} (${sources.wellness.format}, ${sources.wellness.mornings} days)`);
  lines.push(`runs: ${sources.activities.path} (${sources.activities.runs})`);
  for (const note of [...sources.wellness.notes, ...sources.activities.notes, ...report.notes]) lines.push(`note: ${note}`);

  const shown = report.days.slice(-recent - 1, -1);
  if (shown.length > 0) {
    lines.push('', `The last ${shown.length} days: the morning, the plan after the engine's changes, what was done`);
    lines.push(`  ${'day'.padEnd(10)} ${'rest HR'.padStart(7)} ${'lnRMSSD'.padStart(7)} ${'sleep'.padStart(6)}  ${'planned'.padEnd(30)} ${'done'.padEnd(34)} engine`);
    for (const day of shown) lines.push(`  ${dayRow(day)}`);
  }

  lines.push('', `Today, ${WEEKDAYS[today.weekday]} ${today.date} — ${morningWords(today)}`);
  if (report.facts.length > 0) {
    lines.push('  what the rules read this morning:');
    for (const fact of report.facts) lines.push(`    ${fact.label}: ${fact.value}`);
  }
  if (!report.adaptive) lines.push('  no rules: the plan stands as written');
  else if (today.changes.length === 0) {
    const unchanged = report.held.filter((rule) => rule.outcome === 'unchanged').map((rule) => rule.rule);
    lines.push(
      unchanged.length === 0
        ? '  decision: no change — no rule held this morning; the plan stands'
        : `  decision: no change to the plan — ${unchanged.join(', ')} held, with nothing left to change (no session of the kind it changes today, or changed already)`,
    );
  } else {
    lines.push('  decision:');
    for (const change of today.changes) lines.push(`    ${describeChange({ ...change, rule: change.ruleId })}`);
  }
  const rest = report.thisWeek;
  lines.push('', ...weekLines(rest, `The rest of week ${rest.week} (Mon ${rest.start}, ${rest.block}), as the engine left it`, true));
  if (report.nextWeek !== null) {
    lines.push('', ...weekLines(report.nextWeek, `Next week (week ${report.nextWeek.week}, Mon ${report.nextWeek.start}, ${report.nextWeek.block}), as the engine would plan it now`));
    for (const change of report.nextWeekChanges) lines.push(`  ${describeChange({ ...change, rule: change.ruleId })}`);
  } else lines.push('', 'the plan ends this week');
  return `${lines.join('\n')}\n`;
}

/** A recent day in a row: markers, planned, done, what the engine changed. */
function dayRow(day: CoachDay): string {
  const m = day.morning;
  const number = (value: number | undefined, digits: number, unit = '') => (value === undefined || value !== value ? '—' : `${value.toFixed(digits)}${unit}`);
  const planned = day.week === 0 ? '(before the plan)' : day.planned.length === 0 ? 'rest' : day.planned.join(' + ');
  const done = day.done.length === 0 ? '—' : day.done.map((run) => `${Math.round(run.minutes)} min${run.rpe === run.rpe ? ` RPE ${run.rpe}` : ''} (${zoneWords(run)})`).join(' + ');
  const applied = day.changes.filter((change) => change.outcome !== 'overridden');
  const engine = applied.length === 0 ? '—' : applied.map((change) => change.ruleId).join(', ');
  return `${WEEKDAYS[day.weekday]} ${day.date.slice(5)} ${number(m?.restingHr, 0).padStart(7)} ${number(m?.lnRmssd, 2).padStart(7)} ${number(m?.sleepHours, 1, ' h').padStart(6)}  ${clip(planned, 30)} ${clip(done, 34)} ${engine}${m?.ill === true ? ' (ill)' : ''}`;
}

/** A run's minutes by zone: "z1 40, z3 12". */
function zoneWords(run: { z1Minutes: number; z2Minutes: number; z3Minutes: number }): string {
  const parts = [run.z1Minutes, run.z2Minutes, run.z3Minutes].map((minutes, i) => (Math.round(minutes) > 0 ? `z${i + 1} ${Math.round(minutes)}` : '')).filter((part) => part !== '');
  return parts.length === 0 ? 'z1 0' : parts.join(', ');
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** This morning's readings in words. */
function morningWords(day: CoachDay): string {
  const m = day.morning;
  if (m === null) return 'no readings this morning (missing to the engine)';
  const parts = [
    m.restingHr === m.restingHr ? `resting HR ${Math.round(m.restingHr)} bpm` : 'no resting HR',
    m.lnRmssd === m.lnRmssd ? `lnRMSSD ${m.lnRmssd.toFixed(2)} (rMSSD ${Math.round(Math.exp(m.lnRmssd))} ms)` : 'no HRV',
    m.sleepHours === m.sleepHours ? `sleep ${m.sleepHours.toFixed(1)} h` : 'no sleep',
  ];
  return `morning: ${parts.join(', ')}${m.ill ? ', ill' : ''}`;
}

/**
 * coach.json: the replay as data — each day's morning (null where not measured), the sessions
 * planned and done, the engine's changes with their reasons and traces — and today's facts.
 */
export function coachJson(report: CoachReport): unknown {
  const value = (x: number) => (x === x ? Number(x.toFixed(3)) : null);
  return {
    today: report.today.date,
    adaptive: report.adaptive,
    facts: report.facts,
    notes: report.notes,
    days: report.days.map((day) => ({
      date: day.date,
      week: day.week,
      weekday: WEEKDAYS[day.weekday],
      morning: day.morning === null ? null : { restingHr: value(day.morning.restingHr), lnRmssd: value(day.morning.lnRmssd), sleepHours: value(day.morning.sleepHours), ill: day.morning.ill },
      planned: day.planned,
      done: day.done.map((run) => ({ start: run.start, name: run.name, minutes: value(run.minutes), z1Minutes: value(run.z1Minutes), z2Minutes: value(run.z2Minutes), z3Minutes: value(run.z3Minutes), rpe: value(run.rpe), zonesBy: run.zonesBy, source: run.source })),
      changes: day.changes.map((change) => ({ rule: change.ruleId, scope: change.scope, outcome: change.outcome, reason: change.reason, before: change.before, after: change.after, note: change.note, trace: change.trace })),
      band: day.band === null ? null : { hrvMean7d: value(day.band.hrvMean7d), swcLow: value(day.band.swcLow), swcHigh: value(day.band.swcHigh) },
    })),
  };
}
