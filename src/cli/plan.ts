import type { LoadedAthlete } from '../sim/athlete/load.ts';
import { addDays } from '../models/calendar.ts';
import { WEEKDAYS, type PlannedWeek } from '../sim/athlete/plan.ts';
import { WEEKDAY_NAMES } from '../models/athlete/schema.ts';
import { pace, raceTime } from '../models/text/clock.ts';
import { field, fixed } from '../sim/outputs/format.ts';

/*
 * `periodize plan`: the athlete's plan as a coach reads it (the terminal), as a table (plan.csv, a
 * row a session) and as data (plan.json, every step with its pace and heart rate).
 */

/** The plan in the terminal: what the paces come from, then each week's totals and sessions. */
export function planText(loaded: LoadedAthlete, weeks: readonly PlannedWeek[]): string {
  const { athlete, known } = loaded;
  const lines: string[] = [];
  const last = weeks.at(-1)!;
  const goal = athlete.goal === undefined ? '' : `, to the ${athlete.goal.distance} on ${athlete.goal.date}`;
  lines.push(`${athlete.name} — ${loaded.spec.arms[0]!.label}, ${weeks.length} week${weeks.length === 1 ? '' : 's'} from Mon ${weeks[0]!.start} to Sun ${addDays(last.start, 6)}${goal}`);
  const race = athlete.knows.race;
  const from = race === undefined ? 'the thresholds' : `${race.distance} in ${race.time}${race.date === undefined ? '' : ` (${race.date})`}`;
  lines.push(
    `paces from ${from}: LT1 ${pace(known.lt1Speed)}/km, LT2 ${pace(known.lt2Speed)}/km, vVO2max ${pace(known.vVO2max)}/km, 10 km ≈ ${raceTime(known.timeTrialMinutes)}` +
      (known.hr.lt1 === null && known.hr.lt2 === null ? ' (no threshold heart rates given: paces only)' : ''),
  );
  // A goal race on a plan that never tapers: said, not hidden (a macrocycle ends in a taper block).
  const tapers = loaded.spec.arms[0]!.macroplan.blocks.some((block) => block.design.taper !== null);
  if (athlete.goal !== undefined && !tapers) {
    lines.push(`note: ${loaded.spec.arms[0]!.label} has no taper: the race week trains as any other — a macrocycle ending in a taper block builds to the race (README, An athlete file)`);
  }
  const available = athlete.available;
  if (available !== undefined) {
    const days = available.days === undefined ? '' : available.days.map((day) => WEEKDAYS[WEEKDAY_NAMES.indexOf(day)]).join(', ');
    const hours = available.hours === undefined ? '' : `at most ${available.hours} h a week`;
    lines.push(`available: ${[days, hours].filter((part) => part !== '').join('; ')}`);
  }
  for (const week of weeks) lines.push('', ...weekLines(week));
  return `${lines.join('\n')}\n`;
}

/**
 * A week as the plan prints it: its heading with totals against the targets, a line per session.
 * `rest`: the sessions are the week's days left (coach's today onwards), set against the whole week's target.
 */
export function weekLines(week: PlannedWeek, heading = `Week ${week.week} · Mon ${week.start} · ${week.block}`, rest = false): string[] {
  const { planned, target } = week;
  const totals = rest
    ? `${hours(planned.minutes)} planned in the days left (the week's target ${hours(target.minutes)}, zones 1/2/3 ${shares(target)} %)`
    : `${hours(planned.minutes)} planned of ${hours(target.minutes)} · zones 1/2/3 ${shares(planned)} % (target ${shares(target)} %)`;
  const lines = [`${heading} · ${totals}`];
  for (const session of week.sessions) {
    lines.push(`  ${session.weekday} ${session.date.slice(5)}  ${session.name.padEnd(24)} ${`${Math.round(session.minutes)} min`.padStart(7)}  ${session.structure}`);
  }
  if (week.sessions.length === 0) lines.push('  no session planned');
  return lines;
}

/** plan.csv: one row per session, in date order. */
export function planCsv(weeks: readonly PlannedWeek[]): string {
  const rows = ['date,weekday,week,block,workout,name,minutes,z1Minutes,z2Minutes,z3Minutes,structure'];
  for (const week of weeks) {
    for (const s of week.sessions) {
      rows.push(
        [s.date, s.weekday, String(week.week), field(week.block), s.workout, field(s.name), fixed(s.minutes, 1), fixed(s.z1Minutes, 1), fixed(s.z2Minutes, 1), fixed(s.z3Minutes, 1), field(s.structure)].join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

/** plan.json: the athlete's anchors and every week, session and step. */
export function planJson(loaded: LoadedAthlete, weeks: readonly PlannedWeek[]): unknown {
  const { known, athlete } = loaded;
  return {
    athlete: athlete.name,
    design: loaded.spec.arms[0]!.label,
    anchors: {
      lt1Pace: pace(known.lt1Speed),
      lt2Pace: pace(known.lt2Speed),
      vVO2maxPace: pace(known.vVO2max),
      tenKmMinutes: Number(known.timeTrialMinutes.toFixed(2)),
      heartRates: known.hr,
    },
    weeks: weeks.map((week) => ({ ...week, target: rounded(week.target), planned: rounded(week.planned), sessions: week.sessions.map((s) => ({ ...s, ...rounded(s) })) })),
  };
}

function rounded<T extends { minutes: number; z1Minutes: number; z2Minutes: number; z3Minutes: number }>(totals: T): Pick<T, 'minutes' | 'z1Minutes' | 'z2Minutes' | 'z3Minutes'> {
  const round = (value: number) => Math.round(value * 10) / 10;
  return { minutes: round(totals.minutes), z1Minutes: round(totals.z1Minutes), z2Minutes: round(totals.z2Minutes), z3Minutes: round(totals.z3Minutes) };
}

/** Minutes as hours and minutes: "6:05 h". */
function hours(minutes: number): string {
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')} h`;
}

/** Zone shares of a week's minutes, whole percent: "80/5/15". */
function shares(totals: { minutes: number; z1Minutes: number; z2Minutes: number; z3Minutes: number }): string {
  if (totals.minutes <= 0) return '–';
  return [totals.z1Minutes, totals.z2Minutes, totals.z3Minutes].map((m) => Math.round((100 * m) / totals.minutes)).join('/');
}
