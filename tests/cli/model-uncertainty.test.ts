import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { PARAMETERS, UNCERTAIN_PARAMETERS } from '../../src/models/parameters.ts';
import { parametersOfSet, readEnsemble } from '../../src/sim/calibration/ensemble-file.ts';
import { resampleSets } from '../../src/sim/calibration/draws.ts';
import { CONTRAST_COLUMNS, MODEL_COLUMNS } from '../../src/sim/outputs/contrasts-csv.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import type { Summary } from '../../src/sim/summary.ts';
import { cli, read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('periodize run --uncertainty ensemble:M (the model uncertainty of every contrast)', () => {
  let folder: string;
  let file: string;
  let run: { code: number; out: string; err: string };
  let summary: Summary;
  beforeAll(async () => {
    folder = temporaryFolder();
    file = writeScenario(folder, 'small.yaml', smallScenario({ size: 40, weeks: 6, daily: false }));
    run = await cli('run', file, '--out', join(folder, 'with'), '--uncertainty', 'ensemble:3', '--workers', '1');
    summary = JSON.parse(read(join(folder, 'with', 'summary.json'))) as Summary;
  });

  it('should print both intervals, labelled apart, and say what the sets cost', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Paired difference vs threshold (same athletes and scripted events): mean [95 % CI]');
    expect(run.out).toContain('Model uncertainty — the paired difference under 3 parameter sets drawn by weight from the calibrated ensemble (ensemble/ensemble.json)');
    expect(run.out).toMatch(/\npolarized +[+-]?\d+\.\d \[[+-]?\d+\.\d, [+-]?\d+\.\d\] .* \d+ %\n/);
    expect(run.out).toMatch(/athlete-days in .*; [\d,]+ more under 3 parameter sets of the ensemble\n$/);
  });

  it('should give each contrast the median and 90 % range of its mean difference under each drawn set, run on its own', async () => {
    const { ensemble } = readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS);
    // Each drawn set run as a plain run would be, under that set's constants: its contrast, rounded as summary.json rounds.
    const perSet = resampleSets(ensemble, 3).map((set, i) => {
      const job = createContainer(parametersOfSet(PARAMETERS, ensemble, set)).get(RunScenario);
      return job.run({ scenario: file, outDir: join(folder, `set-${i}`), command: 'test' }).summary!.arms[0]!.vsReference!.timeTrialPct.diff;
    });
    const sorted = [...perSet].sort((a, b) => a - b);
    const model = summary.arms[0]!.vsReference!.timeTrialPct.modelUncertainty!;
    expect(model.sets).toBe(3);
    expect(model.median).toBeCloseTo(sorted[1]!, 3);
    // Type 7 over three values: the 5th percentile a tenth of the way from the lowest to the middle one.
    expect(model.interval90[0]).toBeCloseTo(sorted[0]! + 0.1 * (sorted[1]! - sorted[0]!), 3);
    expect(model.interval90[1]).toBeCloseTo(sorted[1]! + 0.9 * (sorted[2]! - sorted[1]!), 3);
    const own = summary.arms[0]!.vsReference!.timeTrialPct.diff;
    expect(model.sameSign).toBeCloseTo(perSet.filter((d) => Math.sign(d) === Math.sign(own)).length / 3, 4);
    expect(summary.modelUncertainty).toMatchObject({ ensemble: 'ensemble/ensemble.json', sets: 3, athletesPerSet: 40 });
  });

  it('should add the model columns to contrasts.csv and record the sets in the manifest', () => {
    const [header, ...rows] = read(join(folder, 'with', 'contrasts.csv')).trim().split('\n');
    expect(header).toBe([...CONTRAST_COLUMNS, ...MODEL_COLUMNS].join(','));
    const timeTrial = rows.find((row) => row.startsWith('polarized,threshold,timeTrialPct,'))!.split(',');
    const model = summary.arms[0]!.vsReference!.timeTrialPct.modelUncertainty!;
    expect(timeTrial.slice(CONTRAST_COLUMNS.length).map(Number)).toEqual([model.median, ...model.interval90, model.sameSign, 3]);
    const manifest = JSON.parse(read(join(folder, 'with', 'manifest.json')));
    expect(manifest.uncertainty).toMatchObject({ ensemble: 'ensemble/ensemble.json', sets: 3 });
    expect(manifest.uncertainty.ensembleSha256).toBe(readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS).sha256);
  });

  it("should leave the run's own outputs as a run without the flag writes them: the same athletes and statistics, no model field or column", async () => {
    const plain = await cli('run', file, '--out', join(folder, 'plain'), '-q');
    expect(plain.code).toBe(0);
    expect(read(join(folder, 'plain', 'summary.json'))).not.toContain('modelUncertainty');
    expect(read(join(folder, 'plain', 'contrasts.csv')).split('\n')[0]).toBe(CONTRAST_COLUMNS.join(','));
    expect(read(join(folder, 'plain', 'athletes.csv'))).toBe(read(join(folder, 'with', 'athletes.csv')));
    const { modelUncertainty: _, arms, contrasts, ...rest } = summary;
    const without = <C extends { modelUncertainty?: unknown }>(byMetric: Record<string, C>) => Object.fromEntries(Object.entries(byMetric).map(([metric, { modelUncertainty: __, ...c }]) => [metric, c]));
    // Every contrast the summary shows has its model interval: the reference contrasts and the study's.
    expect(contrasts.pairs.every((pair) => Object.values(pair.metrics).every((c) => c.modelUncertainty !== undefined))).toBe(true);
    const stripped = {
      ...rest,
      arms: arms.map((arm) => (arm.vsReference === null ? arm : { ...arm, vsReference: without(arm.vsReference) })),
      contrasts: { ...contrasts, pairs: contrasts.pairs.map((pair) => ({ ...pair, metrics: without(pair.metrics) })) },
    };
    expect(JSON.parse(read(join(folder, 'plain', 'summary.json')))).toEqual(stripped);
  });

  it('should write the same files on two worker processes, and rerun reproduce them', async () => {
    const two = await cli('run', file, '--out', join(folder, 'two'), '--uncertainty', 'ensemble:3', '--workers', '2', '-q');
    expect(two.code).toBe(0);
    for (const name of ['summary.json', 'contrasts.csv', 'athletes.csv']) expect(read(join(folder, 'two', name)), name).toBe(read(join(folder, 'with', name)));
    const rerun = await cli('rerun', join(folder, 'with', 'manifest.json'), '--out', join(folder, 'rerun'), '--workers', '1');
    expect(rerun.out).toMatch(/^reproduced: 5 files/);
    expect(rerun.code).toBe(0);
  });

  it('should refuse a bad --uncertainty, a shard, or a scenario without a reference, before any work and writing nothing', async () => {
    const noReference = writeScenario(folder, 'no-reference.yaml', smallScenario({ size: 4 }).replace('reference: threshold\n', ''));
    const cases: [string[], RegExp][] = [
      [['run', file, '--out', join(folder, 'x1'), '--uncertainty', 'ensemble:1'], /^periodize run: --uncertainty: ensemble:M: M from 2 to 1000 parameter sets \(got 1\)\n$/],
      [['run', file, '--out', join(folder, 'x2'), '--uncertainty', 'prior'], /^periodize run: --uncertainty: expected ensemble or ensemble:M/],
      [['run', file, '--out', join(folder, 'x3'), '--uncertainty', 'ensemble', '--shard', '0/2'], /a shard has no summary/],
      [['run', noReference, '--out', join(folder, 'x4'), '--uncertainty', 'ensemble'], /compares arms: add reference: <arm id> or contrasts: pairwise to the scenario\n$/],
      [['power', file, '--uncertainty', 'ensemble:0'], /^periodize power: --uncertainty: ensemble:M: M from 2/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(folder).filter((name) => name.startsWith('x'))).toEqual([]);
  });

  it('should refuse, before the sets, an output folder with a file in its place', async () => {
    const inTheWay = join(folder, 'file-in-the-way');
    writeScenario(folder, 'file-in-the-way', 'not a folder');
    const result = await cli('run', file, '--out', inTheWay, '--uncertainty', 'ensemble:2', '--workers', '1');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/file-in-the-way: cannot create the output folder: EEXIST/);
    expect(existsSync(`${inTheWay}.partial-${process.pid}`)).toBe(false);
  });
});

