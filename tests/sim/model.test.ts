import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/models/parameters.ts';
import { Scenario } from '../../src/models/scenario/schema.ts';
import { compileCatalogue } from '../../src/models/workouts/compile.ts';
import { WORKOUTS } from '../../src/models/workouts/catalogue.ts';
import { fatigueLoss, MultiSystemModel } from '../../src/sim/model/multi-system.ts';
import { HabitualWeek } from '../../src/sim/model/adaptation-model.ts';
import { AthleteConstants, AthleteState, setDone } from '../../src/sim/model/state.ts';
import { AthleteTraits } from '../../src/sim/population.ts';
import { ARM_COUNT, AthleteResults, TEST, TEST_COUNT } from '../../src/sim/results.ts';
import { prepareScenario } from '../../src/sim/scenario/prepare.ts';
import { Simulator, type DaySink } from '../../src/sim/simulator.ts';
import { openStream } from '../../src/sim/rng.ts';
import { DailyLife } from '../../src/sim/daily-life.ts';
import { EventSchedule } from '../../src/sim/events.ts';

const catalogue = compileCatalogue(WORKOUTS);
const model = new MultiSystemModel(PARAMETERS);

function spec(input: Record<string, unknown>) {
  const prepared = prepareScenario(Scenario.parse({ name: 'model test', seed: 21, ...input }), catalogue, PARAMETERS);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  return prepared.spec;
}

function meanTrueChange(input: Record<string, unknown>, test: number, arm = 0): number {
  const run = spec(input);
  const simulator = new Simulator(run, PARAMETERS, model, catalogue);
  const results = new AthleteResults(run.arms.length);
  let sum = 0;
  for (let i = 0; i < run.population.size; i++) {
    simulator.runAthlete(i, results, null);
    sum += results.changePct(arm, test, true);
  }
  return sum / run.population.size;
}

function traits(overrides: Partial<AthleteTraits> = {}): AthleteTraits {
  return Object.assign(new AthleteTraits(), {
    vo2max: 50, lt1Fraction: 0.65, lt2Fraction: 0.8, economy: 205, weeklyHours: 5, restingHr: 55, lnRmssd: 4,
    sleepHours: 7.2, sleepNeed: 7.6, responsivenessCentral: 1, responsivenessPeripheral: 1, responsivenessBase: 1,
    vo2maxCeilingGain: 0.5, economyCeilingGain: 0.08, fatigueTimeConstant: 7,
  }, overrides);
}

/** A plain habitual week: 40 easy minutes a day, one day with 16 min above LT2. */
function week(): HabitualWeek {
  return HabitualWeek.of([40, 40, 0, 40, 40, 60, 0], new Float64Array(7), [0, 16, 0, 0, 0, 0, 0], [30, 80, 0, 30, 30, 45, 0]);
}

