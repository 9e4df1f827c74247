import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETERS, UNCERTAIN_PARAMETERS } from '../../src/models/parameters.ts';
import type { Ensemble } from '../../src/sim/calibration/ensemble.ts';
import { EnsembleError, leaveOutFits, readEnsemble } from '../../src/sim/calibration/ensemble-file.ts';
import type { SetTask } from '../../src/sim/global-sensitivity.ts';
import { DEFAULT_UNCERTAINTY_SETS, modelIntervalOf, parseUncertainty, runEnsembleSets } from '../../src/sim/model-uncertainty.ts';
import { powerRanges, sampleSizeRanges } from '../../src/sim/power.ts';
import type { RunSpec } from '../../src/sim/scenario/prepare.ts';
import { METRICS } from '../../src/sim/summary.ts';
import { temporaryFolder } from '../helpers.ts';

describe('--uncertainty ensemble[:M]', () => {
  it('should take ensemble (the default number of sets) or ensemble:M, M from 2', () => {
    expect(parseUncertainty('ensemble')).toEqual({ sets: DEFAULT_UNCERTAINTY_SETS });
    expect(parseUncertainty('ensemble:7')).toEqual({ sets: 7 });
    expect(parseUncertainty('ensemble:1')).toMatch(/M from 2/);
    expect(parseUncertainty('ensemble:')).toMatch(/expected ensemble or ensemble:M/);
    expect(parseUncertainty('priors')).toMatch(/expected ensemble or ensemble:M/);
  });
});

describe('a contrast over plausible parameter sets', () => {
  it('should give the median and the 5th and 95th percentiles (type 7), and the share agreeing in sign with the run', () => {
    // 1 … 21: the 5th percentile at 1 + 0.05 × 20 = 2, the 95th at 20.
    const values = Array.from({ length: 21 }, (_, i) => i + 1 - 5);
    const interval = modelIntervalOf(values, 0.5);
    expect(interval.median).toBe(6);
    expect(interval.interval90).toEqual([-3, 15]);
    // −4 … 16: 16 of the 21 above zero, 4 below, one zero (no sign).
    expect(interval.sameSign).toBeCloseTo(16 / 21, 12);
    expect(modelIntervalOf(values, -0.5).sameSign).toBeCloseTo(4 / 21, 12);
    expect(interval.sets).toBe(21);
  });

  it('should leave out sets without a value and give no share when the run has no sign', () => {
    const interval = modelIntervalOf([Number.NaN, 1, 3], 0);
    expect(interval.sets).toBe(2);
    expect(interval.median).toBe(2);
    expect(interval.sameSign).toBeNull();
    expect(modelIntervalOf([Number.NaN], 1)).toMatchObject({ sets: 0, sameSign: null });
  });
});

/** An ensemble of three sets of two constants, the middle one twice as heavy. */
function toyEnsemble(): Ensemble {
  return {
    provenance: {} as Ensemble['provenance'],
    constants: [
      { path: 'lifeStimulusMinutes', low: 10, high: 45, distribution: 'uniform' },
      { path: 'habitual.consistency', low: 0.5, high: 0.9, distribution: 'uniform' },
    ],
    sets: [
      { weight: 1, discrepancy: 0, values: [10, 0.5] },
      { weight: 2, discrepancy: 0, values: [20, 0.6] },
      { weight: 1, discrepancy: 0, values: [30, 0.7] },
    ],
  };
}

/** A scenario of two arms (one contrast per metric), as runEnsembleSets reads it. */
const SPEC = { arms: [{ id: 'a' }, { id: 'ref' }], referenceIndex: 1, contrasts: [{ arm: 0, vs: 1 }], population: { size: 10 } } as unknown as RunSpec;