describe('periodize power --uncertainty ensemble:M', () => {
  it('should give the difference and every power with its range over plausible models', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 60, weeks: 6, daily: false }));
    const result = await cli('power', file, '--n', '10,20', '--replicates', '50', '--uncertainty', 'ensemble:3', '--out', join(folder, 'power'));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('[brackets]: the 5th to 95th percentile over 3 parameter sets drawn by weight from the calibrated ensemble');
    const row = result.out.split('\n').find((line) => line.startsWith('polarized − threshold') && line.includes('10-km TT %'))!;
    expect(row).toMatch(/[+-]?\d+\.\d\d ± \d+\.\d\d pp( \*)? \[[+-]\d+\.\d\d pp, [+-]\d+\.\d\d pp\] +\d+ % \[\d+–\d+ %\] +\d+ % \[\d+–\d+ %\]$/);
    const plain = await cli('power', file, '--n', '10,20', '--replicates', '50', '--out', join(folder, 'plain'));
    // The committed constants' numbers are the same with or without the ranges beside them.
    const strip = (line: string) => line.replace(/ \[[^\]]*\]/g, '').replace(/\s+/g, ' ');
    const plainRow = plain.out.split('\n').find((line) => line.startsWith('polarized − threshold') && line.includes('10-km TT %'))!;
    expect(strip(row)).toBe(strip(plainRow));
  });
});

