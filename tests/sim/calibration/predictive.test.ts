import { describe, expect, it } from 'vitest';
import type { Ensemble } from '../../../src/sim/calibration/ensemble.ts';
import { resampleSets } from '../../../src/sim/calibration/draws.ts';
import { predictionOf } from '../../../src/sim/calibration/predictive.ts';

const ensembleOf = (weights: number[]): Ensemble => ({
  provenance: {} as Ensemble['provenance'],
  constants: [],
  sets: weights.map((weight) => ({ weight, discrepancy: 0, values: [] })),
});

describe('the ensemble\'s predictions', () => {
  it('should draw sets about weight × count times each, deterministically (systematic resampling)', () => {
    const chosen = resampleSets(ensembleOf([0.5, 0.25, 0, 0.25]), 8);
    expect(chosen).toEqual([0, 0, 0, 0, 1, 1, 3, 3]);
    expect(resampleSets(ensembleOf([1, 1, 1, 1]), 4)).toEqual([0, 1, 2, 3]);
  });

  it("should give the model's 90 % interval of the simulated values and the study's, and judge the published value by the study's", () => {
    const values = Array.from({ length: 101 }, (_, i) => i / 10);
    // The studies spread twice as wide: 0 … 20, their 90 % interval 1 to 19.
    const studies = Float64Array.from({ length: 201 }, (_, i) => i / 10);
    const prediction = predictionOf(values, values.map((v) => v > 5), studies, 9.7, [9.6, 12]);
    expect([prediction.low, prediction.median, prediction.high]).toEqual([0.5, 5, 9.5]);
    expect(prediction.study).toEqual([1, 19]);
    // Outside the model interval, inside the study's: a study of its size lands there often enough.
    expect(prediction.inside).toBe(true);
    expect(prediction.meetsBand).toBe(false);
    expect(predictionOf(values, [], studies, 19.5, [9.5, 12])).toMatchObject({ inside: false, meetsBand: true });
    expect(predictionOf(values, [], studies, null, [0, Number.POSITIVE_INFINITY])).toMatchObject({ inside: null, meetsBand: true });
    expect(prediction.withinShare).toBeCloseTo(50 / 101, 12);
  });
});
