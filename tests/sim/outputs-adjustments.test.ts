import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import type { Adjustment } from '../../src/engine/adapt/adjustment.ts';
import type { ArmRules } from '../../src/engine/rules/arm-rules.ts';
import { AdjustmentTally, compareRuleIds } from '../../src/sim/adjustment-tally.ts';
import { ADJUSTMENT_COLUMNS, AdjustmentsCsv, factValue, formatFacts } from '../../src/sim/outputs/adjustments-csv.ts';
import { OutputStage } from '../../src/sim/outputs/stage.ts';
import { AthleteTraits } from '../../src/sim/population.ts';
import { ARM, ARM_COUNT, AthleteResults } from '../../src/sim/results.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import type { RunSpec } from '../../src/sim/scenario/prepare.ts';
import { SummaryCollector } from '../../src/sim/summary.ts';
import { read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

const HEADER = 'athlete,id,replicate,arm,day,week,weekday,rule,scope,action,outcome,facts,reason,before,after,note,trace';

/** A guardrail's trace, and the cell it makes (JSON in quotes, its quotes doubled). */
const TRACE = { outcome: 'guardrail', guardrail: 'maxHardDaysInRow', hardDaysBefore: 1, limit: 1 } as const;
const TRACE_CELL = '"{""outcome"":""guardrail"",""guardrail"":""maxHardDaysInRow"",""hardDaysBefore"":1,""limit"":1}"';

function change(overrides: Partial<Adjustment> = {}): Adjustment {
  return {
    day: 18,
    week: 3,
    weekday: 3,
    ruleId: 'hrv-outside-band',
    scope: 'restOfWeek',
    action: 'makeHardSessionsEasy',
    outcome: 'applied',
    facts: [
      { fact: 'hrvMean7d', value: 3.4216 },
      { fact: 'hrvBandLower', value: 3.51 },
      { fact: 'hrvMean7dBelowBandDays', value: 2 },
    ],
    reason: 'HRV 7-day mean 3.42 below the lower band 3.51 for 2 days',
    before: 'Thu: 5×4 min VO2max intervals (52 min)',
    after: 'Thu: easy run 50 min',
    note: '',
    trace: TRACE,
    ...overrides,
  };
}

function athlete(index: number, id = `a${index}`, replicate = 0): AthleteTraits {
  const traits = new AthleteTraits();
  traits.index = index;
  traits.id = id;
  traits.replicate = replicate;
  return traits;
}

/** A run spec of a small scenario (two fixed arms: polarized, threshold). */
function smallSpec(): RunSpec {
  const folder = temporaryFolder();
  return createContainer().get(RunScenario).load(writeScenario(folder, 'small.yaml', smallScenario({ size: 4, weeks: 2 })));
}

/** The spec with its first arm made adaptive (only the rule set's name is read here). */
function withRules(spec: RunSpec, ruleSet: { name: string; rules?: { id: string }[] }): RunSpec {
  const rules = { name: ruleSet.name, origin: 'built-in', ruleSet: { rules: [], ...ruleSet }, designs: new Map() } as unknown as ArmRules;
  return { ...spec, arms: spec.arms.map((arm, a) => (a === 0 ? { ...arm, rules } : arm)) };
}

/** Writes changes through AdjustmentsCsv and returns the file's text. */
function writeCsv(spec: RunSpec, changes: [AthleteTraits, number, Adjustment][]): string {
  const stage = new OutputStage(join(temporaryFolder(), 'out'));
  const file = stage.open('adjustments.csv');
  const csv = new AdjustmentsCsv(file, spec);
  for (const [traits, arm, adjustment] of changes) csv.adjustment(traits, arm, adjustment);
  file.close();
  const text = readFileSync(file.path, 'utf8');
  stage.abort();
  return text;
}

describe('AdjustmentsCsv', () => {
  const spec = { arms: [{ id: 'polarized' }, { id: 'polarized-hrv' }] } as unknown as RunSpec;

  describe('having no changes', () => {
    it('should write the header only', () => {
      expect(writeCsv(spec, [])).toBe(`${HEADER}\n`);
      expect(ADJUSTMENT_COLUMNS.join(',')).toBe(HEADER);
    });
  });

  describe('having a change', () => {
    it('should write one row: the athlete as athletes.csv names it, the weekday by name, the facts as name=value', () => {
      const lines = writeCsv(spec, [[athlete(7, 'maria', 2), 1, change()]]).trim().split('\n');
      expect(lines[1]).toBe(
        '7,maria,2,polarized-hrv,18,3,Thu,hrv-outside-band,restOfWeek,makeHardSessionsEasy,applied,' +
          'hrvMean7d=3.422; hrvBandLower=3.51; hrvMean7dBelowBandDays=2,' +
          `HRV 7-day mean 3.42 below the lower band 3.51 for 2 days,Thu: 5×4 min VO2max intervals (52 min),Thu: easy run 50 min,,${TRACE_CELL}`,
      );
    });
  });

  describe('having commas, quotes and line breaks in the words', () => {
    it('should quote those fields and double their quotes', () => {
      const awkward = change({
        ruleId: 'guardrail:acwrCap',
        scope: 'week',
        outcome: 'guardrail',
        reason: 'load 1.62 × the 4-week mean, above the cap 1.50',
        before: 'Sat: "long" run 120 min',
        after: 'Sat: long run 95 min\nSun: rest',
        note: 'cap, then rest',
      });
      const row = writeCsv(spec, [[athlete(0), 0, awkward]]).split('\n').slice(1).join('\n');
      expect(row).toBe(
        '0,a0,0,polarized,18,3,Thu,guardrail:acwrCap,week,makeHardSessionsEasy,guardrail,' +
          'hrvMean7d=3.422; hrvBandLower=3.51; hrvMean7dBelowBandDays=2,' +
          `"load 1.62 × the 4-week mean, above the cap 1.50","Sat: ""long"" run 120 min","Sat: long run 95 min\nSun: rest","cap, then rest",${TRACE_CELL}\n`,
      );
    });
  });

  describe('having a missing fact', () => {
    it('should write name=missing', () => {
      const facts = [{ fact: 'sleep7d', value: null }, { fact: 'restingHrDelta', value: 6.2 }];
      const row = writeCsv(spec, [[athlete(1), 1, change({ facts })]]).split('\n')[1]!;
      expect(row).toContain(',sleep7d=missing; restingHrDelta=6.2,');
    });
  });
});

describe('formatFacts', () => {
  describe('having whole numbers, decimals, -0 and missing values', () => {
    it('should write whole numbers bare, others to 3 decimals without trailing zeros', () => {
      expect(formatFacts([
        { fact: 'days', value: 2 },
        { fact: 'lnRmssd', value: 3.4 },
        { fact: 'acwr', value: 1.99996 },
        { fact: 'delta', value: -0.0001 },
        { fact: 'sleep', value: null },
      ])).toBe('days=2; lnRmssd=3.4; acwr=2; delta=0; sleep=missing');
    });
  });

  describe('having no facts', () => {
    it('should give an empty text', () => {
      expect(formatFacts([])).toBe('');
    });
  });
});

describe('factValue', () => {
  describe('having no value (too few readings)', () => {
    it('should call it missing', () => {
      expect(factValue(Number.NaN)).toBe('missing');
      expect(factValue(null)).toBe('missing');
    });
  });

  describe('having days since something the record never held', () => {
    it('should write Infinity, not missing: a rule reading it held on a value, not on nothing', () => {
      expect(factValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
    });
  });
});

describe('compareRuleIds', () => {
  describe('having rules and guardrails', () => {
    it('should sort rules alphabetically, guardrails after them', () => {
      expect(['guardrail:monotony', 'rhr-high', 'guardrail:acwrCap', 'hrv-outside-band'].sort(compareRuleIds)).toEqual([
        'hrv-outside-band', 'rhr-high', 'guardrail:acwrCap', 'guardrail:monotony',
      ]);
    });
  });
});

describe('AdjustmentTally', () => {
  /** A rule set with two rules, in an arm of a two-arm spec (the second arm fixed). */
  const ruleSet = { name: 'two', hitPolicy: 'collect', rules: [{ id: 'sleep-debt' }, { id: 'hrv-outside-band' }] };
  /** Results with the engine's counts for arm 0: applied by rule then guardrail, then overridden, then fired by rule. */
  function counted(applied: number[], overridden: number[], fired: number[]): AthleteResults {
    const out = new AthleteResults(2);
    out.changes[0] = Int32Array.from([...applied, ...overridden, ...fired]);
    return out;
  }
  // changeNames order: sleep-debt, hrv-outside-band, then the four guardrails.
  const none = [0, 0, 0, 0];

  describe('having changes of several athletes, rules and outcomes', () => {
    it('should count firings, applied changes, distinct athletes and overridden changes per rule', () => {
      const spec = withRules(smallSpec(), ruleSet);
      const tally = new AdjustmentTally(spec);
      tally.add(counted([0, 2, 1, ...none.slice(1)], [1, 0, ...none], [3, 4]));
      tally.add(counted([0, 0, ...none], [1, 0, ...none], [1, 0]));
      tally.add(counted([0, 1, ...none], [0, 1, ...none], [0, 2]));
      expect(tally.byRule(1)).toEqual({});
      const byRule = tally.byRule(0);
      expect(byRule).toEqual({
        'hrv-outside-band': { fired: 6, count: 3, athletes: 2, overridden: 1 },
        'sleep-debt': { fired: 4, count: 0, athletes: 0, overridden: 2 },
        'guardrail:maxWeeklyIncrease': { fired: null, count: 1, athletes: 1, overridden: 0 },
      });
      // Rules alphabetically (even one that never changed anything), then the guardrails that did.
      expect(Object.keys(byRule)).toEqual(['hrv-outside-band', 'sleep-debt', 'guardrail:maxWeeklyIncrease']);
    });
  });
});

describe('SummaryCollector', () => {
  /** Results of one athlete whose two arms had `eventDays` event days and `hard` hard sessions on them. */
  function results(eventDays: number, hard: [number, number]): AthleteResults {
    const out = new AthleteResults(2);
    out.baselineMeasured.fill(1);
    out.baselineTrue.fill(1);
    out.finalMeasured.fill(1);
    out.finalTrue.fill(1);
    hard.forEach((sessions, arm) => {
      out.arm[arm * ARM_COUNT + ARM.eventDays] = eventDays;
      out.arm[arm * ARM_COUNT + ARM.eventHardSessions] = sessions;
    });
    return out;
  }

  describe('having an adaptive arm, changes and event days', () => {
    it('should give each arm its rule set, the tally by rule and hard sessions per week during events', () => {
      const spec = withRules(smallSpec(), { name: 'hrv-swc', rules: [{ id: 'hrv-outside-band' }] });
      const collector = new SummaryCollector(spec, 2);
      const first = results(7, [1, 3]);
      first.changes[0] = Int32Array.from([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
      const second = results(7, [0, 2]);
      second.changes[0] = new Int32Array(11);
      collector.add(0, first);
      collector.add(1, second);
      const [adaptive, fixed] = collector.summary().arms;
      expect(adaptive!.rules).toBe('hrv-swc');
      expect(adaptive!.adjustments).toEqual({
        'hrv-outside-band': { fired: 2, count: 1, athletes: 1, overridden: 0 },
        'guardrail:acwrCap': { fired: null, count: 1, athletes: 1, overridden: 0 },
      });
      // 1 hard session in 14 event days is 0.5 a week; 5 in 14 is 2.5.
      expect(adaptive!.duringEvents).toEqual({ days: 7, hardSessionsPerWeek: 0.5 });
      expect(fixed!.rules).toBeNull();
      expect(fixed!.adjustments).toEqual({});
      expect(fixed!.duringEvents).toEqual({ days: 7, hardSessionsPerWeek: 2.5 });
    });
  });

  describe('having no event days', () => {
    it('should give hard sessions per week during events as null', () => {
      const collector = new SummaryCollector(smallSpec(), 1);
      collector.add(0, results(0, [0, 0]));
      expect(collector.summary().arms[0]!.duringEvents).toEqual({ days: 0, hardSessionsPerWeek: null });
    });
  });
});

describe('ScenarioRunner', () => {
  describe('having an adaptive arm, with and without a sink for adjustments.csv', () => {
    it('should count the same changes in the summary either way, and hand the sink one record per change', () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'adaptive.yaml', [
        'name: adaptive', 'seed: 3', 'population: { size: 6, level: recreational }', 'weeks: 4',
        'arms:', '  - { id: fixed, design: polarized }', '  - { id: hrv, design: polarized, rules: hrv-swc }',
        'events:', '  - { type: sleep-restriction, fromWeek: 2, weeks: 2, hours: 5 }', '',
      ].join('\n'));
      const spec = createContainer().get(RunScenario).load(file);
      const runner = createContainer().get(ScenarioRunner);
      const received: Adjustment[] = [];
      const withSink = runner.run(spec, { adjustments: { adjustment: (_traits, arm, change) => { expect(arm).toBe(1); received.push(change); } } });
      const without = runner.run(spec);
      const applied = received.filter((change) => change.outcome !== 'overridden').length;
      expect(applied).toBeGreaterThan(0);
      const counts = withSink.summary.arms[1]!.adjustments as Record<string, { count: number }>;
      expect(Object.values(counts).reduce((sum, tally) => sum + tally.count, 0)).toBe(applied);
      expect(without.summary.arms[1]!.adjustments).toEqual(withSink.summary.arms[1]!.adjustments);
      expect(withSink.summary.arms[0]!.adjustments).toEqual({});
    });
  });
});

describe('RunScenario', () => {
  describe('having no adaptive arm', () => {
    it('should write adjustments.csv with its header only and list it in the manifest; the summary says so', () => {
      const folder = temporaryFolder();
      const out = join(folder, 'out');
      createContainer().get(RunScenario).run({ scenario: writeScenario(folder, 'small.yaml', smallScenario({ size: 4, weeks: 2, daily: false })), outDir: out, command: 'x' });
      expect(read(join(out, 'adjustments.csv'))).toBe(`${HEADER}\n`);
      const manifest = JSON.parse(read(join(out, 'manifest.json')));
      expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(['athletes.csv', 'adjustments.csv', 'summary.json', 'contrasts.csv', 'arms.csv']);
      const summary = JSON.parse(read(join(out, 'summary.json')));
      for (const arm of summary.arms) {
        expect(arm.rules).toBeNull();
        expect(arm.adjustments).toEqual({});
        expect(Object.keys(arm.duringEvents)).toEqual(['days', 'hardSessionsPerWeek']);
      }
    });
  });
});
