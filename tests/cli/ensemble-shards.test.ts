import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers.ts';

/** `node bin/ensemble.js …` in a child process, as on a machine of a cluster. */
function ensemble(...args: string[]): { code: number | null; out: string; err: string } {
  const path = fileURLToPath(new URL('../../bin/ensemble.js', import.meta.url));
  const result = spawnSync(process.execPath, [path, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run ensemble -- --shard i/N, then --step (the fit on a cluster)', () => {
  it('should write the ensemble of the fit never split, the shards doing the model runs', () => {
    const folder = temporaryFolder();
    const small = ['--particles', '4', '--generations', '1', '--size', '10', '--evaluations', '200', '--workers', '1'];
    expect(ensemble(...small, '--out', join(folder, 'whole.json')).code).toBe(0);
    const out = ['--out', join(folder, 'split.json')];
    for (const generation of [0, 1]) {
      for (const shard of ['0/2', '1/2']) {
        const run = ensemble(...small, ...out, '--shard', shard);
        expect(run.err.replace(/^going on from generation .*\n/, '')).toBe('');
        expect(run.out).toContain(`wrote ${join(folder, `split.json.shard-g${generation}-${shard[0]}-of-2.json`)}: generation ${generation}`);
      }
      const step = ensemble(...small, ...out, '--step');
      expect(step.code).toBe(0);
      expect(step.out).toMatch(new RegExp(`\\ngeneration ${generation}: \\d+ proposals evaluated by 2 shard files\\n`));
      expect(step.out).toMatch(new RegExp(`\\ngeneration ${generation}: tolerance .* \\(0 run here, the others by the shards\\)`));
      // The shard files have served: removed.
      expect(readdirSync(folder).filter((name) => name.includes('.shard-'))).toEqual([]);
      if (generation === 0) expect(step.out).toContain(`generation 0 saved in ${join(folder, 'split.json.partial.json')}; next: the shards of generation 1`);
    }
    expect(existsSync(join(folder, 'split.json.partial.json'))).toBe(false);
    const [whole, split] = ['whole', 'split'].map((name) => JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as { provenance: { command: string } });
    // The command names its --out; nothing else may differ.
    expect(split!.provenance.command).toBe(whole!.provenance.command.replace('whole.json', 'split.json'));
    expect({ ...split, provenance: { ...split!.provenance, command: '' } }).toEqual({ ...whole, provenance: { ...whole!.provenance, command: '' } });
  }, 120_000);

  it('should refuse a shard outside 0 … N − 1, and options that do not go together, before any run', () => {
    expect(ensemble('--shard', '2/2')).toEqual({ code: 2, out: '', err: 'ensemble: --shard: i must be 0 … N − 1 (got 2/2)\n' });
    expect(ensemble('--shard', '0/2', '--step')).toEqual({ code: 2, out: '', err: 'ensemble: --shard evaluates proposals for the fit to go on from: leave out --resume and --step\n' });
    expect(ensemble('--proposals', '40')).toEqual({ code: 2, out: '', err: 'ensemble: --proposals is for --shard\n' });
    expect(ensemble('--resume', '--step')).toEqual({ code: 2, out: '', err: 'ensemble: --step goes on from the saved generation by itself: leave out --resume\n' });
  }, 30_000);
});
