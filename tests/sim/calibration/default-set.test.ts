import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../../src/composition-root.ts';
import { PARAMETERS, UNCERTAIN_PARAMETERS } from '../../../src/models/parameters.ts';
import { ROOT } from '../../../src/root.ts';
import { discrepancyOf, type Ensemble } from '../../../src/sim/calibration/ensemble.ts';
import { ensembleMedian, readEnsemble } from '../../../src/sim/calibration/ensemble-file.ts';
import { numberAt } from '../../../src/sim/calibration/parameter-path.ts';
import { RunTrials } from '../../../src/sim/trials/run-trials.ts';

describe('the default parameter set (docs/CALIBRATION.md, The default parameter set)', () => {
  const { ensemble } = readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS);

  it("should take, for every constant marked for calibration, the committed ensemble's weighted median (npm run ensemble, then copy them)", () => {
    const medians = ensembleMedian(ensemble);
    const committed = ensemble.constants.map((constant) => numberAt(PARAMETERS, constant.path));
    expect(Object.fromEntries(ensemble.constants.map((constant, c) => [constant.path, committed[c]]))).toEqual(
      Object.fromEntries(ensemble.constants.map((constant, c) => [constant.path, medians[c]])),
    );
  });

  it("should itself be a plausible model: within the ensemble's last tolerance, measured as the ensemble measured its sets", () => {
    const folder = fileURLToPath(new URL('trials/', ROOT));
    const { distance } = discrepancyOf(createContainer(PARAMETERS).get(RunTrials), { folder, size: ensemble.provenance.athletesPerScenario, parameters: PARAMETERS });
    expect(distance).toBeLessThanOrEqual(ensemble.provenance.tolerance);
  }, 60_000);
});

describe('the weighted median of an ensemble', () => {
  const ensemble = (weights: number[], values: number[]): Ensemble => ({
    provenance: {} as Ensemble['provenance'],
    constants: [{ path: 'x', low: 0, high: 10, distribution: 'uniform' }],
    sets: weights.map((weight, i) => ({ weight, discrepancy: 0, values: [values[i]!] })),
  });

  it('should be the smallest value at which the cumulative weight reaches half, in any order of the sets', () => {
    expect(ensembleMedian(ensemble([1, 1, 1], [3, 1, 2]))).toEqual([2]);
    // Half the weight on the largest value: the cumulative weight reaches half only there.
    expect(ensembleMedian(ensemble([0.2, 0.29, 0.51], [1, 2, 3]))).toEqual([3]);
    expect(ensembleMedian(ensemble([0.25, 0.25, 0.5], [1, 2, 3]))).toEqual([2]);
  });
});
