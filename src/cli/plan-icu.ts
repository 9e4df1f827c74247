import { stepGroups, type PlannedStep, type PlannedWeek } from '../sim/athlete/plan.ts';

/**
 * The plan in intervals.icu's workout text (its workout builder's syntax: a step a line, `- 15m
 * 6:38/km Pace`; a repeated set under a line ending in `Nx`, with an empty line before and after;
 * text before the duration is the step's cue): a block per session, headed by its date and name,
 * to paste into the athlete's calendar there — which sends it on to a Garmin, Suunto or COROS watch.
 * Written by hand: intervals.icu publishes the syntax, not a library that writes it.
 */
export function planIcu(weeks: readonly PlannedWeek[]): string {
  const blocks: string[] = [];
  for (const week of weeks) {
    for (const session of week.sessions) {
      // The race is not a workout to load.
      if (session.workout === 'race') continue;
      const lines = [`${session.date} ${session.weekday}: ${session.name} (${Math.round(session.minutes)} min)`];
      for (const group of stepGroups(session.steps)) {
        if (group[0]!.times > 1) lines.push('', `${group[0]!.times}x`, ...group.map(stepLine), '');
        else lines.push(stepLine(group[0]!));
      }
      blocks.push(lines.filter((line, k, all) => !(line === '' && all[k - 1] === '')).join('\n').trim());
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * `- warm-up 15m 6:38/km Pace`: a cue from the step's label where it is words only, its length, its
 * pace — none for a recovery between efforts (`- jog 3m`), run by feel as the printed plan says.
 */
function stepLine(step: PlannedStep): string {
  const cue = /\d/.test(step.label) ? '' : `${step.label} `;
  const length = step.minutes !== null ? duration(step.minutes) : `${Number(step.km!.toFixed(2))}km`;
  return step.between ? `- ${cue}${length}` : `- ${cue}${length} ${step.pace}/km Pace`;
}

/** Minutes as intervals.icu writes a duration: `15m`, `7m12s`, `20s`, `1h5m`. */
export function duration(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 || seconds === 0 ? `${s}s` : ''}`;
}
