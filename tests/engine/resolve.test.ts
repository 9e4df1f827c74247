import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../src/models/workouts/compile.ts';
import { WORKOUTS } from '../../src/models/workouts/catalogue.ts';
import { BUILTIN_DESIGNS } from '../../src/engine/designs/builtins.ts';
import { resolveDesign, resolveMacroplan, type ResolveIssue } from '../../src/engine/designs/resolve.ts';
import { classifyDistribution } from '../../src/models/tid.ts';

const catalogue = compileCatalogue(WORKOUTS);

describe('BUILTIN_DESIGNS', () => {
  it('should include the designs the issue names', () => {
    for (const name of ['polarized', 'pyramidal', 'threshold', 'hiit', 'high-volume', 'taper']) expect(BUILTIN_DESIGNS[name]).toBeDefined();
  });

  it('should classify the three classic designs as what they are called (Treff 2019 rules)', () => {
    for (const name of ['polarized', 'pyramidal', 'threshold'] as const) {
      const resolved = resolveDesign(name, catalogue, [], [])!;
      expect(classifyDistribution(resolved.distribution!)).toBe(name);
    }
  });

  it('should keep the taper at 40–60 % less volume with hard sessions kept', () => {
    const taper = resolveDesign('taper', catalogue, [], [])!;
    expect(taper.taper!.volume).toBeGreaterThanOrEqual(0.4);
    expect(taper.taper!.volume).toBeLessThanOrEqual(0.6);
    expect(taper.taper!.hardMinutes).toBeGreaterThan(taper.taper!.volume);
  });

  it('should name workouts that exist in the catalogue', () => {
    for (const name of Object.keys(BUILTIN_DESIGNS)) {
      const issues: ResolveIssue[] = [];
      expect(resolveDesign(name, catalogue, [], issues)).not.toBeNull();
      expect(issues).toEqual([]);
    }
  });
});

describe('resolveDesign', () => {
  describe('having an inline design that extends a built-in', () => {
    it('should keep the built-in fields it does not override', () => {
      const resolved = resolveDesign({ extends: 'polarized', weeklyHours: 7 }, catalogue, [], [])!;
      expect(resolved.weeklyHours).toEqual({ absolute: 7 });
      expect(resolved.distribution).toEqual({ z1: 0.8, z2: 0.05, z3: 0.15 });
      expect(resolved.label).toBe('polarized (modified)');
    });
  });

  describe('having double days or not', () => {
    it('should allow one hard session a day by default, and two where the design says doubleDays', () => {
      expect(resolveDesign('polarized', catalogue, [], [])!.doubleDays).toBe(false);
      expect(resolveDesign({ extends: 'polarized', doubleDays: true }, catalogue, [], [])!.doubleDays).toBe(true);
      expect(resolveDesign({ distribution: { z1: 0.8, z2: 0.1, z3: 0.1 } }, catalogue, [], [])!.doubleDays).toBe(false);
    });

    it('should give the built-in double-threshold design its double days, and no other built-in', () => {
      const withDoubles = Object.keys(BUILTIN_DESIGNS).filter((name) => resolveDesign(name, catalogue, [], [])!.doubleDays);
      expect(withDoubles).toEqual(['double-threshold']);
    });
  });

  describe('having a 5-zone distribution', () => {
    it('should convert it explicitly to 3 zones (Z1+Z2 → Z1, Z3 → Z2, Z4+Z5 → Z3)', () => {
      const resolved = resolveDesign({ distribution: { system: '5-zone', z1: 0.5, z2: 0.3, z3: 0.1, z4: 0.06, z5: 0.04 } }, catalogue, [], [])!;
      expect(resolved.distribution!.z1).toBeCloseTo(0.8, 12);
      expect(resolved.distribution!.z2).toBeCloseTo(0.1, 12);
      expect(resolved.distribution!.z3).toBeCloseTo(0.1, 12);
    });
  });

  describe('having mistakes', () => {
    it('should report each at its path', () => {
      const issues: ResolveIssue[] = [];
      resolveDesign({ distribution: { z1: 0.5, z2: 0.2, z3: 0.2 }, workouts: { high: ['vo2max-intervalls'] } }, catalogue, ['arms', 1, 'design'], issues);
      expect(issues).toEqual([
        { path: ['arms', 1, 'design', 'distribution'], message: 'zone shares must add up to 1 (got 0.9)' },
        { path: ['arms', 1, 'design', 'workouts', 'high', 0], message: 'unknown workout "vo2max-intervalls" (did you mean "vo2max-intervals"?)' },
      ]);
    });

    it('should require a distribution, a taper or a built-in to extend', () => {
      const issues: ResolveIssue[] = [];
      expect(resolveDesign({ weeklyHours: 5 }, catalogue, ['d'], issues)).toBeNull();
      expect(issues[0]!.message).toMatch(/needs a distribution, a taper, or extends/);
    });
  });
});

describe('resolveMacroplan', () => {
  describe('having base → build → taper blocks', () => {
    it('should lay the blocks out week by week from week 1', () => {
      const issues: ResolveIssue[] = [];
      const plan = resolveMacroplan({ blocks: [{ weeks: 4, design: 'pyramidal' }, { weeks: 3, design: 'polarized' }, { weeks: 2, design: 'taper' }] }, 9, catalogue, [], issues)!;
      expect(issues).toEqual([]);
      expect(plan.label).toBe('pyramidal → polarized → taper');
      expect(Array.from(plan.blockOfWeek.slice(1))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2]);
      expect(plan.blocks.map((block) => block.startWeek)).toEqual([1, 5, 8]);
    });
  });

  describe('having block weeks that do not add up', () => {
    it('should say by how much', () => {
      const issues: ResolveIssue[] = [];
      expect(resolveMacroplan({ blocks: [{ weeks: 4, design: 'pyramidal' }] }, 6, catalogue, ['arms', 0, 'design'], issues)).toBeNull();
      expect(issues).toEqual([{ path: ['arms', 0, 'design', 'blocks'], message: 'block weeks add up to 4, but the scenario has 6 weeks' }]);
    });
  });
});
