import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { LocalPool } from '../../src/sim/local-pool.ts';
import { RunScenario } from '../../src/sim/run-scenario.ts';
import { smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

describe(LocalPool, () => {
  it('should cut a run on this process into slices of at most 500 athletes, in order, covering each athlete once', () => {
    const pool = new LocalPool(createContainer().get(RunScenario));
    expect(pool.slices(1200)).toEqual([[0, 400], [400, 800], [800, 1200]]);
    expect(pool.slices(500)).toEqual([[0, 500]]);
    expect(pool.slices(1)).toEqual([[0, 1]]);
  });

  it('should write, a slice at a time, the same bytes as the run in one piece, a shard too', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'scenario.yaml', smallScenario({ size: 1100, weeks: 2 }));
    const job = createContainer().get(RunScenario);
    for (const shard of [null, { index: 1, count: 2 }]) {
      const whole = join(folder, `whole-${shard?.index}`);
      const sliced = join(folder, `sliced-${shard?.index}`);
      job.run({ scenario: file, outDir: whole, command: 'periodize run', shard });
      const report = await job.runParallel({ scenario: file, outDir: sliced, command: 'periodize run', shard, pool: new LocalPool(job) });
      expect(report.resumed).toBeNull();
      const names = readdirSync(whole).sort();
      expect(readdirSync(sliced).sort()).toEqual(names);
      expect(names).toContain('days.csv');
      for (const name of names) expect(readFileSync(join(sliced, name)).equals(readFileSync(join(whole, name))), name).toBe(true);
    }
  });
});
