import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { PLAUSIBLE } from '../../src/models/limits.ts';
import { Scenario } from '../../src/models/scenario/schema.ts';
import { PlausibilityScan, type Violation } from '../../src/sim/scan.ts';
import { cli } from '../helpers.ts';

/**
 * Plausible by construction (issue 10): random scenarios — any level, 1–104 weeks, designs at a
 * third to three times the athlete's volume or up to 20 h a week, progression up to +30 % a week,
 * rule sets, sleep restrictions, illnesses and load changes — and no day, marker or test outside
 * the limits of src/models/limits.ts. `periodize scan` runs a thousand; the suite a sample.
 */
describe(PlausibilityScan, () => {
  describe('having 40 random scenarios of 4 athletes', () => {
    it('should find no value outside the limits of the plausible', () => {
      const report = createContainer().get(PlausibilityScan).run({ scenarios: 40, size: 4, seed: 7 });
      expect(report.athleteDays).toBeGreaterThan(10_000);
      expect(report.violations.slice(0, 5)).toEqual([]);
      // The markers' limits hold by construction; the guard that clamps them is rarely what does.
      expect(report.readings).toBeGreaterThan(10_000);
      expect(report.atLimit / report.readings).toBeLessThan(0.001);
    });
  });

  describe('having a scenario that runs 25 h a week', () => {
    it('should hold it to the limits too (the scan is not vacuous: it sees every day)', () => {
      const scan = createContainer().get(PlausibilityScan);
      const violations: Violation[] = [];
      const scenario = Scenario.parse({ name: 'big', seed: 3, population: { size: 3, level: 'recreational' }, weeks: 3, arms: [{ id: 'a', design: { extends: 'polarized', weeklyHours: 25, progression: 0 } }] });
      const seen: number[] = [];
      const days = scan.scan(scenario, 0, violations, (minutes) => seen.push(minutes));
      expect(days).toBe(3 * 21);
      expect(Math.max(...seen)).toBeGreaterThan(120);
      expect(Math.max(...seen)).toBeLessThanOrEqual(PLAUSIBLE.dayMinutes.max);
      expect(violations).toEqual([]);
    });
  });

  describe('periodize scan', () => {
    it('should print what it scanned against which limits, and exit 0 when nothing is outside them', async () => {
      const { code, out } = await cli('scan', '--scenarios', '3', '--size', '2', '--seed', '3');
      expect(out).toMatch(/^Scanned 3 random scenarios \(seed 3\), [\d,]+ athlete-days, against the limits of src\/models\/limits.ts:/);
      expect(out).toContain('no value outside them');
      expect(code).toBe(0);
    });
  });
});
