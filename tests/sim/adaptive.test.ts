import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import type { Adjustment } from '../../src/engine/adapt/adjustment.ts';
import type { FactProvider } from '../../src/engine/adapt/facts/types.ts';
import { FACT_PROVIDERS } from '../../src/engine/adapt/tokens.ts';
import { ARM_COUNT, TEST_COUNT } from '../../src/sim/results.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import type { RunSpec } from '../../src/sim/scenario/prepare.ts';
import type { ArmSummary, Summary } from '../../src/sim/summary.ts';
import { read, temporaryFolder, writeScenario } from '../helpers.ts';

/** A scenario of one fixed arm and adaptive arms of the same design, loaded as the CLI would. */
function load(yaml: string, files: Record<string, string> = {}): RunSpec {
  const folder = temporaryFolder();
  for (const [name, text] of Object.entries(files)) writeScenario(folder, name, text);
  return createContainer().get(RunScenario).load(writeScenario(folder, 'scenario.yaml', yaml));
}

function arm(arms: readonly ArmSummary[], id: string): ArmSummary {
  return arms.find((a) => a.id === id)!;
}

const ADAPTIVE_ARMS = ['hrv-kiviniemi', 'hrv-swc', 'multi-marker', 'conservative-coach'];

describe('the adaptive engine in the simulator', () => {
  describe('having two weeks of 5-hour nights for every athlete', () => {
    let summary: Summary;
    let fixed: ArmSummary;
    beforeAll(() => {
      const spec = load(`name: sleep restriction
seed: 5
population: { size: 120, level: recreational }
weeks: 6
arms:
  - { id: fixed, design: polarized }
${ADAPTIVE_ARMS.map((rules) => `  - { id: ${rules}, design: polarized, rules: ${rules} }`).join('\n')}
reference: fixed
events:
  - { type: sleep-restriction, fromWeek: 3, weeks: 2, hours: 5 }
`);
      summary = createContainer().get(ScenarioRunner).run(spec).summary;
      fixed = arm(summary.arms, 'fixed');
    });

    it('should have the fixed arm keep its hard sessions during the event', () => {
      expect(fixed.duringEvents.days).toBe(14);
      expect(fixed.duringEvents.hardSessionsPerWeek).toBeGreaterThan(1.5);
    });

    // Kiviniemi's daily rule judges a morning against the last 10 days, so a restriction that goes on
    // soon becomes its own reference: it cuts least, at the start of the event.
    for (const [rules, cut] of [['hrv-kiviniemi', 0.1], ['hrv-swc', 0.3], ['multi-marker', 0.3], ['conservative-coach', 0.3]] as const) {
      it(`should have ${rules} cut hard sessions during the event by ${cut * 100} % at least, and count its changes`, () => {
        const adaptive = arm(summary.arms, rules);
        expect(adaptive.rules).toBe(rules);
        expect(adaptive.duringEvents.hardSessionsPerWeek!).toBeLessThan((1 - cut) * fixed.duringEvents.hardSessionsPerWeek!);
        const changes = Object.values(adaptive.adjustments).reduce((sum, tally) => sum + tally.count, 0);
        expect(changes).toBeGreaterThan(0);
      });
    }
  });

  describe('having a 4-day illness for every athlete', () => {
    let summary: Summary;
    let fixed: ArmSummary;
    beforeAll(() => {
      const spec = load(`name: illness
seed: 8
population: { size: 150, level: recreational }
weeks: 5
arms:
  - { id: fixed, design: polarized }
  - { id: conservative-coach, design: polarized, rules: conservative-coach }
  - { id: hrv-swc, design: polarized, rules: hrv-swc }
reference: fixed
events:
  - { type: illness, fromWeek: 3, fromDay: 2, days: 4 }
`);
      summary = createContainer().get(ScenarioRunner).run(spec).summary;
      fixed = arm(summary.arms, 'fixed');
    });

    it('should count the illness and the 3 days back from it (7 days) as event days', () => {
      expect(fixed.duringEvents.days).toBe(7);
      expect(fixed.duringEvents.hardSessionsPerWeek).toBeGreaterThan(0.5);
    });

    for (const rules of ['conservative-coach', 'hrv-swc']) {
      it(`should have ${rules} do fewer hard sessions than the fixed plan in the days back from it`, () => {
        expect(arm(summary.arms, rules).duringEvents.hardSessionsPerWeek!).toBeLessThan(0.7 * fixed.duringEvents.hardSessionsPerWeek!);
      });
    }
  });

  describe('having an adaptive arm whose rule set has no rules', () => {
    it('should simulate exactly what the fixed arm does: the engine in the loop changes nothing by itself', () => {
      const spec = load(
        `name: empty rules
seed: 9
population: { size: 30, level: trained }
weeks: 5
arms:
  - { id: fixed, design: pyramidal }
  - { id: empty, design: pyramidal, rules: empty.yaml }
events:
  - { type: illness, fromWeek: 2, days: 4, share: 0.5 }
`,
        { 'empty.yaml': 'name: empty\nhitPolicy: first\nrules: []\n' },
      );
      let athletes = 0;
      createContainer()
        .get(ScenarioRunner)
        .run(spec, {
          athletes: {
            athlete(_traits, results) {
              athletes++;
              // True (noise-free) final tests; measured ones differ on purpose (each arm's tests are their own occasion).
              expect(Array.from(results.finalTrue.subarray(TEST_COUNT))).toEqual(Array.from(results.finalTrue.subarray(0, TEST_COUNT)));
              expect(Array.from(results.arm.subarray(ARM_COUNT))).toEqual(Array.from(results.arm.subarray(0, ARM_COUNT)));
            },
          },
        });
      expect(athletes).toBe(30);
    });
  });

  describe('having the same adaptive scenario run with and without a sink for adjustments.csv', () => {
    it('should give the same summary: recording a change does not change it', () => {
      const spec = load(`name: with and without
seed: 21
population: { size: 25, level: recreational }
weeks: 6
arms:
  - { id: multi, design: polarized, rules: multi-marker }
events:
  - { type: sleep-restriction, fromWeek: 2, weeks: 1, hours: 5.5, share: 0.5 }
`);
      const runner = createContainer().get(ScenarioRunner);
      const changes: Adjustment[] = [];
      const recorded = runner.run(spec, { adjustments: { adjustment: (_traits, _arm, change) => void changes.push(change) } });
      const silent = runner.run(spec);
      expect(silent.summary).toEqual(recorded.summary);
      const applied = changes.filter((change) => change.outcome !== 'overridden').length;
      expect(Object.values(recorded.summary.arms[0]!.adjustments).reduce((sum, tally) => sum + tally.count, 0)).toBe(applied);
      // Every record carries its reason and what it changed.
      for (const change of changes) {
        expect(change.reason.length).toBeGreaterThan(0);
        if (change.outcome === 'applied') expect(change.before).not.toBe(change.after);
      }
    });
  });

  describe('having mornings without the watch', () => {
    it('should hand the engine missing readings, never made-up ones, and count only the mornings measured', () => {
      const spec = load(`name: half the mornings
seed: 4
population: { size: 20, level: recreational }
weeks: 4
monitoring: { wornShare: 0.5 }
arms:
  - { id: swc, design: polarized, rules: hrv-swc }
outputs: { daily: true }
`);
      const rows: number[] = [];
      createContainer()
        .get(ScenarioRunner)
        .run(spec, {
          days: {
            day({ restingHr }) {
              rows.push(restingHr);
            },
          },
        });
      const missing = rows.filter((value) => Number.isNaN(value)).length;
      // 20 athletes × (28 days and the 3 pre-test days) at one morning in two: 310 expected, binomial SD ≈ 12.
      expect(rows).toHaveLength(20 * 31);
      expect(missing).toBeGreaterThan(310 - 50);
      expect(missing).toBeLessThan(310 + 50);
    });
  });

  describe('having the same scenario and seed twice', () => {
    it('should write byte-identical adjustments.csv and summary.json', () => {
      const folder = temporaryFolder();
      const file = writeScenario(
        folder,
        'twice.yaml',
        `name: twice
seed: 77
population: { size: 15, level: well-trained }
weeks: 5
arms:
  - { id: fixed, design: threshold }
  - { id: coach, design: threshold, rules: conservative-coach }
events:
  - { type: sleep-restriction, fromWeek: 2, weeks: 1, hours: 5, share: 0.6 }
`,
      );
      const job = createContainer().get(RunScenario);
      const first = join(folder, 'first');
      const second = join(folder, 'second');
      job.run({ scenario: file, outDir: first, command: 'x' });
      job.run({ scenario: file, outDir: second, command: 'x' });
      for (const name of ['adjustments.csv', 'summary.json', 'athletes.csv']) expect(read(join(second, name))).toBe(read(join(first, name)));
      expect(read(join(first, 'adjustments.csv')).split('\n').length).toBeGreaterThan(3);
    });
  });
});

