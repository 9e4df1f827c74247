import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AthleteResults } from '../../src/sim/results.ts';
import { decodeResults, encodeResults, parseShard, shardRange } from '../../src/sim/shards.ts';
import { adaptiveScenario, cli, read, temporaryFolder, writeScenario } from '../helpers.ts';

describe(parseShard, () => {
  it('should read i/N with i from 0, and say what is wrong otherwise', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('8/8')).toBe('i must be 0 … N − 1 (got 8/8)');
    expect(parseShard('two')).toBe('expected i/N, e.g. 0/4 (got two)');
  });
});

describe(shardRange, () => {
  it('should cut 10 athletes in 3 contiguous slices that cover them all once: 0–3, 3–6, 6–10', () => {
    expect([0, 1, 2].map((index) => shardRange(10, { index, count: 3 }))).toEqual([[0, 3], [3, 6], [6, 10]]);
  });
});

describe(encodeResults, () => {
  it('should carry every number exactly, NaN and the engine\'s counts included', () => {
    const results = new AthleteResults(2);
    results.baselineRestingHr = 51.123456789;
    results.baselineLnRmssd = Number.NaN;
    results.finalMeasured.set([1 / 3, -0, 1e-300, 7, 8], 5);
    results.arm[23] = 0.1 + 0.2;
    results.changes[1] = Int32Array.from([3, 0, 2]);
    const back = new AthleteResults(2);
    decodeResults(encodeResults(results), back);
    expect(back.baselineRestingHr).toBe(51.123456789);
    expect(back.baselineLnRmssd).toBeNaN();
    expect(Array.from(back.finalMeasured)).toEqual(Array.from(results.finalMeasured));
    expect(back.arm[23]).toBe(0.1 + 0.2);
    expect(back.changes[0]).toBeNull();
    expect(Array.from(back.changes[1]!)).toEqual([3, 0, 2]);
  });
});

describe('periodize run --shard and periodize merge', () => {
  const scenario = adaptiveScenario({ name: 'shards', seed: 12, size: 25, weeks: 3, restriction: true });

  it('should merge three shards into outputs byte-identical to the run never split', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'shards.yaml', scenario);
    const whole = await cli('run', file, '--out', join(folder, 'whole'));
    for (const i of [2, 0, 1]) expect((await cli('run', file, '--out', join(folder, `s${i}`), '--shard', `${i}/3`, '--quiet')).code).toBe(0);
    // Given in any order: merge puts them in shard order.
    const merged = await cli('merge', join(folder, 's1'), join(folder, 's0'), join(folder, 's2'), '--out', join(folder, 'merged'));
    expect(merged.code).toBe(0);
    // The results table as run prints it, then merge's own line.
    const table = (out: string) => out.slice(out.indexOf('shards — '), out.lastIndexOf('\n\n'));
    expect(table(merged.out)).toBe(table(whole.out));
    expect(merged.out).toMatch(/^shards — 25 recreational athletes, 3 weeks, seed 12\n/);
    expect(merged.out).toMatch(/\nmerged 3 shards into .*merged\/ \(/);
    for (const name of ['athletes.csv', 'days.csv', 'adjustments.csv', 'summary.json', 'contrasts.csv', 'arms.csv']) {
      expect(read(join(folder, 'merged', name)), name).toBe(read(join(folder, 'whole', name)));
    }
  });

  it('should write a shard on worker processes byte for byte as on one process', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'shards.yaml', scenario);
    expect((await cli('run', file, '--out', join(folder, 'one'), '--shard', '1/2', '--quiet')).code).toBe(0);
    expect((await cli('run', file, '--out', join(folder, 'two'), '--shard', '1/2', '--workers', '2', '--quiet')).code).toBe(0);
    for (const name of ['athletes.csv', 'days.csv', 'adjustments.csv', 'shard.results', 'shard.json']) {
      expect(read(join(folder, 'two', name)), name).toBe(read(join(folder, 'one', name)));
    }
    const manifest = (name: string) => JSON.parse(read(join(folder, name, 'manifest.json')));
    expect(manifest('two').files).toEqual(manifest('one').files);
    // And it merges with a shard made on one process into the run never split.
    expect((await cli('run', file, '--out', join(folder, 's0'), '--shard', '0/2', '--quiet')).code).toBe(0);
    expect((await cli('run', file, '--out', join(folder, 'whole'), '--quiet')).code).toBe(0);
    expect((await cli('merge', join(folder, 's0'), join(folder, 'two'), '--out', join(folder, 'merged'))).code).toBe(0);
    for (const name of ['athletes.csv', 'days.csv', 'adjustments.csv', 'summary.json', 'contrasts.csv', 'arms.csv']) {
      expect(read(join(folder, 'merged', name)), name).toBe(read(join(folder, 'whole', name)));
    }
  }, 30_000);

  it('should refuse a merge with a shard missing, or a folder that is not a shard, exit 2', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'shards.yaml', scenario);
    await cli('run', file, '--out', join(folder, 's0'), '--shard', '0/3', '--quiet');
    await cli('run', file, '--out', join(folder, 's2'), '--shard', '2/3', '--quiet');
    const missing = await cli('merge', join(folder, 's0'), join(folder, 's2'), '--out', join(folder, 'merged'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/shard 1\/3 missing/);
    const notShard = await cli('merge', folder, '--out', join(temporaryFolder(), 'merged'));
    expect(notShard.err).toMatch(/shard\.json:1:1: \(document\): not a shard folder/);
  });

  it('should refuse a corrupted shard.json with every problem as file:line:col: path: what is wrong, exit 2, and write nothing', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'shards.yaml', scenario);
    for (const i of [0, 1]) expect((await cli('run', file, '--out', join(folder, `s${i}`), '--shard', `${i}/2`, '--quiet')).code).toBe(0);
    const meta = join(folder, 's1', 'shard.json');
    const written = JSON.parse(read(meta));
    expect(written).toMatchObject({ shard: '1/2', athletes: [12, 25], of: 25, seed: 12 });
    const merge = (shardJson: string) => {
      writeFileSync(meta, shardJson);
      return cli('merge', join(folder, 's0'), join(folder, 's1'), '--out', join(folder, 'merged'));
    };

    const wrong = await merge(`${JSON.stringify({ ...written, shard: '2/2', seed: 'twelve', extra: 1 }, null, 2)}\n`);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(`${meta}:2:12: shard: i must be 0 … N − 1 (got 2/2)`);
    expect(wrong.err).toMatch(/shard\.json:8:11: seed: expected number, received string/);
    expect(wrong.err).toMatch(/shard\.json:\d+:3: \(document\): unknown key "extra"/);

    const otherAthletes = await merge(JSON.stringify({ ...written, athletes: [10, 25] }, null, 2));
    expect(otherAthletes.code).toBe(2);
    expect(otherAthletes.err).toContain(`${meta}:3:15: athletes: expected [12, 25], the athletes of shard 1/2 of 25`);

    const truncated = await merge(JSON.stringify(written, null, 2).slice(0, 40));
    expect(truncated.code).toBe(2);
    expect(truncated.err).toMatch(/shard\.json:\d+:\d+: \(document\): YAML: /);
    expect(existsSync(join(folder, 'merged'))).toBe(false);
  });
});


