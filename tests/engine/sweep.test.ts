import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandSweep, rangeCount, rangeValues } from '../../src/engine/designs/sweep.ts';
import type { ResolveIssue } from '../../src/engine/designs/resolve.ts';
import { Scenario } from '../../src/models/scenario/schema.ts';
import { METRICS } from '../../src/sim/summary.ts';
import { cli, temporaryFolder, writeScenario } from '../helpers.ts';

function scenario(sweep: unknown): Scenario {
  return Scenario.parse({ name: 's', seed: 1, population: { size: 10, level: 'recreational' }, weeks: 2, arms: [{ id: 'base', design: 'polarized' }], sweep });
}

describe(rangeValues, () => {
  it('should step from `from` to `to` inclusive, without floating-point drift', () => {
    expect(rangeValues(0, 0.5, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(rangeValues(4, 10, 2)).toEqual([4, 6, 8, 10]);
    expect(rangeValues(1, 1, 0.5)).toEqual([1]);
  });
});

describe(expandSweep, () => {
  describe('having z2 0–0.2 and weekly hours 4–6 on the polarized design (z3 0.15)', () => {
    const issues: ResolveIssue[] = [];
    const expansion = expandSweep(scenario({ design: 'polarized', vary: { z2: { from: 0, to: 0.2, step: 0.1 }, weeklyHours: { from: 4, to: 6, step: 2 } } }), issues)!;

    it('should make one arm per combination, z2 varying slowest, named by its values', () => {
      expect(issues).toEqual([]);
      expect(expansion.keys).toEqual(['z2', 'weeklyHours']);
      expect(expansion.arms.map((arm) => arm.id)).toEqual([
        'z2-0_weeklyHours-4', 'z2-0_weeklyHours-6', 'z2-0.1_weeklyHours-4', 'z2-0.1_weeklyHours-6', 'z2-0.2_weeklyHours-4', 'z2-0.2_weeklyHours-6',
      ]);
      expect(expansion.values[3]).toEqual([0.1, 6]);
    });

    it('should keep the design\'s zone 3 and give zone 1 the rest: z2 0.2 → 0.65 / 0.2 / 0.15', () => {
      expect(expansion.arms[4]!.design).toEqual({ extends: 'polarized', distribution: { z1: 0.65, z2: 0.2, z3: 0.15 }, weeklyHours: 4 });
    });
  });

  describe('having a sweep that would leave no time in zone 1, or varies nothing, or is too big', () => {
    it('should say so, at the sweep', () => {
      const issues: ResolveIssue[] = [];
      // 0.8 + 0.15 leaves zone 1 its 5 %; 0.9 + 0.15 is over 1.
      expandSweep(scenario({ design: 'polarized', vary: { z2: { from: 0.8, to: 0.9, step: 0.1 } } }), issues);
      expect(issues[0]).toEqual({ path: ['sweep', 'vary'], message: 'z2 0.9 and z3 0.15 leave no time for zone 1' });
      const none: ResolveIssue[] = [];
      expandSweep(scenario({ design: 'polarized', vary: {} }), none);
      expect(none[0]!.message).toBe('vary at least one of z2, z3, weeklyHours, progression');
      const big: ResolveIssue[] = [];
      expandSweep(scenario({ design: 'polarized', vary: { z2: { from: 0, to: 0.2, step: 0.001 }, weeklyHours: { from: 1, to: 10, step: 1 } } }), big);
      expect(big[0]!.message).toBe('2010 combinations; a sweep adds at most 200 arms');
    });
  });

  describe('having a scenario file whose sweep leaves no zone 1', () => {
    it('should report it at the sweep, with file:line:col, exit 2', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(
        folder,
        's.yaml',
        'name: s\nseed: 1\npopulation: { size: 5, level: recreational }\nweeks: 2\narms:\n  - { id: base, design: polarized }\nsweep:\n  design: polarized\n  vary:\n    z2: { from: 0.8, to: 0.9, step: 0.1 }\n',
      );
      const { code, err } = await cli('validate', file);
      // Line 9 is "  vary:"; its value (the map below it) starts on line 10, column 5.
      expect([code, err]).toEqual([2, `${file}:10:5: sweep.vary: z2 0.9 and z3 0.15 leave no time for zone 1\n`]);
    });
  });
});

describe('a run with a sweep', () => {
  it('should write sweep.csv: one row per sweep arm and metric, with its values, mean and difference from the reference', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(
      folder,
      's.yaml',
      'name: s\nseed: 3\npopulation: { size: 20, level: recreational }\nweeks: 3\narms:\n  - { id: base, design: polarized }\nreference: base\nsweep:\n  design: polarized\n  vary:\n    z2: { from: 0, to: 0.1, step: 0.1 }\n    weeklyHours: { from: 5, to: 6, step: 1 }\n',
    );
    const { code, out } = await cli('run', file, '--out', `${folder}/out`);
    expect(code).toBe(0);
    expect(out).toMatch(/Sweep over z2 × weeklyHours: 4 settings/);
    const lines = readFileSync(`${folder}/out/sweep.csv`, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('arm,z2,weeklyHours,metric,mean,diff,ci_low,ci_high,n');
    expect(lines).toHaveLength(1 + 4 * METRICS.length);
    // n: the pairs measured, 20 athletes less any injured on test day (dropouts).
    const row = lines[1]!.match(/^z2-0_weeklyHours-5,0,5,vo2maxPct,[-\d.]+,[-\d.]+,[-\d.]+,[-\d.]+,(\d+)$/);
    expect(row).not.toBeNull();
    expect(Number(row![1])).toBeGreaterThan(15);
    expect(Number(row![1])).toBeLessThanOrEqual(20);
  });
});

describe('rangeCount (a sweep counted before its values are built)', () => {
  it('should count what rangeValues gives, to the last value, rounding included', () => {
    const ranges = [
      { from: 0, to: 0.5, step: 0.1 },
      { from: 0.05, to: 0.3, step: 0.05 },
      { from: 0.1, to: 0.3, step: 0.1 },
      { from: 4, to: 12, step: 2 },
      { from: 1, to: 1, step: 0.5 },
      { from: 0.3, to: 0.7, step: 0.15 },
      { from: -0.1, to: 0.3, step: 0.01 },
      { from: 2, to: 1, step: 1 },
    ];
    for (const range of ranges) expect(rangeCount(range), JSON.stringify(range)).toBe(rangeValues(range.from, range.to, range.step).length);
  });

  it('should count a range of 10^600 steps without building it, and refuse it as a sweep', () => {
    expect(rangeCount({ from: 0, to: 1e300, step: 1e-300 })).toBe(Number.POSITIVE_INFINITY);
    // A step below what from can resolve: the same value for ever, not zero steps (it hung).
    expect(rangeCount({ from: 1e300, to: 1e300, step: 1e-300 })).toBe(Number.POSITIVE_INFINITY);
    expect(rangeCount({ from: 0.5, to: 0.5, step: 1e-300 })).toBe(Number.POSITIVE_INFINITY);
    const issues: ResolveIssue[] = [];
    expect(expandSweep(scenario({ design: 'polarized', vary: { z2: { from: 0, to: 1e300, step: 1e-300 } } }), issues)).toBeNull();
    expect(issues).toEqual([{ path: ['sweep', 'vary'], message: 'more than 1e308 combinations; a sweep adds at most 200 arms' }]);
  });
});
