/**
 * The outputs of every example scenario (scenarios/*.yaml), as SHA-256 per file: what an
 * optimisation must leave byte-identical (issue 16). `npm run golden` writes them to
 * tests/fixtures/golden-outputs.json, and tests/sim/golden-outputs.test.ts checks them; rewrite
 * them only for a change meant to change the outputs (the model, a scenario, an output's format),
 * and say so in its commit. manifest.json is left out: it names the Node version and the command.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';

export const GOLDEN_FILE = 'tests/fixtures/golden-outputs.json';
const ROOT = new URL('../', import.meta.url).pathname;

/** Per example scenario, each output file's SHA-256 (a one-thread run, as the runs of the README). */
export async function goldenHashes(): Promise<Record<string, Record<string, string>>> {
  const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((name) => name.endsWith('.yaml')).sort();
  const folder = mkdtempSync(join(tmpdir(), 'periodize-golden-'));
  const hashes: Record<string, Record<string, string>> = {};
  try {
    for (const name of scenarios) {
      const out = join(folder, name);
      let err = '';
      const code = await runCli(['run', join(ROOT, 'scenarios', name), '--out', out, '--workers', '1', '--quiet'], { out: () => {}, err: (text) => void (err += text) });
      if (code !== 0) throw new Error(`scenarios/${name}: exit ${code}: ${err}`);
      hashes[name] = Object.fromEntries(
        readdirSync(out)
          .filter((file) => file !== 'manifest.json')
          .sort()
          .map((file) => [file, createHash('sha256').update(readFileSync(join(out, file))).digest('hex')]),
      );
    }
    return hashes;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