describe('running the drawn sets', () => {
  it('should draw by weight, run a set drawn twice once, and give the same rows whatever the order the sets finish in', async () => {
    const seen: number[] = [];
    // A set's "contrast" is its lifeStimulusMinutes; sets finish in the reverse of their start.
    const run = (delay: boolean) => async (task: SetTask) => {
      const minutes = task.parameters.lifeStimulusMinutes;
      seen.push(minutes);
      if (delay) await new Promise((resolve) => setTimeout(resolve, 40 - minutes));
      return { values: Float64Array.from({ length: task.pairs.length * task.metrics.length }, () => minutes), athleteDays: 7 };
    };
    const request = { file: 'x.yaml', text: '', ensemble: toyEnsemble(), sha256: 'abc', sets: 4, base: structuredClone((await import('../../src/models/parameters.ts')).PARAMETERS) };
    const one = await runEnsembleSets(SPEC, request, run(false));
    const three = await runEnsembleSets(SPEC, { ...request, concurrency: 3 }, run(true));
    // Systematic resampling of 4 over weights 1:2:1: the points ⅛, ⅜, ⅝, ⅞ of the cumulative weight.
    expect(Array.from(one.values.filter((_, i) => i % METRICS.length === 0))).toEqual([10, 20, 20, 30]);
    expect(one.about).toMatchObject({ sets: 4, distinct: 3, athletesPerSet: 10, ensembleSha256: 'abc' });
    expect(one.athleteDays).toBe(21);
    expect(seen.filter((minutes) => minutes === 20)).toHaveLength(2);
    expect(three.values).toEqual(one.values);
  });
});

describe('the committed ensemble, read for a run', () => {
  it('should be refused, with the command that refits it, when a trial file has changed since the fit', () => {
    const { ensemble } = readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS);
    const folder = temporaryFolder();
    const stale = structuredClone(ensemble);
    stale.provenance.trials[0]!.contentSha256 = '0'.repeat(64);
    writeFileSync(join(folder, 'stale.json'), JSON.stringify(stale));
    expect(() => readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS, join(folder, 'stale.json'))).toThrow(/was fitted before trials\/.*\.yaml changed: npm run ensemble refits it/);
    const other = structuredClone(ensemble);
    other.constants = other.constants.slice(1);
    writeFileSync(join(folder, 'other.json'), JSON.stringify(other));
    expect(() => readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS, join(folder, 'other.json'))).toThrow(/fitted to other constants/);
    mkdirSync(join(folder, 'bad'));
    writeFileSync(join(folder, 'bad', 'e.json'), '{"provenance": {}}');
    expect(() => readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS, join(folder, 'bad', 'e.json'))).toThrow(EnsembleError);
    expect(() => readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS, join(folder, 'none.json'))).toThrow(/no calibrated ensemble there/);
    const widened = UNCERTAIN_PARAMETERS.map((prior) => (prior.path === 'lifeStimulusMinutes' ? { ...prior, high: 60 } : prior));
    expect(() => readEnsemble(widened, PARAMETERS)).toThrow(/was fitted to another prior of lifeStimulusMinutes \(10 – 45, uniform\)/);
  });

  it('should be refused when a constant it held fixed has changed, and not when a fitted one has (every set replaces it)', () => {
    const fixedChanged = structuredClone(PARAMETERS);
    fixedChanged.stimulusWindowDays += 1;
    expect(() => readEnsemble(UNCERTAIN_PARAMETERS, fixedChanged)).toThrow(/was fitted with other values of the constants it holds fixed/);
    const fittedChanged = structuredClone(PARAMETERS);
    fittedChanged.lifeStimulusMinutes += 1;
    expect(() => readEnsemble(UNCERTAIN_PARAMETERS, fittedChanged)).not.toThrow();
  });
});

describe('power over plausible parameter sets', () => {
  it("should give each row's difference and power at their 5th, 50th and 95th percentiles over the sets", () => {
    const perSet = [0, 1, 2, 3, 4].map((s) => [{ arm: 'a', vs: 'b', metric: 'vo2maxPct' as const, difference: s, differenceMcse: 0.1, dropout: 0, sesoi: 1, power: [s / 10, 1 - s / 10], equivalence: [s / 20, 0] }]);
    const [range] = powerRanges(perSet);
    expect(range!.difference).toEqual([0.2, 2, 3.8]);
    expect(range!.equivalence![0]![1]).toBeCloseTo(0.1, 12);
    expect(range!.power[0]![1]).toBeCloseTo(0.2, 12);
    expect(range!.power[1]![0]).toBeCloseTo(0.62, 12);
    expect(range!.power[1]![2]).toBeCloseTo(0.98, 12);
  });
});

