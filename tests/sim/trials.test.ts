import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import type { Expectation } from '../../src/models/trials/schema.ts';
import { InputError } from '../../src/models/input/located.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import { ScenarioLoader } from '../../src/sim/scenario/loader.ts';
import { loadTrial } from '../../src/sim/trials/load.ts';
import { bandOf, type TrialResult } from '../../src/sim/trials/run.ts';
import { RunTrials } from '../../src/sim/trials/run-trials.ts';
import { cli, temporaryFolder, writeScenario } from '../helpers.ts';

const TRIALS = new URL('../../trials/', import.meta.url).pathname;

function expectation(overrides: Partial<Expectation>): Expectation {
  return { outcome: 'x', arm: 'a', metric: 'timeTrialPct', published: { mean: 8, sd: 2, unit: '%' }, tolerance: 'sd', role: 'validation', ...overrides };
}

describe(bandOf, () => {
  it('should give mean ± SD for tolerance sd', () => {
    expect(bandOf(expectation({}))).toEqual([6, 10]);
  });

  it("should give the paper's 95 % CI for tolerance ci95", () => {
    expect(bandOf(expectation({ tolerance: 'ci95', published: { mean: -7.6, ci95: [-11.9, -3.1], unit: 'pp' } }))).toEqual([-11.9, -3.1]);
  });

  it("should give the file's own band for tolerance band", () => {
    expect(bandOf(expectation({ tolerance: 'band', band: [-1.17, 1.17], why: 'no difference' }))).toEqual([-1.17, 1.17]);
  });
});

/**
 * A one-scenario trial file around `expect`, written to a fresh folder. Its event is the night
 * before the final tests: after 4 weeks and the 3 easy pre-test days, day 4 of week 5.
 */
function trialFolder(expectLines: string, extra = '', n = 10): string {
  const folder = temporaryFolder();
  writeScenario(
    folder,
    'mine.yaml',
    `study: Mine 2026
source: Me. A study. J 2026;1:1.
doi: 10.0/mine
population: 10 runners
duration: 4 weeks
n: ${n}
design: crossover
seed: 1
scenarios:
  main:
    population: { size: 100, level: recreational }
    weeks: 4
    arms:
      - { id: normal, design: pyramidal }
      - { id: short, design: pyramidal }
      - { id: twin, design: pyramidal }
    events:
      - { type: sleep-restriction, fromWeek: 5, fromDay: 4, days: 1, hours: 5, arms: [short] }
${extra}expect:
${expectLines}`,
  );
  return folder;
}

function problemsOf(folder: string): string[] {
  try {
    createContainer().get(RunTrials).run(folder, { size: 50, replicates: 0 });
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n').map((line) => line.replace(`${folder}/`, ''));
    throw error;
  }
  return [];
}

