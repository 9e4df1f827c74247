import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/models/parameters.ts';
import { DailyLife } from '../../src/sim/daily-life.ts';
import { EventSchedule } from '../../src/sim/events.ts';
import { MultiSystemModel } from '../../src/sim/model/multi-system.ts';
import { HabitualWeek } from '../../src/sim/model/adaptation-model.ts';
import { AthleteConstants, AthleteState, setDone } from '../../src/sim/model/state.ts';
import { AthleteTraits } from '../../src/sim/population.ts';
import { openStream } from '../../src/sim/rng.ts';
import { liveDays } from './live-days.ts';

const model = new MultiSystemModel(PARAMETERS);
const traits = Object.assign(new AthleteTraits(), {
  vo2max: 52, lt1Fraction: 0.66, lt2Fraction: 0.8, economy: 208, weeklyHours: 5, restingHr: 56, lnRmssd: 4, sleepHours: 7.4, sleepNeed: 7.6,
  trainingYears: 5, responsivenessCentral: 1, responsivenessPeripheral: 1, responsivenessBase: 1, vo2maxCeilingGain: 0.6, economyCeilingGain: 0.08,
  fatigueTimeConstant: 7, overreachingTolerance: 6, overreachingDays: 42,
});
const week = Float64Array.from([45, 45, 0, 45, 45, 70, 0]);
const none = new Float64Array(7);

function athlete(): { c: AthleteConstants; s: AthleteState } {
  const c = new AthleteConstants();
  const s = new AthleteState();
  model.initialize(traits, HabitualWeek.of(week, none, none, week.map((m) => m * 0.8)), c, s);
  return { c, s };
}

/** The central stimulus one interval session adds, done after `yesterday` (minutes above LT2 the day before). */
function sessionAfter(yesterday: number, stress = 0): number {
  const { c, s } = athlete();
  s.sleptHours = c.habitualSleep;
  model.sleep(c, s);
  setDone(s, 30, 0, yesterday, 30 + 3 * yesterday);
  model.train(c, s);
  s.lifeStress = stress;
  const before = s.centralStimulus;
  s.sleptHours = c.habitualSleep;
  model.sleep(c, s);
  setDone(s, 30, 0, 20, 90);
  model.train(c, s);
  return s.centralStimulus - before;
}

describe('the timing of a hard session', () => {
  describe('having the same interval session after a hard day and after an easy one', () => {
    it('should add less stimulus after the hard day (acute strain), as acute.efficacyLossPerStrain says', () => {
      expect(sessionAfter(25)).toBeLessThan(sessionAfter(0));
    });
  });

  describe('having the same session on a day life weighs on', () => {
    it('should add less stimulus (lifeStress.efficacyLoss), and no more on a calm day than on an average one', () => {
      expect(sessionAfter(0, 1.5)).toBeLessThan(sessionAfter(0, 0));
      expect(sessionAfter(0, -1.5)).toBeCloseTo(sessionAfter(0, 0), 12);
    });
  });
});

/** VO2max gained (%) per hard session over `weeks` of `perWeek` interval sessions (20 min above LT2) amid easy runs. */
function gainPerSession(perWeek: number, weeks: number, on: MultiSystemModel = model): number {
  const c = new AthleteConstants();
  const s = new AthleteState();
  // Overreaching would blunt the denser blocks whatever the sharing: this athlete does not overreach.
  on.initialize(Object.assign(new AthleteTraits(), traits, { overreachingTolerance: 1e6 }), HabitualWeek.of(week, none, none, week.map((m) => m * 0.8)), c, s);
  const start = s.vo2max;
  const hardDays = [[], [1], [1, 4], [0, 2, 4], [0, 2, 4, 6], [0, 1, 3, 4, 6], [0, 1, 2, 3, 4, 5]][perWeek]!;
  liveDays(on, c, s, weeks * 7, (d) => (hardDays.includes(d % 7) ? setDone(s, 30, 0, 20, 90) : setDone(s, 40, 0, 0, 32)));
  return (100 * (s.vo2max / start - 1)) / (perWeek * weeks);
}

