import { injectable, inject } from 'inversify';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import type { Parameters } from '../../src/models/parameters.ts';
import { ADAPTATION_MODEL, type AdaptationModel, type HabitualWeek } from '../../src/sim/model/adaptation-model.ts';
import { MultiSystemModel } from '../../src/sim/model/multi-system.ts';
import type { AthleteConstants, AthleteState } from '../../src/sim/model/state.ts';
import type { AthleteTraits } from '../../src/sim/population.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import type { Summary } from '../../src/sim/summary.ts';
import { PARAMETER_SET } from '../../src/sim/tokens.ts';
import { read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

/**
 * A researcher's own model, as one would write it: the built-in physiology with training that
 * changes nothing — no adaptation, no fatigue — a null hypothesis to run a trial against. Its
 * constructor takes its parameters by token, as every bound class does.
 */
@injectable()
class TrainingDoesNothing implements AdaptationModel {
  readonly name = 'training-does-nothing';
  private readonly physiology: MultiSystemModel;

  constructor(@inject(PARAMETER_SET) parameters: Parameters) {
    this.physiology = new MultiSystemModel(parameters);
  }

  initialize(traits: AthleteTraits, habitual: HabitualWeek, constants: AthleteConstants, state: AthleteState): void {
    this.physiology.initialize(traits, habitual, constants, state);
  }

  sleep(constants: AthleteConstants, state: AthleteState): void {
    this.physiology.sleep(constants, state);
  }

  train(): void {}

  refreshPhysiology(): void {}

  strain(constants: AthleteConstants, state: AthleteState): number {
    return this.physiology.strain(constants, state);
  }

  readiness(constants: AthleteConstants, state: AthleteState): number {
    return this.physiology.readiness(constants, state);
  }

  fatigueLoss(constants: AthleteConstants, state: AthleteState): number {
    return this.physiology.fatigueLoss(constants, state);
  }
}

/** The small scenario run on `container`'s parts; its summary and the model its manifest names. */
function runOn(container: ReturnType<typeof createContainer>): { summary: Summary; model: string } {
  const folder = temporaryFolder();
  const out = join(folder, 'out');
  const { summary } = container.get(RunScenario).run({ scenario: writeScenario(folder, 'small.yaml', smallScenario({ size: 100, weeks: 8, daily: false })), outDir: out, command: 'x' });
  return { summary: summary!, model: (JSON.parse(read(join(out, 'manifest.json'))) as { model: string }).model };
}

describe(createContainer, () => {
  describe("having a researcher's own adaptation model bound in place of the built-in one", () => {
    let own: { summary: Summary; model: string };
    let builtIn: { summary: Summary; model: string };

    beforeAll(() => {
      const container = createContainer();
      container.rebind(ADAPTATION_MODEL).to(TrainingDoesNothing).inSingletonScope();
      own = runOn(container);
      builtIn = runOn(createContainer());
    });

    it('should run the scenario on it: the manifest names it', () => {
      expect(own.model).toBe('training-does-nothing');
      expect(builtIn.model).toBe('multi-system');
    });

    it("should show its physiology in the results: eight weeks' training raise no arm's VO2max, where the built-in model raises every arm's", () => {
      const gains = (summary: Summary) => summary.arms.map((arm) => arm.metrics.vo2maxPct!.mean);
      const [ownGains, builtInGains] = [gains(own.summary), gains(builtIn.summary)];
      expect(ownGains).toHaveLength(2);
      builtInGains.forEach((gain, arm) => {
        // The built-in model's gain is clearly above the own model's: their 95 % CIs do not overlap.
        expect(builtIn.summary.arms[arm]!.metrics.vo2maxPct!.ci95![0]).toBeGreaterThan(own.summary.arms[arm]!.metrics.vo2maxPct!.ci95![1]);
        expect(gain).toBeGreaterThan(0);
        // Only the tests' measurement error is left on the own model: a mean within a point of zero.
        expect(Math.abs(ownGains[arm]!)).toBeLessThan(1);
      });
    });
  });
});
