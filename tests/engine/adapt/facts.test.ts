import { describe, expect, it } from 'vitest';
import { FactBook } from '../../../src/engine/adapt/fact-book.ts';
import { FACT_PROVIDERS_BUILT_IN } from '../../../src/engine/adapt/facts/index.ts';
import { MarkerSums } from '../../../src/engine/adapt/history.ts';
import { acwrRollingAverage } from '../../../src/models/metrics/acwr.ts';
import { trainingMonotony, trainingStrain } from '../../../src/models/metrics/monotony.ts';
import { days, EASY_RUN, factBookOf, factOf, historyOf, TEMPO_RUN, type ObservedDay } from './fixtures.ts';

/** The facts of the last day of a record of these days, by name (NaN = missing). */
function factsOn(record: readonly ObservedDay[], settings = {}): (name: string) => number {
  const book = factBookOf(historyOf(record), settings);
  return (name) => factOf(book, name);
}

/** An easy run whose session-RPE load (RPE × minutes) is `load`: 25 min at RPE 4 is 100 AU. */
const easyLoad = (minutes: number, rpe: number): ObservedDay => ({ sessions: [{ workout: EASY_RUN, minutes, rpe }] });

/** Running sums of these readings, slot by slot. */
function sumsOf(values: number[]): MarkerSums {
  const sums = new MarkerSums(values.length);
  values.forEach((value, t) => sums.record(t, value));
  return sums;
}

describe('MarkerSums', () => {
  describe('having readings and gaps in a window that starts before the record', () => {
    it('should count the readings and give their mean and sample SD, clipping the window to the record', () => {
      const out = new Float64Array(3);
      sumsOf([3.9, Number.NaN, 4.0, 4.1]).window(-3, 3, 3, out);
      // (3.9 + 4.0 + 4.1) / 3 = 4.0; SD √((0.01 + 0 + 0.01) / 2) = 0.1.
      expect(out[0]).toBe(3);
      expect(out[1]).toBeCloseTo(4.0, 12);
      expect(out[2]).toBeCloseTo(0.1, 12);
    });

    it('should give NaN mean and SD with fewer readings than asked for', () => {
      const out = new Float64Array(3);
      sumsOf([3.9, Number.NaN, 4.0]).window(0, 2, 3, out);
      expect(Array.from(out)).toEqual([2, Number.NaN, Number.NaN]);
    });
  });

  describe('having a year of noisy readings with gaps', () => {
    it('should give every 28-day window the mean and SD of summing it directly (to 1e-9)', () => {
      const values = Array.from({ length: 365 }, (_, t) => (t % 9 === 4 ? Number.NaN : 4 + 0.3 * Math.sin(t * 1.7) + 0.05 * Math.cos(t * 13.1)));
      const sums = sumsOf(values);
      const out = new Float64Array(3);
      for (let to = 27; to < 365; to += 11) {
        const window = values.slice(to - 27, to + 1).filter((v) => !Number.isNaN(v));
        const mean = window.reduce((a, v) => a + v, 0) / window.length;
        const sd = Math.sqrt(window.reduce((a, v) => a + (v - mean) ** 2, 0) / (window.length - 1));
        sums.window(to - 27, to, 7, out);
        expect(out[0]).toBe(window.length);
        expect(out[1]).toBeCloseTo(mean, 9);
        expect(out[2]).toBeCloseTo(sd, 9);
      }
    });
  });
});

describe('the built-in facts', () => {
  it('should cover the facts the issue asks for, each once', () => {
    const names = [...FactBook.catalogue(FACT_PROVIDERS_BUILT_IN).keys()];
    expect(names).toEqual(expect.arrayContaining(['hrvToday', 'hrvMean7d', 'hrvBaselineMean', 'hrvBaselineSd', 'hrvSwcLow', 'hrvSwcHigh', 'hrvZ',
      'hrvMean7dBelowBandDays', 'hrvFallingDays', 'restingHrDelta7d', 'sleepLastNight', 'sleepMean7d', 'sleepDebt7d', 'rpeLastSession',
      'rpeDrift7d', 'load7d', 'load28d', 'acwr', 'monotony7d', 'strain7d', 'missedSessions7d', 'ill']));
  });
});

