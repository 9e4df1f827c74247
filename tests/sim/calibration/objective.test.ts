import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../../src/models/trials/schema.ts';
import { calibrationObjective, outsideInWidths } from '../../../src/sim/calibration/objective.ts';
import type { OutcomeResult } from '../../../src/sim/trials/run.ts';

function outcome(simulated: number, band: [number, number], more: Partial<OutcomeResult> = {}, expectation: Partial<Expectation> = {}): OutcomeResult {
  return {
    expectation: { outcome: 'x', arm: 'a', metric: 'timeTrialPct', published: { mean: 0, unit: '%' }, tolerance: 'band', band, why: 'x', role: 'calibration', ...expectation },
    simulated,
    ci95: null,
    band,
    within: simulated >= band[0] && simulated <= band[1],
    power: null,
    ...more,
  };
}

describe(outsideInWidths, () => {
  it('should be 0 within the band and the distance in band widths outside it', () => {
    expect(outsideInWidths(outcome(4, [3, 6]))).toBe(0);
    expect(outsideInWidths(outcome(6.6, [3, 6]))).toBeCloseTo(0.2, 12);
    expect(outsideInWidths(outcome(1.5, [3, 6]))).toBeCloseTo(0.5, 12);
  });

  describe('having a finding of direction', () => {
    const higher = { tolerance: 'direction', direction: 'higher' } as const;

    it('should be 0 when the whole 95 % CI is on its side', () => {
      expect(outsideInWidths(outcome(1, [0, Infinity], { ci95: [0.5, 1.5] }, higher))).toBe(0);
    });

    // CI [−0.2, 0.8]: its lower end 0.2 past zero, a fifth of the CI's width of 1.
    it("should be how far the CI reaches past zero, in the CI's widths", () => {
      expect(outsideInWidths(outcome(0.3, [0, Infinity], { ci95: [-0.2, 0.8] }, higher))).toBeCloseTo(0.2, 12);
      expect(outsideInWidths(outcome(-0.3, [-Infinity, 0], { ci95: [-0.8, 0.2] }, { tolerance: 'direction', direction: 'lower' }))).toBeCloseTo(0.2, 12);
    });
  });
});

describe(calibrationObjective, () => {
  // (0.2)² + 0 + (0.5)² = 0.29.
  it('should sum the squares', () => {
    expect(calibrationObjective([outcome(6.6, [3, 6]), outcome(4, [3, 6]), outcome(1.5, [3, 6])])).toBeCloseTo(0.29, 12);
  });
});