describe('MultiSystemModel', () => {
  describe('having an athlete initialised from a habitual week', () => {
    it('should reproduce the athlete\'s observed VO2max, threshold fractions and economy', () => {
      const c = new AthleteConstants();
      const s = new AthleteState();
      model.initialize(traits(), week(), c, s);
      expect(s.vo2max).toBeCloseTo(50, 9);
      expect(s.lt2Fraction).toBeCloseTo(0.8, 9);
      expect(s.lt1Fraction).toBeCloseTo(0.65, 9);
      expect(s.economy).toBeCloseTo(205, 9);
    });

    it('should stay where it is when the reported week is lived at its year-round average (habitual.consistency) for a year, life as usual (nights, colds, stress)', () => {
      const c = new AthleteConstants();
      const s = new AthleteState();
      const habitual = week();
      const { z1, z3, cost } = habitual;
      const scale = PARAMETERS.habitual.consistency;
      model.initialize(traits(), habitual, c, s);
      const stream = (purpose: 'sleep' | 'illness' | 'markers' | 'rpe' | 'wear' | 'injury' | 'stress') => openStream(1, 0, purpose);
      const streams = { sleep: stream('sleep'), illness: stream('illness'), markers: stream('markers'), rpe: stream('rpe'), wear: stream('wear'), injury: stream('injury'), stress: stream('stress') };
      // Mean over 40 athletes' lives: one athlete's colds and stressful spells would move them by chance.
      let vo2max = 0;
      let lt2 = 0;
      for (let athlete = 0; athlete < 40; athlete++) {
        for (const r of Object.values(streams)) r.reseed(Int32Array.from([athlete + 1, 7, 11, 13]));
        const life = new DailyLife(streams, PARAMETERS, model, c, new EventSchedule(53), 1);
        const day = new AthleteState();
        day.copyFrom(s);
        life.startStress(day);
        for (let d = 0; d < 364; d++) {
          life.stressDay(day);
          life.night(day, 0);
          const ill = life.checkIllness(day, 0);
          if (ill) setDone(day, 0, 0, 0, 0);
          else setDone(day, z1[d % 7]! * scale, 0, z3[d % 7]! * scale, cost[d % 7]! * scale);
          model.train(c, day);
        }
        model.refreshPhysiology(c, day);
        vo2max += day.vo2max / 40;
        lt2 += day.lt2Fraction / 40;
      }
      expect(Math.abs(vo2max / 50 - 1)).toBeLessThan(0.005);
      expect(Math.abs(lt2 / 0.8 - 1)).toBeLessThan(0.005);
    });
  });

  describe('having a very strong responder', () => {
    it('should keep every pool between untrained (0) and the ceiling (1)', () => {
      const c = new AthleteConstants();
      const s = new AthleteState();
      model.initialize(traits({ responsivenessCentral: 500, responsivenessPeripheral: 500, responsivenessBase: 500 }), week(), c, s);
      for (let day = 0; day < 200; day++) {
        s.sleptHours = 8;
        model.sleep(c, s);
        setDone(s, 90, 30, 40, 300);
        model.train(c, s);
        for (const level of [s.central, s.peripheral, s.base]) {
          expect(level).toBeGreaterThanOrEqual(0);
          expect(level).toBeLessThanOrEqual(1);
        }
      }
    });
  });

  describe('readiness', () => {
    it('should lose performancePerStrain × strain² and nothing for a normal night', () => {
      const c = new AthleteConstants();
      const s = new AthleteState();
      model.initialize(traits(), week(), c, s);
      s.strain = 1;
      s.lastNightDeficit = c.habitualSleepDeficit;
      s.sleepDebt = c.baselineSleepDebt;
      const { performancePerStrain, maxPerformanceLoss } = PARAMETERS.fatigue;
      expect(model.readiness(c, s)).toBeCloseTo(1 - fatigueLoss(performancePerStrain, maxPerformanceLoss, 1), 12);
      // Small strains lose about performancePerStrain × strain².
      expect(Math.abs(1 - model.readiness(c, s) - performancePerStrain)).toBeLessThan(0.1 * performancePerStrain);
      s.strain = 2;
      expect(model.readiness(c, s)).toBeCloseTo(1 - fatigueLoss(performancePerStrain, maxPerformanceLoss, 2), 12);
    });

    it('should never lose more than maxPerformanceLoss to fatigue, however deep (a 10-km time cannot double)', () => {
      const c = new AthleteConstants();
      const s = new AthleteState();
      model.initialize(traits(), week(), c, s);
      s.lastNightDeficit = c.habitualSleepDeficit;
      s.sleepDebt = c.baselineSleepDebt;
      let previous = 1;
      for (const strain of [1, 2, 4]) {
        s.strain = strain;
        const readiness = model.readiness(c, s);
        expect(readiness).toBeLessThan(previous);
        previous = readiness;
      }
      s.strain = 100;
      expect(model.readiness(c, s)).toBeGreaterThanOrEqual(1 - PARAMETERS.fatigue.maxPerformanceLoss - 1e-12);
    });

    it('should lose performancePerHourDeficit for each hour slept under the usual', () => {
      const c = new AthleteConstants();
      const s = new AthleteState();
      model.initialize(traits(), week(), c, s);
      s.strain = 1;
      s.sleepDebt = c.baselineSleepDebt;
      s.lastNightDeficit = c.habitualSleepDeficit;
      const rested = model.readiness(c, s);
      s.lastNightDeficit = c.habitualSleepDeficit + 2;
      expect(model.readiness(c, s)).toBeCloseTo(rested - 2 * PARAMETERS.sleep.performancePerHourDeficit, 12);
    });
  });
});

