import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { InputError } from '../../src/models/input/located.ts';
import { ARM_COLUMNS } from '../../src/sim/outputs/arms-csv.ts';
import { CONTRAST_COLUMNS } from '../../src/sim/outputs/contrasts-csv.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import { pairedEquivalence, pairedTTest } from '../../src/sim/stats/hypothesis.ts';
import { eventsInWords, METRICS, type Summary } from '../../src/sim/summary.ts';
import { comparisonTable } from '../../src/cli/table.ts';
import { read, temporaryFolder, writeScenario } from '../helpers.ts';

/** Three designs and a copy of the first (the same plan: every difference 0), with `extra` lines. */
function study(extra: string, size = 60): string {
  return `name: Study
seed: 5
population: { size: ${size}, level: recreational }
weeks: 4
arms:
  - { id: polarized, design: polarized }
  - { id: pyramidal, design: pyramidal }
  - { id: threshold, design: threshold }
  - { id: polarized-again, design: polarized }
${extra}`;
}

/** Holm's adjustment written out from its definition (Holm 1979), apart from the project's. */
function holm(p: number[]): number[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const adjusted: number[] = [];
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (p.length - rank) * p[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}

describe('the study contrasts (contrasts: pairwise, adjust, sesoi)', () => {
  const folder = temporaryFolder();
  const job = createContainer().get(RunScenario);
  const run = (name: string, text: string) => {
    const out = join(folder, name);
    job.run({ scenario: writeScenario(folder, `${name}.yaml`, text), outDir: out, command: 'x' });
    return {
      summary: JSON.parse(read(join(out, 'summary.json'))) as Summary,
      rows: read(join(out, 'contrasts.csv')).trim().split('\n').map((line) => line.split(',')),
      athletes: read(join(out, 'athletes.csv')).trim().split('\n').map((line) => line.split(',')),
      arms: read(join(out, 'arms.csv')).trim().split('\n').map((line) => line.split(',')),
    };
  };
  const pairwise = run('pairwise', study('reference: threshold\ncontrasts: pairwise\nsesoi: { timeTrialPct: 1.0, vo2maxPct: 1.5 }\n'));

  it('should make every pair once, earlier minus later, the reference always on the right', () => {
    expect(pairwise.summary.contrasts.pairs.map(({ arm, vs }) => `${arm} − ${vs}`)).toEqual([
      'polarized − pyramidal',
      'polarized − threshold',
      'polarized − polarized-again',
      'pyramidal − threshold',
      'pyramidal − polarized-again',
      'polarized-again − threshold',
    ]);
    expect(pairwise.summary.contrasts).toMatchObject({ adjust: 'holm', alpha: 0.05, sesoi: { timeTrialPct: 1, vo2maxPct: 1.5 } });
  });

  it("should test each contrast with the paired t-test of athletes.csv's changes", () => {
    const header = pairwise.athletes[0]!;
    const column = (name: string) => header.indexOf(name);
    const changes = (arm: string) => pairwise.athletes.slice(1).filter((row) => row[column('arm')] === arm).map((row) => row[column('timeTrialPct')]!);
    const [a, b] = [changes('polarized'), changes('pyramidal')];
    const differences = a.flatMap((value, i) => (value === '' || b[i] === '' ? [] : [Number(value) - Number(b[i])]));
    const expected = pairedTTest(differences)!;
    const c = pairwise.summary.contrasts.pairs[0]!.metrics.timeTrialPct;
    // athletes.csv rounds each change to 3 decimals: agreement to about 1e-3 in t.
    expect(c.t!).toBeCloseTo(expected.t, 2);
    expect(c.df).toBe(expected.df);
    expect(c.n).toBe(differences.length);
    expect(Math.abs(Math.log(c.p! / expected.p))).toBeLessThan(0.01);
    const tost = pairedEquivalence(differences, 1.0)!;
    expect(Math.abs(c.equivalence!.p - tost.p)).toBeLessThan(1e-3);
  });

  it("should adjust each metric's p-values over its contrasts by Holm's method, and judge by the adjusted ones", () => {
    for (const metric of METRICS) {
      const tested = pairwise.summary.contrasts.pairs.map((pair) => pair.metrics[metric]).filter((c) => c.p !== null);
      const expected = holm(tested.map((c) => c.p!));
      tested.forEach((c, i) => {
        // Each p is kept to 4 significant digits: the adjusted ones agree to that.
        expect(Math.abs(c.pAdjusted! - expected[i]!)).toBeLessThanOrEqual(1e-3 * Math.max(c.pAdjusted!, 1e-300));
        const different = c.pAdjusted! < 0.05;
        const equivalent = c.equivalence !== null && c.equivalence.pAdjusted < 0.05;
        expect(c.verdict).toBe(different ? (equivalent ? 'trivial' : 'different') : equivalent ? 'equivalent' : 'inconclusive');
      });
    }
  });

  it('should find two arms on the same plan equivalent within the sesoi, not different', () => {
    // The same plan, but each arm's tests have their own test error: a difference of noise only.
    const same = pairwise.summary.contrasts.pairs.find((pair) => pair.arm === 'polarized' && pair.vs === 'polarized-again')!;
    expect(same.metrics.timeTrialPct.pAdjusted!).toBeGreaterThan(0.05);
    expect(same.metrics.timeTrialPct.verdict).toBe('equivalent');
    expect(same.metrics.lt2SpeedPct.verdict).toBe('inconclusive'); // no sesoi for it
  });

  it('should write contrasts.csv as summary.json says, one row per pair and metric', () => {
    expect(pairwise.rows[0]).toEqual([...CONTRAST_COLUMNS]);
    expect(pairwise.rows).toHaveLength(1 + 6 * METRICS.length);
    const col = (name: string) => CONTRAST_COLUMNS.indexOf(name as (typeof CONTRAST_COLUMNS)[number]);
    for (const row of pairwise.rows.slice(1)) {
      const pair = pairwise.summary.contrasts.pairs.find((p) => p.arm === row[col('arm')] && p.vs === row[col('vs')])!;
      const c = pair.metrics[row[col('metric')] as 'timeTrialPct'];
      expect(row[col('p_adjusted')] === '' ? null : Number(row[col('p_adjusted')])).toBe(c.pAdjusted);
      expect(row[col('verdict')]).toBe(c.verdict ?? '');
      expect(row[col('adjust')]).toBe('holm');
      expect(row[col('sesoi')]).toBe(c.equivalence === null ? '' : String(c.equivalence.sesoi));
    }
  });

  it('should keep vsReference the comparison of the same contrast in the list', () => {
    const polarized = pairwise.summary.arms.find((arm) => arm.id === 'polarized')!;
    const { t: _t, df: _df, p: _p, pAdjusted: _a, equivalence: _e, verdict: _v, ...comparison } = pairwise.summary.contrasts.pairs[1]!.metrics.vo2maxPct;
    expect(polarized.vsReference!.vo2maxPct).toEqual(comparison);
  });

  it('should compare only the named pairs, with the adjustment asked for', () => {
    const named = run('named', study('contrasts: [[polarized, pyramidal], [threshold, polarized]]\nadjust: bonferroni\n', 20));
    expect(named.summary.reference).toBeNull();
    expect(named.summary.contrasts.pairs.map(({ arm, vs }) => `${arm} − ${vs}`)).toEqual(['polarized − pyramidal', 'threshold − polarized']);
    for (const pair of named.summary.contrasts.pairs) {
      const c = pair.metrics.vo2maxPct;
      expect(c.pAdjusted).toBeCloseTo(Math.min(1, 2 * c.p!), 3);
      expect(c.equivalence).toBeNull();
    }
  });

  it('should hold one problem per bad contrast, with where it is — with the schema problems of other parts, at once', () => {
    const bad = study('contrasts: [[polarised, pyramidal], [threshold, threshold], [pyramidal, polarized], [polarized, pyramidal]]\nsesoi: { timeTrial: 1 }\n');
    let error: unknown;
    try {
      job.load(writeScenario(folder, 'bad.yaml', bad));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).toMatch(/sesoi: unknown key "timeTrial"/);
    expect(message).toMatch(/contrasts\[0\]\[0\]: no arm has id "polarised" \(did you mean "polarized"\?\)/);
    expect(message).toMatch(/contrasts\[1\]: a contrast compares two different arms \(got threshold twice\)/);
    expect(message).toMatch(/contrasts\[3\]: polarized and pyramidal are already compared \(contrasts\[2\]\)/);
  });

  it('should refuse pairwise contrasts of one arm', () => {
    const one = 'name: One\nseed: 1\npopulation: { size: 4, level: recreational }\nweeks: 2\narms:\n  - { id: a, design: polarized }\ncontrasts: pairwise\n';
    expect(() => job.load(writeScenario(folder, 'one.yaml', one))).toThrow(/contrasts: pairwise contrasts need at least two arms/);
  });

  describe('arms.csv', () => {
    it('should hold one row per arm and metric, as summary.json says', () => {
      expect(pairwise.arms[0]).toEqual([...ARM_COLUMNS]);
      expect(pairwise.arms).toHaveLength(1 + 4 * METRICS.length);
      for (const row of pairwise.arms.slice(1)) {
        const arm = pairwise.summary.arms.find((a) => a.id === row[0])!;
        const m = arm.metrics[row[3] as 'timeTrialPct'];
        expect(row[1]).toBe(arm.design);
        expect(Number(row[4])).toBe(m.n);
        expect(Number(row[5])).toBeCloseTo(m.mean, 4);
        expect(row[6] === '' ? null : Number(row[6])).toBeCloseTo(m.sd ?? Number.NaN, 4);
        expect(Number(row[8])).toBeCloseTo(m.ci95![0], 4);
      }
    });

    it("should give each arm's mean, SD and median of athletes.csv's column", () => {
      const header = pairwise.athletes[0]!;
      const values = pairwise.athletes
        .slice(1)
        .filter((row) => row[header.indexOf('arm')] === 'pyramidal' && row[header.indexOf('vo2maxPct')] !== '')
        .map((row) => Number(row[header.indexOf('vo2maxPct')]))
        .sort((a, b) => a - b);
      const n = values.length;
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
      const median = n % 2 === 1 ? values[(n - 1) / 2]! : (values[n / 2 - 1]! + values[n / 2]!) / 2;
      const row = pairwise.arms.find((r) => r[0] === 'pyramidal' && r[3] === 'vo2maxPct')!;
      // athletes.csv keeps 3 decimals of each change.
      expect(Number(row[4])).toBe(n);
      expect(Number(row[5])).toBeCloseTo(mean, 3);
      expect(Number(row[6])).toBeCloseTo(sd, 3);
      expect(Number(row[7])).toBeCloseTo(median, 3);
    });
  });

  describe('what the arms share (summary.json events)', () => {
    it('should count the scripted events and say that illness and injuries beyond them differ by arm', () => {
      expect(pairwise.summary.events).toEqual({ scripted: 0, scriptedInEveryArm: true, what: eventsInWords(0, false) });
      const limited = run('limited', study('reference: threshold\nevents:\n  - { type: illness, fromWeek: 2, days: 3 }\n  - { type: illness, fromWeek: 3, days: 2, arms: [polarized] }\n', 8));
      expect(limited.summary.events).toMatchObject({ scripted: 2, scriptedInEveryArm: false });
      expect(limited.summary.events.what).toBe(
        "the 2 scripted events fall on the same athletes and days in every arm, or in the arms an event names; illness and injuries beyond them follow from each arm's training and differ between arms (ill days and injuries count both)",
      );
      expect(eventsInWords(0, false)).toMatch(/^no scripted events: illness and injuries follow from each arm's training/);
    });
  });

  describe('the terminal', () => {
    it('should print the tested contrasts when the study names fewer than the reference table shows, and a line when it is that table', () => {
      const fewer = run('fewer', study('reference: threshold\ncontrasts: [[pyramidal, threshold]]\n', 8));
      const text = comparisonTable(fewer.summary);
      expect(text).toMatch(/\nContrasts \(same athletes\): mean difference \[95 % CI, bootstrap, not adjusted\], paired t-test two-sided with Holm's step-down adjustment within each metric/);
      expect(text).toMatch(/\npyramidal − threshold +[+-]?\d/);
      expect(text).not.toMatch(/\npolarized − threshold /);
      const plain = run('plain', study('reference: threshold\n', 8));
      expect(comparisonTable(plain.summary)).toMatch(/\np-values of these contrasts \(paired t-test, two-sided, Holm's step-down adjustment within each metric\): contrasts\.csv$/);
    });
  });
});
