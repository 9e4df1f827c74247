import { type FactContext, type FactDefinition, type FactProvider } from './types.ts';

/**
 * Resting HR and sleep as a coach reads them: against the athlete's own baseline (the same window
 * as HRV's), as 7-day means that need `minReadingsPerWeek` readings. Resting HR can rise with
 * accumulated fatigue and also fall with well-tolerated training (Meeusen 2013; Nuuttila 2021): it
 * is a fact for rules to combine, never an alarm on its own.
 */

function restingHrBaseline(c: FactContext): number {
  const today = c.history.today;
  c.history.restingHrSums.window(today - c.settings.hrvBaselineDays, today - 1, c.settings.minBaselineReadings, c.stats);
  return c.stats[1]!;
}

function restingHrMean7d(c: FactContext): number {
  c.history.restingHrSums.window(c.history.today - 6, c.history.today, c.settings.minReadingsPerWeek, c.stats);
  return c.stats[1]!;
}

/**
 * Usual sleep: the baseline window before the last 7 nights, so that a run of short nights does not
 * lower the athlete's "usual" while it is being judged against it.
 */
function sleepBaseline(c: FactContext): number {
  const today = c.history.today;
  c.history.sleepSums.window(today - 7 - c.settings.hrvBaselineDays, today - 7, c.settings.minBaselineReadings, c.stats);
  return c.stats[1]!;
}

export const RESTING_HR_FACTS: FactProvider = {
  facts: [
    {
      name: 'restingHrToday',
      label: "this morning's resting HR",
      unit: 'bpm',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = c.history.restingHr[c.history.today]!),
    },
    {
      name: 'restingHrMean7d',
      label: 'resting HR 7-day mean',
      unit: 'bpm',
      decimals: 1,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = restingHrMean7d(c)),
    },
    {
      name: 'restingHrBaseline',
      label: 'resting HR baseline',
      unit: 'bpm',
      decimals: 1,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = restingHrBaseline(c)),
    },
    {
      name: 'restingHrDelta7d',
      template: 'resting HR 7-day mean {restingHrMean7d} bpm against its baseline {restingHrBaseline} ({value} bpm)',
      label: 'resting HR 7-day mean above baseline',
      unit: 'bpm',
      decimals: 1,
      kind: 'number',
      companions: ['restingHrMean7d', 'restingHrBaseline'],
      compute: (c, out, i) => void (out[i] = restingHrMean7d(c) - restingHrBaseline(c)),
    },
    {
      name: 'restingHrDeltaToday',
      template: 'resting HR {restingHrToday} bpm this morning against its baseline {restingHrBaseline} ({value} bpm)',
      label: "this morning's resting HR above baseline",
      unit: 'bpm',
      decimals: 1,
      kind: 'number',
      companions: ['restingHrToday', 'restingHrBaseline'],
      compute: (c, out, i) => void (out[i] = c.history.restingHr[c.history.today]! - restingHrBaseline(c)),
    },
  ] satisfies FactDefinition[],
};

export const SLEEP_FACTS: FactProvider = {
  facts: [
    {
      name: 'sleepLastNight',
      template: '{value} h of sleep last night',
      label: 'sleep last night',
      unit: 'h',
      decimals: 1,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = c.history.sleep[c.history.today]!),
    },
    {
      name: 'sleepMean7d',
      label: 'sleep 7-night mean',
      unit: 'h',
      decimals: 1,
      kind: 'number',
      compute: (c, out, i) => {
        c.history.sleepSums.window(c.history.today - 6, c.history.today, c.settings.minReadingsPerWeek, c.stats);
        out[i] = c.stats[1]!;
      },
    },
    {
      name: 'sleepBaseline',
      label: 'usual sleep',
      unit: 'h',
      decimals: 1,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = sleepBaseline(c)),
    },
    {
      name: 'sleepDebt7d',
      template: '{value} h of sleep debt over the last 7 nights (usual sleep {sleepBaseline} h)',
      label: 'sleep debt over the last 7 nights',
      unit: 'h',
      decimals: 1,
      kind: 'number',
      companions: ['sleepBaseline'],
      compute: (c, out, i) => {
        // Hours short of the athlete's usual sleep, summed over the measured nights and scaled to 7.
        const usual = sleepBaseline(c);
        const sleep = c.history.sleep;
        const today = c.history.today;
        let nights = 0;
        let debt = 0;
        for (let slot = Math.max(0, today - 6); slot <= today; slot++) {
          const hours = sleep[slot]!;
          if (hours === hours) {
            nights++;
            if (hours < usual) debt += usual - hours;
          }
        }
        out[i] = usual === usual && nights >= c.settings.minReadingsPerWeek ? (debt * 7) / nights : Number.NaN;
      },
    },
  ] satisfies FactDefinition[],
};