describe('the simulated athlete', () => {
  describe('having stopped training for 8 weeks', () => {
    it('should lose VO2max (detraining), several per cent for trained runners', () => {
      const change = meanTrueChange({ population: { size: 150, level: 'trained' }, weeks: 8, arms: [{ id: 'rest', design: { distribution: { z1: 1, z2: 0, z3: 0 }, weeklyHours: 0.001 } }] }, TEST.vo2max);
      expect(change).toBeLessThan(-2);
      expect(change).toBeGreaterThan(-15);
    });
  });

  describe('having a fortnight of 5-hour nights', () => {
    it('should show it in the markers: resting HR up, lnRMSSD down, sleep down', () => {
      const run = spec({
        population: { size: 60, level: 'recreational' },
        weeks: 4,
        arms: [{ id: 'a', design: 'pyramidal' }],
        events: [{ type: 'sleep-restriction', fromWeek: 2, weeks: 2, hours: 5 }],
      });
      const sums = { normal: [0, 0, 0, 0], short: [0, 0, 0, 0] };
      const sink: DaySink = {
        day({ day, restingHr, lnRmssd, sleepHours }) {
          const bucket = day >= 9 && day <= 21 ? sums.short : day <= 7 ? sums.normal : null;
          // Mornings without the watch have no readings (PARAMETERS.markers.wornShare).
          if (bucket === null || Number.isNaN(restingHr)) return;
          bucket[0]! += restingHr;
          bucket[1]! += lnRmssd;
          bucket[2]! += sleepHours;
          bucket[3]! += 1;
        },
      };
      const simulator = new Simulator(run, PARAMETERS, model, catalogue);
      const results = new AthleteResults(1);
      for (let i = 0; i < run.population.size; i++) simulator.runAthlete(i, results, sink);
      const mean = (bucket: number[], k: number) => bucket[k]! / bucket[3]!;
      expect(mean(sums.short, 0) - mean(sums.normal, 0)).toBeGreaterThan(1);
      expect(mean(sums.short, 1) - mean(sums.normal, 1)).toBeLessThan(-0.1);
      expect(mean(sums.short, 2)).toBeCloseTo(5, 0);
    });
  });

  describe('having an illness', () => {
    it('should train not at all on ill days and miss the sessions', () => {
      const run = spec({ population: { size: 20, level: 'recreational' }, weeks: 3, arms: [{ id: 'a', design: 'polarized' }], events: [{ type: 'illness', fromWeek: 2, days: 5 }] });
      const simulator = new Simulator(run, PARAMETERS, model, catalogue);
      const results = new AthleteResults(1);
      let illMinutes = 0;
      let illDays = 0;
      for (let i = 0; i < run.population.size; i++) {
        simulator.runAthlete(i, results, {
          day({ z1Minutes, z2Minutes, z3Minutes, ill }) {
            if (ill) {
              illDays++;
              illMinutes += z1Minutes + z2Minutes + z3Minutes;
            }
          },
        });
      }
      expect(illDays).toBeGreaterThanOrEqual(20 * 5);
      expect(illMinutes).toBe(0);
    });
  });

  describe('having every arm of a scenario', () => {
    it('should replay the same life in every arm (common random numbers): two arms of one design end the same', () => {
      const run = spec({ population: { size: 30, level: 'trained' }, weeks: 2, arms: [{ id: 'a', design: 'polarized' }, { id: 'b', design: 'polarized' }] });
      const simulator = new Simulator(run, PARAMETERS, model, catalogue);
      const results = new AthleteResults(2);
      for (let i = 0; i < 30; i++) {
        simulator.runAthlete(i, results, null);
        // True (noise-free) final tests and every per-arm total; measured tests differ on purpose
        // (each arm's final tests are their own occasion).
        expect(Array.from(results.finalTrue.subarray(TEST_COUNT, 2 * TEST_COUNT))).toEqual(Array.from(results.finalTrue.subarray(0, TEST_COUNT)));
        expect(Array.from(results.arm.subarray(ARM_COUNT, 2 * ARM_COUNT))).toEqual(Array.from(results.arm.subarray(0, ARM_COUNT)));
      }
    });

    it('should give two arms of one design the same days, from the first night on', () => {
      const run = spec({ population: { size: 12, level: 'recreational' }, weeks: 3, arms: [{ id: 'a', design: 'pyramidal' }, { id: 'b', design: 'pyramidal' }] });
      const simulator = new Simulator(run, PARAMETERS, model, catalogue);
      const rows: string[][] = [[], []];
      const sink: DaySink = {
        day(row) {
          const { traits, day, z1Minutes, z2Minutes, z3Minutes, sessionRpeLoad, restingHr, lnRmssd, sleepHours, sessionRpe, ill } = row;
          rows[row.arm]!.push([traits.index, day, z1Minutes, z2Minutes, z3Minutes, sessionRpeLoad, restingHr, lnRmssd, sleepHours, sessionRpe, ill].join(','));
        },
      };
      const results = new AthleteResults(2);
      for (let i = 0; i < 12; i++) simulator.runAthlete(i, results, sink);
      expect(rows[1]).toEqual(rows[0]);
      expect(rows[0]!.length).toBe(12 * (21 + 3));
    });
  });

  describe('having a day sink', () => {
    it('should hand it one row, overwritten every day (nothing allocated per day), with the athlete in it', () => {
      const run = spec({ population: { size: 3, level: 'recreational' }, weeks: 2, arms: [{ id: 'a', design: 'polarized' }, { id: 'b', design: 'pyramidal' }] });
      const simulator = new Simulator(run, PARAMETERS, model, catalogue);
      const rows = new Set<object>();
      const seen: string[] = [];
      const results = new AthleteResults(2);
      for (let i = 0; i < 3; i++) {
        simulator.runAthlete(i, results, {
          day(row) {
            rows.add(row);
            seen.push(`${row.traits.index}/${row.arm}/${row.day}`);
          },
        });
      }
      expect(rows.size).toBe(1);
      // 3 athletes × 2 arms × (14 days and the 3 pre-test days), each day once, in order.
      expect(seen).toHaveLength(3 * 2 * 17);
      expect(seen.slice(0, 2)).toEqual(['0/0/1', '0/0/2']);
      expect(seen.at(-1)).toBe('2/1/17');
    });
  });
});