describe('RunTrials', () => {
  describe('having a trial file with mistakes the schema cannot see', () => {
    it('should report each, located in the file, all at once', () => {
      const folder = trialFolder(
        [
          '  - { outcome: a, arm: shrot, metric: timeTrialPct, published: { mean: 1, unit: "%" }, tolerance: sd, role: validation }',
          '  - { outcome: b, run: mian, arm: short, metric: timeTrialPct, published: { mean: 1, unit: "%" }, tolerance: ci95, role: validation }',
          '  - { outcome: c, arm: short, vs: { arm: normal }, metric: timeTrialPct, statistic: p99, published: { mean: 1, unit: pp }, tolerance: band, band: [2, 1], role: validation }',
          '  - { outcome: d, arm: short, metric: timeTrialPct, statistic: smd, published: { mean: 1, unit: g }, tolerance: sd, role: validation }',
        ].join('\n'),
      );
      // Line 20 is the first outcome: "  - { outcome: a, arm: shrot, …": the arm's value starts at column 24.
      expect(problemsOf(folder)).toEqual([
        'mine.yaml:20:24: expect[0].arm: no arm "shrot" in scenario "main" (arms: normal, short, twin)',
        'mine.yaml:20:64: expect[0].published: tolerance sd needs the published sd',
        'mine.yaml:21:24: expect[1].run: no scenario "mian" (scenarios: main)',
        'mine.yaml:21:75: expect[1].published: tolerance ci95 needs the published ci95',
        'mine.yaml:22:85: expect[2].statistic: a difference is compared by its mean or its smd',
        'mine.yaml:22:135: expect[2].tolerance: a band of your own needs its reason (why:)',
        'mine.yaml:22:147: expect[2].band: band needs low ≤ high (got [2, 1])',
        'mine.yaml:23:64: expect[3].statistic: an smd compares two arms: say which other arm (vs: { arm: … })',
        'mine.yaml:23:80: expect[3].published: tolerance sd needs the published sd',
      ]);
    });
  });

  describe('having an outcome that does not say its role', () => {
    it('should report it located, with the roles it can have', () => {
      const folder = trialFolder(
        [
          '  - { outcome: a, arm: short, metric: timeTrialPct, published: { mean: 1, sd: 1, unit: "%" }, tolerance: sd, role: calibration }',
          '  - outcome: b',
          '    arm: short',
          '    metric: timeTrialPct',
          '    published: { mean: 1, sd: 1, unit: "%" }',
          '    tolerance: sd',
        ].join('\n'),
      );
      // Line 21 is the second outcome, whose mapping starts at column 5.
      expect(problemsOf(folder)).toEqual(['mine.yaml:21:5: expect[1].role: required (calibration or validation)']);
    });
  });

  describe('having outcomes of both roles', () => {
    const folder = trialFolder(
      [
        '  - { outcome: fitted, arm: normal, metric: timeTrialPct, published: { mean: 1, sd: 1, unit: "%" }, tolerance: sd, role: calibration }',
        '  - { outcome: tested, arm: short, metric: timeTrialPct, published: { mean: 1, sd: 1, unit: "%" }, tolerance: sd, role: validation }',
      ].join('\n'),
    );

    it('should run only the outcomes of the roles asked for', () => {
      const [calibration] = createContainer().get(RunTrials).run(folder, { size: 100, replicates: 0, roles: ['calibration'] });
      expect(calibration!.outcomes.map((o) => o.expectation.outcome)).toEqual(['fitted']);
      expect(createContainer().get(RunTrials).run(folder, { size: 100, replicates: 0 })[0]!.outcomes.length).toBe(2);
    });

    it('should leave out a trial with no outcome of those roles', () => {
      const only = trialFolder('  - { outcome: tested, arm: short, metric: timeTrialPct, published: { mean: 1, sd: 1, unit: "%" }, tolerance: sd, role: validation }');
      expect(createContainer().get(RunTrials).run(only, { size: 100, replicates: 0, roles: ['calibration'] })).toEqual([]);
    });

    it('should run on another seed when asked, the same outcome on other athletes', () => {
      const run = (seed?: number) => createContainer().get(RunTrials).run(folder, { size: 100, replicates: 0, ...(seed === undefined ? {} : { seed }) })[0]!;
      expect(run().seed).toBe(1);
      expect(run(1).outcomes[0]!.simulated).toBe(run().outcomes[0]!.simulated);
      expect(run(2).seed).toBe(2);
      expect(run(2).outcomes[0]!.simulated).not.toBe(run().outcomes[0]!.simulated);
    });
  });

  describe('having a certain effect and no effect, in a crossover of 10', () => {
    const folder = trialFolder(
      [
        '  - { outcome: short night, arm: short, vs: { arm: normal }, metric: timeTrialPct, published: { mean: -7.6, ci95: [-11.9, -3.1], unit: pp }, tolerance: ci95, significant: true, role: validation }',
        '  - { outcome: same plan, arm: twin, vs: { arm: normal }, metric: vo2maxPct, published: { mean: 0, unit: pp }, tolerance: band, band: [-0.5, 0.5], why: the same plan, significant: false, role: validation }',
        '  - { outcome: a short night costs, arm: short, vs: { arm: normal }, metric: timeTrialPct, published: { unit: pp }, tolerance: direction, direction: lower, role: validation }',
      ].join('\n'),
    );
    let result: TrialResult | undefined;
    beforeAll(() => {
      [result] = createContainer().get(RunTrials).run(folder, { size: 300, replicates: 400 });
    });

    it('should reproduce the significant finding in nearly every simulated study', () => {
      expect(result!.outcomes[0]!.within).toBe(true);
      expect(result!.outcomes[0]!.power).toBeGreaterThan(0.95);
    });

    // Two arms of one plan differ only by their final tests' error (each arm's tests are their own
    // occasion): a paired t-test at α = 0.05 finds "no difference" in about 95 % of studies.
    it('should find no difference between two arms of the same plan in about 95 % of simulated studies', () => {
      expect(Math.abs(result!.outcomes[1]!.simulated)).toBeLessThan(0.5);
      expect(result!.outcomes[1]!.power).toBeGreaterThan(0.9);
      expect(result!.outcomes[1]!.power).toBeLessThan(0.99);
    });

    it('should meet a finding of direction when the whole 95 % CI is on its side of zero', () => {
      const o = result!.outcomes[2]!;
      expect(o.ci95![1]).toBeLessThan(0);
      expect(o.within).toBe(true);
    });
  });

  describe('having a standardised mean difference and hard sessions a week', () => {
    const lines = [
      '  - { outcome: short night g, arm: short, vs: { arm: normal }, metric: timeTrialPct, statistic: smd, published: { mean: -1, unit: g }, tolerance: band, band: [-5, 0], why: costs, role: validation }',
      '  - { outcome: same plan g, arm: twin, vs: { arm: normal }, metric: timeTrialPct, statistic: smd, published: { mean: 0, unit: g }, tolerance: band, band: [-0.1, 0.1], why: the same plan, role: validation }',
      '  - { outcome: hard sessions, arm: normal, metric: hardSessionsPerWeek, published: { mean: 2, sd: 2, unit: sessions/week }, tolerance: sd, role: validation }',
    ].join('\n');
    const run = (n: number) => createContainer().get(RunTrials).run(trialFolder(lines, '', n), { size: 300, replicates: 0 })[0]!;
    let small: TrialResult;
    let large: TrialResult;
    beforeAll(() => {
      [small, large] = [run(10), run(100)];
    });

    it('should give Hedges\' g of the two arms\' changes, negative when the arm is worse', () => {
      expect(small.outcomes[0]!.simulated).toBeLessThan(-0.5);
      expect(small.outcomes[0]!.ci95).toBeNull();
      expect(Math.abs(small.outcomes[1]!.simulated)).toBeLessThan(0.1);
    });

    // A population's value, from thousands of simulated athletes: what a pooled g estimates, whatever
    // the size of one study (no small-sample correction for the study's n).
    it("should not depend on the study's n", () => {
      expect(small.outcomes[0]!.simulated).toBe(large.outcomes[0]!.simulated);
    });

    it("should count hard sessions a week per athlete as summary.json does for the arm", () => {
      const container = createContainer();
      const loaded = loadTrial(join(trialFolder(lines), 'mine.yaml'), { size: 300 }, container.get(ScenarioLoader));
      const { summary } = container.get(ScenarioRunner).run(loaded.runs.get('main')!);
      expect(small.outcomes[2]!.simulated).toBeGreaterThan(1);
      expect(small.outcomes[2]!.simulated).toBeCloseTo(summary.arms[0]!.hardSessionsPerWeek, 2);
    });
  });

  describe('having the trials of the repository, at a small n', () => {
    let results: TrialResult[];
    beforeAll(() => {
      results = createContainer().get(RunTrials).run(TRIALS, { size: 300, replicates: 0 });
    });
    it('should run every trial file, each outcome a finite number in its unit', () => {
      expect(results.length).toBe(readdirSync(TRIALS).filter((name) => name.endsWith('.yaml')).length);
      for (const o of results.flatMap((r) => r.outcomes)) expect(Number.isFinite(o.simulated)).toBe(true);
    });

    // Each outcome's role is decided before it is run (README, "How well does the simulator match
    // published trials?"): changing one is a decision of the project lead, and shows here.
    it('should declare the roles the project decided', () => {
      const roles = Object.fromEntries(
        results.map((r) => [
          r.file.split('/').at(-1)!.replace('.yaml', ''),
          r.outcomes.map((o) => (o.expectation.role === 'calibration' ? 'C' : 'V')).join(''),
        ]),
      );
      expect(roles).toEqual({
        'busso-2003': 'VCC',
        'carnes-mahoney-2019': 'VV',
        'craven-2022': 'C',
        'duking-2021': 'VVVV',
        'esteve-lanao-2007': 'V',
        'festa-2020': 'VVVVV',
        'helgerud-2007': 'CCCCC',
        'heritage-1999': 'CCC',
        'kiviniemi-2007': 'VVVVV',
        'manresa-rocamora-2021': 'VVV',
        'mujika-1996': 'CC',
        'neal-2013': 'VVVVV',
        'nuuttila-2022': 'VVV',
        'overreaching': 'CC',
        'recreational-runners': 'CCCCCC',
        'rosenblat-2019': 'V',
        'run-clever-2018': 'C',
        'silva-oliveira-2024': 'VVVV',
        'stoggl-sperlich-2014': 'VVVVV',
        'treff-2017': 'CCVVV',
        'vesterinen-2016': 'VVVV',
        'well-trained-runners': 'CCCCCC',
      });
    });
  });
});