describe('periodize trials --uncertainty ensemble:M (predictive checks)', () => {
  let folder: string;
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    folder = temporaryFolder();
    // Craven states a 95 % CI (its sampling error, from the paper); Mujika a band (studies of its n, drawn).
    for (const name of ['craven-2022.yaml', 'mujika-1996.yaml']) copyFileSync(join(ROOT, 'trials', name), join(folder, name));
    result = await cli('trials', folder, '--size', '500', '--uncertainty', 'ensemble:3', '--workers', '1', '--write');
  }, 120_000);

  it("should give each outcome the model's interval and the study's, and the coverage per role", () => {
    expect(result.err).toBe('');
    // Exit 3 when an outcome misses its band (the suite's verdict), as without --uncertainty.
    expect(result.code).toBe(/\n {2}OUTSIDE .*, band /.test(result.out) ? 3 : 0);
    expect(result.out).toContain('Predictive checks: every trial run again under 3 parameter sets drawn by weight from the calibrated ensemble');
    expect(result.out).toMatch(/\n {2}(inside |OUTSIDE) {2}calibration {2}Craven et al\. 2022: next-day endurance performance, short night − normal → time trial: published −7\.6 pp \(95 % CI −11\.9 to −3\.1\), study −?\d+\.\d to −?\d+\.\d, model −?\d+\.\d \[−?\d+\.\d, −?\d+\.\d\] pp\n/);
    // Craven states a 95 % CI (an estimate); Mujika's two are figures its bands were drawn around.
    expect(result.out).toMatch(/\nvalidation: 0 of 0 published estimates inside the study's 90 % predictive interval; 0 of 0 other published figures; calibration \(in-sample\): [01] of 1 published estimates inside the study's 90 % predictive interval \(\d+ %\); [0-2] of 2 other published figures\n/);
  });

  it("should widen the study's interval by the SE its published CI implies", () => {
    const line = result.out.split('\n').find((l) => l.includes('Craven et al. 2022: next-day'))!;
    const [, low, high] = /study (−?\d+\.\d) to (−?\d+\.\d)/.exec(line)!.map((text) => Number(text.replace('−', '-')));
    // SE = (11.9 − 3.1) / 3.92 ≈ 2.24: the study's 90 % interval is at least about ± 1.645 SE wide.
    expect(high! - low!).toBeGreaterThan(2 * 1.645 * 2.24 * 0.85);
  });

  it('should write the checks into RESULTS.md, with the command that made it', () => {
    const markdown = read(join(folder, 'RESULTS.md'));
    expect(markdown).toContain('## Predictive checks: the calibrated ensemble');
    expect(markdown).toMatch(/\*\*Coverage — validation: 0 of 0 published estimates inside .*; calibration \(in-sample\): [01] of 1 published estimates inside .*; [0-2] of 2 other published figures\.\*\*/);
    expect(markdown).toContain('(a figure, not an estimate)');
    expect(markdown).toContain('--uncertainty ensemble:3');
    // Mujika's two outcomes, in the calibration table and in the predictive checks' table.
    expect(markdown.split('\n').filter((l) => l.startsWith('| [Mujika et al. 1996]'))).toHaveLength(4);
  });
});

