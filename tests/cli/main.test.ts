import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';


describe('periodize (the CLI)', () => {
  describe('having --help', () => {
    it('should list the commands and exit 0', async () => {
      const { code, out } = await cli('--help');
      expect(code).toBe(0);
      expect(out).toMatch(/run \[options\] <scenario>/);
      expect(out).toMatch(/validate <scenario>/);
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
      expect(lines).toEqual([`${file}:7:33: arms[1]: unknown key "colour"`]);
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

  describe('run', () => {
    it('should print the comparison table and write the outputs of the contract', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario());
      const out = join(folder, 'out');
      const result = await cli('run', file, '--out', out);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/Paired difference vs threshold/);
      expect(result.out).toMatch(/polarized +polarized +\d+\/ ?\d+\/ ?\d+/);
      expect(readdirSync(out).sort()).toEqual(['athletes.csv', 'days.csv', 'manifest.json', 'summary.json']);
      const summary = JSON.parse(read(join(out, 'summary.json')));
      expect(summary.arms.map((arm: { id: string }) => arm.id)).toEqual(['polarized', 'threshold']);
      // Hedges' g of each paired difference stands in its own column, right under its header.
      const pairedLines = result.out.split('Paired difference')[1]!.split('\n').filter((line) => line.trim() !== '');
      const header = pairedLines[1]!;
      const row = pairedLines.find((line) => line.startsWith('polarized'))!;
      const g = summary.arms[0].vsReference.vo2maxPct.hedgesG as number;
      const shown = `${g > 0 ? '+' : ''}${g.toFixed(2)}`;
      const gColumn = header.indexOf(' g ') + 1;
      expect(row.slice(gColumn - shown.length + 1, gColumn + 1)).toBe(shown);
      const manifest = JSON.parse(read(join(out, 'manifest.json')));
      expect(manifest.seed).toBe(11);
      expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(['athletes.csv', 'days.csv', 'summary.json']);
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
      expect(result.err.trim()).toBe(`${join(folder, 'in-the-way', 'out')}: cannot create the output folder: EEXIST`);
    });

    it('should print only the final line with --quiet', async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'small.yaml', smallScenario({ daily: false }));
      const result = await cli('run', file, '--out', join(folder, 'out'), '--quiet');
      expect(result.code).toBe(0);
      expect(result.out.trim().split('\n')).toHaveLength(1);
      expect(result.out).toMatch(/^wrote .+\(athletes\.csv, summary\.json, manifest\.json\): 2,240 athlete-days in/);
    });
  });
});
