import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { globalSensitivityTable } from '../../src/cli/global-sensitivity.ts';
import { createContainer } from '../../src/composition-root.ts';
import { PARAMETERS, UNCERTAIN_PARAMETERS } from '../../src/models/parameters.ts';
import { globalSensitivity } from '../../src/sim/global-sensitivity.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import { cli, read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

/** sensitivity.csv's rows as records. */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i]!, cell])));
}

const ONLY = 'pools.central.zoneWeights.1,pools.central.elasticity,injury.per1000hExperienced';

describe('periodize sensitivity (global sensitivity of the contrasts)', () => {
  let folder: string;
  let file: string;
  let morris: { code: number; out: string; err: string };
  beforeAll(async () => {
    folder = temporaryFolder();
    file = writeScenario(folder, 'small.yaml', smallScenario({ size: 40, weeks: 6, daily: false }));
    morris = await cli('sensitivity', file, '--samples', '4', '--size', '30', '--only', ONLY, '--out', join(folder, 'morris'));
  });

  describe('having the Morris screening', () => {
    it('should print, per contrast, its value and spread over the sets, and the constants by μ*, largest first', () => {
      expect(morris.err).toBe('');
      expect(morris.code).toBe(0);
      expect(morris.out).toMatch(/^Morris elementary effects: 16 parameter sets \(4 trajectories × 4\), 30 athletes each/);
      expect(morris.out).toMatch(/polarized − threshold, 10-km TT %: [+-]?\d+\.\d\d pp for these 30 athletes with the committed constants; [+-]?\d+\.\d\d to [+-]?\d+\.\d\d over the 16 sets/);
      expect(morris.out).toMatch(/wrote .*morris\/ \(sensitivity\.csv, sensitivity-sets\.csv\)/);
      const block = morris.out.split('\n\n').find((part) => part.startsWith('polarized − threshold, VO2max %'))!;
      const muStars = block.split('\n').slice(2).map((line) => Number(line.trim().split(/\s{2,}/)[2]));
      expect(muStars).toHaveLength(3);
      expect(muStars).toEqual([...muStars].sort((a, b) => b - a));
    });

    it('should write every set run, the constants inside their ranges, and every index in a tidy table', () => {
      const sets = read(join(folder, 'morris', 'sensitivity-sets.csv')).trim().split('\n');
      expect(sets[0]).toBe(`set,${ONLY},polarized - threshold: vo2maxPct,polarized - threshold: lt2SpeedPct,polarized - threshold: timeTrialPct`);
      expect(sets).toHaveLength(1 + 16);
      for (const line of sets.slice(1)) {
        const [, weight, elasticity, injuries] = line.split(',').map(Number);
        expect(weight).toBeGreaterThanOrEqual(0.15);
        expect(weight).toBeLessThanOrEqual(0.5);
        expect(elasticity).toBeGreaterThanOrEqual(0.1);
        expect(elasticity).toBeLessThanOrEqual(2);
        expect(injuries).toBeGreaterThanOrEqual(2);
        expect(injuries).toBeLessThanOrEqual(4);
      }
      const indices = rows(read(join(folder, 'morris', 'sensitivity.csv')));
      // Per metric: committed, min, max, missing, then 3 indices × 3 constants.
      expect(indices).toHaveLength(3 * (4 + 9));
      expect(new Set(indices.map((row) => row.index))).toEqual(new Set(['committed', 'min', 'max', 'missing', 'muStar', 'mu', 'sigma']));
      expect(indices.filter((row) => row.index === 'missing').map((row) => row.value)).toEqual(['0', '0', '0']);
      expect(new Set(indices.map((row) => row.unit))).toEqual(new Set(['pp']));
    });

    it("should find what the physiology says: zone 2's weight for VO2max favours the threshold design, and moves the contrast far more than an experienced runner's injury rate", () => {
      const indices = rows(read(join(folder, 'morris', 'sensitivity.csv')));
      const of = (constant: string, index: string) => Number(indices.find((row) => row.metric === 'vo2maxPct' && row.constant === constant && row.index === index)!.value);
      // Threshold training holds more zone-2 minutes: the more each one counts, the less polarized gains over it.
      expect(of('pools.central.zoneWeights.1', 'mu')).toBeLessThan(-0.5);
      expect(of('pools.central.zoneWeights.1', 'muStar')).toBeGreaterThan(5 * of('injury.per1000hExperienced', 'muStar'));
    });

    it('should give the same files on two worker processes, each running whole sets', async () => {
      const pooled = await cli('sensitivity', file, '--samples', '4', '--size', '30', '--only', ONLY, '--workers', '2', '--out', join(folder, 'pooled'));
      expect(pooled.code).toBe(0);
      for (const name of ['sensitivity.csv', 'sensitivity-sets.csv']) expect(read(join(folder, 'pooled', name))).toBe(read(join(folder, 'morris', name)));
    });

    it('should give the same files for the same seed, and other points for another', async () => {
      const again = await cli('sensitivity', file, '--samples', '4', '--size', '30', '--only', ONLY, '--out', join(folder, 'again'));
      expect(again.code).toBe(0);
      for (const name of ['sensitivity.csv', 'sensitivity-sets.csv']) expect(read(join(folder, 'again', name))).toBe(read(join(folder, 'morris', name)));
      await cli('sensitivity', file, '--samples', '4', '--size', '30', '--only', ONLY, '--seed', '2', '--out', join(folder, 'other'));
      expect(read(join(folder, 'other', 'sensitivity-sets.csv'))).not.toBe(read(join(folder, 'morris', 'sensitivity-sets.csv')));
    });
  });

  describe("having Sobol' indices", () => {
    it('should give each constant its total and first-order share with intervals, and the share of the sample keeping the sign', async () => {
      const { code, out } = await cli('sensitivity', file, '--method', 'sobol', '--samples', '8', '--size', '20', '--only', 'pools.central.zoneWeights.1,acute.costPerStrain', '--metrics', 'timeTrialPct', '--replicates', '50', '--out', join(folder, 'sobol'));
      expect(code).toBe(0);
      expect(out).toMatch(/^Sobol' indices \(Saltelli design\): 32 parameter sets/);
      expect(out).toMatch(/; the same sign in \d+ % of the 16 sets sampled at random\n/);
      const indices = rows(read(join(folder, 'sobol', 'sensitivity.csv')));
      const index = (constant: string, name: string) => indices.find((row) => row.constant === constant && row.index === name)!;
      for (const name of ['total', 'first']) {
        const row = index('pools.central.zoneWeights.1', name);
        expect(Number(row.ciLow)).toBeLessThanOrEqual(Number(row.value));
        expect(Number(row.ciHigh)).toBeGreaterThanOrEqual(Number(row.value));
      }
      // Zone 2's weight decides the contrast more than the acute cost of a session does.
      expect(Number(index('pools.central.zoneWeights.1', 'total').value)).toBeGreaterThan(Number(index('acute.costPerStrain', 'total').value));
      // The share of the 16 random sets (A and B) with the committed value's sign, counted from sensitivity-sets.csv.
      const committed = Number(indices.find((row) => row.index === 'committed')!.value);
      const sets = read(join(folder, 'sobol', 'sensitivity-sets.csv')).trim().split('\n').slice(1, 17).map((line) => Number(line.split(',')[3]));
      const agreeing = sets.filter((value) => Math.sign(value) === Math.sign(committed)).length / 16;
      expect(Number(indices.find((row) => row.index === 'sameSign')!.value)).toBeCloseTo(agreeing, 6);
    });
  });

  describe('having bad input', () => {
    it('should name the unknown constant or outcome, a too small sample, a missing reference — exit 2, nothing written', async () => {
      const out = join(folder, 'bad');
      const unknown = await cli('sensitivity', file, '--only', 'pools.central.zoneWeight.1', '--out', out);
      expect([unknown.code, unknown.err]).toEqual([2, expect.stringMatching(/^periodize sensitivity: --only: no uncertain constant "pools\.central\.zoneWeight\.1" \(did you mean "pools\.central\.zoneWeights\.1"\?\)/)]);
      const metric = await cli('sensitivity', file, '--metrics', 'timeTrial', '--out', out);
      expect([metric.code, metric.err]).toEqual([2, expect.stringMatching(/^periodize sensitivity: --metrics: no outcome "timeTrial"/)]);
      const small = await cli('sensitivity', file, '--samples', '1', '--out', out);
      expect([small.code, small.err]).toEqual([2, 'periodize sensitivity: --samples: at least 2\n']);
      const noWorkers = await cli('sensitivity', file, '--workers', '0', '--out', out);
      expect([noWorkers.code, noWorkers.err]).toEqual([2, 'periodize sensitivity: --workers: at least 1\n']);
      // A file where the folder should go: refused before any set is run.
      const inTheWay = writeScenario(folder, 'in-the-way', 'x');
      const blocked = await cli('sensitivity', file, '--samples', '2', '--size', '4', '--only', 'acute.costPerStrain', '--out', inTheWay);
      expect([blocked.code, blocked.err, blocked.out]).toEqual([2, `${inTheWay}: cannot create the output folder: EEXIST\n`, '']);
      expect(read(inTheWay)).toBe('x');
      const noReference = writeScenario(folder, 'no-reference.yaml', smallScenario({ size: 20 }).replace('reference: threshold\n', ''));
      const missing = await cli('sensitivity', noReference, '--out', out);
      expect([missing.code, missing.err]).toEqual([2, `${noReference}: sensitivity compares arms with a reference: add reference: <arm id> to the scenario\n`]);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(folder).filter((name) => name.includes('.partial-'))).toEqual([]);
    });
  });
});

describe('globalSensitivity with sets that give no value', () => {
  it('should count them, keep the spread of the others, and say so in the table', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 10, weeks: 4, daily: false }));
    const spec = createContainer().get(RunScenario).load(file);
    let call = 0;
    // The committed set first, then every third set without a value (no athlete measured in both arms).
    const run = () => {
      const n = call++;
      return { values: Float64Array.of(n > 0 && n % 3 === 0 ? Number.NaN : n), athleteDays: 1 };
    };
    const priors = UNCERTAIN_PARAMETERS.slice(0, 2);
    const result = await globalSensitivity(spec, { file, method: 'morris', samples: 3, size: 10, seed: 1, replicates: 10, metrics: ['timeTrialPct'], priors, base: PARAMETERS }, run);
    const [contrast] = result.contrasts;
    expect(result.sets).toBe(9);
    expect(contrast!.missing).toBe(3);
    expect([contrast!.min, contrast!.max]).toEqual([1, 8]);
    expect(globalSensitivityTable(result)).toMatch(/note: 3 of the sets gave no value \(no athlete measured in both arms\): the indices they touch are —; raise --size/);
  });
});
