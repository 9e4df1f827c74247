import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `node bin/<script>.js …` in a child process, as a researcher runs it. */
function script(name: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const path = fileURLToPath(new URL(`../../bin/${name}.js`, import.meta.url));
  const result = spawnSync(process.execPath, [path, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the bench scripts\' options (bench/options.ts)', () => {
  it('should print the script\'s usage, its opening doc comment, for --help', () => {
    const help = script('calibration-search', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^The calibration search: fits the knobs/);
    expect(help.out).toContain('node bin/calibration-search.js [--size N]');
    expect(help.out).not.toMatch(/^\s*\*/m);
  }, 30_000);

  it('should refuse an unknown option, a missing value and a value that is not a number, before any run', () => {
    expect(script('calibration-search', '--sise', '600')).toEqual({ code: 2, out: '', err: 'calibration-search: unknown option --sise (--help lists the options)\n' });
    expect(script('sensitivity', '--size', '--write')).toEqual({ code: 2, out: '', err: 'sensitivity: --size: a value is missing\n' });
    expect(script('sensitivity', '--seed', 'seven')).toEqual({ code: 2, out: '', err: 'sensitivity: --seed: a number (got "seven")\n' });
    expect(script('calibrate', '--size', '1e3')).toEqual({ code: 2, out: '', err: 'calibrate: --size: a whole number (got "1e3")\n' });
  }, 30_000);

  it('should run the validation outcomes with --validation, never write them as calibration results', () => {
    const run = script('calibrate', '--validation', '--only', 'kiviniemi-2007', '--size', '60');
    expect(run.err).toBe('');
    expect(run.out).toContain('HRV-guided − predefined');
    expect(run.out).toMatch(/validation outcomes? (is |are )?(with|out)/);
    expect(run.out).not.toContain('calibration outcome');
    expect(script('calibrate', '--validation', '--write')).toEqual({
      code: 2,
      out: '',
      err: 'calibrate: --write writes the committed parameter set on every calibration outcome: leave out --only, --seed, --set and --validation\n',
    });
  }, 60_000);
});
