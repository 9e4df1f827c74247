import { type FactContext, type FactDefinition, type FactProvider } from './types.ts';

/**
 * Morning HRV (lnRMSSD) judged as the guidance studies judge it: a 7-day rolling mean against an
 * individual baseline band (baseline mean ± width × SD, the smallest worthwhile change; Vesterinen
 * 2016, Plews 2014), and single days against a rolling mean − 1 SD (Kiviniemi 2007). Single days
 * are noisy; a mean needs `minReadingsPerWeek` readings in its 7 days.
 */

/** 7-day mean ending at `slot` (NaN with too few readings). Scratch in context.stats. */
function mean7d(c: FactContext, slot: number): number {
  c.history.hrvSums.window(slot - 6, slot, c.settings.minReadingsPerWeek, c.stats);
  return c.stats[1]!;
}

/** Baseline (mean, SD) of the `hrvBaselineDays` before `slot`, into stats[1], stats[2]. */
function baseline(c: FactContext, slot: number): void {
  c.history.hrvSums.window(slot - c.settings.hrvBaselineDays, slot - 1, c.settings.minBaselineReadings, c.stats);
}

/** −1 below the band, 1 above, 0 inside, NaN when the mean or the band is missing, for the day at `slot`. */
function bandSide(c: FactContext, slot: number): number {
  const mean = mean7d(c, slot);
  if (mean !== mean) return Number.NaN;
  baseline(c, slot);
  const half = c.settings.hrvSwcWidthSd * c.stats[2]!;
  const centre = c.stats[1]!;
  if (!(half === half)) return Number.NaN;
  return mean < centre - half ? -1 : mean > centre + half ? 1 : 0;
}

/**
 * Consecutive days, ending today, on which the 7-day mean was on `side` of the band. Counted up to
 * 28 (a baseline's length): past four weeks the band has moved with the readings, and the count
 * says no more.
 */
function daysOnSide(c: FactContext, side: number): number {
  const today = c.history.today;
  const first = bandSide(c, today);
  if (first !== first) return Number.NaN;
  let days = 0;
  for (let slot = today; slot >= 0 && days < 28; slot--) {
    if (bandSide(c, slot) !== side) break;
    days++;
  }
  return days;
}

const BAND = ['hrvMean7d', 'hrvSwcLow', 'hrvSwcHigh'];