describe('HRV facts', () => {
  describe('hrvMean7d', () => {
    describe('having 3 readings in the last 7 days (4.0, 4.2, 4.4) and a 9.0 eight days ago', () => {
      const fact = factsOn([{ hrv: 9.0 }, {}, { hrv: 4.0 }, {}, { hrv: 4.2 }, {}, {}, { hrv: 4.4 }]);

      it('should be their mean, 4.2, leaving out the reading before the window', () => {
        expect(fact('hrvMean7d')).toBeCloseTo(4.2, 12);
        expect(fact('hrvReadings7d')).toBe(3);
      });
    });

    describe('having only 2 readings in the last 7 days', () => {
      const record = [{ hrv: 4.0 }, {}, {}, {}, {}, {}, { hrv: 4.4 }];

      it('should be missing: a 7-day mean needs minReadingsPerWeek = 3 readings (Plews 2014)', () => {
        expect(factsOn(record)('hrvMean7d')).toBeNaN();
        expect(factsOn(record)('hrvReadings7d')).toBe(2);
      });

      it('should be their mean, 4.2, when the rule set asks for only 2 readings', () => {
        expect(factsOn(record, { minReadingsPerWeek: 2 })('hrvMean7d')).toBeCloseTo(4.2, 12);
      });
    });
  });

  describe('the baseline and its band', () => {
    // 30 days: a 9.0 on day 0, no readings on days 1–21, seven readings on days 22–28, today 5.0.
    // The baseline is the 28 days ending yesterday (days 1–28): 3.8, 3.8, 3.8, 4.0, 4.2, 4.2, 4.2,
    // mean 4.0, SD √((3 × 0.04 + 0 + 3 × 0.04) / 6) = 0.2; band 4.0 ± 0.5 × 0.2 = 3.9 … 4.1.
    const baselineWeek = [3.8, 3.8, 3.8, 4.0, 4.2, 4.2, 4.2];
    const record: ObservedDay[] = [{ hrv: 9.0 }, ...days(21, () => ({})), ...baselineWeek.map((hrv) => ({ hrv })), { hrv: 5.0 }];

    describe('having 7 readings in the 28 days before today', () => {
      const fact = factsOn(record);

      it('should take the baseline mean and SD of those readings (not today\'s, not the 9.0 of 29 days ago)', () => {
        expect(fact('hrvBaselineMean')).toBeCloseTo(4.0, 12);
        expect(fact('hrvBaselineSd')).toBeCloseTo(0.2, 12);
      });

      it('should put the smallest-worthwhile-change band at mean ± 0.5 SD (Vesterinen 2016)', () => {
        expect(fact('hrvSwcLow')).toBeCloseTo(3.9, 12);
        expect(fact('hrvSwcHigh')).toBeCloseTo(4.1, 12);
      });

      it('should give today\'s 5.0 as (5.0 − 4.0) / 0.2 = 5 baseline SDs', () => {
        expect(fact('hrvZ')).toBeCloseTo(5, 10);
      });

      // 7-day mean of days 23–29: (3.8 + 3.8 + 4.0 + 4.2 + 4.2 + 4.2 + 5.0) / 7 = 29.2 / 7 = 4.171 > 4.1.
      it('should find the 7-day mean 4.171 outside the band, above it', () => {
        expect(fact('hrvMean7d')).toBeCloseTo(29.2 / 7, 12);
        expect(fact('hrvMean7dOutsideBand')).toBe(1);
      });
    });

    describe('having a band width of 1 SD', () => {
      it('should widen the band to 3.8 … 4.2', () => {
        const fact = factsOn(record, { hrvSwcWidthSd: 1 });
        expect(fact('hrvSwcLow')).toBeCloseTo(3.8, 12);
        expect(fact('hrvSwcHigh')).toBeCloseTo(4.2, 12);
        expect(fact('hrvMean7dOutsideBand')).toBe(0);
      });
    });

    describe('having only 6 readings in the 28 days before today', () => {
      const fact = factsOn([{ hrv: 9.0 }, ...days(22, () => ({})), ...baselineWeek.slice(1).map((hrv) => ({ hrv })), { hrv: 5.0 }]);

      it('should leave the baseline, the band and everything judged against them missing (7 readings needed)', () => {
        for (const name of ['hrvBaselineMean', 'hrvBaselineSd', 'hrvSwcLow', 'hrvSwcHigh', 'hrvZ', 'hrvMean7dOutsideBand', 'hrvMean7dBelowBandDays']) {
          expect(fact(name), name).toBeNaN();
        }
      });
    });
  });

  describe('hrvMean7dBelowBandDays', () => {
    // Days 0–27 alternate 3.9 and 4.1; on day 27 the 7-day mean 28.1 / 7 = 4.014 is inside its band
    // (baseline days 0–26: mean 107.9 / 27 = 3.996, SD 0.102, band 3.945 … 4.047). Then mornings of 3.0:
    // - on the first, the 7-day mean (3 × 3.9 + 3 × 4.1 + 3.0) / 7 = 3.857 is below the band of days
    //   0–27 (mean 4.0, SD √(28 × 0.01 / 27) = 0.1018, lower edge 3.949);
    // - on the second, 26.1 / 7 = 3.729 against a lower edge of 3.861 (days 1–28: mean 111.1 / 28 = 3.968,
    //   SD √((442.07 − 111.1² / 28) / 27) = 0.2144); on the third, 25.2 / 7 = 3.571 against 3.789:
    // each low morning takes 1/7 off the mean, more than it takes off the lower edge.
    const alternating = (i: number): ObservedDay => ({ hrv: i % 2 === 0 ? 3.9 : 4.1 });
    const withLowMornings = (n: number): ObservedDay[] => [...days(28, alternating), ...days(n, () => ({ hrv: 3.0 }))];

    describe('having 3 low mornings after 4 weeks inside the band', () => {
      const fact = factsOn(withLowMornings(3));

      it('should count the 3 consecutive days below the band, ending today', () => {
        expect(fact('hrvMean7dBelowBandDays')).toBe(3);
        expect(fact('hrvMean7dAboveBandDays')).toBe(0);
      });
    });

    describe('having 1 low morning', () => {
      it('should count 1 day', () => {
        expect(factsOn(withLowMornings(1))('hrvMean7dBelowBandDays')).toBe(1);
      });
    });

    describe('having no low morning', () => {
      it('should count 0 days: the mean is inside the band', () => {
        const fact = factsOn(withLowMornings(0));
        expect(fact('hrvMean7dBelowBandDays')).toBe(0);
        expect(fact('hrvMean7dOutsideBand')).toBe(0);
      });
    });

    describe('having 2 low mornings then a week without the watch', () => {
      it('should be missing: no 7-day mean today, not 0 days', () => {
        expect(factsOn([...withLowMornings(2), ...days(7, () => ({}))])('hrvMean7dBelowBandDays')).toBeNaN();
      });
    });
  });

  describe('hrvTodayVsRollingSd (Kiviniemi 2007: the 10 days before today)', () => {
    // Days 1–10: 3.9, –, 4.0, –, 4.1, –, 3.9, –, 4.1, –: mean 4.0, SD √(4 × 0.01 / 4) = 0.1.
    const tenDays: ObservedDay[] = [3.9, Number.NaN, 4.0, Number.NaN, 4.1, Number.NaN, 3.9, Number.NaN, 4.1, Number.NaN].map((hrv) => ({ hrv }));

    describe('having 5 readings in the 10 days before today (and a 9.0 eleven days ago)', () => {
      const fact = factsOn([{ hrv: 9.0 }, ...tenDays, { hrv: 3.85 }]);

      it('should give today\'s 3.85 as (3.85 − 4.0) / 0.1 = −1.5 rolling SDs', () => {
        expect(fact('hrvRollingMean')).toBeCloseTo(4.0, 12);
        expect(fact('hrvRollingSd')).toBeCloseTo(0.1, 12);
        expect(fact('hrvTodayVsRollingSd')).toBeCloseTo(-1.5, 10);
      });
    });

    describe('having only 4 readings in those 10 days', () => {
      it('should be missing: 10 days need ⌈10 × 3 / 7⌉ = 5 readings', () => {
        const fewer = tenDays.map((day, i) => (i === 8 ? {} : day));
        expect(factsOn([...fewer, { hrv: 3.85 }])('hrvTodayVsRollingSd')).toBeNaN();
      });
    });

    describe('having no reading this morning', () => {
      it('should be missing', () => {
        expect(factsOn([...tenDays, {}])('hrvTodayVsRollingSd')).toBeNaN();
      });
    });
  });

  describe('having ten identical mornings before today (a rolling SD of zero)', () => {
    it('should read today against the rolling mean as missing, not ±Infinity', () => {
      const fact = factsOn([...days(10, () => ({ hrv: 4.0 })), { hrv: 3.8 }]);
      expect(fact('hrvRollingSd')).toBe(0);
      expect(fact('hrvTodayVsRollingSd')).toBeNaN();
    });
  });

  describe('hrvFallingDays', () => {
    const falling = (...hrv: number[]): number => factsOn(hrv.map((value) => ({ hrv: value })))('hrvFallingDays');

    it('should count the mornings in a row that HRV fell: 4.3, 4.2, 4.1, 4.0 → 3', () => {
      expect(falling(4.3, 4.2, 4.1, 4.0)).toBe(3);
    });

    it('should be missing when a missing morning cuts the run short: 4.3, –, 4.1, 4.0 (one fall, or more?)', () => {
      expect(falling(4.3, Number.NaN, 4.1, 4.0)).toBeNaN();
    });

    it('should end the run at an unchanged morning: 4.2, 4.2, 4.1 → 1', () => {
      expect(falling(4.2, 4.2, 4.1)).toBe(1);
    });

    it('should be 0 when HRV rose this morning', () => {
      expect(falling(4.0, 4.1)).toBe(0);
    });

    it('should be missing without a reading this morning', () => {
      expect(falling(4.2, 4.1, Number.NaN)).toBeNaN();
    });
  });
});

