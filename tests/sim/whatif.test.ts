import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { loadAthlete, type WhatIfSpan } from '../../src/sim/athlete/load.ts';
import { meanDifference, usualMornings, whatIf, whatIfUncertainty } from '../../src/sim/athlete/whatif.ts';
import { addDays } from '../../src/models/calendar.ts';
import { TEST } from '../../src/sim/results.ts';
import { parametersOfSet, readEnsemble } from '../../src/sim/calibration/ensemble-file.ts';
import { UNCERTAIN_PARAMETERS } from '../../src/models/parameters.ts';
import { ScenarioLoader } from '../../src/sim/scenario/loader.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import { cli, temporaryFolder } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const EXAMPLE = join(ROOT, 'examples/athlete.yaml');
const container = createContainer();
const loader = container.get(ScenarioLoader);
const runner = container.get(ScenarioRunner);

const ask = (whatIfSpan: WhatIfSpan) => {
  const loaded = loadAthlete(EXAMPLE, loader, { from: '2026-12-07', weeks: null, whatIf: whatIfSpan });
  return { loaded, result: whatIf(loaded, runner, loader.parameters) };
};

describe('periodize whatif: options in race times, on versions of the athlete', () => {
  it('should hold what the coach knows in every version, and put each option in place of every block but the taper', () => {
    const { loaded } = ask({ options: ['plan', 'threshold'], replicates: 5, seed: 1 });
    const versions: { vo2max: number; economy: number; lt1Fraction: number; lt2Fraction: number; responsiveness: number }[] = [];
    runner.run(loaded.spec, {
      athletes: { athlete: (traits) => versions.push({ vo2max: traits.vo2max, economy: traits.economy, lt1Fraction: traits.lt1Fraction, lt2Fraction: traits.lt2Fraction, responsiveness: traits.responsivenessCentral }) },
    });
    for (const version of versions) {
      // vVO2max = VO2max / economy × 60, as the coach's anchors have it; the thresholds as their shares of it.
      expect((version.vo2max / version.economy) * 60).toBeCloseTo(loaded.known.vVO2max, 9);
      expect(version.lt2Fraction * loaded.known.vVO2max).toBeCloseTo(loaded.known.lt2Speed, 9);
      expect(version.lt1Fraction * loaded.known.vVO2max).toBeCloseTo(loaded.known.lt1Speed, 9);
    }
    // What nobody measured differs from version to version.
    expect(new Set(versions.map((version) => version.responsiveness)).size).toBe(5);
    const [plan, threshold] = loaded.spec.arms;
    expect(plan!.macroplan.blocks.map((block) => block.design.label)).toEqual(['pyramidal', 'polarized', 'taper']);
    expect(threshold!.macroplan.blocks.map((block) => block.design.label)).toEqual(['threshold', 'threshold', 'taper']);
    expect(threshold!.macroplan.blocks.map((block) => block.weeks)).toEqual([5, 7, 2]);
  });

  it('should answer in race times around the athlete\'s own, the same for the same seed, and slower for a plan that barely trains', () => {
    const { result } = ask({ options: ['plan', 'taper'], rules: 'none', replicates: 150, seed: 3 });
    const [plan, taper] = result.options;
    expect(result.bestMinutes).toBe(47.5);
    expect(result.bestRaced).toBe(true);
    for (const option of result.options) {
      expect(option.low).toBeLessThan(option.median);
      expect(option.median).toBeLessThan(option.high);
      // Within what 14 weeks can do to a 10 km time: a few minutes either way.
      expect(option.median).toBeGreaterThan(40);
      expect(option.median).toBeLessThan(52);
    }
    // Fourteen weeks of taper volume train less than the plan: slower on race day, less often faster than 47:30.
    expect(taper!.median).toBeGreaterThan(plan!.median);
    expect(taper!.beatBest).toBeLessThan(plan!.beatBest);
    expect(ask({ options: ['plan', 'taper'], rules: 'none', replicates: 150, seed: 3 }).result.options[0]!.raceMinutes).toEqual(plan!.raceMinutes);
  });

  it('should write whatif.csv and whatif.json, and refuse an option it does not know with exit 2, writing nothing', async () => {
    const out = join(temporaryFolder(), 'whatif');
    const asked = await cli('whatif', EXAMPLE, '--options', 'plan,polarized', '--from', '2026-12-07', '--replicates', '40', '--out', out);
    expect(asked.code).toBe(0);
    expect(asked.out).toMatch(/^plan \(base → build → taper\)\s+\d\d:\d\d \(\d\d:\d\d–\d\d:\d\d\)\s+\d+ %/m);
    expect(asked.out).toContain('see an option\'s weeks: periodize plan');
    const csv = readFileSync(join(out, 'whatif.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('option,version,raceMinutes');
    expect(csv).toHaveLength(1 + 2 * 40);
    const json = JSON.parse(readFileSync(join(out, 'whatif.json'), 'utf8')) as { options: { id: string; median: string }[] };
    expect(json.options.map((option) => option.id)).toEqual(['plan', 'polarized']);
    expect(await cli('whatif', EXAMPLE, '--options', 'plan', '--rules', 'hrv-swcc', '--out', join(temporaryFolder(), 'x'))).toMatchObject({
      code: 2,
      out: '',
      err: expect.stringMatching(/^periodize whatif: --rules: no built-in rule set or readable rule file ".*hrv-swcc" \(built-in: none, hrv-kiviniemi, hrv-swc,/),
    });
    // A run's folder is not a what-if's to replace.
    const run = temporaryFolder();
    writeFileSync(join(run, 'manifest.json'), JSON.stringify({ tool: 'periodize', scenario: { file: 'x.yaml' }, files: [] }));
    const intoRun = await cli('whatif', EXAMPLE, '--options', 'plan', '--replicates', '5', '--out', run);
    expect(intoRun.code).toBe(2);
    expect(intoRun.err).toContain("not an earlier plan's");
    const refused = join(temporaryFolder(), 'refused');
    expect(await cli('whatif', EXAMPLE, '--options', 'plan,polarised', '--out', refused)).toEqual({
      code: 2,
      out: '',
      err: 'periodize whatif: --options: no design "polarised" (did you mean "polarized"?); options: plan, polarized, pyramidal, threshold, hiit, high-volume, taper, base, vo2max-emphasis, clearance-emphasis, double-threshold\n',
    });
  });
});

describe('periodize whatif --uncertainty: the same versions under plausible models', () => {
  it('should run the versions under each drawn set once, and spread each median and difference over the sets', () => {
    const { ensemble } = readEnsemble(UNCERTAIN_PARAMETERS, loader.parameters);
    const span: WhatIfSpan = { options: ['plan', 'threshold'], rules: 'none', replicates: 40, seed: 2 };
    const { result } = ask(span);
    const runs: number[] = [];
    const runSet = (set: number) => {
      runs.push(set);
      const each = createContainer(parametersOfSet(loader.parameters, ensemble, set));
      const setLoader = each.get(ScenarioLoader);
      return whatIf(loadAthlete(EXAMPLE, setLoader, { from: '2026-12-07', weeks: null, whatIf: span }), each.get(ScenarioRunner), setLoader.parameters);
    };
    const drawn = [0, 5, 5, 9];
    const uncertainty = whatIfUncertainty(result, drawn, runSet);
    expect(runs).toEqual([0, 5, 9]);
    expect(uncertainty).toMatchObject({ sets: 4, distinct: 3 });
    const perSet = [0, 5, 5, 9].map((set) => runSet(set));
    const medians = perSet.map((run) => run.options[1]!.median).sort((a, b) => a - b);
    // Four values: the 5th and 95th percentiles lie between the smallest and the largest.
    expect(uncertainty.median[1]!.interval90[0]).toBeGreaterThanOrEqual(medians[0]!);
    expect(uncertainty.median[1]!.interval90[1]).toBeLessThanOrEqual(medians[3]!);
    expect(uncertainty.median[1]!.sets).toBe(4);
    expect(uncertainty.contrast[0]).toBeNull();
    const differences = perSet.map((run) => meanDifference(run, 1));
    const own = Math.sign(meanDifference(result, 1));
    expect(uncertainty.contrast[1]!.sameSign).toBe(differences.filter((d) => Math.sign(d) === own).length / 4);
    // The committed set's versions differ from a drawn set's: the constants move the answer.
    expect(perSet[0]!.options[0]!.median).not.toBe(result.options[0]!.median);
  });
});

describe('periodize whatif: the race and the numbers it reports', () => {
  it('should race on the goal\'s day: the weeks before its week trained, its days before the race easy, the race that morning', () => {
    const { loaded, result } = ask({ options: ['plan'], rules: 'none', replicates: 20, seed: 1, raceDay: true });
    // Goal Sunday 2027-03-14, in week 14 of a plan from Monday 2026-12-07: 13 weeks, then 6 easy days.
    expect(loaded.spec.weeks).toBe(13);
    expect(loaded.spec.scenario.tests).toEqual({ finalPreTestDays: 6 });
    expect(loaded.spec.arms[0]!.macroplan.blocks.map((block) => block.weeks)).toEqual([5, 7, 1]);
    expect(result.race).toEqual({ date: '2027-03-14', easyDaysBefore: 6 });
  });

  it('should time each version as the athlete\'s race changed by its own simulated change, and count a version that did not race as not beating it', () => {
    const span: WhatIfSpan = { options: ['plan'], rules: 'none', replicates: 300, seed: 4, raceDay: true };
    const { loaded, result } = ask(span);
    const byHand: number[] = [];
    runner.run(loaded.spec, { athletes: { athlete: (_traits, results) => void byHand.push((47.5 * results.finalMeasured[TEST.timeTrialMinutes]!) / results.baselineTrue[TEST.timeTrialMinutes]!) } });
    expect(Array.from(result.options[0]!.raceMinutes)).toEqual(byHand);
    const times = byHand.filter((minutes) => minutes === minutes);
    expect(result.options[0]!.noRace).toBe((byHand.length - times.length) / byHand.length);
    expect(result.options[0]!.beatBest).toBe(times.filter((minutes) => minutes < 47.5).length / byHand.length);
  });

  it('should take a race at another distance than the goal\'s by its Riegel equivalent, and say it is one', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'athlete.yaml');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace('race: { distance: 10k, time: "47:30"', 'race: { distance: 5k, time: "22:50"'));
    const loaded = loadAthlete(file, loader, { from: '2026-12-07', weeks: null, whatIf: { options: ['plan'], rules: 'none', replicates: 20, seed: 1 } });
    const result = whatIf(loaded, runner, loader.parameters);
    expect(result.bestRaced).toBe(false);
    // Riegel's formula: T₁₀ = T₅ × (10 / 5)^k.
    expect(result.bestMinutes).toBeCloseTo((22 + 50 / 60) * Math.pow(10 / 5, loader.parameters.coaching.riegelExponent), 9);
  });

  it('should take the usual mornings from the four weeks before the plan, each marker with a reading a week at least', () => {
    const day = (date: string, restingHr: number, lnRmssd: number) => ({ date, restingHr, lnRmssd, sleepHours: Number.NaN, sleepScore: Number.NaN, ill: false });
    const mornings = [
      ...Array.from({ length: 28 }, (_x, i) => day(addDays('2026-11-09', i), 50 + (i % 2), 4)),
      // In the plan: not the athlete's usual.
      ...Array.from({ length: 14 }, (_x, i) => day(addDays('2026-12-07', i), 60, 3)),
    ];
    expect(usualMornings(mornings, '2026-12-07')).toEqual({ restingHr: 50.5, lnRmssd: 4 });
    expect(usualMornings(mornings.slice(22), '2026-12-07')).toEqual({});
  });
});