describe('periodize trials --uncertainty --ensemble <file> (a leave-one-study-out fit)', () => {
  it("should draw from that file, and say that what it gives of the study left out is a prediction of a study it never saw", async () => {
    const folder = temporaryFolder();
    // A fixture: the committed ensemble's sets, its provenance saying it left Craven 2022 out.
    const { ensemble } = readEnsemble(UNCERTAIN_PARAMETERS, PARAMETERS);
    const fixture = structuredClone(ensemble);
    fixture.provenance.trials = fixture.provenance.trials.filter((trial) => trial.file !== 'trials/craven-2022.yaml');
    fixture.provenance.leftOut = ['trials/craven-2022.yaml'];
    writeScenario(folder, 'leave-out.json', JSON.stringify(fixture));
    const result = await cli('trials', join(ROOT, 'trials'), '--only', 'craven-2022', '--size', '500', '--uncertainty', 'ensemble:2', '--workers', '1', '--ensemble', join(folder, 'leave-out.json'));
    expect(result.err).toBe('');
    expect(result.out).toContain(`drawn by weight from the calibrated ensemble (${join(folder, 'leave-out.json')}, fitted to the calibration outcomes only, without those of trials/craven-2022.yaml: what it says of that study is a prediction of a study it never saw)`);
    // Without its leftOut, the same file lists Craven as added since the fit: refused.
    delete fixture.provenance.leftOut;
    writeScenario(folder, 'stale.json', JSON.stringify(fixture));
    const stale = await cli('trials', join(ROOT, 'trials'), '--only', 'craven-2022', '--size', '500', '--uncertainty', 'ensemble:2', '--ensemble', join(folder, 'stale.json'));
    expect(stale.code).toBe(2);
    expect(stale.err).toMatch(/stale\.json was fitted before trials\/craven-2022\.yaml was added: npm run ensemble refits it\n$/);
    const without = await cli('trials', join(ROOT, 'trials'), '--only', 'craven-2022', '--size', '500', '--ensemble', join(folder, 'stale.json'));
    expect(without.err).toMatch(/--ensemble is for the parameter sets of --uncertainty: give --uncertainty too/);
  }, 120_000);
});

describe('periodize trials --uncertainty over trials/ (leave one study out)', () => {
  it('should predict each study with a committed fit without it from that fit, beside the fit with it, and name the calibration files without one', async () => {
    // Beside Helgerud, a calibration file not yet refitted without it (the fits are committed one by one).
    const unfitted = ['treff-2017', 'overreaching', 'craven-2022', 'run-clever-2018', 'recreational-runners', 'well-trained-runners'].find(
      (trial) => !existsSync(join(ROOT, 'ensemble', 'leave-out', `${trial}.json`)),
    );
    const only = ['helgerud-2007', ...(unfitted === undefined ? [] : [unfitted])].join(',');
    const result = await cli('trials', join(ROOT, 'trials'), '--only', only, '--size', '500', '--uncertainty', 'ensemble:2', '--workers', '1');
    expect(result.err).toBe('');
    const section = result.out.slice(result.out.indexOf('\nLeave one study out: '));
    expect(section).toContain('each study below predicted by the ensemble fitted without its calibration outcomes (npm run ensemble -- --leave-out <trial>');
    // Helgerud's five outcomes, each with both fits' intervals, and no other study's: the other has no committed fit without it.
    const rows = section.split('\n').filter((line) => line.includes('Helgerud et al. 2007: '));
    expect(rows).toHaveLength(5);
    expect(section.split('\n').filter((line) => line.includes('; fitted without it: '))).toEqual(rows);
    for (const row of rows) expect(row).toMatch(/; fitted without it: study [−+]?\d+\.\d to [−+]?\d+\.\d, model [−+]?\d+\.\d \[[−+]?\d+\.\d, [−+]?\d+\.\d\]; fitted with it: study /);
    expect(section).toMatch(/\nleft out: calibration: \d of \d published estimates inside the study's 90 % predictive interval and \d of 2 other published figures \(fitted with them: \d of \d and \d of 2\)\n/);
    if (unfitted !== undefined) expect(section).toContain(`\nnot yet fitted without them: ${unfitted} (npm run ensemble -- --leave-out <trial>`);
    else expect(section).not.toContain('not yet fitted');
    // Another ensemble, or another folder: no leave-one-study-out section.
    const other = await cli('trials', join(ROOT, 'trials'), '--only', 'helgerud-2007', '--size', '500', '--uncertainty', 'ensemble:2', '--workers', '1', '--ensemble', join(ROOT, 'ensemble', 'leave-out', 'helgerud-2007.json'));
    expect(other.out).toContain('Predictive checks: ');
    expect(other.out).not.toContain('Leave one study out');
    // The rows "fitted without it" are that fit's own predictions: the same draws, athletes and studies.
    const intervals = /study (\S+ to \S+), model (\S+ \[\S+, \S+\])/;
    const without = rows.map((row) => intervals.exec(row.slice(row.indexOf('fitted without it:')))!.slice(1).join(' | '));
    const alone = other.out.split('\n').filter((line) => line.includes('Helgerud et al. 2007: ') && line.includes(', study ')).map((line) => intervals.exec(line)!.slice(1).join(' | '));
    expect(without).toEqual(alone);
    // … and not the ensemble fitted with it.
    const withIt = rows.map((row) => intervals.exec(row.slice(row.indexOf('fitted with it:')))!.slice(1).join(' | '));
    expect(withIt).not.toEqual(without);
  }, 120_000);
});
