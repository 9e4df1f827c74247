import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { Scenario } from '../../src/models/scenario/schema.ts';
import { raceTime } from '../../src/models/text/clock.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import { prepareScenario } from '../../src/sim/scenario/prepare.ts';
import { CATALOGUE, PARAMETER_SET } from '../../src/sim/tokens.ts';

const container = createContainer();

function summaryOf(input: Record<string, unknown>) {
  const prepared = prepareScenario(Scenario.parse({ name: 'tests', seed: 8, ...input }), container.get(CATALOGUE), container.get(PARAMETER_SET));
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  return container.get(ScenarioRunner).run(prepared.spec).summary;
}

/** Three hard weeks at 1.5× the usual volume, the last one right before the tests. */
const OVERLOAD = { population: { size: 150, level: 'trained' }, weeks: 3, arms: [{ id: 'hard', design: { extends: 'pyramidal', weeklyHours: { relative: 1.5 }, progression: 0, loading: { pattern: '3:1' } } }] };

describe('tests as a trial runs them', () => {
  describe('having a block that ends on hard weeks and tests the next morning', () => {
    it('should warn that the final tests meet unabsorbed fatigue, and say what to do', () => {
      const arm = summaryOf({ ...OVERLOAD, tests: { preTestDays: 0 } }).arms[0]!;
      expect(arm.finalFatigueLoss).toBeGreaterThan(PARAMETERS_FATIGUE_WARNING);
      expect(arm.warnings.join('\n')).toMatch(/the final tests meet unabsorbed fatigue: [\d.]+ % .* \(tests: \{ preTestDays \}\)/);
    });
  });

  describe('having the same block with the standard easy days before the tests', () => {
    it('should test a fresher athlete: less fatigue, a faster 10 km, no warning', () => {
      const tired = summaryOf({ ...OVERLOAD, tests: { preTestDays: 0 } }).arms[0]!;
      const rested = summaryOf({ ...OVERLOAD, tests: { preTestDays: 5 } }).arms[0]!;
      expect(rested.finalFatigueLoss).toBeLessThan(tired.finalFatigueLoss);
      expect(rested.metrics.timeTrialPct.mean).toBeGreaterThan(tired.metrics.timeTrialPct.mean);
      expect(rested.warnings.filter((w) => w.includes('unabsorbed fatigue'))).toEqual([]);
    });
  });

  describe('having a race time', () => {
    it('should report the 10-km time trial as times, consistent with its % change', () => {
      const arm = summaryOf({ population: { size: 100, level: 'recreational' }, weeks: 6, arms: [{ id: 'p', design: 'polarized' }] }).arms[0]!;
      const race = arm.raceTime!;
      expect(race.distanceKm).toBe(10);
      expect(race.beforeMinutes).toBeGreaterThan(30);
      expect(race.beforeMinutes).toBeLessThan(90);
      // Faster on average when the mean change is positive (the means of times and of % changes differ a little).
      expect(Math.sign(race.beforeMinutes - race.afterMinutes)).toBe(Math.sign(arm.metrics.timeTrialPct.mean));
      expect(race.n).toBe(arm.metrics.timeTrialPct.n);
    });

    it('should print minutes as a race time, mm:ss or h:mm:ss', () => {
      expect(raceTime(48.5)).toBe('48:30');
      expect(raceTime(62.0833)).toBe('1:02:05');
      expect(raceTime(Number.NaN)).toBe('—');
    });
  });
});

const PARAMETERS_FATIGUE_WARNING = container.get(PARAMETER_SET).tests.fatigueWarningLoss;