describe('sample sizes over plausible parameter sets', () => {
  it('should give the percentiles of the n found, a set that never reaches the target counting as the largest', () => {
    const size = (n: number | null) => ({ n, power: 0.8, mcse: 0.01 });
    const perSet = [10, 20, 30, 40, null].map((n) => [{ arm: 'a', vs: 'b', metric: 'vo2maxPct' as const, difference: 1, differenceMcse: 0.1, dropout: 0, sesoi: null, found: { difference: size(n), equivalence: null } }]);
    const [range] = sampleSizeRanges(perSet);
    expect(range!.n.difference[0]).toBeCloseTo(12, 12);
    expect(range!.n.difference[1]).toBe(30);
    expect(range!.n.difference[2]).toBe(Number.POSITIVE_INFINITY);
    expect(range!.n.equivalence).toBeNull();
  });
});

describe('the committed leave-one-study-out fits (ensemble/leave-out/)', () => {
  it('should each read as fresh for today\'s model, and say which study it left out', () => {
    const folder = new URL('../../ensemble/leave-out/', import.meta.url).pathname;
    const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const { ensemble } = readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS, join(folder, name));
      expect(ensemble.provenance.leftOut, name).toEqual([`trials/${name.replace(/\.json$/, '.yaml')}`]);
      expect(ensemble.provenance.trials.map((trial) => trial.file)).not.toContain(`trials/${name.replace(/\.json$/, '.yaml')}`);
      expect(ensemble.sets.length).toBeGreaterThanOrEqual(100);
    }
  });
});

describe('the leave-one-study-out fits a trials run uses (leaveOutFits)', () => {
  const committed = new URL('../../ensemble/leave-out/helgerud-2007.json', import.meta.url).pathname;
  it('should read the fit of each trial named that has one, in their order, and pass over those without', () => {
    const folder = temporaryFolder();
    copyFileSync(committed, join(folder, 'helgerud-2007.json'));
    const fits = leaveOutFits(UNCERTAIN_PARAMETERS, PARAMETERS, ['busso-2003', 'helgerud-2007'], folder);
    expect(fits.map((fit) => [fit.trial, fit.stale])).toEqual([['helgerud-2007', null]]);
    expect(fits[0]!.ensemble!.provenance.leftOut).toEqual(['trials/helgerud-2007.yaml']);
  });

  it("should report a fit of another model, or of another study left out, as not usable, with the command that refits it", () => {
    const folder = temporaryFolder();
    const ensemble = JSON.parse(readFileSync(committed, 'utf8')) as Ensemble;
    writeFileSync(join(folder, 'helgerud-2007.json'), JSON.stringify({ ...ensemble, provenance: { ...ensemble.provenance, fixedParametersSha256: '0'.repeat(64) } }));
    // A fit that left another file out, filed under this study's name.
    const other = ensemble.provenance.trials.find((trial) => trial.file === 'trials/busso-2003.yaml')!;
    const swapped = { ...ensemble.provenance, trials: [...ensemble.provenance.trials.filter((trial) => trial !== other), { file: 'trials/helgerud-2007.yaml', contentSha256: '' }], leftOut: ['trials/busso-2003.yaml'] };
    writeFileSync(join(folder, 'mujika-1996.json'), JSON.stringify({ ...ensemble, provenance: swapped }));
    writeFileSync(join(folder, 'craven-2022.json'), '{ not json');
    mkdirSync(join(folder, 'treff-2017.json'));
    const fits = leaveOutFits(UNCERTAIN_PARAMETERS, PARAMETERS, ['helgerud-2007', 'mujika-1996', 'craven-2022', 'treff-2017'], folder);
    expect(fits.map((fit) => fit.ensemble)).toEqual([null, null, null, null]);
    expect(fits[2]!.stale).toMatch(/craven-2022\.json: not JSON .*: npm run ensemble -- --leave-out craven-2022 refits it$/);
    expect(fits[3]!.stale).toMatch(/treff-2017\.json: .*: npm run ensemble -- --leave-out treff-2017 refits it$/);
    expect(fits[0]!.stale).toMatch(/helgerud-2007\.json was fitted with other values of the constants it holds fixed .*: npm run ensemble -- --leave-out helgerud-2007 refits it$/);
    expect(fits[1]!.stale).toMatch(/mujika-1996\.json was fitted before trials\/helgerud-2007\.yaml changed: npm run ensemble -- --leave-out mujika-1996 refits it$/);
  });
});