describe('periodize trials', () => {
  describe('having a folder with one trial met and one missed', () => {
    it('should print both, write RESULTS.md with --write, and exit 3', async () => {
      const folder = temporaryFolder();
      copyFileSync(join(TRIALS, 'craven-2022.yaml'), join(folder, 'craven-2022.yaml'));
      copyFileSync(join(TRIALS, 'kiviniemi-2007.yaml'), join(folder, 'kiviniemi-2007.yaml'));
      const { code, out } = await cli('trials', folder, '--size', '500', '--write');
      expect(out).toMatch(/ok {7}calibration {2}next-day endurance performance/);
      expect(out).toMatch(/OUTSIDE {2}validation {3}maximal speed → peak speed, HRV-guided/);
      expect(out).toMatch(/^validation: [0-4] of 5 within their bands; calibration \(in-sample\): 1 of 1 within their bands$/m);
      expect(code).toBe(3);
      expect(readFileSync(join(folder, 'RESULTS.md'), 'utf8')).toMatch(/^# Simulated vs published trials/);
    });

    it('should say what is wrong and exit 2 for a missing folder, an unknown trial, too few athletes or --write with --only', async () => {
      const missing = await cli('trials', '/nonexistent-trials');
      expect([missing.code, missing.err]).toEqual([2, '/nonexistent-trials:1:1: (document): no such folder\n']);
      const unknown = await cli('trials', TRIALS, '--only', 'nael-2013');
      expect(unknown.code).toBe(2);
      expect(unknown.err).toMatch(/no trial "nael-2013" \(did you mean "neal-2013"\?\)/);
      expect((await cli('trials', TRIALS, '--size', '10')).err).toBe('periodize trials: --size: at least 500 athletes\n');
      expect((await cli('trials', TRIALS, '--only', 'neal-2013', '--write')).code).toBe(2);
    });

    it('should exit 0 when every outcome of the trials run is within its band', async () => {
      const folder = temporaryFolder();
      copyFileSync(join(TRIALS, 'craven-2022.yaml'), join(folder, 'craven-2022.yaml'));
      const { code } = await cli('trials', folder, '--size', '500');
      expect(code).toBe(0);
    });
  });
});

describe('trials/RESULTS.md', () => {
  it('should be what `npm run trials` writes now (rerun it after changing the model or a trial)', async () => {
    const folder = temporaryFolder();
    for (const name of readdirSync(TRIALS)) if (name.endsWith('.yaml')) copyFileSync(join(TRIALS, name), join(folder, name));
    await cli('trials', folder, '--replicates', '1000', '--write');
    // The command line in the header names the folder it was run on.
    const fresh = readFileSync(join(folder, 'RESULTS.md'), 'utf8').replace(/Written by `[^`]*`/, '');
    // The predictive checks (--uncertainty ensemble:20, 20 runs of every trial: ≈ 7 min on 2 cores)
    // are left to `npm run trials`; tests/cli/model-uncertainty.test.ts checks how they are made.
    const committed = readFileSync(join(TRIALS, 'RESULTS.md'), 'utf8')
      .replace(/Written by `[^`]*`/, '')
      .replace(/\n## Predictive checks: the calibrated ensemble\n[\s\S]*?(?=\n## What the simulation makes of each study)/, '');
    expect(committed).not.toContain('Predictive checks');
    expect(committed).not.toContain('## Leave one study out');
    expect(fresh).toBe(committed);
  });

  it('should predict each study that has a committed leave-one-study-out fit from it, and name the calibration files that have none', () => {
    const markdown = readFileSync(join(TRIALS, 'RESULTS.md'), 'utf8');
    const section = markdown.slice(markdown.indexOf('\n## Leave one study out\n'), markdown.indexOf('\n## What the simulation makes of each study'));
    const fitted = readdirSync(join(TRIALS, '..', 'ensemble', 'leave-out')).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
    for (const trial of fitted) expect(section).toContain(`(\`ensemble/leave-out/${trial}.json\`, `);
    const calibration = readdirSync(TRIALS)
      .filter((name) => name.endsWith('.yaml') && /\brole: calibration\b/.test(readFileSync(join(TRIALS, name), 'utf8')))
      .map((name) => name.replace(/\.yaml$/, ''));
    const missing = calibration.filter((trial) => !fitted.includes(trial));
    if (missing.length === 0) expect(section).not.toContain('Not yet fitted without them');
    else expect(section).toContain(`\`npm run ensemble -- --leave-out <trial>\`): ${missing.join(', ')}.`);
  });
});