describe('resting HR facts', () => {
  describe('having 25 mornings at 50 bpm, then 4 at 54', () => {
    // 7-day mean (days 22–28): (3 × 50 + 4 × 54) / 7 = 366 / 7 = 52.29;
    // baseline (days 0–27): (25 × 50 + 3 × 54) / 28 = 1412 / 28 = 50.43;
    // delta = 366 / 7 − 1412 / 28 = (1464 − 1412) / 28 = 13 / 7 = 1.857 bpm.
    const fact = factsOn(days(29, (i) => ({ restingHr: i < 25 ? 50 : 54 })));

    it('should give the 7-day mean, the baseline and the difference, 1.857 bpm', () => {
      expect(fact('restingHrMean7d')).toBeCloseTo(366 / 7, 10);
      expect(fact('restingHrBaseline')).toBeCloseTo(1412 / 28, 10);
      expect(fact('restingHrDelta7d')).toBeCloseTo(13 / 7, 10);
    });

    it('should give this morning\'s 54 bpm as 54 − 1412 / 28 = 3.571 bpm above the baseline', () => {
      expect(fact('restingHrToday')).toBe(54);
      expect(fact('restingHrDeltaToday')).toBeCloseTo(100 / 28, 10);
    });
  });

  describe('having only 2 readings in the last 7 days', () => {
    it('should leave the 7-day delta missing', () => {
      const fact = factsOn(days(29, (i) => (i < 22 || i > 26 ? { restingHr: 50 } : {})));
      expect(fact('restingHrMean7d')).toBeNaN();
      expect(fact('restingHrDelta7d')).toBeNaN();
    });
  });
});