describe('a fact added through the container', () => {
  describe('having a researcher bind one more fact provider (a 1–5 readiness score, always 2)', () => {
    it('should let a rule file name the fact, and the engine in the loop read it', () => {
      const container = createContainer();
      const readiness: FactProvider = {
        facts: [{ name: 'readinessScore', label: 'readiness score', unit: '', decimals: 0, kind: 'number', compute: (_c, out, i) => void (out[i] = 2) }],
      };
      container.bind(FACT_PROVIDERS).toConstantValue(readiness);
      const folder = temporaryFolder();
      writeScenario(folder, 'readiness.yaml', 'name: readiness\nhitPolicy: first\nrules:\n  - { id: low-readiness, when: { fact: readinessScore, op: atMost, value: 2 }, then: { action: makeHardSessionsEasy, scope: today } }\n');
      const file = writeScenario(folder, 'scenario.yaml', 'name: r\nseed: 2\npopulation: { size: 5, level: recreational }\nweeks: 2\narms:\n  - { id: a, design: polarized, rules: readiness.yaml }\n');
      const job = container.get(RunScenario);
      const spec = job.load(file);
      const { summary } = container.get(ScenarioRunner).run(spec);
      expect(summary.arms[0]!.hardSessionsPerWeek).toBe(0);
      expect(summary.arms[0]!.adjustments['low-readiness']!.count).toBeGreaterThan(0);
    });
  });
});
