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
          // A warning for each zone the plan as written misses by more than 3 pp, and for a plan 10 %
          // short of its hours; when the adaptive engine changed the plan, each says so.
          const changed = Object.values(arm.adjustments as Record<string, { count: number }>).some((tally) => tally.count > 0);
          const missed = (['z1', 'z2', 'z3'] as const).filter((z) => Math.abs(arm.planDistribution[z] - arm.target[z]) > 0.03);
          const short = arm.plannedWeeklyHours < 0.9 * arm.targetWeeklyHours;
          expect(arm.warnings.filter((w: string) => w.startsWith("the plan's Z")).map((w: string) => `z${w[12]}`), arm.id).toEqual(missed);
          expect(arm.warnings.length, arm.id).toBe(missed.length + (short ? 1 : 0));
          for (const warning of arm.warnings) expect(warning.includes('the adaptive engine changed sessions'), warning).toBe(changed);
          // A sweep's corners may ask more than a week can hold; the curated fixed arms may not.
          const swept = typeof arm.description === 'string' && arm.description.startsWith('sweep:');
          if (!changed && !swept) expect(arm.warnings).toEqual([]);
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