export const HRV_FACTS: FactProvider = {
  facts: [
    {
      name: 'hrvToday',
      label: "this morning's HRV (lnRMSSD)",
      unit: 'ln ms',
      decimals: 2,
      kind: 'number',
      compute: (c, out, i) => void (out[i] = c.history.hrv[c.history.today]!),
    },
    {
      name: 'hrvMean7d',
      label: 'HRV 7-day mean',
      unit: 'ln ms',
      decimals: 2,
      kind: 'number',
      companions: ['hrvSwcLow', 'hrvSwcHigh'],
      compute: (c, out, i) => void (out[i] = mean7d(c, c.history.today)),
    },
    {
      name: 'hrvReadings7d',
      label: 'HRV readings in the last 7 days',
      unit: '',
      decimals: 0,
      kind: 'number',
      compute: (c, out, i) => {
        c.history.hrvSums.window(c.history.today - 6, c.history.today, 1, c.stats);
        out[i] = c.stats[0]!;
      },
    },
    {
      name: 'hrvBaselineMean',
      label: 'HRV baseline',
      unit: 'ln ms',
      decimals: 2,
      kind: 'number',
      compute: (c, out, i) => {
        baseline(c, c.history.today);
        out[i] = c.stats[1]!;
      },
    },
    {
      name: 'hrvBaselineSd',
      label: 'HRV baseline SD',
      unit: 'ln ms',
      decimals: 3,
      kind: 'number',
      compute: (c, out, i) => {
        baseline(c, c.history.today);
        out[i] = c.stats[2]!;
      },
    },
    {
      name: 'hrvSwcLow',
      label: 'the lower band',
      unit: 'ln ms',
      decimals: 2,
      kind: 'number',
      compute: (c, out, i) => {
        baseline(c, c.history.today);
        out[i] = c.stats[1]! - c.settings.hrvSwcWidthSd * c.stats[2]!;
      },
    },
    {
      name: 'hrvSwcHigh',
      label: 'the upper band',
      unit: 'ln ms',
      decimals: 2,
      kind: 'number',
      compute: (c, out, i) => {
        baseline(c, c.history.today);
        out[i] = c.stats[1]! + c.settings.hrvSwcWidthSd * c.stats[2]!;
      },
    },
    {
      name: 'hrvZ',
      template: 'HRV {hrvToday} this morning, {value} SD from its baseline {hrvBaselineMean}',
      label: "this morning's HRV in baseline SDs",
      unit: 'SD',
      decimals: 2,
      kind: 'number',
      companions: ['hrvToday', 'hrvBaselineMean'],
      compute: (c, out, i) => {
        baseline(c, c.history.today);
        out[i] = inSds(c.history.hrv[c.history.today]!, c.stats[1]!, c.stats[2]!);
      },
    },
    {
      name: 'hrvMean7dBelowBandDays',
      template: 'HRV 7-day mean {hrvMean7d} below the lower band {hrvSwcLow} for {days}',
      label: 'days the HRV 7-day mean has been below the lower band',
      unit: 'days',
      decimals: 0,
      kind: 'number',
      companions: BAND.slice(0, 2),
      compute: (c, out, i) => void (out[i] = daysOnSide(c, -1)),
    },
    {
      name: 'hrvMean7dAboveBandDays',
      template: 'HRV 7-day mean {hrvMean7d} above the upper band {hrvSwcHigh} for {days}',
      label: 'days the HRV 7-day mean has been above the upper band',
      unit: 'days',
      decimals: 0,
      kind: 'number',
      companions: [BAND[0]!, BAND[2]!],
      compute: (c, out, i) => void (out[i] = daysOnSide(c, 1)),
    },
    {
      name: 'hrvMean7dOutsideBand',
      template: 'HRV 7-day mean {hrvMean7d} outside the band {hrvSwcLow}–{hrvSwcHigh}',
      templateWhenFalse: 'HRV 7-day mean {hrvMean7d} inside the band {hrvSwcLow}–{hrvSwcHigh}',
      label: 'HRV 7-day mean outside the individual band',
      unit: '',
      decimals: 0,
      kind: 'flag',
      companions: BAND,
      compute: (c, out, i) => {
        const side = bandSide(c, c.history.today);
        out[i] = side === side ? (side === 0 ? 0 : 1) : Number.NaN;
      },
    },
    {
      name: 'hrvRollingMean',
      label: 'HRV rolling mean',
      unit: 'ln ms',
      decimals: 2,
      kind: 'number',
      compute: (c, out, i) => {
        rolling(c);
        out[i] = c.stats[1]!;
      },
    },
    {
      name: 'hrvRollingSd',
      label: 'HRV rolling SD',
      unit: 'ln ms',
      decimals: 3,
      kind: 'number',
      compute: (c, out, i) => {
        rolling(c);
        out[i] = c.stats[2]!;
      },
    },
    {
      name: 'hrvTodayVsRollingSd',
      template: 'HRV {hrvToday} this morning, {value} SD from its rolling mean {hrvRollingMean}',
      label: "this morning's HRV against its rolling mean, in SDs",
      unit: 'SD',
      decimals: 2,
      kind: 'number',
      companions: ['hrvToday', 'hrvRollingMean', 'hrvRollingSd'],
      compute: (c, out, i) => {
        rolling(c);
        out[i] = inSds(c.history.hrv[c.history.today]!, c.stats[1]!, c.stats[2]!);
      },
    },
    {
      name: 'hrvFallingDays',
      template: 'HRV has fallen {mornings} in a row (now {hrvToday})',
      label: 'mornings in a row that HRV has fallen',
      unit: 'days',
      decimals: 0,
      kind: 'number',
      companions: ['hrvToday'],
      compute: (c, out, i) => {
        const hrv = c.history.hrv;
        let slot = c.history.today;
        if (!(hrv[slot]! === hrv[slot]!)) {
          out[i] = Number.NaN;
          return;
        }
        let days = 0;
        while (slot > 0 && hrv[slot]! < hrv[slot - 1]!) {
          days++;
          slot--;
        }
        // A run cut short by a missing morning is of unknown length: missing, not a count.
        const before = slot > 0 ? hrv[slot - 1]! : 0;
        out[i] = slot > 0 && before !== before ? Number.NaN : days;
      },
    },
  ] satisfies FactDefinition[],
};

/** (value − mean) / sd; missing when the SD is zero (identical readings give no scale). */
function inSds(value: number, mean: number, sd: number): number {
  return sd > 0 ? (value - mean) / sd : Number.NaN;
}

/** Rolling reference of the `hrvRollingDays` before today (Kiviniemi 2007), needing 3 readings a week of it. */
function rolling(c: FactContext): void {
  const days = c.settings.hrvRollingDays;
  const today = c.history.today;
  c.history.hrvSums.window(today - days, today - 1, Math.max(3, Math.ceil((days * c.settings.minReadingsPerWeek) / 7)), c.stats);
}
