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

  it('should run no slice after one fails, nor after the run is stopped', async () => {
    const job = createContainer().get(RunScenario);
    const ran: number[] = [];
    const failing = Object.assign(Object.create(job) as RunScenario, {
      load: () => ({}) as never,
      runSlice: (task: { slice: [number, number] }) => {
        ran.push(task.slice[0]);
        if (task.slice[0] === 1) throw new Error('disk full');
        return new Float64Array(0);
      },
    });
    const pool = new LocalPool(failing);
    const runs = [0, 1, 2, 3].map((from) => pool.runSlice({ scenario: 'x.yaml', slice: [from, from + 1], dir: null }));
    const settled = await Promise.allSettled(runs);
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    expect(ran).toEqual([0, 1]);
    const stopped = new LocalPool(failing);
    const first = stopped.runSlice({ scenario: 'x.yaml', slice: [0, 1], dir: null });
    stopped.stop();
    await expect(first).rejects.toThrow('not run: an earlier slice failed');
  });
});
