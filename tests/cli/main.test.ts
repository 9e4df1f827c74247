import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonTable } from '../../src/cli/table.ts';
import { createContainer } from '../../src/composition-root.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import type { Summary } from '../../src/sim/summary.ts';
import { cli, read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';


describe('periodize (the CLI)', () => {
  describe('having --help', () => {
    it('should list the commands and exit 0', async () => {
      const { code, out } = await cli('--help');
      expect(code).toBe(0);
      expect(out).toMatch(/run \[options\] <scenario>/);
      expect(out).toMatch(/validate \[options\] <scenario>/);
      expect(out).toMatch(/explain \[options\]/);
    });
  });

  describe('having --version', () => {
    it('should print the package version', async () => {
      const { code, out } = await cli('--version');
      expect(code).toBe(0);
      expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    });
  });

  describe('having an unknown command or option', () => {
    it('should exit 2 (bad input)', async () => {
      expect((await cli('simulate', 'x.yaml')).code).toBe(2);
      expect((await cli('run', 'x.yaml', '--bogus')).code).toBe(2);
    });
  });

  describe('validate', () => {
    it('should accept a good scenario and say what it holds', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'ok.yaml', smallScenario());
      const { code, out } = await cli('validate', file);
      expect(code).toBe(0);
      expect(out).toContain('ok — 40 athletes, 4 weeks, arms: polarized (polarized), threshold (threshold)');
      expect(out).toContain('\ncontrasts: 1 pair (polarized − threshold); p-values adjusted by Holm within each metric\n');
    });

    it("should say what a study will test: its pairs, the adjustment and the sesoi", async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'study.yaml', smallScenario().replace('reference: threshold\n', 'contrasts: pairwise\nadjust: bonferroni\nsesoi: { timeTrialPct: 1 }\n'));
      const { code, out } = await cli('validate', file);
      expect(code).toBe(0);
      expect(out).toContain('\ncontrasts: 1 pair (polarized − threshold); p-values adjusted by Bonferroni within each metric; equivalence within ±1 timeTrialPct\n');
    });

    it('should count one athlete and one week in the singular', async () => {
      const file = writeScenario(temporaryFolder(), 'one.yaml', smallScenario({ size: 1, weeks: 1 }).replace(/^events:[\s\S]*?(?=^outputs)/m, ''));
      const { code, out } = await cli('validate', file);
      expect(code).toBe(0);
      expect(out).toContain('ok — 1 athlete, 1 week, arms:');
    });

    it('should print a schema problem as file:line:col: path: message, exit 2, and show no stack trace', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(
        folder,
        'bad.yaml',
        `name: Bad
seed: 1
population: { size: 10, level: recreational }
weeks: 4
arms:
  - { id: a, design: polarised }
  - { id: b, design: threshold, colour: red }
reference: c
`,
      );
      const { code, out, err } = await cli('validate', file);
      expect(code).toBe(2);
      expect(out).toBe('');
      const lines = err.trim().split('\n');
      expect(err).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
      // The schema problem, and the names of the parts that parsed: every problem at once.
      expect(lines).toEqual([
        `${file}:6:22: arms[0].design: unknown design "polarised" (did you mean "polarized"?)`,
        `${file}:7:33: arms[1]: unknown key "colour"`,
        `${file}:8:12: reference: no arm has id "c" (arms: a, b)`,
      ]);
    });

    it('should report problems found after parsing at their place too', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(
        folder,
        'bad.yaml',
        `name: Bad
seed: 1
population: { size: 10, level: recreational }
weeks: 4
arms:
  - { id: a, design: polarised }
reference: c
`,
      );
      const { code, err } = await cli('validate', file);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toEqual([
        `${file}:6:22: arms[0].design: unknown design "polarised" (did you mean "polarized"?)`,
        `${file}:7:12: reference: no arm has id "c" (arms: a)`,
      ]);
    });

    it('should say when the file does not exist', async () => {
      const { code, err } = await cli('validate', 'no/such/file.yaml');
      expect(code).toBe(2);
      expect(err.trim()).toBe('no/such/file.yaml:1:1: (document): no such file');
    });
  });

  describe('rerun', () => {
    it('should rerun a manifest\'s scenario and find every output byte-identical', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 10, weeks: 2, daily: false }));
      await cli('run', file, '--out', join(folder, 'out'), '--quiet');
      const { code, out } = await cli('rerun', join(folder, 'out', 'manifest.json'), '--out', join(folder, 'again'));
      expect(code).toBe(0);
      expect(out).toBe(`reproduced: 5 files in ${join(folder, 'again')}/ byte-identical to ${join(folder, 'out', 'manifest.json')}\n`);
    });

    it('should rerun a Parquet run as Parquet', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 10, weeks: 2, daily: false }));
      await cli('run', file, '--out', join(folder, 'out'), '--format', 'parquet', '--quiet');
      const { code, out } = await cli('rerun', join(folder, 'out', 'manifest.json'), '--out', join(folder, 'again'));
      expect(code).toBe(0);
      expect(out).toMatch(/^reproduced: 5 files/);
      expect(readdirSync(join(folder, 'again')).sort()).toEqual(['adjustments.parquet', 'arms.csv', 'athletes.parquet', 'contrasts.csv', 'manifest.json', 'summary.json']);
    });

    it('should name the outputs that differ from the manifest, and exit 3', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 10, weeks: 2, daily: false }));
      await cli('run', file, '--out', join(folder, 'out'), '--quiet');
      const manifestFile = join(folder, 'out', 'manifest.json');
      const manifest = JSON.parse(read(manifestFile));
      manifest.files[0].sha256 = '0'.repeat(64);
      writeFileSync(manifestFile, JSON.stringify(manifest));
      const { code, out } = await cli('rerun', manifestFile, '--out', join(folder, 'again'));
      expect(code).toBe(3);
      expect(out).toMatch(/^not reproduced: athletes\.csv differs from/);
    });

    it('should refuse a scenario changed since the run, exit 2', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 10, weeks: 2, daily: false }));
      await cli('run', file, '--out', join(folder, 'out'), '--quiet');
      writeFileSync(file, smallScenario({ size: 11, weeks: 2, daily: false }));
      const { code, err } = await cli('rerun', join(folder, 'out', 'manifest.json'));
      expect(code).toBe(2);
      expect(err).toMatch(/scenario\.sha256: .*small\.yaml has changed since the run: it would not reproduce it/);
    });
  });

  describe('power', () => {
    it('should print, per contrast and tested metric, the difference and the power at each study size, and write power.csv', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 200, weeks: 4, daily: false }));
      const out = join(folder, 'power');
      const result = await cli('power', file, '--n', '10,80', '--replicates', '200', '--out', out);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^Simulated trials of parallel groups \(Welch's t-test\), drawn from 200 simulated athletes, 200 per size\.\nPower: the probability that the two-sided test finds the difference at α = 0\.05, in either direction/);
      expect(result.out).toMatch(/polarized − threshold +10-km TT % +difference +[+-]?\d+\.\d\d ± \d+\.\d\d pp( \*)? +\d+ % +\d+ %/);
      // One row per contrast × 4 tested metrics.
      expect(result.out.split('\n').filter((line) => line.startsWith('polarized − threshold '))).toHaveLength(4);
      expect(result.out).toMatch(new RegExp(`wrote ${out}/ \\(power\\.csv, manifest\\.json\\)\n$`));
      const rows = read(join(out, 'power.csv')).trim().split('\n');
      expect(rows[0]).toBe('arm,vs,metric,test,design,alpha,difference,difference_mcse,dropout,sesoi,target,n,reached,power,mcse,trials');
      expect(rows).toHaveLength(1 + 4 * 2);
      expect(rows[1]).toMatch(/^polarized,threshold,vo2maxPct,difference,parallel,0\.05,-?\d+\.\d{4},\d+\.\d{4},0\.\d{4},,,10,,\d\.\d{4},\d\.\d{4},200$/);
      // The athletes a trial loses, and what a starred difference means, said under the table.
      expect(result.out).toMatch(/\nn counts the athletes analysed: \d+(–\d+)? % of the simulated athletes were not tested at the end/);
    });

    it('should find the n per arm for a target power, for the difference and, with a sesoi, for equivalence', async () => {
      const folder = temporaryFolder();
      const scenario = smallScenario({ size: 200, weeks: 4, daily: false }).replace('reference: threshold\n', 'contrasts: pairwise\nsesoi: { timeTrialPct: 1.0 }\n');
      const file = writeScenario(folder, 'study.yaml', scenario);
      const out = join(folder, 'power');
      const result = await cli('power', file, '--target', '0.8', '--replicates', '200', '--paired', '--out', out);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^The smallest n \(athletes, each in both arms\) whose simulated trials reach 80 % power/);
      expect(result.out).toMatch(/polarized − threshold +10-km TT % +[+-]?\d+\.\d\d ± \d+\.\d\d pp( \*)? +(\d+ \(\d+ % ± \d+\.\d\)|> 10,000 \(\d+ % at 10,000\)) +±1: /);
      expect(result.out).toMatch(/\nA crossover here is the same athletes in both arms with one baseline test/);
      const rows = read(join(out, 'power.csv')).trim().split('\n').map((line) => line.split(','));
      const tt = rows.filter((row) => row[2] === 'timeTrialPct');
      expect(tt.map((row) => row[3])).toEqual(['difference', 'equivalence']);
      for (const row of rows.slice(1)) {
        expect(row[4]).toBe('paired');
        expect(row[10]).toBe('0.8');
        // Reached: power at n at least the target; not reached: the largest n searched, below it.
        expect(row[12] === 'true' ? Number(row[13]) >= 0.8 : Number(row[11]) === 10_000 && Number(row[13]) < 0.8).toBe(true);
      }
    });

    it('should say contrasts are needed, or that the options are wrong, and exit 2', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 20, weeks: 4, daily: false }).replace('reference: threshold\n', ''));
      const noReference = await cli('power', file, '--out', join(folder, 'p'));
      expect(noReference.code).toBe(2);
      expect(noReference.err).toMatch(/power compares arms: add reference: <arm id> or contrasts: pairwise to the scenario/);
      const cases: [string[], string][] = [
        [['--n', '10,one'], '--n: whole numbers of at least 2, comma-separated (got 10,one)'],
        [['--target', '1.5'], '--target: a power between 0 and 1, such as 0.8 (got 1.5)'],
        [['--target', '0.8', '--n', '20'], '--target finds the n: give it or --n, not both'],
        [['--alpha', '0'], '--alpha: a significance level above 0 and at most 0.5, such as 0.05 (got 0)'],
        [['--target', 'abc'], '--target: a power between 0 and 1, such as 0.8 (got abc)'],
      ];
      for (const [args, message] of cases) {
        const result = await cli('power', file, ...args);
        expect([result.code, result.err]).toEqual([2, `periodize power: ${message}\n`]);
      }
      expect(existsSync(join(folder, 'p'))).toBe(false);
    });
  });

  describe('rules', () => {
    it('should list every built-in rule set, every fact with its unit, and the operators, scopes, actions, hit policies, guardrails and fact settings', async () => {
      const { code, out } = await cli('rules');
      expect(code).toBe(0);
      for (const name of ['none', 'hrv-kiviniemi', 'hrv-swc', 'multi-marker', 'conservative-coach']) expect(out).toContain(`  ${name} — `);
      expect(out).toMatch(/hrvMean7dBelowBandDays +days the HRV 7-day mean has been below the lower band \(days\)/);
      expect(out).toMatch(/^ {2}below, above, atMost, atLeast, equals +one number$/m);
      expect(out).toMatch(/^ {2}isTrue, isFalse, isMissing +nothing \(no value:\)$/m);
      for (const scope of ['today', 'nextSession', 'restOfWeek', 'nextMicrocycle', 'nextMesocycle']) expect(out).toMatch(new RegExp(`^  ${scope} +\\S`, 'm'));
      expect(out).toMatch(/^ {2}rest +scope: today \| nextSession$/m);
      expect(out).toMatch(/^ {2}extendBlock +weeks: 1–8 \(whole\)$/m);
      expect(out).toMatch(/^ {2}collect +every rule that fires; /m);
      expect(out).toMatch(/^ {2}maxHardDaysInRow +1–7 \(whole\) +most hard days in a row$/m);
      expect(out).toMatch(/^ {2}hrvBaselineDays +28 +7–90 \(whole\) +days of lnRMSSD/m);
    });

    it('should keep every line within 100 columns', async () => {
      const { out } = await cli('rules');
      expect(out.split('\n').filter((line) => [...line].length > 100)).toEqual([]);
    });

    it('should print a built-in rule set as a rule file that loads as one', async () => {
      const { code, out } = await cli('rules', 'multi-marker');
      expect(code).toBe(0);
      const folder = temporaryFolder();
      writeScenario(folder, 'copy.yaml', out);
      const scenario = writeScenario(
        folder,
        'scenario.yaml',
        'name: copy\nseed: 1\npopulation: { size: 2, level: recreational }\nweeks: 1\narms:\n  - { id: a, design: polarized, rules: copy.yaml }\n',
      );
      const spec = createContainer().get(RunScenario).load(scenario);
      expect(spec.arms[0]!.rules!.ruleSet.rules.map((rule) => rule.id)).toEqual(['decrease-load', 'decrease-volume', 'increase-load']);
    });

    it('should say which built-in was meant and exit 2 for an unknown name', async () => {
      const { code, err } = await cli('rules', 'hrv-sw');
      expect(code).toBe(2);
      expect(err).toBe('no built-in rule set "hrv-sw" (did you mean "hrv-swc"?)\n');
    });
  });

  describe('run', () => {
    it('should print the comparison table and write the outputs of the contract', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario());
      const out = join(folder, 'out');
      const result = await cli('run', file, '--out', out);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/Paired difference vs threshold/);
      expect(result.out).toMatch(/polarized +polarized +\d+\/ ?\d+\/ ?\d+/);
      expect(readdirSync(out).sort()).toEqual(['adjustments.csv', 'arms.csv', 'athletes.csv', 'contrasts.csv', 'days.csv', 'manifest.json', 'summary.json']);
      const summary = JSON.parse(read(join(out, 'summary.json')));
      expect(summary.arms.map((arm: { id: string }) => arm.id)).toEqual(['polarized', 'threshold']);
      // Hedges' g of each paired difference stands in its own column, right under its header.
      const pairedLines = result.out.split('Paired difference')[1]!.split('\n').filter((line) => line.trim() !== '');
      const header = pairedLines.find((line) => line.startsWith('arm '))!;
      const row = pairedLines.find((line) => line.startsWith('polarized'))!;
      const g = summary.arms[0].vsReference.vo2maxPct.hedgesG as number;
      const shown = `${g > 0 ? '+' : ''}${g.toFixed(2)}`;
      const gColumn = header.indexOf(' g ') + 1;
      expect(row.slice(gColumn - shown.length + 1, gColumn + 1)).toBe(shown);
      const manifest = JSON.parse(read(join(out, 'manifest.json')));
      expect(manifest.seed).toBe(11);
      expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(['athletes.csv', 'days.csv', 'adjustments.csv', 'summary.json', 'contrasts.csv', 'arms.csv']);
    });

    it('should write nothing and exit 2 when the scenario is bad', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'bad.yaml', 'name: x\nseed: 1\n');
      const out = join(folder, 'out');
      const result = await cli('run', file, '--out', out);
      expect(result.code).toBe(2);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(folder)).toEqual(['bad.yaml']);
    });

    it('should say when the scenario cannot be read, exit 2 and show no stack trace', async () => {
      const folder = temporaryFolder();
      const missing = await cli('run', join(folder, 'missing.yaml'), '--out', join(folder, 'out'));
      expect(missing.code).toBe(2);
      expect(missing.err.trim()).toBe(`${join(folder, 'missing.yaml')}:1:1: (document): no such file`);
      const aFolder = await cli('run', folder, '--out', join(folder, 'out'));
      expect(aFolder.code).toBe(2);
      expect(aFolder.err.trim()).toBe(`${folder}:1:1: (document): is a folder, not a file`);
      expect(readdirSync(folder)).toEqual([]);
    });

    it('should say when the output folder cannot be created, exit 2 and show no stack trace', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 4 }));
      writeScenario(folder, 'in-the-way', 'a file, not a folder');
      const result = await cli('run', file, '--out', join(folder, 'in-the-way', 'out'));
      expect(result.code).toBe(2);
      // A file where a parent folder should be: not a folder.
      expect(result.err.trim()).toBe(`${join(folder, 'in-the-way', 'out')}: cannot create the output folder: ENOTDIR`);
      // The output folder itself a file: refused before the simulation, the file left as it was.
      const itself = await cli('run', file, '--out', join(folder, 'in-the-way'));
      expect([itself.code, itself.err.trim(), itself.out]).toEqual([2, `${join(folder, 'in-the-way')}: cannot create the output folder: EEXIST`, '']);
      expect(readFileSync(join(folder, 'in-the-way'), 'utf8')).toBe('a file, not a folder');
    });

    it('should print only the final line with --quiet', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ daily: false }));
      const result = await cli('run', file, '--out', join(folder, 'out'), '--quiet');
      expect(result.code).toBe(0);
      expect(result.out.trim().split('\n')).toHaveLength(1);
      expect(result.out).toMatch(/^wrote .+\(athletes\.csv, adjustments\.csv, summary\.json, contrasts\.csv, arms\.csv, manifest\.json\): 2,240 athlete-days in/);
    });
  });
});

