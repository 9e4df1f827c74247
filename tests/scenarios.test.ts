import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../src/composition-root.ts';
import { RunScenario } from '../src/sim/run-scenario.ts';
import { read, temporaryFolder } from './helpers.ts';

const FOLDER = new URL('../scenarios/', import.meta.url).pathname;
const files = readdirSync(FOLDER).filter((name) => name.endsWith('.yaml'));

describe('scenarios/', () => {
  it('should hold the four examples of the issue at least', () => {
    expect(files).toEqual(expect.arrayContaining(['compare-distributions.yaml', 'coach-what-if-bad-sleep.yaml', 'well-trained-9-weeks.yaml', 'macrocycle-16-weeks.yaml']));
  });

  for (const file of files) {
    describe(`having ${file}`, () => {
      it('should run and write the contract outputs, every arm with every metric', () => {
        const out = join(temporaryFolder(), 'out');
        const report = createContainer().get(RunScenario).run({ scenario: join(FOLDER, file), outDir: out, command: `periodize run scenarios/${file}` });
        const summary = JSON.parse(read(join(out, 'summary.json')));
        expect(summary.arms.length).toBe(report.spec.arms.length);
        for (const arm of summary.arms) {
          expect(arm.n).toBe(report.spec.population.size);
          for (const metric of ['vo2maxPct', 'lt2SpeedPct', 'timeTrialPct', 'restingHrDelta', 'lnRmssdDelta', 'illnessDays']) {
            expect(Number.isFinite(arm.metrics[metric].mean), `${arm.id} ${metric}`).toBe(true);
          }
          expect(arm.distribution.system).toBe('3-zone');
          expect(arm.distribution.z1 + arm.distribution.z2 + arm.distribution.z3).toBeCloseTo(1, 3);
          expect(arm.hardSessionsPerWeek).toBeGreaterThan(0);
          // A fixed plan lands on its design; one the adaptive engine changed may not, and its warnings say why.
          const changed = Object.values(arm.adjustments as Record<string, { count: number }>).some((tally) => tally.count > 0);
          // A sweep's corners may ask more than a week can hold (its warnings say so); the curated arms may not.
          const swept = typeof arm.description === 'string' && arm.description.startsWith('sweep:');
          if (changed) for (const warning of arm.warnings) expect(warning).toContain('the adaptive engine changed sessions');
          else if (!swept) expect(arm.warnings).toEqual([]);
          if (arm.id === summary.reference) expect(arm.vsReference).toBeNull();
          else if (summary.reference !== null) expect(Number.isFinite(arm.vsReference.timeTrialPct.diff)).toBe(true);
        }
      });
    });
  }

  describe('having the coach what-if', () => {
    it('should cost the bad-sleep arm performance against the same plan slept well', () => {
      const out = join(temporaryFolder(), 'out');
      createContainer().get(RunScenario).run({ scenario: join(FOLDER, 'coach-what-if-bad-sleep.yaml'), outDir: out, command: 'x' });
      const summary = JSON.parse(read(join(out, 'summary.json')));
      const badSleep = summary.arms.find((arm: { id: string }) => arm.id === 'bad-sleep');
      expect(badSleep.vsReference.timeTrialPct.diff).toBeLessThan(0);
      expect(badSleep.vsReference.timeTrialPct.ci95[1]).toBeLessThan(0);
    });
  });
});
