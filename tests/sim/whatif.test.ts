import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { loadAthlete, type WhatIfSpan } from '../../src/sim/athlete/load.ts';
import { whatIf } from '../../src/sim/athlete/whatif.ts';
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
    const refused = join(temporaryFolder(), 'refused');
    expect(await cli('whatif', EXAMPLE, '--options', 'plan,polarised', '--out', refused)).toEqual({
      code: 2,
      out: '',
      err: 'periodize whatif: --options: no design "polarised" (did you mean "polarized"?); options: plan, polarized, pyramidal, threshold, hiit, high-volume, taper, base, vo2max-emphasis, clearance-emphasis, double-threshold\n',
    });
  });
});
