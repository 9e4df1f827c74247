import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundled } from '../../bin/bundle.js';
import { VERSION } from '../../src/version.ts';
import { read, smallScenario, temporaryFolder, writeScenario } from '../helpers.ts';

const LAUNCHER = fileURLToPath(new URL('../../bin/periodize.js', import.meta.url));

/** `node bin/periodize.js …` in a child process, as a user runs it. */
function periodize(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('bin/periodize.js (the launcher)', () => {
  it('should run the bundled CLI: the version, a run, and bad input as file:line:col with exit 2', () => {
    expect(periodize('--version')).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'small.yaml', smallScenario({ size: 6, weeks: 2 }));
    const run = periodize('run', file, '--out', join(folder, 'out'), '--quiet');
    expect(run.code).toBe(0);
    expect(JSON.parse(read(join(folder, 'out', 'manifest.json'))).version).toBe(VERSION);
    expect(periodize('validate', join(folder, 'none.yaml'))).toEqual({ code: 2, out: '', err: `${join(folder, 'none.yaml')}:1:1: (document): no such file\n` });
  }, 30_000);

  it('should bundle an entry once per state of the sources, into .cache/ at the root', () => {
    const script = bundled('src/cli/main.ts', 'cli');
    expect(script?.pathname).toMatch(/\/\.cache\/cli-[0-9a-f]{12}\.mjs$/);
    expect(existsSync(fileURLToPath(script!))).toBe(true);
    expect(bundled('src/cli/main.ts', 'cli')?.href).toBe(script!.href);
  });

  it('should give null when the bundle cannot be built, for the launcher to fall back on the TypeScript loader', () => {
    expect(bundled('src/no-such-entry.ts', 'missing')).toBeNull();
  });
});
