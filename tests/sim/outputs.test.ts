import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import { read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

const OUTPUTS = ['adjustments.csv', 'arms.csv', 'athletes.csv', 'contrasts.csv', 'days.csv', 'manifest.json', 'summary.json'];

const SHARED_FOLDER = temporaryFolder();
let runs = 0;

/** Runs a scenario (always from the same path, so the manifest can be compared) into a new folder. */
function runOnce(yaml: string) {
  const file = writeScenario(SHARED_FOLDER, 'scenario.yaml', yaml);
  const out = join(temporaryFolder(), `out${runs++}`);
  createContainer().get(RunScenario).run({ scenario: file, outDir: out, command: 'periodize run scenario.yaml' });
  return Object.fromEntries(OUTPUTS.map((output) => [output, readFileSync(join(out, output))]));
}

describe('RunScenario outputs', () => {
  describe('having the same scenario and seed twice', () => {
    it('should write byte-identical files', () => {
      const first = runOnce(smallScenario({ seed: 5 }));
      const second = runOnce(smallScenario({ seed: 5 }));
      for (const output of OUTPUTS) expect(first[output]!.equals(second[output]!), output).toBe(true);
    });
  });

  describe('having another seed', () => {
    it('should simulate other athletes', () => {
      expect(runOnce(smallScenario({ seed: 5 }))['athletes.csv']!.equals(runOnce(smallScenario({ seed: 6 }))['athletes.csv']!)).toBe(false);
    });
  });

  describe('having the manifest', () => {
    it('should list every other file with its size and SHA-256', async () => {
      const { createHash } = await import('node:crypto');
      const outputs = runOnce(smallScenario());
      const manifest = JSON.parse(outputs['manifest.json']!.toString());
      expect(manifest.tool).toBe('periodize');
      expect(manifest.seed).toBe(11);
      expect(manifest.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(['athletes.csv', 'days.csv', 'adjustments.csv', 'summary.json', 'contrasts.csv', 'arms.csv']);
      for (const entry of manifest.files) {
        const bytes = outputs[entry.name]!;
        expect(entry.bytes).toBe(bytes.length);
        expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
    });
  });

  describe('having an arm on a design with double days', () => {
    it("should spell out in the manifest's resolved design whether each block allows double days", () => {
      const outputs = runOnce(smallScenario().replace('  - { id: threshold, design: threshold }', '  - { id: threshold, design: double-threshold }'));
      const manifest = JSON.parse(outputs['manifest.json']!.toString());
      const doubleDays = manifest.resolved.arms.map((arm: { blocks: { design: { doubleDays: boolean } }[] }) => arm.blocks[0]!.design.doubleDays);
      expect(doubleDays).toEqual([false, true]);
    });
  });

  describe('having a week that asks more than a coach writes (40 h)', () => {
    it('should show the shortfall: the hours the plan holds against those asked for, and a warning that names the caps', () => {
      // Without progression: growing from above what a week holds is bad input (src/sim/scenario/prepare.ts).
      const yaml = smallScenario().replace('  - { id: polarized, design: polarized }', '  - { id: polarized, design: { extends: polarized, weeklyHours: 40, progression: 0 } }');
      const summary = JSON.parse(runOnce(yaml)['summary.json']!.toString());
      const arm = summary.arms.find((a: { id: string }) => a.id === 'polarized');
      expect(arm.targetWeeklyHours).toBeCloseTo((40 * (1 + 1 + 1 + 0.7)) / 4, 2);
      // Seven days of at most 3.5 h: 24.5 h at most; done, less the sessions missed.
      expect(arm.plannedWeeklyHours).toBeLessThanOrEqual(24.5);
      expect(arm.weeklyHours).toBeLessThanOrEqual(arm.plannedWeeklyHours);
      expect(arm.warnings.join('\n')).toMatch(/the plan holds [\d.]+ h a week, [\d.]+ % below the [\d.]+ h its targets asked for \(more than the planner's caps on sessions and days/);
    });
  });

  describe('having days.csv', () => {
    it('should hold one row per athlete × arm × day with the contract columns', () => {
      const days = runOnce(smallScenario({ size: 5, weeks: 2 }))['days.csv']!.toString().trim().split('\n');
      expect(days[0]).toBe('athlete,id,arm,day,week,z1Minutes,z2Minutes,z3Minutes,sessionRpeLoad,restingHr,lnRmssd,sleepHours,sessionRpe,ill');
      // The two weeks and the 3 easy pre-test days before the final tests.
      expect(days).toHaveLength(1 + 5 * 2 * (14 + 3));
    });
  });

  describe('having a second run into the same folder without daily output', () => {
    it('should leave one run\'s outputs: the old days.csv goes, files that are not ours stay', async () => {
      const { writeFileSync } = await import('node:fs');
      const folder = temporaryFolder();
      const out = join(folder, 'out');
      const job = createContainer().get(RunScenario);
      job.run({ scenario: writeScenario(folder, 'daily.yaml', smallScenario()), outDir: out, command: 'first run' });
      writeFileSync(join(out, 'notes.txt'), 'mine');
      job.run({ scenario: writeScenario(folder, 'plain.yaml', smallScenario({ daily: false })), outDir: out, command: 'second run' });
      expect(readdirSync(out).sort()).toEqual(['adjustments.csv', 'arms.csv', 'athletes.csv', 'contrasts.csv', 'manifest.json', 'notes.txt', 'summary.json']);
    });
  });

  describe('having a failure in the middle of a run', () => {
    it('should leave the output folder as it was and no staging folder behind', () => {
      const folder = temporaryFolder();
      const out = join(folder, 'out');
      const container = createContainer();
      const file = writeScenario(folder, 'scenario.yaml', smallScenario());
      container.get(RunScenario).run({ scenario: file, outDir: out, command: 'first run' });
      const before = Object.fromEntries(OUTPUTS.map((output) => [output, read(join(out, output))]));

      const runner = container.get(ScenarioRunner);
      const original = runner.run.bind(runner);
      runner.run = (spec, options) => original(spec, { ...options, progress: (done) => { if (done === 20) throw new Error('disk full'); } });
      expect(() => container.get(RunScenario).run({ scenario: writeScenario(folder, 'other.yaml', smallScenario({ seed: 99 })), outDir: out, command: 'second run' })).toThrow('disk full');

      for (const output of OUTPUTS) expect(read(join(out, output))).toBe(before[output]);
      expect(readdirSync(folder).sort()).toEqual(['other.yaml', 'out', 'scenario.yaml']);
      expect(existsSync(`${out}.partial-${process.pid}`)).toBe(false);
    });
  });
});
