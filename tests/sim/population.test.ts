import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/models/parameters.ts';
import { raceMinutesAt } from '../../src/models/physiology/race.ts';
import { Population } from '../../src/models/scenario/schema.ts';
import { AthleteTraits, planPopulation, sampleAthlete } from '../../src/sim/population.ts';
import { openStream } from '../../src/sim/rng.ts';

const sample = (population: unknown, index: number): AthleteTraits =>
  sampleAthlete(planPopulation(Population.parse(population), PARAMETERS), index, openStream(3, index, 'traits'), PARAMETERS, new AthleteTraits());

const OBSERVABLE = ['age', 'bodyMass', 'vo2max', 'lt1Fraction', 'lt2Fraction', 'economy', 'weeklyHours', 'restingHr', 'lnRmssd', 'sleepHours', 'trainingYears'] as const;

describe(sampleAthlete, () => {
  describe('having 2 000 athletes of every level', () => {
    it('should keep every observable trait within its limits and LT1 below LT2', () => {
      for (const level of ['untrained', 'recreational', 'trained', 'well-trained', 'elite'] as const) {
        for (let i = 0; i < 2000; i++) {
          const athlete = sample({ size: 2000, level }, i);
          for (const trait of OBSERVABLE) {
            const { min, max } = PARAMETERS.traitLimits[trait];
            expect(athlete[trait], `${level} ${trait}`).toBeGreaterThanOrEqual(min);
            expect(athlete[trait], `${level} ${trait}`).toBeLessThanOrEqual(max);
          }
          expect(athlete.lt2Fraction - athlete.lt1Fraction).toBeGreaterThanOrEqual(PARAMETERS.trainability.minThresholdGap - 1e-12);
          const fatigue = PARAMETERS.fatigue.timeConstantDays;
          expect(athlete.fatigueTimeConstant).toBeGreaterThanOrEqual(fatigue.min);
          expect(athlete.fatigueTimeConstant).toBeLessThanOrEqual(fatigue.max);
        }
      }
    });
  });

  describe('having 20 000 elite athletes', () => {
    it('should draw nobody faster than the fastest: vVO2max within vVO2maxLimit, and no 10 km under the record', () => {
      let fastest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 20_000; i++) {
        const athlete = sample({ size: 20_000, level: 'elite' }, i);
        const top = (athlete.vo2max / athlete.economy) * 60;
        expect(top).toBeLessThanOrEqual(PARAMETERS.vVO2maxLimit.max + 1e-9);
        fastest = Math.min(fastest, raceMinutesAt(10, top, athlete.lt1Fraction, athlete.lt2Fraction, PARAMETERS.race, 0));
      }
      expect(fastest).toBeGreaterThanOrEqual(PARAMETERS.tenKmRecordMinutes - 1e-6);
      // Not vacuous: some are drawn close to it.
      expect(fastest).toBeLessThan(PARAMETERS.tenKmRecordMinutes + 1);
    });
  });

  describe('having a named athlete with some traits given', () => {
    it('should keep the given traits and draw the uncorrelated others exactly as if none were given', () => {
      const free = sample({ athletes: [{ id: 'maria', level: 'recreational' }] }, 7);
      const fixed = sample({ athletes: [{ id: 'maria', level: 'recreational', vo2max: 52, weeklyHours: 6, sex: 'female' }] }, 7);
      expect(fixed.vo2max).toBe(52);
      expect(fixed.weeklyHours).toBe(6);
      expect(fixed.female).toBe(true);
      for (const trait of ['age', 'restingHr', 'lnRmssd', 'sleepHours', 'responsivenessCentral', 'fatigueTimeConstant'] as const) {
        expect(fixed[trait], trait).toBe(free[trait]);
      }
    });

    it('should draw what is correlated with a given trait given it: a fitter runner is drawn with more hours and years', () => {
      const mean = (vo2max: number, trait: 'weeklyHours' | 'trainingYears') => {
        let sum = 0;
        for (let i = 0; i < 2000; i++) sum += sample({ athletes: [{ id: 'x', level: 'recreational', sex: 'male', vo2max }], replicates: 2000 }, i)[trait];
        return sum / 2000;
      };
      expect(mean(60, 'weeklyHours')).toBeGreaterThan(mean(40, 'weeklyHours') + 0.5);
      expect(mean(60, 'trainingYears')).toBeGreaterThan(mean(40, 'trainingYears'));
    });
  });

  describe('having 4 000 athletes of one level', () => {
    it('should correlate VO2max with weekly hours and training years as PARAMETERS.traitCorrelations says', () => {
      const athletes = Array.from({ length: 4000 }, (_, i) => sample({ size: 4000, level: 'trained', traits: { femaleShare: 0 } }, i));
      const correlation = (a: (t: AthleteTraits) => number, b: (t: AthleteTraits) => number) => {
        const xs = athletes.map(a);
        const ys = athletes.map(b);
        const mx = xs.reduce((p, q) => p + q, 0) / xs.length;
        const my = ys.reduce((p, q) => p + q, 0) / ys.length;
        let sxy = 0;
        let sxx = 0;
        let syy = 0;
        xs.forEach((x, i) => {
          sxy += (x - mx) * (ys[i]! - my);
          sxx += (x - mx) ** 2;
          syy += (ys[i]! - my) ** 2;
        });
        return sxy / Math.sqrt(sxx * syy);
      };
      const r = PARAMETERS.traitCorrelations;
      // Clamping at the trait limits and ± 3 SD shaves a little off; 4 000 athletes: SE ≈ 0.015.
      expect(correlation((t) => t.vo2max, (t) => t.weeklyHours)).toBeCloseTo(r.vo2maxWeeklyHours, 1);
      expect(correlation((t) => t.vo2max, (t) => t.trainingYears)).toBeCloseTo(r.vo2maxTrainingYears, 1);
      expect(correlation((t) => t.weeklyHours, (t) => t.trainingYears)).toBeCloseTo(r.weeklyHoursTrainingYears, 1);
    });

    it('should draw responsiveness from one distribution whatever the level (median 1)', () => {
      for (const level of ['untrained', 'elite'] as const) {
        const values = Array.from({ length: 2001 }, (_, i) => sample({ size: 2001, level }, i).responsivenessCentral).sort((a, b) => a - b);
        expect(values[1000]!, level).toBeGreaterThan(0.93);
        expect(values[1000]!, level).toBeLessThan(1.07);
      }
    });

    it('should never rewrite a given LT1: a drawn LT2 gives way to it instead', () => {
      for (let i = 0; i < 200; i++) {
        const athlete = sample({ athletes: [{ id: 'high-lt1', level: 'recreational', lt1Fraction: 0.84 }] }, i);
        expect(athlete.lt1Fraction).toBe(0.84);
        expect(athlete.lt2Fraction).toBeGreaterThanOrEqual(0.84 + PARAMETERS.trainability.minThresholdGap - 1e-12);
      }
    });
  });
});