describe('periodize run --workers', () => {
  it('should write the same outputs on 1 and on 3 worker processes (only the manifest\'s command differs)', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'workers.yaml', adaptiveScenario({ name: 'workers', seed: 5, size: 30, weeks: 3, restriction: false }));
    expect((await cli('run', file, '--out', join(folder, 'one'), '--workers', '1', '--quiet')).code).toBe(0);
    expect((await cli('run', file, '--out', join(folder, 'three'), '--workers', '3', '--quiet')).code).toBe(0);
    for (const name of ['athletes.csv', 'days.csv', 'adjustments.csv', 'summary.json', 'contrasts.csv', 'arms.csv']) {
      expect(read(join(folder, 'three', name)), name).toBe(read(join(folder, 'one', name)));
    }
    const manifest = (name: string) => JSON.parse(read(join(folder, name, 'manifest.json')));
    expect(manifest('three').files).toEqual(manifest('one').files);
  }, 30_000);

  it('should reproduce a run of one process with rerun on two workers', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'workers.yaml', adaptiveScenario({ name: 'workers', seed: 9, size: 24, weeks: 2, restriction: false }));
    expect((await cli('run', file, '--out', join(folder, 'one'), '--workers', '1', '--quiet')).code).toBe(0);
    const rerun = await cli('rerun', join(folder, 'one', 'manifest.json'), '--out', join(folder, 'two'), '--workers', '2');
    expect(rerun.out).toMatch(/^reproduced: 6 files/);
    expect(rerun.code).toBe(0);
    expect((await cli('rerun', join(folder, 'one', 'manifest.json'), '--workers', '0')).code).toBe(2);
  });

  it('should refuse --workers 0 with exit 2', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'workers.yaml', 'name: workers\nseed: 5\npopulation: { size: 3, level: recreational }\nweeks: 1\narms:\n  - { id: fixed, design: pyramidal }\n');
    const result = await cli('run', file, '--out', join(folder, 'out'), '--workers', '0');
    expect(result.code).toBe(2);
    expect(result.err).toBe('periodize run: --workers: at least 1\n');
  });
});
