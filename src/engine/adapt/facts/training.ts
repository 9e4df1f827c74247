import { acwrRollingAverage } from '../../../models/metrics/acwr.ts';
import { trainingMonotony, trainingStrain } from '../../../models/metrics/monotony.ts';
import type { FactContext, FactDefinition, FactProvider } from './types.ts';

/**
 * What the training record says: session RPE and its drift for comparable sessions, session-RPE
 * load (Foster 2001) over 7 and 28 days, ACWR (a spike detector, not an injury predictor:
 * Impellizzeri 2020), monotony and strain (Foster 1998), missed sessions and illness, and where
 * the plan stands. Loads are of completed days: today's sessions are not done yet in the morning.
 */

/** Loads of the completed days ending yesterday: `days` of them, or NaN when the record is shorter. */
function loadSum(c: FactContext, days: number): number {
  const yesterday = c.history.today - 1;
  if (yesterday + 1 < days) return Number.NaN;
  let sum = 0;
  for (let slot = yesterday - days + 1; slot <= yesterday; slot++) sum += c.history.load[slot]!;
  return sum;
}

function lastWeekOrMissing(c: FactContext, metric: (loads: Float64Array, lastDay: number) => number): number {
  const yesterday = c.history.today - 1;
  return yesterday >= 6 && finiteLoads(c, yesterday - 6, yesterday) ? metric(c.history.load, yesterday) : Number.NaN;
}

/** Whether every day's load in `from … to` is known (a session without an RPE has no load). */
function finiteLoads(c: FactContext, from: number, to: number): boolean {
  for (let slot = from; slot <= to; slot++) if (!Number.isFinite(c.history.load[slot]!)) return false;
  return true;
}

export const RPE_FACTS: FactProvider = {
  facts: [
    {
      name: 'rpeLastSession',
      label: 'RPE of the last session',
      unit: '',
      decimals: 1,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = c.history.lastRpe),
    },
    {
      name: 'rpeDrift7d',
      template: 'sessions of the last 7 days felt {value} RPE points harder than usual',
      label: 'sessions of the last 7 days felt harder than usual by',
      unit: 'RPE points',
      decimals: 1,
      kind: 'number',
      compute: (c, out, i) => {
        // Each day's residual is its sessions' RPE minus the athlete's usual RPE for the same workouts.
        const residual = c.history.rpeResidual;
        const today = c.history.today;
        let sum = 0;
        let days = 0;
        for (let slot = Math.max(0, today - 7); slot < today; slot++) {
          const r = residual[slot]!;
          if (r === r) {
            sum += r;
            days++;
          }
        }
        out[i] = days > 0 ? sum / days : Number.NaN;
      },
    },
  ] satisfies FactDefinition[],
};

export const LOAD_FACTS: FactProvider = {
  facts: [
    {
      name: 'load7d',
      label: 'session-RPE load of the last 7 days',
      unit: 'AU',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = loadSum(c, 7)),
    },
    {
      name: 'load28d',
      label: 'weekly session-RPE load over the last 28 days',
      unit: 'AU',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = loadSum(c, 28) / 4),
    },
    {
      name: 'acwr',
      template: 'acute:chronic load ratio {value} (7-day load {load7d}, weekly mean of 28 days {load28d})',
      label: 'acute:chronic load ratio',
      unit: '',
      decimals: 2,
      kind: 'number',
      companions: ['load7d', 'load28d'],
      compute: (c, out, i) => {
        const yesterday = c.history.today - 1;
        out[i] = yesterday >= 27 && finiteLoads(c, yesterday - 27, yesterday) ? (acwrRollingAverage(c.history.load, yesterday) ?? Number.NaN) : Number.NaN;
      },
    },
    {
      name: 'monotony7d',
      label: 'training monotony of the last 7 days',
      unit: '',
      decimals: 2,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = lastWeekOrMissing(c, trainingMonotony)),
    },
    {
      name: 'strain7d',
      label: 'training strain of the last 7 days',
      unit: 'AU',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = lastWeekOrMissing(c, trainingStrain)),
    },
  ] satisfies FactDefinition[],
};

export const LIFE_FACTS: FactProvider = {
  facts: [
    {
      name: 'missedSessions7d',
      label: 'sessions missed in the last 7 days',
      unit: '',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => {
        let missed = 0;
        for (let slot = Math.max(0, c.history.today - 7); slot < c.history.today; slot++) missed += c.history.missed[slot]!;
        out[i] = missed;
      },
    },
    {
      name: 'ill',
      label: 'ill today',
      unit: '',
      decimals: 0,
      kind: 'flag',
      compute: (c, out, i) => void (out[i] = c.history.ill[c.history.today]!),
    },
    {
      name: 'daysSinceIllness',
      template: (days) => (days === Number.POSITIVE_INFINITY ? 'never ill on record' : days === 0 ? 'ill today' : `ill ${days} day${days === 1 ? '' : 's'} ago`),
      label: 'days since the athlete was last ill',
      unit: 'days',
      decimals: 0,
      kind: 'number',
      // Counted over the record; never ill in it is infinitely long ago — not the record's length,
      // which on a record of a day or two would read as a recent illness.
      compute: (c, out, i) => void (out[i] = c.history.lastIll < 0 ? Number.POSITIVE_INFINITY : c.history.today - c.history.lastIll),
    },
    {
      name: 'hardToday',
      label: 'hard sessions planned today',
      calendar: true,
      unit: '',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = c.hardToday),
    },
    {
      name: 'daysSinceHard',
      label: 'days since the last hard session',
      unit: 'days',
      decimals: 0,
      kind: 'number',
      // The morning's facts come before today's sessions: the last hard day is before today.
      compute: (c, out, i) => void (out[i] = c.history.today - c.history.lastHard),
    },
    {
      name: 'weekday',
      label: 'day of the week (1 = Monday)',
      calendar: true,
      unit: '',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = c.weekday),
    },
    {
      name: 'weekOfBlock',
      label: 'week of the block',
      calendar: true,
      unit: '',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = c.weekOfBlock),
    },
  ] satisfies FactDefinition[],
};