describe('hard sessions close together (Hatle et al. 2014)', () => {
  const apart = new MultiSystemModel({ ...PARAMETERS, hardDensity: { ...PARAMETERS.hardDensity, halfSessionsPerWeek: 1e9 } });

  describe('having one to six interval sessions a week for four weeks', () => {
    it('should gain less than if hard sessions shared nothing, and the more sessions a week, the more less', () => {
      const shortfall = [1, 2, 3, 4, 5, 6].map((n) => n * (gainPerSession(n, 4, apart) - gainPerSession(n, 4, model)));
      expect(shortfall[0]!).toBeGreaterThan(0);
      for (let n = 1; n < 6; n++) expect(shortfall[n]!, `${n + 1} a week`).toBeGreaterThan(shortfall[n - 1]!);
    });
  });

  describe('having no sharing constant above zero', () => {
    it('should refuse it, rather than divide 0 by 0 on days without hard work', () => {
      expect(() => new MultiSystemModel({ ...PARAMETERS, hardDensity: { ...PARAMETERS.hardDensity, halfSessionsPerWeek: 0 } })).toThrow(/halfSessionsPerWeek must be above 0/);
    });
  });

  describe('having 24 interval sessions at six a week or at three a week', () => {
    it('should gain less VO2max per session at six a week — and more so than when hard sessions share nothing', () => {
      const dense = gainPerSession(6, 4, model) / gainPerSession(3, 8, model);
      const alone = gainPerSession(6, 4, apart) / gainPerSession(3, 8, apart);
      expect(dense).toBeLessThan(alone - 0.03);
    });
  });
});

describe('life outside training', () => {
  const c = new AthleteConstants();
  const { c: constants, s: start } = athlete();
  Object.assign(c, constants);
  const streams = (seed: number) => {
    const open = (purpose: 'sleep' | 'illness' | 'markers' | 'rpe' | 'wear' | 'injury' | 'stress') => openStream(seed, 0, purpose);
    return { sleep: open('sleep'), illness: open('illness'), markers: open('markers'), rpe: open('rpe'), wear: open('wear'), injury: open('injury'), stress: open('stress') };
  };

  describe('having 20 000 days of it', () => {
    it('should be a state of SD 1 that persists over days (AR(1), e^(−1/τ) from day to day)', () => {
      const life = new DailyLife(streams(3), PARAMETERS, model, c, new EventSchedule(1), 1);
      const s = new AthleteState();
      life.startStress(s);
      const values: number[] = [];
      for (let d = 0; d < 20_000; d++) {
        life.stressDay(s);
        values.push(s.lifeStress);
      }
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      let lag = 0;
      for (let d = 1; d < values.length; d++) lag += (values[d]! - mean) * (values[d - 1]! - mean);
      expect(mean).toBeCloseTo(0, 1);
      expect(sd).toBeCloseTo(1, 1);
      expect(lag / (values.length - 1) / (sd * sd)).toBeCloseTo(Math.exp(-1 / PARAMETERS.lifeStress.timeConstantDays), 1);
    });
  });

  describe('having a stressful spell', () => {
    it('should lower morning HRV and raise resting HR, keeping each marker\'s day-to-day SD in all', () => {
      const life = new DailyLife(streams(5), PARAMETERS, model, c, new EventSchedule(1), 1);
      const morning = (stress: number) => {
        const s = new AthleteState();
        s.copyFrom(start);
        s.lifeStress = stress;
        const hrv: number[] = [];
        const hr: number[] = [];
        for (let d = 0; d < 4000; d++) {
          life.morningMarkers(s);
          hr.push(life.today[0]!);
          hrv.push(life.today[1]!);
        }
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / xs.length);
        return { hr: mean(hr), hrv: mean(hrv), hrvSd: sd(hrv) };
      };
      const calm = morning(0);
      const stressed = morning(2);
      expect(stressed.hrv - calm.hrv).toBeCloseTo(2 * PARAMETERS.lifeStress.lnRmssd, 1);
      expect(stressed.hr - calm.hr).toBeCloseTo(2 * PARAMETERS.lifeStress.restingHr, 0);
      // At a fixed state, what is left is the noise: the total SD less the state's share.
      const noise = Math.sqrt(PARAMETERS.markers.lnRmssd.noiseSd ** 2 - PARAMETERS.lifeStress.lnRmssd ** 2);
      expect(calm.hrvSd).toBeCloseTo(noise, 2);
    });
  });
});
