import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/models/parameters.ts';
import { compileCatalogue } from '../../src/models/workouts/compile.ts';
import { WORKOUTS } from '../../src/models/workouts/catalogue.ts';
import { CALIBRATION_TARGETS } from '../../src/sim/calibration/targets.ts';
import { MultiSystemModel } from '../../src/sim/model/multi-system.ts';

/**
 * The calibration bands of issue #2, checked as statistics on 1 500 athletes per scenario with the
 * one committed parameter set (npm run calibrate shows the same at any n and seed).
 */
const context = { parameters: PARAMETERS, catalogue: compileCatalogue(WORKOUTS), model: new MultiSystemModel(PARAMETERS), size: 1500, seed: 2026 };

describe('calibration', () => {
  for (const target of CALIBRATION_TARGETS) {
    describe(`having ${target.title}`, () => {
      const checks = target.run(context);
      for (const check of checks) {
        it(`should put ${check.what} within ${check.band[0]} to ${check.band[1]} ${check.unit} (${target.source})`, () => {
          expect(check.value, `${check.value.toFixed(2)} ${check.unit}`).toBeGreaterThanOrEqual(check.band[0]);
          expect(check.value, `${check.value.toFixed(2)} ${check.unit}`).toBeLessThanOrEqual(check.band[1]);
        });
      }
    });
  }
});