describe('sleep facts', () => {
  describe('having 21 nights of 8 h, then 6, 10, 7, 9, –, – and 5 h last night', () => {
    // Usual sleep (days 0–26): (21 × 8 + 6 + 10 + 7 + 9) / 25 = 200 / 25 = 8.0 h.
    // Last 7 nights (days 21–27), 5 measured: short by 2 + 0 + 1 + 0 + 3 = 6 h (a long night repays
    // nothing), scaled to 7 nights: 6 × 7 / 5 = 8.4 h.
    const lastNights = [6, 10, 7, 9, Number.NaN, Number.NaN, 5];
    const fact = factsOn([...days(21, () => ({ sleep: 8 })), ...lastNights.map((sleep) => ({ sleep }))]);

    it('should take the usual sleep from the nights before last night', () => {
      expect(fact('sleepBaseline')).toBeCloseTo(8.0, 12);
    });

    it('should sum the hours short of usual over the measured nights, scaled to 7: 8.4 h', () => {
      expect(fact('sleepDebt7d')).toBeCloseTo(8.4, 10);
    });

    it('should give the 7-night mean (6 + 10 + 7 + 9 + 5) / 5 = 7.4 h and last night\'s 5 h', () => {
      expect(fact('sleepMean7d')).toBeCloseTo(7.4, 12);
      expect(fact('sleepLastNight')).toBe(5);
    });
  });

  describe('having only 2 nights measured in the last 7', () => {
    it('should leave the sleep debt missing', () => {
      expect(factsOn([...days(21, () => ({ sleep: 8 })), { sleep: 6 }, ...days(5, () => ({})), { sleep: 5 }])('sleepDebt7d')).toBeNaN();
    });
  });
});

