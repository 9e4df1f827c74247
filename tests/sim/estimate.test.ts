import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { duration, estimateLine, pastAsking, size, type RunEstimate } from '../../src/sim/estimate.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import { smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

const estimate = (over: Partial<RunEstimate>): RunEstimate => ({ athleteDays: 1e6, cpuSeconds: 1, seconds: 1, csvBytes: 1e6, bytes: 1e6, workers: 1, ...over });

describe('estimateRun', () => {
  it("should foresee a run's CSV outputs to within 10 % from a probe of its first athletes", () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'scenario.yaml', smallScenario({ size: 400, weeks: 6 }));
    const job = createContainer().get(RunScenario);
    const spec = job.load(file);
    const foreseen = job.estimate(spec, [0, 400], 1);
    const out = join(folder, 'out');
    job.run({ scenario: file, outDir: out, command: 'periodize run' });
    const written = readdirSync(out).filter((name) => name.endsWith('.csv') && name !== 'contrasts.csv').reduce((total, name) => total + statSync(join(out, name)).size, 0);
    expect(written).toBeGreaterThan(1e6);
    expect(foreseen.csvBytes / written).toBeGreaterThan(0.9);
    expect(foreseen.csvBytes / written).toBeLessThan(1.1);
    expect(foreseen.bytes).toBeGreaterThan(foreseen.csvBytes);
    expect(foreseen.athleteDays).toBe(400 * 6 * 7 * 2);
    expect(foreseen.cpuSeconds).toBeGreaterThan(0);
    // A shard's share, and the ensemble's sets on top (each the whole run again, without files).
    const shard = job.estimate(spec, [100, 200], 1, 4);
    expect(shard.athleteDays).toBe(100 * 6 * 7 * 2 * 5);
    expect(shard.csvBytes / foreseen.csvBytes).toBeCloseTo(0.25, 1);
  });
});

describe(pastAsking, () => {
  it('should ask for --yes past a day of CPU or 100 GB of outputs, and say which', () => {
    expect(pastAsking(estimate({ cpuSeconds: 86_000, bytes: 99e9 }))).toBeNull();
    expect(pastAsking(estimate({ cpuSeconds: 90_000 }))).toBe('25 h of CPU, past what a run takes without asking (24 h of CPU, 100 GB of outputs)');
    expect(pastAsking(estimate({ cpuSeconds: 3 * 86_400, bytes: 420e9 }))).toBe('3 days of CPU and 420 GB of outputs, past what a run takes without asking (24 h of CPU, 100 GB of outputs)');
  });
});

describe('estimate in words', () => {
  it('should give times and sizes in the units a person reads, to two figures', () => {
    expect([4.04, 125, 2 * 3600, 3 * 86_400].map(duration)).toEqual(['4 s', '2.1 min', '2 h', '3 days']);
    expect([512, 11.4e6, 274e6, 1.2e12].map(size)).toEqual(['510 B', '11 MB', '270 MB', '1.2 TB']);
    expect(estimateLine(estimate({ athleteDays: 336_000, seconds: 3.7, bytes: 11e6, workers: 2 }))).toBe('336,000 athlete-days: about 3.7 s on 2 worker processes of this machine, about 11 MB of outputs');
  });
});
