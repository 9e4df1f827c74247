import type { LoadedAthlete } from '../sim/athlete/load.ts';
import { addDays, weekdayOf } from '../models/calendar.ts';
import { WEEKDAYS } from '../sim/athlete/plan.ts';
import { INTERVAL, meanDifference, type WhatIfResult, type WhatIfUncertainty } from '../sim/athlete/whatif.ts';
import { MODEL_INTERVAL } from '../sim/model-uncertainty.ts';
import { fixed } from '../sim/outputs/format.ts';
import { pace, raceTime, signedClock } from '../models/text/clock.ts';

/*
 * `periodize whatif` in the terminal and as files: per option, the race time on race day (median
 * and the middle 80 % of the versions, mm:ss), the chance of beating the current best, and the
 * risks — with a line on how to read it.
 */

export function whatIfText(loaded: LoadedAthlete, result: WhatIfResult, from: string, athleteFile: string, held: readonly string[], uncertainty: WhatIfUncertainty | null = null): string {
  const { athlete, known, spec } = loaded;
  const lines: string[] = [];
  const first = athlete.name.split(' ')[0]!;
  const their = athlete.sex === 'female' ? 'her' : athlete.sex === 'male' ? 'his' : 'their';
  const race = result.race;
  const span = race === null ? `${spec.weeks} weeks from Mon ${from} to Sun ${addDays(from, spec.weeks * 7 - 1)}` : `${spec.weeks} weeks from Mon ${from} and the race week`;
  const goal = athlete.goal === undefined ? '' : `, to the ${athlete.goal.distance} on ${athlete.goal.date}`;
  lines.push(`${athlete.name} — what if: ${result.replicates} versions of ${first}, ${span}${goal}`);
  lines.push(`held: what you know — ${held.join(', ')}; drawn: what nobody measured (how ${first} responds to training and recovers, illness and injury)`);
  const rules = spec.arms[0]!.rules?.ruleSet.name;
  lines.push(rules === undefined ? 'rules: none (each option as written)' : `rules: ${rules} (the adaptive engine adjusts each version's plan from its mornings)`);
  lines.push(
    race === null
      ? `race: a ${result.distance === '10k' ? '10-km time trial' : `10-km time trial read as the ${result.distance}`} after the plan's last week and its easy pre-test days`
      : `race: ${WEEKDAYS[weekdayOf(race.date)]} ${race.date} — the weeks before its week as planned, ${race.easyDaysBefore === 0 ? 'no day' : `the ${race.easyDaysBefore} day${race.easyDaysBefore === 1 ? '' : 's'}`} of its week before it easy, the race that morning`,
  );
  const best = `${result.bestRaced ? '' : '≈ '}${raceTime(result.bestMinutes)}`;
  const head = `${result.distance}: median (${Math.round(INTERVAL.low * 100)}th–${Math.round(INTERVAL.high * 100)}th percentile)`;
  const labels = result.options.map((option) => (option.id === 'plan' ? `plan (${option.label})` : option.id));
  const width = Math.max(6, ...labels.map((label) => label.length));
  const times = result.options.map((option) => (option.median === option.median ? `${raceTime(option.median)} (${raceTime(option.low)}–${raceTime(option.high)})` : 'no version raced'));
  const timeWidth = Math.max(head.length, ...times.map((time) => time.length));
  const versus = result.options.map((option) => (option.versusFirst === null ? '' : option.versusFirst.mcse === option.versusFirst.mcse ? `${signedClock(option.versusFirst.mean)} ± ${signedClock(option.versusFirst.mcse).slice(1)}` : signedClock(option.versusFirst.mean)));
  const versusHead = `vs ${result.options[0]!.id}`;
  const versusWidth = Math.max(versusHead.length, ...versus.map((text) => text.length));
  lines.push('');
  lines.push(`${'option'.padEnd(width)}  ${head.padEnd(timeWidth)}  ${versusHead.padEnd(versusWidth)}  ${`beats ${best}`.padEnd(12)}  ${'ill'.padEnd(15)}  ${'injured'.padEnd(15)}  hard/wk`);
  result.options.forEach((option, i) => {
    const percent = (share: number) => `${Math.round(share * 100)} %`;
    lines.push(
      `${labels[i]!.padEnd(width)}  ${times[i]!.padEnd(timeWidth)}  ${versus[i]!.padEnd(versusWidth)}  ${percent(option.beatBest).padEnd(12)}  ` +
        `${`${percent(option.ill)} (${option.illDays.toFixed(1)} d)`.padEnd(15)}  ${`${percent(option.injured)} (${option.injuryDays.toFixed(1)} d)`.padEnd(15)}  ${option.hardPerWeek.toFixed(1)}`,
    );
  });
  if (uncertainty !== null) lines.push('', ...uncertaintyLines(result, uncertainty, labels, width));
  lines.push('');
  lines.push(
    `how to read: each version is one way ${first} might respond; a version's race time is ${their} current ${result.distance} time (${best}) changed by its simulated change over the plan, ` +
      `with a race's day-to-day variation — the model answers in relative change, as the trials calibrate it (trials/RESULTS.md). ` +
      `vs ${result.options[0]!.id}: the mean difference, version by version (the same version under both), ± its Monte Carlo error; negative is faster.`,
  );
  if (result.distance !== '10k') lines.push(`note: the model's race is a 10-km time trial: the ${result.distance} takes its relative change.`);
  const noRace = result.options.filter((option) => option.noRace > 0);
  if (noRace.length > 0) lines.push(`note: versions injured on race day did not race (${noRace.map((option) => `${option.id} ${Math.round(option.noRace * 100)} %`).join(', ')}): the times are of those who did; "beats" counts all versions.`);
  lines.push(`the 10-km pace now: ${pace(10 / (known.timeTrialMinutes / 60))}/km. ill, injured: the share of versions, and the mean days of those; hard/wk: hard sessions run a week.`);
  lines.push(`see an option's weeks: periodize plan ${athleteFile} --from ${from} --option ${result.options.find((option) => option.id !== 'plan')?.id ?? 'plan'}`);
  return `${lines.join('\n')}\n`;
}