describe('session RPE facts', () => {
  describe('having easy runs at RPE 3, 3, 4 and 5 on the last four days', () => {
    // An easy run's usual RPE is known after two sessions: 3. Day 2: 4 − 3 = 1, usual 3 + 0.2 × 1 = 3.2;
    // day 3: 5 − 3.2 = 1.8. Drift: (1 + 1.8) / 2 = 1.4 RPE points.
    const record = [3, 3, 4, 5].map((rpe) => easyLoad(40, rpe));

    it('should find sessions 1.4 RPE points harder than usual', () => {
      expect(factsOn([...record, {}])('rpeDrift7d')).toBeCloseTo(1.4, 12);
    });

    it('should give the last session\'s RPE', () => {
      expect(factsOn([...record, {}])('rpeLastSession')).toBe(5);
    });
  });

  describe('having a tempo run at its usual RPE 7 on the days of those easy runs', () => {
    // Each session is compared with its own workout: the tempo's 7 − 7 = 0 on day 3, so day 3 reads
    // (1.8 + 0) / 2 = 0.9 and the drift (1 + 0.9) / 2 = 0.95 — never 7 against an easy run's 3.
    const tempo = { workout: TEMPO_RUN, minutes: 50, rpe: 7, hard: true };
    const record: ObservedDay[] = [
      { sessions: [{ workout: EASY_RUN, minutes: 40, rpe: 3 }, tempo] },
      { sessions: [{ workout: EASY_RUN, minutes: 40, rpe: 3 }, tempo] },
      { sessions: [{ workout: EASY_RUN, minutes: 40, rpe: 4 }] },
      { sessions: [{ workout: EASY_RUN, minutes: 40, rpe: 5 }, tempo] },
      {},
    ];

    it('should compare each workout with its own usual RPE: 0.95 points', () => {
      expect(factsOn(record)('rpeDrift7d')).toBeCloseTo(0.95, 12);
    });
  });

  describe('having only two easy runs on record', () => {
    it('should be missing: nothing could be compared', () => {
      expect(factsOn([easyLoad(40, 3), easyLoad(40, 9), {}])('rpeDrift7d')).toBeNaN();
    });
  });

  describe('having the only hard-felt session 8 days ago', () => {
    it('should be missing: the drift looks at the last 7 days', () => {
      expect(factsOn([easyLoad(40, 3), easyLoad(40, 3), easyLoad(40, 6), ...days(7, () => ({})), {}])('rpeDrift7d')).toBeNaN();
    });
  });
});

