import type { LoadedAthlete } from '../sim/athlete/load.ts';
import { addDays } from '../sim/athlete/plan.ts';
import { INTERVAL, type WhatIfResult } from '../sim/athlete/whatif.ts';
import { fixed } from '../sim/outputs/format.ts';
import { pace, raceTime } from '../models/text/clock.ts';

/*
 * `periodize whatif` in the terminal and as files: per option, the race time on race day (median
 * and the middle 80 % of the versions, mm:ss), the chance of beating the current best, and the
 * risks — with a line on how to read it.
 */

export function whatIfText(loaded: LoadedAthlete, result: WhatIfResult, from: string, athleteFile: string, held: readonly string[]): string {
  const { athlete, known, spec } = loaded;
  const lines: string[] = [];
  const end = addDays(from, spec.weeks * 7 - 1);
  const goal = athlete.goal === undefined ? `to Sun ${end}` : `to the ${athlete.goal.distance} on ${athlete.goal.date}`;
  lines.push(`${athlete.name} — what if: ${result.replicates} versions of ${athlete.name.split(' ')[0]}, ${spec.weeks} weeks from Mon ${from} ${goal}`);
  lines.push(`held: what you know — ${held.join(', ')}; drawn: what nobody measured (how this athlete responds to training and recovers, illness and injury)`);
  const rules = spec.arms[0]!.rules?.ruleSet.name;
  lines.push(rules === undefined ? 'rules: none (each option as written)' : `rules: ${rules} (the adaptive engine adjusts each version's plan from its mornings)`);
  const best = `${result.bestRaced ? '' : '≈ '}${raceTime(result.bestMinutes)}`;
  const head = `race day ${result.distance}: median (${Math.round((INTERVAL.high - INTERVAL.low) * 100)} % of versions)`;
  const labels = result.options.map((option) => (option.id === 'plan' ? `plan (${option.label})` : option.id));
  const width = Math.max(6, ...labels.map((label) => label.length));
  const times = result.options.map((option) => (option.median === option.median ? `${raceTime(option.median)} (${raceTime(option.low)}–${raceTime(option.high)})` : 'no version raced'));
  const timeWidth = Math.max(head.length, ...times.map((time) => time.length));
  lines.push('');
  lines.push(`${'option'.padEnd(width)}  ${head.padEnd(timeWidth)}  ${`beats ${best}`.padEnd(12)}  ${'ill ≥ 1 day'.padEnd(15)}  ${'injured'.padEnd(15)}  hard/wk`);
  result.options.forEach((option, i) => {
    const percent = (share: number) => `${Math.round(share * 100)} %`;
    lines.push(
      `${labels[i]!.padEnd(width)}  ${times[i]!.padEnd(timeWidth)}  ${(option.beatBest === option.beatBest ? percent(option.beatBest) : '–').padEnd(12)}  ` +
        `${`${percent(option.ill)} (${option.illDays.toFixed(1)} d)`.padEnd(15)}  ${`${percent(option.injured)} (${option.injuryDays.toFixed(1)} d)`.padEnd(15)}  ${option.hardPerWeek.toFixed(1)}`,
    );
  });
  lines.push('');
  lines.push(
    `how to read: each version is one way ${athlete.name.split(' ')[0]} might respond; a version's race time is ${result.bestRaced ? 'her' : 'the'} current ${result.distance} time (${best}) changed by its simulated change over the plan, ` +
      `with a race's day-to-day variation — the model answers in relative change, as the trials calibrate it (trials/RESULTS.md).`,
  );
  if (result.distance !== '10k') lines.push(`note: the model's race is a 10-km time trial: the ${result.distance} takes its relative change.`);
  const noRace = result.options.filter((option) => option.noRace > 0);
  if (noRace.length > 0) lines.push(`note: versions injured on race day did not race (${noRace.map((option) => `${option.id} ${Math.round(option.noRace * 100)} %`).join(', ')}); the times are of those who did.`);
  lines.push(`the 10-km pace now: ${pace(10 / (known.timeTrialMinutes / 60))}/km. ill/injured: share of versions, mean days in brackets; hard/wk: hard sessions run a week.`);
  lines.push(`see an option's weeks: periodize plan ${athleteFile} --from ${from} --option ${result.options.find((option) => option.id !== 'plan')?.id ?? 'plan'}`);
  return `${lines.join('\n')}\n`;
}

/** whatif.csv: one row per option and version — its race minutes (empty: did not race). */
export function whatIfCsv(result: WhatIfResult): string {
  const rows = ['option,version,raceMinutes'];
  for (const option of result.options) {
    option.raceMinutes.forEach((minutes, version) => rows.push(`${option.id},${version},${minutes === minutes ? fixed(minutes, 3) : ''}`));
  }
  return `${rows.join('\n')}\n`;
}

/** whatif.json: the summary of each option, times in minutes and mm:ss. */
export function whatIfJson(result: WhatIfResult): unknown {
  const round = (value: number, digits = 3) => (value === value ? Number(value.toFixed(digits)) : null);
  return {
    distance: result.distance,
    bestMinutes: round(result.bestMinutes),
    best: raceTime(result.bestMinutes),
    bestRaced: result.bestRaced,
    versions: result.replicates,
    interval: INTERVAL,
    options: result.options.map((option) => ({
      id: option.id,
      label: option.label,
      medianMinutes: round(option.median),
      median: option.median === option.median ? raceTime(option.median) : null,
      low: option.low === option.low ? raceTime(option.low) : null,
      high: option.high === option.high ? raceTime(option.high) : null,
      beatBest: round(option.beatBest),
      noRace: round(option.noRace),
      ill: round(option.ill),
      illDays: round(option.illDays),
      injured: round(option.injured),
      injuryDays: round(option.injuryDays),
      hardPerWeek: round(option.hardPerWeek),
      adjustments: round(option.adjustments),
    })),
  };
}