/**
 * What the model does not know, under the table: per option the spread of its median over plausible
 * models, and per option after the first its difference from the first, with the share of models
 * agreeing in its sign — labelled apart from the versions' interval, which is the athlete's.
 */
function uncertaintyLines(result: WhatIfResult, uncertainty: WhatIfUncertainty, labels: readonly string[], width: number): string[] {
  const lines = [
    `what the model does not know (${uncertainty.sets} parameter sets of the calibrated ensemble, ${uncertainty.distinct} distinct; ${Math.round((MODEL_INTERVAL[1] - MODEL_INTERVAL[0]) * 100)} % of plausible models):`,
  ];
  result.options.forEach((option, a) => {
    const median = uncertainty.median[a]!;
    const spread = median.sets === 0 ? 'no set raced' : `median ${raceTime(option.median)}; over plausible models ${raceTime(median.interval90[0])}–${raceTime(median.interval90[1])}`;
    const contrast = uncertainty.contrast[a];
    let versus = '';
    if (contrast !== null && contrast !== undefined && contrast.sets > 0) {
      const own = meanDifference(result, a);
      const faster = own < 0;
      versus =
        ` · against ${labels[0]}: ${signedClock(own)} a version (models ${signedClock(contrast.interval90[0])} to ${signedClock(contrast.interval90[1])})` +
        (contrast.sameSign === null ? '' : `, ${faster ? 'faster' : 'slower'} in ${Math.round(contrast.sameSign * 100)} % of plausible models`);
    }
    lines.push(`  ${labels[a]!.padEnd(width)}  ${spread}${versus}`);
  });
  return lines;
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
export function whatIfJson(result: WhatIfResult, uncertainty: WhatIfUncertainty | null = null): unknown {
  const round = (value: number, digits = 3) => (value === value ? Number(value.toFixed(digits)) : null);
  return {
    athlete: result.athlete,
    distance: result.distance,
    bestMinutes: round(result.bestMinutes),
    best: raceTime(result.bestMinutes),
    bestRaced: result.bestRaced,
    race: result.race,
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
      versusFirstMinutes: option.versusFirst === null ? null : { mean: round(option.versusFirst.mean), mcse: round(option.versusFirst.mcse) },
    })),
    ...(uncertainty === null
      ? {}
      : {
          modelUncertainty: {
            sets: uncertainty.sets,
            distinct: uncertainty.distinct,
            interval: MODEL_INTERVAL,
            medianMinutes: uncertainty.median.map((m) => ({ median: round(m.median), interval: m.interval90.map((x) => round(x)) })),
            differenceFromFirstMinutes: uncertainty.contrast.map((c) => (c === null ? null : { median: round(c.median), interval: c.interval90.map((x) => round(x)), sameSign: c.sameSign === null ? null : round(c.sameSign) })),
          },
        }),
  };
}