describe('load facts', () => {
  describe('having 21 days of 100 AU, then 7 days of 200 AU (the acwr.ts example)', () => {
    // acute 7 × 200 = 1400; chronic (21 × 100 + 1400) / 4 = 875; ACWR 1400 / 875 = 1.6.
    const history = historyOf([...days(21, () => easyLoad(25, 4)), ...days(7, () => easyLoad(50, 4)), {}]);
    const book = factBookOf(history);

    it('should give the 7-day load, the weekly mean of 28 days and their ratio, 1.6', () => {
      expect(factOf(book, 'load7d')).toBe(1400);
      expect(factOf(book, 'load28d')).toBe(875);
      expect(factOf(book, 'acwr')).toBeCloseTo(1.6, 12);
    });

    it('should agree with acwrRollingAverage on the completed days', () => {
      expect(factOf(book, 'acwr')).toBe(acwrRollingAverage(history.load, history.today - 1));
    });

    it('should leave out the load of today\'s sessions (not done in the morning)', () => {
      history.setSession(EASY_RUN, 100, 9, false);
      book.invalidate();
      expect(factOf(book, 'load7d')).toBe(1400);
    });
  });

  describe('having a session without an RPE four days ago (its load unknown)', () => {
    it('should read the ratio, monotony and strain as missing rather than fail', () => {
      const record = [...days(30, () => easyLoad(25, 4)), { sessions: [{ workout: EASY_RUN, minutes: 30, rpe: Number.NaN }] }, ...days(3, () => easyLoad(25, 4)), {}];
      const fact = factsOn(record);
      expect(fact('acwr')).toBeNaN();
      expect(fact('monotony7d')).toBeNaN();
      expect(fact('strain7d')).toBeNaN();
    });
  });

  describe('having 27 completed days', () => {
    it('should leave the 28-day load and the ratio missing, and give the 7-day load', () => {
      const fact = factsOn([...days(27, () => easyLoad(25, 4)), {}]);
      expect(fact('load7d')).toBe(700);
      expect(fact('load28d')).toBeNaN();
      expect(fact('acwr')).toBeNaN();
    });
  });

  describe('having a week of 600, 300, 0, 700, 400, 800, 0 AU (Foster 1998)', () => {
    // Mean 400; deviations 200, −100, −400, 300, 0, 400, −400: SD √(620000 / 6) = 321.455;
    // monotony 400 / 321.455 = 1.2443; strain 2800 × 1.2443 = 3484.1.
    const week = [easyLoad(100, 6), easyLoad(60, 5), {}, easyLoad(100, 7), easyLoad(80, 5), easyLoad(100, 8), {}];
    const fact = factsOn([...week, {}]);

    it('should give monotony 1.244 and strain 3484, as trainingMonotony and trainingStrain do', () => {
      expect(fact('monotony7d')).toBeCloseTo(400 / Math.sqrt(620000 / 6), 10);
      expect(fact('monotony7d')).toBeCloseTo(trainingMonotony([600, 300, 0, 700, 400, 800, 0]), 10);
      expect(fact('strain7d')).toBeCloseTo(trainingStrain([600, 300, 0, 700, 400, 800, 0]), 8);
    });

    it('should be missing with only 6 completed days', () => {
      expect(factsOn([...week.slice(1), {}])('monotony7d')).toBeNaN();
    });
  });
});

describe('life and plan facts', () => {
  describe('having sessions missed 8 days ago (1), 7 days ago (2), yesterday (1) and today (1)', () => {
    it('should count the 3 missed in the 7 days before today', () => {
      expect(factsOn([{ missed: 1 }, { missed: 2 }, {}, {}, {}, {}, {}, { missed: 1 }, { missed: 1 }])('missedSessions7d')).toBe(3);
    });
  });

  describe('having been ill 3 days ago', () => {
    it('should give 3 days since the illness, and not ill today', () => {
      const fact = factsOn([{}, { ill: true }, {}, {}, {}]);
      expect(fact('daysSinceIllness')).toBe(3);
      expect(fact('ill')).toBe(0);
    });
  });

  describe('having been ill this morning', () => {
    it('should give 0 days since the illness, and ill today', () => {
      const fact = factsOn([{}, { ill: true }]);
      expect(fact('daysSinceIllness')).toBe(0);
      expect(fact('ill')).toBe(1);
    });
  });

  describe('having never been ill in a record of 10 days, or of 2', () => {
    it('should give infinitely long ago, not the length of the record (2 days would read as a recent illness)', () => {
      expect(factsOn(days(10, () => ({})))('daysSinceIllness')).toBe(Number.POSITIVE_INFINITY);
      expect(factsOn(days(2, () => ({})))('daysSinceIllness')).toBe(Number.POSITIVE_INFINITY);
    });
  });

  describe('having a hard session 3 days ago', () => {
    it('should give 3 days since the last hard session', () => {
      const hard = { sessions: [{ workout: TEMPO_RUN, minutes: 50, rpe: 7, hard: true }] };
      expect(factsOn([{}, hard, easyLoad(40, 3), {}, {}])('daysSinceHard')).toBe(3);
    });
  });

  describe('having the plan\'s place set in the context', () => {
    it('should read the weekday, the week of the block and today\'s hard sessions from it', () => {
      const book = factBookOf(historyOf([{}]));
      book.context.weekday = 4;
      book.context.weekOfBlock = 2;
      book.context.hardToday = 1;
      expect([factOf(book, 'weekday'), factOf(book, 'weekOfBlock'), factOf(book, 'hardToday')]).toEqual([4, 2, 1]);
    });
  });
});