describe(comparisonTable, () => {
  /** The summary of a small run (two fixed arms), with the first arm made adaptive by hand. */
  function adaptiveSummary(hardSessionsPerWeek: number | null): Summary {
    const folder = temporaryFolder();
    const summary = createContainer().get(RunScenario).run({ scenario: writeScenario(folder, 'small.yaml', smallScenario({ size: 4, daily: false })), outDir: join(folder, 'out'), command: 'x' }).summary!;
    const [adaptive, fixed] = summary.arms;
    adaptive!.id = 'polarized-hrv';
    adaptive!.rules = 'hrv-swc';
    adaptive!.adjustments = {
      'hrv-outside-band': { fired: 1500, count: 1100, athletes: 412, overridden: 0 },
      'rhr-high': { fired: 7, count: 0, athletes: 0, overridden: 7 },
      'guardrail:acwrCap': { fired: null, count: 134, athletes: 1, overridden: 0 },
    };
    adaptive!.duringEvents = { days: 3.5, hardSessionsPerWeek };
    fixed!.duringEvents = { days: 3.5, hardSessionsPerWeek: hardSessionsPerWeek === null ? null : 2.84 };
    return summary;
  }

  describe('having one athlete and one week', () => {
    it('should say so in the singular in the heading', () => {
      const summary = adaptiveSummary(null);
      summary.weeks = 1;
      summary.population = { level: 'recreational', size: 1 };
      expect(comparisonTable(summary).split('\n')[0]).toBe('Small test scenario — 1 recreational athlete, 1 week, seed 11');
    });

    it('should say "1 possible version" of named athletes', () => {
      const summary = adaptiveSummary(null);
      summary.population = { athletes: ['ana'], replicates: 1, size: 1 };
      expect(comparisonTable(summary).split('\n')[0]).toBe('Small test scenario — ana × 1 possible version, 4 weeks, seed 11');
    });
  });

  describe('having an adaptive arm and events', () => {
    it('should say under the table what each rule changed, and the hard sessions per week during events in every arm', () => {
      const lines = comparisonTable(adaptiveSummary(1.16)).split('\n');
      const at = lines.indexOf('Changes the adaptive engine applied, by rule:');
      expect(at).toBeGreaterThan(0);
      expect(lines.slice(at + 1, at + 3)).toEqual([
        '  polarized-hrv (hrv-swc): 1 234 changes — hrv-outside-band 1 100 (412 athletes), rhr-high 0 (0 athletes, 7 overridden), guardrail:acwrCap 134 (1 athlete)',
        'Hard sessions per week during sleep restriction or illness: polarized-hrv 1.2, threshold 2.8',
      ]);
    });
  });

  describe('having an adaptive arm and no event days', () => {
    it('should leave the line about events out', () => {
      const table = comparisonTable(adaptiveSummary(null));
      expect(table).toContain('polarized-hrv (hrv-swc): 1 234 changes');
      expect(table).not.toContain('during sleep restriction');
    });
  });

  describe('having fixed arms only', () => {
    it('should add nothing about the engine', () => {
      const summary = adaptiveSummary(1.16);
      summary.arms[0]!.rules = null;
      expect(comparisonTable(summary)).not.toMatch(/adaptive|during sleep restriction/);
    });
  });
});
