import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/models/parameters.ts';
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

  describe('having a named athlete with some traits given', () => {
    it('should keep the given traits and draw the others exactly as if none were given', () => {
      const free = sample({ athletes: [{ id: 'maria', level: 'recreational' }] }, 7);
      const fixed = sample({ athletes: [{ id: 'maria', level: 'recreational', vo2max: 52, weeklyHours: 6, sex: 'female' }] }, 7);
      expect(fixed.vo2max).toBe(52);
      expect(fixed.weeklyHours).toBe(6);
      expect(fixed.female).toBe(true);
      for (const trait of ['age', 'economy', 'restingHr', 'lnRmssd', 'sleepHours', 'responsivenessCentral', 'fatigueTimeConstant'] as const) {
        expect(fixed[trait], trait).toBe(free[trait]);
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
