import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { CONTRAST_COLUMNS } from '../../src/sim/outputs/contrasts-csv.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import { METRICS, type Summary } from '../../src/sim/summary.ts';
import { read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

describe('the paired contrasts', () => {
  const folder = temporaryFolder();
  const out = join(folder, 'out');
  createContainer().get(RunScenario).run({ scenario: writeScenario(folder, 'small.yaml', smallScenario({ size: 60, daily: false })), outDir: out, command: 'x' });
  const summary = JSON.parse(read(join(out, 'summary.json'))) as Summary;
  const rows = read(join(out, 'contrasts.csv')).trim().split('\n').map((line) => line.split(','));
  const athletes = read(join(out, 'athletes.csv')).trim().split('\n').map((line) => line.split(','));

  describe('contrasts.csv', () => {
    it('should hold one row per non-reference arm and metric, with the contract columns', () => {
      expect(rows[0]).toEqual([...CONTRAST_COLUMNS]);
      // One non-reference arm (polarized vs threshold) × 7 metrics.
      expect(rows.slice(1).map((row) => `${row[0]} vs ${row[1]}: ${row[2]}`)).toHaveLength(METRICS.length);
    });

    it('should say what summary.json says, to 4 decimals', () => {
      const polarized = summary.arms.find((arm) => arm.id === 'polarized')!;
      for (const row of rows.slice(1)) {
        const c = polarized.vsReference![row[2] as 'timeTrialPct'];
        expect(Number(row[3])).toBeCloseTo(c.diff, 4);
        expect(Number(row[4])).toBeCloseTo(c.ci95![0], 4);
        expect(Number(row[7])).toBeCloseTo(c.dz!, 4);
        expect(Number(row[9])).toBe(c.n);
      }
    });
  });

  describe('vsReference', () => {
    it('should hold the bootstrap interval around the mean difference, d_z and the MCSE from the athletes themselves', () => {
      const header = athletes[0]!;
      const column = (name: string) => header.indexOf(name);
      // An athlete injured on test day was not tested (an empty cell): the pair drops out.
      const byArm = (arm: string) => athletes.slice(1).filter((row) => row[column('arm')] === arm).map((row) => row[column('timeTrialPct')]!);
      const threshold = byArm('threshold');
      const differences = byArm('polarized')
        .map((value, i) => (value === '' || threshold[i] === '' ? Number.NaN : Number(value) - Number(threshold[i])))
        .filter((difference) => !Number.isNaN(difference));
      const n = differences.length;
      const mean = differences.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(differences.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const c = summary.arms.find((arm) => arm.id === 'polarized')!.vsReference!.timeTrialPct;
      // athletes.csv rounds each change to 3 decimals: agreement to about 1e-3.
      expect(c.diff).toBeCloseTo(mean, 2);
      expect(c.dz!).toBeCloseTo(mean / sd, 2);
      expect(c.mcse!).toBeCloseTo(sd / Math.sqrt(n), 2);
      expect(c.ci95![0]).toBeLessThan(c.diff);
      expect(c.ci95![1]).toBeGreaterThan(c.diff);
      expect(c.n).toBe(n);
      expect(n).toBeGreaterThan(50);
    });
  });

  describe('responders', () => {
    it('should count gains above 2× and below 0.5× the time trial\'s typical error (1.5 %) among the athletes', () => {
      const header = athletes[0]!;
      const gains = athletes
        .slice(1)
        .filter((row) => row[header.indexOf('arm')] === 'polarized' && row[header.indexOf('timeTrialPct')] !== '')
        .map((row) => Number(row[header.indexOf('timeTrialPct')]));
      const shares = summary.arms.find((arm) => arm.id === 'polarized')!.responders.timeTrialPct!;
      expect(shares.high).toBeCloseTo(gains.filter((g) => g > 3).length / gains.length, 3);
      expect(shares.low).toBeCloseTo(gains.filter((g) => g < 0.75).length / gains.length, 3);
    });
  });
});
